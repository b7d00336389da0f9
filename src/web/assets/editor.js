// The section editor's island: toolbar, live server-rendered preview, and a warning before
// leaving with unsaved changes. The page works without it (Preview is a plain submit button).
(() => {
  const body = document.getElementById("f-body");
  const form = body && body.form;
  if (!body || !form) return;
  const token = form.querySelector('input[name="_csrf"]').value;

  // Toolbar: wrap the selection (or insert at the caret) with the button's snippet.
  const toolbar = document.querySelector(".toolbar");
  if (toolbar) {
    toolbar.hidden = false;
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-before]");
      if (!button) return;
      const { before, after } = button.dataset;
      const start = body.selectionStart;
      const end = body.selectionEnd;
      const selected = body.value.slice(start, end);
      body.setRangeText(before + selected + after, start, end, "end");
      body.selectionStart = body.selectionEnd = start + before.length + selected.length;
      body.focus();
      body.dispatchEvent(new Event("input"));
    });
  }

  // Live preview, rendered by the server's own pipeline so it matches the published text.
  const target = document.querySelector(body.dataset.preview || "#preview");
  let timer;
  let sequence = 0;
  const refresh = async () => {
    const mine = ++sequence;
    const response = await fetch("/editor/preview", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": token },
      body: JSON.stringify({ body: body.value }),
    });
    if (response.ok && mine === sequence && target) target.innerHTML = await response.text();
  };

  // Unsaved changes: warn before leaving, unless the form itself is being sent.
  const initial = body.value;
  let submitting = false;
  body.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => refresh().catch(() => {}), 400);
  });
  form.addEventListener("submit", () => (submitting = true));
  window.addEventListener("beforeunload", (event) => {
    if (!submitting && body.value !== initial) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
