// Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ (git-ignored) from
// the project's own test cases: every input of tests/cases/*.json, the examples, the
// ruleset file, and Ofsted's published files (data/ofsted/).
// Usage: node fuzz/seed.mjs   (idempotent: files are named by a hash of their content)
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const fuzz = dirname(fileURLToPath(import.meta.url));
const root = join(fuzz, "..");
const counts = {};

function seed(target, content) {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
  const dir = join(fuzz, "corpus", target);
  mkdirSync(dir, { recursive: true });
  const name = createHash("sha1").update(bytes).digest("hex");
  const path = join(dir, name);
  if (!existsSync(path)) writeFileSync(path, bytes);
  counts[target] = (counts[target] ?? 0) + 1;
}

const casesDir = join(root, "tests", "cases");
const byKind = { council: [], sponsor: [], councils: [], rulesetOverride: [] };
for (const file of readdirSync(casesDir).filter((f) => f.endsWith(".json")).sort()) {
  const doc = JSON.parse(readFileSync(join(casesDir, file), "utf8"));
  const defaultKind = file === "sponsor.json" ? "sponsor" : "council";
  for (const c of doc.cases ?? []) {
    const kind = c.kind ?? defaultKind;
    const text = c.inputText ?? (c.input === undefined ? undefined : JSON.stringify(c.input, null, 1));
    if (text === undefined || !(kind in byKind)) continue;
    byKind[kind].push(text);
  }
}
for (const f of ["sandwell-2016.json", "charity.json"]) {
  const p = join(root, "tests", "examples", f);
  if (existsSync(p)) byKind[f === "charity.json" ? "sponsor" : "council"].push(readFileSync(p, "utf8"));
}
const rulesets = join(root, "rulesets", "rulesets.json");
if (existsSync(rulesets)) byKind.rulesetOverride.push(readFileSync(rulesets, "utf8"));
byKind.rulesetOverride.push(
  '{"rulesets": [{"id": "announcement-2015", "parameters": {"improvementWindowMonths": {"value": 3, "source": "design"}}}]}',
);

for (const t of byKind.council) seed("council", t);
// Event lists (SPEC §3.7) from the council inputs that give them.
for (const t of byKind.council) {
  try {
    const events = JSON.parse(t)?.status?.events;
    if (Array.isArray(events)) seed("events", JSON.stringify(events, null, 1));
  } catch {}
}
for (const t of byKind.sponsor) seed("sponsor", t);
for (const t of byKind.rulesetOverride) seed("ruleset_override", t);
for (const t of byKind.councils) seed("batch", t);
// Batches made of the council inputs, a few at a time.
const councilObjects = byKind.council.filter((t) => t.trimStart().startsWith("{"));
for (let i = 0; i < councilObjects.length; i += 4) {
  seed("batch", `[${councilObjects.slice(i, i + 4).join(",\n")}]`);
}
for (const kind of Object.keys(byKind)) for (const t of byKind[kind]) seed("json", t);

// Ofsted's files: the CSV exports cut to their first rows, joined as the target expects.
const ofsted = join(root, "data", "ofsted");
if (existsSync(ofsted)) {
  const csvs = readdirSync(ofsted).filter((f) => f.endsWith(".csv")).sort()
    .map((f) => readFileSync(join(ofsted, f), "utf8").split("\n"));
  for (const rows of [8, 40]) {
    seed("ofsted_csv", csvs.map((lines) => lines.slice(0, rows).join("\n")).join("\n=====\n"));
  }
  for (const lines of csvs) seed("ofsted_csv", lines.slice(0, 20).join("\n"));
  for (const f of readdirSync(ofsted).filter((f) => f.endsWith(".ods"))) {
    seed("ofsted_ods", readFileSync(join(ofsted, f)));
  }
}
if (!counts.ofsted_csv) seed("ofsted_csv", "Local authority area code,Publication date\nE08000028,2016-01-01\n");
if (!counts.ofsted_ods) seed("ofsted_ods", Buffer.from("PK\u0003\u0004", "latin1"));

console.log(Object.entries(counts).map(([t, n]) => `${t}: ${n} seeds`).join(", "));
