// Loads the optimised release wasm once in Node and runs one assessment of each kind:
// catches an optimiser that breaks the module (the build succeeds, the load throws).
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { initSync, assessCouncil, assessSponsor, rulesets } from "../www/pkg/trust_eligibility.js";

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
