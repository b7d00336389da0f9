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

// The phone menu (the header folded behind "Menu" on narrow screens) is a disclosure too: Escape
// or a click outside the header closes it. On a wide screen its summary is hidden and app.css shows
// its content through ::details-content; a browser without that selector gets it opened here.
const siteMenu = document.querySelector("details[data-site-menu]");
if (siteMenu) {
  const summary = siteMenu.querySelector("summary");
  const folded = () => summary.getClientRects().length > 0;
  siteMenu.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !siteMenu.open || !folded() || event.defaultPrevented) return;
    siteMenu.open = false;
    summary.focus();
  });
  document.addEventListener("click", (event) => {
    if (siteMenu.open && folded() && !siteMenu.closest("header").contains(event.target)) siteMenu.open = false;
  });
  if (!CSS.supports("selector(::details-content)")) {
    const wide = matchMedia("(min-width: 45.0625rem)");
    const follow = () => {
      siteMenu.open = wide.matches;
    };
    wide.addEventListener("change", follow);
    follow();
  }
}
