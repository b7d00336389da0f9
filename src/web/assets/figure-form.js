// The guided figure form. Without this script the selects are a GET form with an "Update the
// preview" button, and a failed save scrolls to its problems by the address's fragment. With it:
// changing a select redraws the steps and the preview in place (the server decides which options
// and which chart follow) and the address keeps up, so a reload shows the same; the reference is
// suggested from the title; a failed save brings its error summary into view and focuses it.
const steps = document.getElementById("figure-query");
if (steps) {
  const status = document.getElementById("figure-status");
  const selection = document.getElementById("figure-selection");
  const words = selection?.closest("form");
  // What a changed select makes stale: the steps after it take their first option again.
  const later = { question: ["breakdown", "chart", "technology"], breakdown: ["chart", "technology"], chart: [], technology: [] };
  let inFlight;
  // The form's fragment brings a failed save's problems into view without this script; with it,
  // the summary is focused instead (a fragment would take the focus back to the page).
  if (words) words.setAttribute("action", words.getAttribute("action").replace(/#.*$/, ""));

  const refresh = async (changed) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(steps)) if (name !== "survey" && !later[changed]?.includes(name)) params.append(name, String(value));
    inFlight?.abort();
    inFlight = new AbortController();
    let html;
    try {
      const response = await fetch(`${steps.getAttribute("action")}?${params}`, { headers: { accept: "text/html" }, credentials: "same-origin", signal: inFlight.signal });
      html = await response.text();
    } catch {
      // Offline or aborted by a newer change: the button still updates the preview the plain way.
      return;
    }
    const next = new DOMParser().parseFromString(html, "text/html");
    const nextSteps = next.getElementById("figure-query");
    const nextPreview = next.getElementById("figure-preview");
    const nextSelection = next.getElementById("figure-selection");
    if (!nextSteps || !nextPreview || !nextSelection) return;
    const focused = document.activeElement?.id;
    steps.innerHTML = nextSteps.innerHTML;
    steps.dataset.page = nextSteps.dataset.page;
    document.getElementById("figure-preview").innerHTML = nextPreview.innerHTML;
    selection.innerHTML = nextSelection.innerHTML;
    if (words && nextSteps.dataset.page) words.setAttribute("action", nextSteps.dataset.page);
    if (nextSteps.dataset.page) history.replaceState(null, "", nextSteps.dataset.page);
    if (focused) document.getElementById(focused)?.focus();
    if (status) status.textContent = status.dataset.updated;
  };

  // A drawing refused while the server was busy (its worker starting, a queue of charts) is asked again once.
  document.addEventListener(
    "error",
    (event) => {
      const img = event.target;
      if (!(img instanceof HTMLImageElement) || !img.closest("#figure-preview") || img.dataset.retried) return;
      img.dataset.retried = "true";
      setTimeout(() => {
        img.src = `${img.src}&again=1`;
      }, 1500);
    },
    true,
  );

  steps.addEventListener("change", (event) => {
    const field = event.target;
    if (!(field instanceof HTMLSelectElement)) return;
    // Another survey has other questions: its own page.
    if (field.name === "survey") steps.requestSubmit();
    else void refresh(field.name);
  });

  // The reference follows the title until it is typed by hand.
  const title = document.getElementById("f-title");
  const slug = document.getElementById("f-slug");
  const slugOf = (text) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "");
  if (title && slug) {
    let typed = slug.value !== "" && slug.value !== slugOf(title.value);
    slug.addEventListener("input", () => {
      typed = slug.value !== "";
    });
    title.addEventListener("input", () => {
      if (!typed) slug.value = slugOf(title.value);
    });
  }

  // A failed save: its problems in view, the summary focused so that it is read out.
  const summary = document.querySelector(".figure-words .error-summary") ?? steps.querySelector(".error-summary");
  if (summary) {
    summary.scrollIntoView({ block: "start" });
    summary.focus({ preventScroll: true });
  }
}
