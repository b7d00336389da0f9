// Questionnaires. A question asked only after a given answer appears as soon as that answer is
// chosen (without this script every such question shows, with a note saying when to answer it).
// The progress ("7 of 12 answered") follows the answers. Answers are saved as a draft in the
// background, two seconds after the last change and when the page is left: only the answers
// changed in this tab are sent, so that another tab's answers are never undone; the buttons
// still post the form, naming every answer changed here.
const form = document.querySelector(".survey-form");
if (form) {
  const bar = form.querySelector(".survey-bar");
  const progress = form.querySelector("#survey-progress");
  const progressText = form.querySelector("#survey-progress-text");
  const status = form.querySelector("#survey-save-status");
  const questions = [...form.querySelectorAll("fieldset[data-question]")];
  const keyOf = (input) => (input.name && input.name.startsWith("q.") ? input.name.slice(2) : null);
  const isAnswered = (fieldset) => {
    const inputs = fieldset.dataset.kind === "matrix" ? fieldset.querySelectorAll("select") : fieldset.querySelectorAll("input, textarea, select");
    return [...inputs].some((input) => (input.type === "radio" || input.type === "checkbox" ? input.checked : input.value.trim() !== ""));
  };

  // Which questions apply: in order, an answer counts only when its own question applies.
  const update = () => {
    for (const fieldset of questions) {
      if (!fieldset.dataset.showIf) continue;
      const [question, answer] = fieldset.dataset.showIf.split("=");
      const parent = questions.find((f) => f.dataset.question === question);
      const chosen = !!parent && !parent.hidden && [...parent.querySelectorAll(`[name="q.${question}"]`)].some((input) => (input.type === "radio" || input.type === "checkbox" ? input.checked : input.value) && input.value === answer);
      fieldset.hidden = !chosen;
    }
    if (progress && progressText) {
      const shown = questions.filter((f) => !f.hidden);
      const answered = shown.filter(isAnswered).length;
      progress.max = shown.length;
      progress.value = answered;
      const text = progressText.dataset.template.replace("%a", String(answered)).replace("%t", String(shown.length));
      if (progressText.textContent !== text) progressText.textContent = text;
    }
  };

  // Saving in the background: what changed since the last save, through the form's own address and token.
  const pending = new Set();
  const changedHere = new Set((bar?.dataset.unsaved ?? "").split(" ").filter(Boolean));
  let timer = 0;
  let inFlight = null;
  let leaving = false;
  const bodyFor = (keys) => {
    const data = new FormData(form);
    const body = new URLSearchParams();
    body.append("_csrf", data.get("_csrf"));
    body.append("intent", "save");
    body.append("partial", "1");
    for (const key of keys) {
      body.append("changed", key);
      for (const value of data.getAll(`q.${key}`)) body.append(`q.${key}`, value);
    }
    return body;
  };
  const save = async (keepalive = false) => {
    clearTimeout(timer);
    if (!pending.size || leaving) return;
    if (inFlight) {
      await inFlight;
      return save(keepalive);
    }
    const keys = [...pending];
    pending.clear();
    if (!keepalive && bar) status.textContent = bar.dataset.saving;
    inFlight = fetch(form.action, { method: "POST", body: bodyFor(keys), headers: { accept: "application/json" }, credentials: "same-origin", keepalive })
      .then(async (response) => {
        const answer = await response.json().catch(() => ({}));
        if (response.ok) status.textContent = answer.status;
        else {
          status.textContent = bar.dataset.notSaved.replace("%r", answer.error?.message ?? String(response.status));
          // Refused for good (closed, submitted elsewhere): nothing to send again.
          if (response.status !== 409 && response.status !== 403) for (const key of keys) pending.add(key);
        }
      })
      .catch(() => {
        for (const key of keys) pending.add(key);
        if (bar) status.textContent = bar.dataset.notSaved.replace("%r", bar.dataset.offline);
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  const changed = (event) => {
    const key = keyOf(event.target);
    update();
    if (!key || !status) return;
    pending.add(key);
    changedHere.add(key);
    clearTimeout(timer);
    timer = setTimeout(save, 2000);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  // The buttons post the whole form, naming the answers changed here: the stored draft keeps the rest.
  form.addEventListener("submit", () => {
    clearTimeout(timer);
    leaving = true;
    pending.clear();
    for (const old of form.querySelectorAll("input[data-added]")) old.remove();
    const add = (name, value) => {
      const input = document.createElement("input");
      Object.assign(input, { type: "hidden", name, value });
      input.dataset.added = "";
      form.append(input);
    };
    add("partial", "1");
    for (const key of changedHere) add("changed", key);
  });
  window.addEventListener("pagehide", () => void save(true));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") void save(true);
  });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) leaving = false;
  });
  update();
}
