// On published pages, switching language keeps the reader at the same section: the other
// language's page has the same section anchors, so the current one is carried over.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".lang-nav a[hreflang]");
  if (link && location.hash && !link.hash) link.hash = location.hash;
});
