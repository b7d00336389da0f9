// Review rounds: text selected in a section is copied into that section's "quoted passage"
// field, and the comment form opens. Without this script members paste the passage themselves.
// Mouse and keyboard selections both count (a keyboard selection ends with a keyup).
const sources = [...document.querySelectorAll("[data-quote-source]")];
const copySelection = () => {
  const selection = window.getSelection();
  const text = String(selection ?? "").trim().replace(/\s+/g, " ");
  if (!text || !selection?.anchorNode) return;
  const source = sources.find((s) => s.contains(selection.anchorNode));
  const field = source && document.getElementById(source.dataset.quoteSource);
  if (!field) return;
  field.value = text.slice(0, 2000);
  const details = field.closest("details");
  if (details) details.open = true;
};
document.addEventListener("mouseup", copySelection);
document.addEventListener("keyup", (event) => {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
  copySelection();
});

// Suggesting a change: the proposed text is asked for only to replace or insert, and starts from
// the quoted passage when replacing (the member edits it rather than retyping it).
for (const fieldset of document.querySelectorAll(".suggest-change")) {
  const form = fieldset.closest("form");
  const proposed = form?.querySelector(".suggest-text");
  const text = proposed?.querySelector("textarea");
  const quote = form?.querySelector("textarea[name=quote]");
  if (!form || !proposed || !text) continue;
  const update = (event) => {
    const change = form.querySelector("input[name=change]:checked")?.value ?? "none";
    const wanted = change === "replace" || change === "insert";
    proposed.hidden = !wanted;
    text.required = wanted;
    if (event && change === "replace" && !text.value && quote?.value) text.value = quote.value;
  };
  fieldset.addEventListener("change", update);
  update();
}
