// Every page the site serves as HTML (the rules page written by build/site.mjs from the ruleset
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
import { visibleText, problems } from "./text-scan.mjs";

const www = join(root, "www");
const SKIP = new Set(["node_modules", "pkg", "pkg-ofsted", "assets", "dist"]);

function htmlFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (!SKIP.has(name)) htmlFiles(p, out); } else if (name.endsWith(".html")) out.push(p);
  }
  return out;
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
