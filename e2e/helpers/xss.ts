import type { Page } from "playwright-core";

// The XSS corpus the hostile-input tests enter everywhere people write, and the detector that
// looks for anything in a page that could run script.

export const CORPUS = [
  `<script>alert("x1")</script>`,
  `<img src=x onerror=alert("x2")>`,
  `<svg onload=alert("x3")><circle r=1 /></svg>`,
  `<a href="javascript:alert('x4')">x4</a>`,
  `[x5](javascript:alert("x5"))`,
  `<iframe src="data:text/html,<script>alert('x6')</script>"></iframe>`,
  `"><script>alert("x7")</script>`,
  `<svg><script>alert("x8")</script></svg>`,
  `![x9](x" onerror="alert('x9'))`,
  `<div style="background:url(javascript:alert('x10'))">x10</div>`,
  `</textarea><script>alert("x11")</script>`,
  `<details open ontoggle=alert("x12")>`,
  `[x13](data:text/html;base64,PHNjcmlwdD5hbGVydCgneDEzJyk8L3NjcmlwdD4=)`,
  `<object data="javascript:alert('x14')"></object>`,
  `<b onmouseover=alert("x15")>broken <i>markup`,
  `</title><script>window.__xss=1</script>`,
  `<img src="#figure-x" alt="</title><script>window.__xss=2</script>">`,
];
export const ALL = CORPUS.join("\n\n");

/** As many payloads as fit in a field of `max` characters, starting with the `from`-th. */
export const fit = (max: number, from = 0) =>
  [...CORPUS.slice(from), ...CORPUS.slice(0, from)].reduce((out, p) => (out.length + p.length + 1 <= max ? (out ? `${out} ${p}` : p) : out), "");

/** Anything in the page that could run script. */
export const activeContent = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.getAttributeNames()) if (attr.startsWith("on")) found.push(`${el.tagName} ${attr}`);
      const href = el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("data") ?? "";
      if (/^\s*(javascript|data:text\/html)/i.test(href)) found.push(`${el.tagName} ${href.slice(0, 40)}`);
      if (el.tagName === "SCRIPT" && /alert|__xss/.test(el.textContent ?? "")) found.push("inline script");
      if (["IFRAME", "OBJECT", "EMBED"].includes(el.tagName)) found.push(el.tagName);
    }
    if ("__xss" in window) found.push("window.__xss was set");
    return found;
  });

/** Gives any injected handler its chance: hovers and "loads" everything once. */
export const poke = (page: Page) =>
  page.evaluate(() => {
    for (const el of document.querySelectorAll("body *")) {
      el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      el.dispatchEvent(new Event("load"));
    }
  });

/** Every dialog a page opens (alert, confirm, prompt), with the address it opened on, dismissed at once. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  return dialogs;
}
