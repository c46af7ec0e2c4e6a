// Every sentence true: every council result reachable from the case files
// (tests/cases/*.json: each council input, as the page would show it after uploading those
// answers) is rendered by the page's own modules (council-result.js) from the engine's own
// answer (www/pkg, the build the pages load), and its text is read for sentences the answer's
// own data contradicts: a grade said absent that was given, a headline that ignores a recorded
// status, councils that could help offered for a council not in intervention, a number of days
// written two ways, a raw placeholder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "./helpers.mjs";
import { assessCouncil, rulesets } from "./engine-node.mjs";
import { visibleText, problems } from "./text-scan.mjs";
import { councilResultView } from "../../www/js/results/council-result.js";
import { fromInput } from "../../www/js/council/council.js";
import { formatDate, formatDatesIn } from "../../www/js/engine/wording.js";

const data = rulesets();
const TODAY = "2026-12-07";

/** Every council input in the case files that the engine answers. */
function cases() {
  const out = [];
  const dir = join(root, "tests", "cases");
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) {
    const file = JSON.parse(readFileSync(join(dir, f), "utf8"));
    for (const c of file.cases ?? []) {
      const input = c.input;
      if (!input || typeof input !== "object" || !("inspections" in input) || "kind" in input) continue;
      let r;
      try { r = assessCouncil(input); } catch { continue; }
      out.push({ name: `${f}: ${c.name}`, input, r });
    }
  }
  return out;
}

const all = cases();

test("there are results to read", () => {
  assert.ok(all.length > 50, `${all.length} council results from the case files`);
});

test("no result says what its own answer contradicts", () => {
  const wrong = [];
  for (const { name, input, r } of all) {
    const answers = fromInput(input, { withDate: true });
    const view = councilResultView(r, { data, today: TODAY, answers, councils: null, assessCouncils: null });
    const text = visibleText(String(view.body));
    const say = (what) => wrong.push(`${name}: ${what}`);
    // A grade said absent that was given.
    for (const it of r.latestInspection ? [r.latestInspection] : []) {
      if (it.overall && new RegExp(`published ${formatDate(it.published)}[^.]{0,40}no overall grade|gave the report published ${formatDate(it.published)} no overall grade`, "i").test(text)) {
        say(`says the report of ${it.published} has no overall grade, but it was graded ${it.overall}`);
      }
      if (it.overall && /Latest Ofsted report No grade/.test(text)) say("says the latest report has no grade");
    }
    // A headline that ignores a recorded status: run by a trust, yet "may sponsor" or "no
    // statutory intervention" with nothing said of the trust.
    const trust = r.statusInForce?.trust ?? (r.status?.trustSince ? { date: r.status.trustSince } : null);
    const title = formatDatesIn(r.interventionTitle);
    if (trust && /may sponsor/i.test(title)) say(`headline “${title}” for a council run by a trust`);
    const direction = r.statusInForce?.statutoryDirection ?? (r.status?.directionIssued ? {} : null);
    if (direction && r.findings?.grade === "inadequate" && /no statutory intervention/i.test(title)) say(`headline “${title}” under a direction`);
    // Councils that could help, only for a council in intervention.
    if (!r.inIntervention && /Councils that could help/.test(text)) say(`offers councils that could help for ${r.intervention}`);
    // Numbers one way.
    const bare = text.match(/\b\d{4,} days?\b/g);
    if (bare) say(`numbers written without separators: ${bare.join(", ")}`);
    const raw = problems(text);
    if (raw.length) say(`raw placeholders: ${raw.join(" | ")}`);
    // The panel says the outcome the engine gave.
    if (!String(view.body).includes(title.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/’/g, "’")) && !text.includes(title)) say(`the headline “${title}” is not shown`);
  }
  assert.deepEqual(wrong, []);
});

test("the scan finds what it looks for", () => {
  const { input, r } = all.find((x) => x.r.latestInspection?.overall);
  const fake = { ...r, interventionTitle: "May sponsor a trust", statusInForce: { trust: { date: "2020-01-01" } },
    warnings: [...r.warnings, { code: "x", text: `Ofsted gave the report published ${r.latestInspection.published} no overall grade in 1317 days.` }] };
  const text = visibleText(String(councilResultView(fake, { data, today: TODAY, answers: fromInput(input, { withDate: true }), councils: null }).body));
  // The page formats the engine's numbers itself: the bare number is never shown.
  assert.ok(text.includes("1,317 days"), "numbers formatted one way");
  assert.match(text, /gave the report published .* no overall grade/);
});
