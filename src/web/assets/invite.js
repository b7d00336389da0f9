// Inviting organizations to a review round. The page lists every organization by region with a
// checkbox (and, without this script, a button per region, removed here); this script adds filters by region
// and kind, a search on name, short name, country and code, a live count, "select all shown" and
// "clear shown", and the list of those selected, each removable. The form still posts the ticked
// checkboxes, nothing else.
for (const picker of document.querySelectorAll("[data-invite-picker]")) {
  const tools = picker.querySelector("[data-invite-tools]");
  const region = picker.querySelector('[data-filter="region"]');
  const kind = picker.querySelector('[data-filter="kind"]');
  const search = picker.querySelector('[data-filter="q"]');
  const items = [...picker.querySelectorAll("li[data-search]")];
  const groups = [...picker.querySelectorAll("fieldset[data-region]")];
  const chosen = picker.querySelector("[data-chosen]");
  const noneChosen = picker.querySelector("[data-none-chosen]");
  const noMatch = picker.querySelector("[data-no-match]");
  const shownCount = picker.querySelector("[data-shown]");
  const selectedCount = picker.querySelector("[data-selected]");
  const hint = picker.querySelector("[data-js-hint]");
  const box = (item) => item.querySelector('input[type="checkbox"]');
  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();

  tools.hidden = false;
  if (hint) hint.textContent = hint.dataset.jsHint;
  for (const button of picker.querySelectorAll("[data-region-button]")) button.remove();

  const shown = () => items.filter((item) => !item.hidden);

  const filter = () => {
    const words = fold(search.value).split(/\s+/).filter(Boolean);
    for (const group of groups) {
      const inRegion = !region.value || group.dataset.region === region.value;
      let visible = 0;
      for (const item of group.querySelectorAll("li[data-search]")) {
        item.hidden = !(inRegion && (!kind.value || item.dataset.kind === kind.value) && words.every((w) => item.dataset.search.includes(w)));
        if (!item.hidden) visible += 1;
      }
      group.hidden = visible === 0;
    }
    count();
  };

  // The count, and the list of those selected (in the page's order: by region, then name).
  const count = () => {
    const n = shown().length;
    shownCount.textContent = String(n);
    noMatch.hidden = n > 0;
    const ticked = items.filter((item) => box(item).checked);
    selectedCount.textContent = String(ticked.length);
    noneChosen.hidden = ticked.length > 0;
    chosen.replaceChildren(
      ...ticked.map((item) => {
        const input = box(item);
        const li = document.createElement("li");
        const name = document.createElement("span");
        name.textContent = input.dataset.name;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "chip-remove";
        remove.dataset.remove = input.value;
        remove.setAttribute("aria-label", chosen.dataset.removeLabel.replace("{name}", input.dataset.name));
        remove.textContent = "×";
        li.append(name, " ", remove);
        return li;
      }),
    );
  };

  region.addEventListener("change", filter);
  kind.addEventListener("change", filter);
  search.addEventListener("input", filter);
  // Enter in the search box filters; it must not submit the round's form.
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();
  });
  picker.addEventListener("change", (event) => {
    if (event.target.matches('input[type="checkbox"]')) count();
  });
  picker.querySelector("[data-select-shown]").addEventListener("click", () => {
    for (const item of shown()) box(item).checked = true;
    count();
  });
  picker.querySelector("[data-clear-shown]").addEventListener("click", () => {
    for (const item of shown()) box(item).checked = false;
    count();
  });
  chosen.addEventListener("click", (event) => {
    const button = event.target.closest("[data-remove]");
    if (!button) return;
    const input = items.map(box).find((i) => i.value === button.dataset.remove);
    if (!input) return;
    // Focus goes to the next remove button, or back to the search box once the list is empty.
    const next = button.closest("li").nextElementSibling ?? button.closest("li").previousElementSibling;
    const nextId = next?.querySelector("[data-remove]")?.dataset.remove;
    input.checked = false;
    count();
    const target = nextId && chosen.querySelector(`[data-remove="${CSS.escape(nextId)}"]`);
    (target || search).focus();
  });
  filter();
}
