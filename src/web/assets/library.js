// The library's sort. Without this script the "Sort" button beside it submits the form. With it,
// a choice made with the pointer (or in the select's list) applies at once; a choice made with the
// keyboard, where every arrow changes the value, applies on Enter or on leaving the field, so
// arrowing through the orders never reloads the page under the reader. The button is then hidden
// and out of the tab order.
for (const select of document.querySelectorAll("select[data-sort]")) {
  const form = select.form;
  const apply = form?.querySelector("[data-sort-apply]");
  if (!form || !apply) continue;
  apply.classList.add("visually-hidden");
  apply.tabIndex = -1;
  const applied = select.value;
  let keyed = false;
  let sent = false;
  const submit = () => {
    if (sent || select.value === applied) return;
    sent = true;
    form.requestSubmit(apply);
  };
  select.addEventListener("pointerdown", () => (keyed = false));
  select.addEventListener("keydown", (event) => {
    if (event.key === "Tab") return;
    if (event.key === "Enter") {
      // After an open list has taken the choice.
      setTimeout(submit);
      return;
    }
    keyed = true;
  });
  select.addEventListener("change", () => {
    if (!keyed) submit();
  });
  select.addEventListener("blur", submit);
  // Back to this page from the next one: the form may be sent again.
  addEventListener("pageshow", (event) => {
    if (event.persisted) sent = false;
  });
}
