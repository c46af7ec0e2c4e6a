// The browser half of the bench, driven by bench/run.mjs through playwright: every function on
// window.bench runs in this page and returns plain numbers. Our engine is the release build in
// www/pkg, called as the pages call it: JavaScript values in, JavaScript values out
// (serde-wasm-bindgen). The peers, for context only, are json-logic-js (window.jsonLogic) and
// ZEN's published wasm build, which runs ZEN expressions only (no decision tables), fed the same
// decision as one expression.

import init, { assessCouncil, assessCouncils, assessSponsor } from "/www/pkg/trust_eligibility.js";
import zenInit, { evaluateExpression } from "/node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm.js";
import { agreement, interleaved, median, repeat, timeCalls } from "/bench/lib/measure.mjs";

const OURS_WASM = "/www/pkg/trust_eligibility_bg.wasm";
const ZEN_WASM = "/node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm";

let data = null;
const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());

window.bench = {
  /** Fetches both wasm files, times compiling and instantiating them, and loads the inputs. */
  async load() {
    const [ours, zen] = await Promise.all([bytes(OURS_WASM), bytes(ZEN_WASM)]);
    data = await (await fetch("/bench/out/inputs.json")).json();
    const oursCompile = await repeat(() => WebAssembly.compile(ours), 5);
    let t0 = performance.now();
    await init({ module_or_path: ours });
    const oursInstantiate = performance.now() - t0;
    // The first call also reads the embedded ruleset data (once per instance).
    t0 = performance.now();
    assessCouncil(data.protocol[0]);
    const oursFirstCall = performance.now() - t0;
    const zenCompile = await repeat(() => WebAssembly.compile(zen), 3);
    t0 = performance.now();
    await zenInit({ module_or_path: zen });
    const zenInstantiate = performance.now() - t0;
    document.getElementById("status").textContent = "Ready";
    return {
      oursBytes: ours.length, zenBytes: zen.length,
      oursCompile: median(oursCompile), oursInstantiate, oursFirstCall,
      zenCompile: median(zenCompile), zenInstantiate,
      crossOriginIsolated: self.crossOriginIsolated === true,
    };
  },

  /** Every contender's answer on every input, compared with ours (not timed). */
  agreement() {
    const ours = data.protocol.map((x) => assessCouncil(x).intervention);
    const logic = data.facts.map((f) => window.jsonLogic.apply(data.jsonLogicRule, f));
    const zen = data.facts.map((f) => evaluateExpression(data.zenExpression, f));
    // Every generated sponsor and mixed-ruleset input must be assessed without an error.
    let sponsorErrors = 0, mixedErrors = 0;
    for (const s of data.sponsors) { try { assessSponsor(s); } catch { sponsorErrors++; } }
    for (const m of data.mixed) { try { assessCouncil(m); } catch { mixedErrors++; } }
    const byIntervention = {};
    for (const o of ours) byIntervention[o] = (byIntervention[o] || 0) + 1;
    const mean = (xs) => xs.reduce((s, t) => s + t.length, 0) / xs.length;
    return {
      jsonLogic: agreement(ours, logic), zenExpression: agreement(ours, zen),
      byIntervention, sponsorErrors, mixedErrors,
      meanInputChars: mean(data.protocol.map((x) => JSON.stringify(x))),
      meanOutputChars: mean(data.protocol.slice(0, 1000).map((x) => JSON.stringify(assessCouncil(x)))),
    };
  },

  /** Per-call microseconds, interleaved passes; one array per contender. */
  async perCall(passes) {
    const rule = data.jsonLogicRule, expr = data.zenExpression;
    return interleaved([
      { name: "ours.assessCouncil", fn: (x) => assessCouncil(x).intervention, inputs: data.protocol },
      { name: "jsonLogic", fn: (f) => window.jsonLogic.apply(rule, f), inputs: data.facts },
      { name: "zenExpression", fn: (f) => evaluateExpression(expr, f), inputs: data.facts },
      { name: "ours.assessCouncil.mixed", fn: (x) => assessCouncil(x).intervention, inputs: data.mixed },
      { name: "ours.assessSponsor", fn: (x) => assessSponsor(x).status, inputs: data.sponsors },
    ], passes);
  },

  /** Batch: milliseconds per assessCouncils call over Ofsted's 153 councils and over 10,000. */
  async batch(reps) {
    const ofsted = data.ofsted, many = data.protocol;
    const check = assessCouncils(ofsted);
    if (check.length !== ofsted.length) throw new Error("batch returned the wrong count");
    assessCouncils(many);
    const ofstedMs = await repeat(() => assessCouncils(ofsted), reps);
    const manyMs = await repeat(() => assessCouncils(many), 3);
    const byIntervention = {};
    for (const o of check) byIntervention[o.intervention] = (byIntervention[o.intervention] || 0) + 1;
    return { councils: ofsted.length, ofstedMs, many: many.length, manyMs, byIntervention,
      inputChars: JSON.stringify(ofsted).length, outputChars: JSON.stringify(check).length };
  },

  keep: () => timeCalls((x) => x, []),
};
window.benchReady = true;
