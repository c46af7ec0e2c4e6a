// Builds what the embeds need that is derived from other files: www/govuk/embed.css, the one
// stylesheet of the custom element's shadow root: GOV.UK Frontend's CSS made to work in a shadow
// root, then app.css, then embed/element.css. Run by www/build.mjs after it has copied GOV.UK
// Frontend in.
//   :root  custom properties (GOV.UK's colours) are declared on :host too: :root matches
//          nothing inside a shadow root
//   rem    becomes px (1rem = 16px, GOV.UK's own base): rem follows the host page's <html>
//          font size, which a host's CSS may change, and the element must not change with it
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function buildEmbedStyles(www) {
  const govuk = readFileSync(join(www, "govuk", "govuk-frontend.min.css"), "utf8")
    .replaceAll(":root{", ":root,:host{")
    .replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${+(Number(n) * 16).toFixed(4)}px`);
  if (/\drem\b/.test(govuk)) throw new Error("build: embed CSS still has rem units");
  const css = [
    govuk,
    readFileSync(join(www, "app.css"), "utf8"),
    readFileSync(join(www, "embed", "element.css"), "utf8"),
  ].join("\n");
  writeFileSync(join(www, "govuk", "embed.css"), css);
  return css.length;
}
