// Review rounds: text selected in a section is copied into that section's "quoted passage"
// field, and the comment form opens. Without this script members paste the passage themselves.
for (const source of document.querySelectorAll("[data-quote-source]")) {
  source.addEventListener("mouseup", () => {
    const text = String(window.getSelection() ?? "").trim().replace(/\s+/g, " ");
    if (!text) return;
    const field = document.getElementById(source.dataset.quoteSource);
    if (!field) return;
    field.value = text.slice(0, 2000);
    const details = field.closest("details");
    if (details) details.open = true;
  });
}
