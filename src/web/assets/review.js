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
