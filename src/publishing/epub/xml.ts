import type { Element, Nodes, Properties } from "hast";
import { find, html, svg } from "property-information";

// hast serialized as XML, which XHTML and SVG files of a book must be: every element closed (void
// ones self-closed), every attribute with a quoted value, text escaped (a "]]>" or a "&" included),
// and characters XML 1.0 cannot hold replaced. Comments and doctypes in a tree are dropped.

// Tab, line feed, carriage return and the ranges XML 1.0 allows; anything else cannot be written.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// An HTML element that never has content is written self-closed; any other one gets an end tag,
// even when empty (a `<div/>` or `<script/>` is read differently by some reading systems).
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

const clean = (s: string) => s.replace(NOT_XML, "\uFFFD");
export const escapeText = (s: string) => clean(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, "&quot;");

function attributes(properties: Properties, space: "html" | "svg"): string {
  let out = "";
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(space === "svg" ? svg : html, key);
    const text = value === true ? info.attribute : Array.isArray(value) ? value.join(info.commaSeparated ? ", " : " ") : String(value);
    out += ` ${info.attribute}="${escapeAttribute(text)}"`;
  }
  return out;
}

function element(el: Element, space: "html" | "svg"): string {
  const inner = el.tagName === "svg" ? "svg" : space;
  const name = el.tagName;
  const attrs = attributes(el.properties, inner);
  const children = (el.tagName === "template" && el.content ? el.content.children : el.children).map((c) => serialize(c, inner)).join("");
  if (!children && (inner === "svg" || VOID.has(name))) return `<${name}${attrs}/>`;
  return `<${name}${attrs}>${children}</${name}>`;
}

function serialize(node: Nodes, space: "html" | "svg"): string {
  switch (node.type) {
    case "root":
      return node.children.map((c) => serialize(c, space)).join("");
    case "element":
      return element(node, space);
    case "text":
      return escapeText(node.value);
    default:
      return "";
  }
}

/** A hast tree (HTML, with SVG inside) as well-formed XML. */
export const toXml = (node: Nodes): string => serialize(node, "html");
