// Loads the optimised release wasm once in Node and runs one assessment of each kind:
// catches an optimiser that breaks the module (the build succeeds, the load throws). Then the
// module built with ruleset overrides (www/pkg-rules): an override changes the answer there, and
// the pages' module refuses one (invalid_ruleset), never ignoring it.
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { initSync, assessCouncil, assessSponsor, rulesets } from "../www/pkg/trust_eligibility.js";
import * as withRules from "../www/pkg-rules/trust_eligibility.js";

const wasmPath = new URL("../www/pkg/trust_eligibility_bg.wasm", import.meta.url);
const bytes = readFileSync(wasmPath);
initSync({ module: bytes });
const council = assessCouncil({ asOf: "2016-02-29", inspections: [{ published: "2015-08-31", overall: "Inadequate" }] });
if (council.intervention !== "improvement_window" || council.dates[0].date !== "2016-02-29" || council.dates[0].daysFromAsOf !== 0) {
  throw new Error("smoke: unexpected council result " + JSON.stringify(council));
}
const sponsor = assessSponsor({ asOf: "2016-03-01", organisation: { kind: "private_company", notForProfit: false, basedInEngland: true } });
if (sponsor.status !== "ineligible") throw new Error("smoke: unexpected sponsor result");
let threw = null;
try { assessCouncil({ asOf: "2016-03-01", inspections: [{ published: "2015-02-30", overall: "good" }] }); } catch (e) { threw = e; }
if (!(threw instanceof Error) || threw.code !== "invalid_date" || threw.path !== "inspections[0].published") {
  throw new Error("smoke: bad input did not throw the expected Error: " + threw);
}
if (rulesets().rulesets.length < 2) throw new Error("smoke: rulesets() is incomplete");
console.error(`==> smoke: release wasm loads and answers (${statSync(wasmPath).size} bytes raw, ${gzipSync(bytes, { level: 9 }).length} gzip)`);

const threeMonths = { rulesets: [{ id: "announcement-2015", parameters: { improvementWindowMonths: { value: 3, source: "design" } } }] };
const recent = { asOf: "2016-03-01", inspections: [{ published: "2015-12-01", overall: "inadequate" }] };
let refused = null;
try { assessCouncil(recent, threeMonths); } catch (e) { refused = e; }
if (!(refused instanceof Error) || refused.code !== "invalid_ruleset" || refused.path !== "") {
  throw new Error("smoke: the pages' module did not refuse a ruleset override: " + refused);
}
const rulesPath = new URL("../www/pkg-rules/trust_eligibility_bg.wasm", import.meta.url);
const rulesBytes = readFileSync(rulesPath);
withRules.initSync({ module: rulesBytes });
const overridden = withRules.assessCouncil(recent, threeMonths);
if (overridden.dates[0].date !== "2016-03-01" || withRules.assessCouncil(recent).dates[0].date !== "2016-06-01") {
  throw new Error("smoke: the override did not change the deadline: " + JSON.stringify(overridden.dates));
}
let invalid = null;
try { withRules.rulesets({ rulesets: [{ id: "protocol-2016", inForceFrom: "2016-06-01" }] }); } catch (e) { invalid = e; }
if (invalid?.code !== "invalid_ruleset" || invalid.path !== "rulesets[1].inForceFrom") throw new Error("smoke: an invalid override was not refused at its path: " + invalid);
console.error(`==> smoke: the module with ruleset overrides loads and applies one (${statSync(rulesPath).size} bytes raw, ${gzipSync(rulesBytes, { level: 9 }).length} gzip)`);
