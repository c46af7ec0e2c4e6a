// One Node run of the peer comparison (bench/run.mjs starts several, each a fresh process):
// our release wasm (initSync), json-logic-js, and GoRules ZEN's native Node engine, both its
// decision table (JDM, first-hit policy; its API is async) and its expression evaluator (sync),
// on the same inputs as the browser. Prints one JSON object on stdout.
//
//   node bench/node-peers.mjs INPUTS.json PASSES

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import jsonLogic from "json-logic-js";
import { ZenEngine, evaluateExpressionSync } from "@gorules/zen-engine";
import { initSync, assessCouncil } from "../www/pkg/trust_eligibility.js";
import { agreement, interleaved, median } from "./lib/measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [inputsPath, passesArg] = process.argv.slice(2);
const passes = Number(passesArg || 5);
const data = JSON.parse(readFileSync(inputsPath, "utf8"));
const jdm = JSON.parse(readFileSync(join(here, "peers", "protocol-2016.jdm.json"), "utf8"));

const wasmBytes = readFileSync(join(here, "..", "www", "pkg", "trust_eligibility_bg.wasm"));
let t0 = performance.now();
initSync({ module: wasmBytes });
const instantiateMs = performance.now() - t0;

const engine = new ZenEngine();
const decision = engine.createDecision(jdm);
const rule = data.jsonLogicRule, expr = data.zenExpression;

// Agreement (not timed).
const ours = data.protocol.map((x) => assessCouncil(x).intervention);
const logic = data.facts.map((f) => jsonLogic.apply(rule, f));
const zenExpr = data.facts.map((f) => evaluateExpressionSync(expr, f));
const zenTable = [];
for (const f of data.facts) zenTable.push((await decision.evaluate(f)).result.intervention);

const times = await interleaved([
  { name: "ours.assessCouncil", fn: (x) => assessCouncil(x).intervention, inputs: data.protocol },
  { name: "jsonLogic", fn: (f) => jsonLogic.apply(rule, f), inputs: data.facts },
  { name: "zenExpression", fn: (f) => evaluateExpressionSync(expr, f), inputs: data.facts },
  { name: "zenDecisionTable", fn: async (f) => (await decision.evaluate(f)).result.intervention, inputs: data.facts, async: true },
], passes);
engine.dispose();

process.stdout.write(JSON.stringify({
  instantiateMs,
  agreement: {
    jsonLogic: agreement(ours, logic),
    zenExpression: agreement(ours, zenExpr),
    zenDecisionTable: agreement(ours, zenTable),
  },
  times,
  medians: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])),
}));
