// Every page the site serves as HTML (the rules page written by www/build.mjs from the ruleset
// data, the app's pages, the iframe page, the demo host page) shows no raw placeholder — no
// "[date the trust started]", no "{trustSince}" — and no internal reference such as "SPEC §3.1",
// in its text or in the attributes a person hears or sees (alt, title, aria-label, placeholder).
// Run after the build (scripts/test builds first); the app's own pages are checked in the
// browser by the page tests (tests/browser/ofsted.test.mjs scans the Ofsted pages).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { root, rules } from "./helpers.mjs";

const www = join(root, "www");
const SKIP = new Set(["node_modules", "pkg", "pkg-ofsted", "assets", "dist"]);

function htmlFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (!SKIP.has(name)) htmlFiles(p, out); } else if (name.endsWith(".html")) out.push(p);
  }
  return out;
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " " };
const decode = (s) => s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, e) => {
  if (e[0] === "#") return String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  return ENTITIES[e.toLowerCase()] ?? all;
});

/** What a person reads or hears of a page: its text, and the attributes said or shown. */
export function visibleText(html) {
  const attrs = [...html.matchAll(/\s(?:alt|title|aria-label|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const body = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ");
  return decode(`${body}\n${attrs.join("\n")}`).replace(/\s+/g, " ");
}

/** The placeholders and internal references in a text, each with a little context. */
export function problems(text) {
  const found = [];
  for (const re of [/\[[^\]]{1,80}\]/g, /\{[^}]{1,80}\}/g, /\bSPEC\b[^.]{0,20}/g, /§\s*\d/g]) {
    for (const m of text.matchAll(re)) found.push(text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20).trim());
  }
  return found;
}

const pages = htmlFiles(www);

test("the build wrote the rules page and there are pages to scan", () => {
  const names = pages.map((p) => relative(www, p));
  for (const need of ["index.html", "rules.html", "embed.html"]) assert.ok(names.includes(need), `${need} in www/`);
});

for (const file of pages) {
  test(`${relative(www, file)}: no raw placeholder and no internal reference`, () => {
    const text = visibleText(readFileSync(file, "utf8"));
    assert.ok(text.trim().length > 0);
    assert.deepEqual(problems(text), []);
  });
}

test("the scan finds what it looks for (so it cannot pass by reading nothing)", () => {
  const page = `<p>Run by a trust since [date the trust started]</p><p title="see SPEC §3.1">x</p><p>{trustSince}</p>`;
  assert.equal(problems(visibleText(page)).length, 4);
  assert.deepEqual(problems(visibleText("<p>Since 1 May 2016 &amp; after</p><script>const a = [1]; const b = {c: 1};</script>")), []);
});

test("the rules page says every row and definition of the ruleset data, in words", () => {
  const text = visibleText(readFileSync(join(www, "rules.html"), "utf8"));
  for (const r of rules.rulesets) for (const row of r.rows) assert.ok(text.includes(`Row ${row.row}: ${row.title}`), `${r.id} row ${row.row}`);
  assert.ok(text.includes("run by a trust since the date the trust started"), "the trust's date, in words");
  assert.ok(!text.includes("concern(s)"), "no “concern(s)”: the concerns' wording reads right for one or many");
});
