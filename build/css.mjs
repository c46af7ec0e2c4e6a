// The site's stylesheets, written into git-ignored www/dist/ by build/site.mjs once the pages and
// the bundled modules are built:
//   dist/checker.css  the pages' one stylesheet (index.html, rules.html, embed.html): GOV.UK
//                     Frontend's Sass for the parts the pages use (www/govuk.scss), then
//                     accessible-autocomplete's CSS and app.css
//   dist/embed.css    the custom element's one stylesheet, in its shadow root: the same, made to
//                     work there (see embedCss), then embed/element.css
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, NodePackageImporter } from "sass";

const GOVUK_NOTE = "/* GOV.UK Frontend (MIT licence, https://github.com/alphagov/govuk-frontend): its Sass for the parts this site uses (www/govuk.scss, build/css.mjs) */";

/** GOV.UK Frontend's CSS for the parts www/govuk.scss names, compiled from its Sass, minified. */
export function govukCss(www) {
  const { css } = compile(join(www, "govuk.scss"), { style: "compressed", importers: [new NodePackageImporter(www)] });
  if (css.includes("@font-face")) throw new Error("build: www/govuk.scss gives an @font-face rule (GDS Transport is GOV.UK's only)");
  if (css.includes("url(/")) throw new Error("build: www/govuk.scss gives an absolute URL (set $govuk-assets-path)");
  return css;
}

/** The class names written in the texts (pages, bundles): words starting "govuk-". */
const classesIn = (texts) => new Set(texts.flatMap((t) => t.match(/govuk-[A-Za-z0-9_!-]*[A-Za-z0-9]/g) ?? []));
/** Whether a stylesheet has a selector naming this class (`!` escaped, as GOV.UK's overrides are). */
const styles = (css, cls) => new RegExp(`\\.${cls.replaceAll("!", "\\\\!")}(?![A-Za-z0-9_-])`).test(css);

/** Fails when a page or module uses a class GOV.UK Frontend styles that www/govuk.scss leaves out:
 *  a component used but not imported. */
export function checkCoverage(root, css, texts) {
  const all = readFileSync(join(root, "node_modules", "govuk-frontend", "dist", "govuk", "govuk-frontend.min.css"), "utf8");
  const missing = [...classesIn(texts)].filter((cls) => styles(all, cls) && !styles(css, cls));
  if (missing.length) throw new Error(`build: the pages use ${missing.join(", ")}, which GOV.UK Frontend styles and www/govuk.scss does not import`);
}

/** GOV.UK's accessible-autocomplete's CSS (the council picker, js/council/picker.js), whole. */
export function autocompleteCss(root) {
  const css = readFileSync(join(root, "node_modules", "accessible-autocomplete", "dist", "accessible-autocomplete.min.css"), "utf8")
    .replace(/\n?\/[/*]# sourceMappingURL=[^\n]*$/m, "").trim();
  return `/* accessible-autocomplete (MIT licence, https://github.com/alphagov/accessible-autocomplete) */\n${css}`;
}

/** The custom element's stylesheet, alone in its shadow root: the page's, with
 *   :root  made :host (GOV.UK's custom properties, its colours): :root matches nothing inside a
 *          shadow root
 *   rem    made px (1rem = 16px, GOV.UK's own base): rem follows the host page's <html> font
 *          size, which a host's CSS may change, and the element must not change with it
 *  then embed/element.css. */
export function embedCss(www, pageCss) {
  const css = pageCss.replaceAll(":root", ":host")
    .replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${+(Number(n) * 16).toFixed(4)}px`);
  if (/\drem\b/.test(css)) throw new Error("build: embed CSS still has rem units");
  return `${css}\n${readFileSync(join(www, "embed", "element.css"), "utf8")}`;
}

/** dist/checker.css and dist/embed.css; texts: what the browser gets (pages, bundles). */
export function buildStyles(www, texts) {
  const root = join(www, "..");
  const govuk = govukCss(www);
  checkCoverage(root, govuk, texts);
  const page = `${GOVUK_NOTE}\n${govuk}\n${autocompleteCss(root)}\n${readFileSync(join(www, "app.css"), "utf8")}`;
  const embed = `/* In the custom element's shadow root: dist/checker.css made to work there (build/css.mjs) */\n${embedCss(www, page)}`;
  return { page, embed };
}
