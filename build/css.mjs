// The site's stylesheets, from GOV.UK Frontend's compiled CSS, written into git-ignored www/dist/
// by build/site.mjs once the pages and the bundled modules are built:
//   dist/checker.css  the pages' one stylesheet (index.html, rules.html): GOV.UK Frontend's
//                     rules for the classes the site uses, then app.css
//   dist/embed.css    the custom element's, after dist/checker.css in its shadow root: what
//                     makes that work there (see embedCss), then embed/element.css
//
// "The classes the site uses" are read from what the browser gets: the pages (index.html,
// embed.html, the generated rules.html) and the bundled modules (dist/*.js: the app's markup and
// the classes its code adds). A rule stays if any of its
// selectors names only used classes (classes inside :not() do not count: the selector matches
// without them); rules naming no class at all (html, body, :root, [hidden]) stay. Class names the
// code builds from parts (`govuk-tag--${colour}`: a fixed part ending in "-" or "_") keep every
// class that starts with the fixed part; `govuk-${kind}` (components.js: radios and checkboxes)
// is listed in DYNAMIC.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** `govuk-${x}…` in the code, by what x can be (components.js, choice()). */
const DYNAMIC = { "govuk-": ["govuk-radios", "govuk-checkboxes"] };

/** GOV.UK Frontend's minified CSS, as read: the web font's @font-face rules dropped (GDS Transport
 *  is licensed for GOV.UK only; text falls back to Arial, GOV.UK Frontend's own fallback) and its
 *  /assets/ URLs made relative to dist/. */
export function govukCss(root) {
  const css = readFileSync(join(root, "node_modules", "govuk-frontend", "dist", "govuk", "govuk-frontend.min.css"), "utf8")
    .replace(/\n?\/[/*]# sourceMappingURL=[^\n]*$/m, "")
    .replace(/\/\*![^*]*\*+([^/*][^*]*\*+)*\/(?=@font-face)/g, "")
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, "")
    .replaceAll("url(/assets/", "url(../assets/");
  if (css.includes("@font-face")) throw new Error("build: govuk-frontend CSS still has an @font-face rule");
  if (css.includes("url(/")) throw new Error("build: govuk-frontend CSS still has an absolute URL");
  return css;
}

/** Parses CSS into [{ prelude, body } | { prelude, rules } | { text }] (at-rules that hold rules
 *  get `rules`; comments are dropped). Enough for GOV.UK Frontend's minified output. */
function parse(css) {
  let i = 0;
  const NESTED = /^@(media|supports|-moz-document|document|layer|container)\b/;
  const block = () => {
    const out = [];
    let start = i;
    while (i < css.length) {
      const c = css[i];
      if (c === "/" && css[i + 1] === "*") { const end = css.indexOf("*/", i + 2); i = end + 2; start = i; continue; }
      if (c === '"' || c === "'") { i = skipString(i); continue; }
      if (c === ";") { const text = css.slice(start, i + 1).trim(); if (text) out.push({ text }); i++; start = i; continue; }
      if (c === "}") { i++; return out; }
      if (c === "{") {
        const prelude = css.slice(start, i).trim();
        i++;
        if (NESTED.test(prelude)) out.push({ prelude, rules: block() });
        else {
          const from = i;
          let depth = 1;
          while (depth) {
            if (css[i] === '"' || css[i] === "'") { i = skipString(i); continue; }
            if (css[i] === "{") depth++;
            if (css[i] === "}") depth--;
            i++;
          }
          out.push({ prelude, body: css.slice(from, i - 1) });
        }
        start = i;
        continue;
      }
      i++;
    }
    return out;
  };
  const skipString = (at) => {
    const q = css[at];
    let j = at + 1;
    while (css[j] !== q) j += css[j] === "\\" ? 2 : 1;
    return j + 1;
  };
  return block();
}

const serialise = (items) => items.map((x) => (x.text ?? (x.rules ? `${x.prelude}{${serialise(x.rules)}}` : `${x.prelude}{${x.body}}`))).join("");

/** Splits a selector list at its top-level commas. */
function selectors(prelude) {
  const out = [];
  let depth = 0, from = 0;
  for (let k = 0; k < prelude.length; k++) {
    const c = prelude[k];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) { out.push(prelude.slice(from, k)); from = k + 1; }
  }
  out.push(prelude.slice(from));
  return out;
}

/** The classes a selector needs to match (not those under :not(), nor in quoted values). */
function classesOf(selector) {
  let s = selector.replace(/"[^"]*"|'[^']*'/g, '""');
  for (let k; (k = s.indexOf(":not(")) >= 0;) {
    let depth = 0, j = k + 4;
    do { if (s[j] === "(") depth++; else if (s[j] === ")") depth--; j++; } while (depth);
    s = s.slice(0, k) + s.slice(j);
  }
  return [...s.matchAll(/\.((?:\\.|[A-Za-z0-9_-])+)/g)].map((m) => m[1].replace(/\\(.)/g, "$1"));
}

/** What the texts use: the class-like words in them, and the prefixes of built class names. */
export function usedClasses(texts) {
  const words = new Set();
  const prefixes = new Set();
  for (const t of texts) {
    for (const m of t.matchAll(/[A-Za-z0-9_!-]+(\$\{)?/g)) {
      if (!m[1]) { words.add(m[0]); continue; }
      const fixed = m[0].slice(0, -2);
      // `govuk-label${size ? ...}`: a whole class, then something else.
      if (!/[-_]$/.test(fixed)) { words.add(fixed); continue; }
      if (!fixed.startsWith("govuk-")) continue;
      if (DYNAMIC[fixed]) DYNAMIC[fixed].forEach((p) => prefixes.add(p));
      else if (fixed.length > "govuk-".length) prefixes.add(fixed);
      else throw new Error(`build: a class name is built as "${fixed}\${…}": list what it can be in build/css.mjs DYNAMIC`);
    }
  }
  return (cls) => words.has(cls) || [...prefixes].some((p) => cls.startsWith(p));
}

/** Keeps the rules that can match with the used classes. */
export function purge(css, used) {
  const keep = (items) => items.flatMap((x) => {
    if (x.text) return /^@charset/.test(x.text) ? [] : [x];
    if (x.rules) { const rules = keep(x.rules); return rules.length ? [{ ...x, rules }] : []; }
    if (x.prelude.startsWith("@")) return [x]; // @keyframes, @page, ...: kept whole
    const kept = selectors(x.prelude).filter((s) => classesOf(s).every(used));
    return kept.length ? [{ ...x, prelude: kept.join(",") }] : [];
  });
  return serialise(keep(parse(css)));
}

/** Splits a declaration block at its top-level semicolons (not those in strings or url()). */
function declarations(body) {
  const out = [];
  let depth = 0, from = 0;
  for (let k = 0; k < body.length; k++) {
    const c = body[k];
    if (c === '"' || c === "'") { k = body.indexOf(c, k + 1); continue; }
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === ";" && depth === 0) { out.push(body.slice(from, k)); from = k + 1; }
  }
  out.push(body.slice(from));
  return out.filter((d) => d.trim());
}

const REM = /(\d*\.?\d+)rem\b/g;
const toPx = (v) => v.replace(REM, (_, n) => `${+(Number(n) * 16).toFixed(4)}px`);

/** The custom element's stylesheet, after dist/checker.css in its shadow root: what makes the
 *  page's stylesheet work there, then embed/element.css.
 *   :root  custom properties (GOV.UK's colours) are declared on :host too: :root matches
 *          nothing inside a shadow root
 *   rem    becomes px (1rem = 16px, GOV.UK's own base): rem follows the host page's <html>
 *          font size, which a host's CSS may change, and the element must not change with it.
 *          For every property that has a rem value anywhere (font-size, height, ...), every
 *          declaration of it is repeated here, in the same order, under the same selector and
 *          media, with rem made px: each one follows its own original with the same
 *          specificity, so these decide those properties exactly as the originals would have,
 *          and the other properties stay with the page's stylesheet. */
export function embedCss(www, pageCss) {
  const tree = parse(pageCss);
  const affected = new Set();
  const walk = (items, f) => items.forEach((x) => (x.rules ? walk(x.rules, f) : x.body !== undefined && f(x)));
  walk(tree, (x) => declarations(x.body).forEach((d) => {
    const i = d.indexOf(":");
    if (REM.test(d.slice(i + 1))) affected.add(d.slice(0, i).trim());
    REM.lastIndex = 0;
  }));
  const overlay = (items) => items.flatMap((x) => {
    if (x.text) return [];
    if (x.rules) { const rules = overlay(x.rules); return rules.length ? [{ ...x, rules }] : []; }
    if (x.prelude.startsWith("@")) return [];
    const root = selectors(x.prelude).some((sel) => sel.trim() === ":root");
    const keep = declarations(x.body).filter((d) => {
      const prop = d.slice(0, d.indexOf(":")).trim();
      return affected.has(prop) || (root && prop.startsWith("--"));
    });
    if (!keep.length) return [];
    const prelude = root ? selectors(x.prelude).map((sel) => (sel.trim() === ":root" ? ":host" : sel)).join(",") : x.prelude;
    return [{ prelude, body: toPx(keep.join(";")) }];
  });
  const css = serialise(overlay(tree));
  if (/\drem\b/.test(css)) throw new Error("build: embed CSS still has rem units");
  return `${css}\n${readFileSync(join(www, "embed", "element.css"), "utf8")}`;
}

/** GOV.UK's accessible-autocomplete's CSS (the council picker, js/council/picker.js), whole: its class
 *  names are built in its code (cssNamespace + "__option--focused"), so the cut above would miss them. */
export function autocompleteCss(root) {
  const css = readFileSync(join(root, "node_modules", "accessible-autocomplete", "dist", "accessible-autocomplete.min.css"), "utf8")
    .replace(/\n?\/[/*]# sourceMappingURL=[^\n]*$/m, "").trim();
  return `/* accessible-autocomplete (MIT licence, https://github.com/alphagov/accessible-autocomplete) */\n${css}`;
}

/** Writes dist/checker.css and dist/embed.css; texts: what the browser gets (pages, bundles). */
export function buildStyles(www, texts) {
  const govuk = purge(govukCss(join(www, "..")), usedClasses(texts));
  const note = "/* GOV.UK Frontend (MIT licence, https://github.com/alphagov/govuk-frontend): the rules for the classes this site uses (build/css.mjs) */\n";
  const page = `${note}${govuk}\n${autocompleteCss(join(www, ".."))}\n${readFileSync(join(www, "app.css"), "utf8")}`;
  const embed = `/* After dist/checker.css, in the custom element's shadow root (build/css.mjs) */\n${embedCss(www, page)}`;
  return { page, embed };
}
