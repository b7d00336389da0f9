// The header's menus are <details> disclosures: they open and close with Enter or Space on their
// summary without this script. It adds what people expect of a menu: Escape closes it and puts
// focus back on its summary, a click or focus elsewhere closes it, and one menu is open at a time.
const menus = [...document.querySelectorAll("details[data-menu]")];
const close = (menu) => {
  menu.open = false;
};
for (const menu of menus) {
  menu.addEventListener("toggle", () => {
    if (menu.open) for (const other of menus) if (other !== menu) close(other);
  });
  menu.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !menu.open) return;
    event.preventDefault();
    close(menu);
    menu.querySelector("summary").focus();
  });
  menu.addEventListener("focusout", (event) => {
    if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) close(menu);
  });
}
document.addEventListener("click", (event) => {
  for (const menu of menus) if (menu.open && !menu.contains(event.target)) close(menu);
});
