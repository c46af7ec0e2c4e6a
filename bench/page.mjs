// The browser half of the bench, driven by bench/run.mjs through playwright: every function on
// window.bench runs in this page and returns plain numbers. Our engine is the release build in
// www/pkg; the peers are json-logic-js (window.jsonLogic) and ZEN's published wasm build, which
// runs ZEN expressions only (no decision tables), fed the same decision as one expression.

import init, { assessCouncil, assessCouncils, assessSponsor, rulesets } from "/www/pkg/trust_eligibility.js";
import zenInit, { evaluateExpression } from "/node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm.js";
import { agreement, interleaved, median, repeat, timeCalls } from "/bench/lib/measure.mjs";

const OURS_WASM = "/www/pkg/trust_eligibility_bg.wasm";
const ZEN_WASM = "/node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm";

let data = null;
let toJson = (v) => JSON.stringify(v);
let outputs = null;
let answers = null;
/** A deep copy: new objects and arrays, the same strings and numbers. */
const copy = (v) => {
  if (Array.isArray(v)) return v.map(copy);
  if (v !== null && typeof v === "object") {
    const o = {};
    for (const k in v) o[k] = copy(v[k]);
    return o;
  }
  return v;
};

/**
 * Reads every key and value of `v`, recursively, and sums the string lengths (keys and values;
 * 1 for each number, boolean or null): the least any boundary that copies this input into wasm
 * must do, whatever form it copies it in.
 */
const walk = (v) => {
  if (typeof v === "string") return v.length;
  if (Array.isArray(v)) {
    let n = 0;
    for (let i = 0; i < v.length; i++) n += walk(v[i]);
    return n;
  }
  if (v !== null && typeof v === "object") {
    let n = 0;
    for (const k in v) n += k.length + walk(v[k]);
    return n;
  }
  return 1;
};
let walked = 0;

/**
 * Writes every value of `v` into wasm memory at `at` as it stands (a string's characters one
 * byte each: these inputs are ASCII; 8 bytes for a number, boolean or null), recursively, keys
 * left out: the least a boundary does that hands this input to an engine in wasm, whatever
 * form it hands it over in. Returns the new end. (A TextEncoder.encodeInto call per string
 * was several times slower; JSON.stringify + one encodeInto about as fast.)
 */
const put = (v, mem, at) => {
  if (typeof v === "string") {
    for (let i = 0; i < v.length; i++) mem[at++] = v.charCodeAt(i);
    return at;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) at = put(v[i], mem, at);
    return at;
  }
  if (v !== null && typeof v === "object") {
    for (const k in v) at = put(v[k], mem, at);
    return at;
  }
  return at + 8;
};
const putMem = new Uint8Array(new WebAssembly.Memory({ initial: 16 }).buffer);

/** Every string value in `v` (keys left out), recursively, into `into`. */
const stringsOf = (v, into) => {
  if (typeof v === "string") into.add(v);
  else if (Array.isArray(v)) for (const x of v) stringsOf(x, into);
  else if (v !== null && typeof v === "object") for (const k in v) stringsOf(v[k], into);
  return into;
};

/**
 * The text an engine in wasm composes for each answer, laid out in a wasm memory as UTF-8, with
 * where each piece lies and where it goes in the answer (a path of keys). Composed means: a
 * string of the answer that is not in the input, not in the ruleset data (titles, wording,
 * sources) and not an identifier (a word starting with a letter, no spaces:
 * `statutory_direction`, `protocol-2016/row-2`): the reason texts, next steps and warnings with
 * the council's name, grades and dates written in, and the dates the engine works out. The rest
 * a boundary could take ready-made, so the floor does not count them.
 */
const textsInWasm = (answers, inputs, rulesetStrings) => {
  const enc = new TextEncoder();
  const pieces = answers.map((a, i) => {
    const given = stringsOf(inputs[i], new Set());
    const out = [];
    const visit = (v, path) => {
      if (typeof v === "string") {
        if (!given.has(v) && !rulesetStrings.has(v) && !/^[A-Za-z][A-Za-z0-9_/-]*$/.test(v)) out.push([path, v]);
      } else if (Array.isArray(v)) v.forEach((x, k) => visit(x, [...path, k]));
      else if (v !== null && typeof v === "object") for (const k in v) visit(v[k], [...path, k]);
    };
    visit(a, []);
    return out;
  });
  const total = pieces.reduce((n, ps) => n + ps.reduce((m, [, t]) => m + 3 * t.length, 0), 0);
  const mem = new Uint8Array(new WebAssembly.Memory({ initial: Math.ceil((total + 1) / 65536) }).buffer);
  let at = 0, count = 0, chars = 0;
  const spans = [], paths = [];
  for (const ps of pieces) {
    const s = [];
    for (const [, t] of ps) {
      const n = enc.encodeInto(t, mem.subarray(at)).written;
      s.push(at, at + n);
      at += n;
      count++;
      chars += t.length;
    }
    spans.push(s);
    paths.push(ps.map(([path]) => path));
  }
  return { mem, spans, paths, end: at, perAnswer: count / answers.length, charsPerAnswer: chars / answers.length };
};
const DECODER = new TextDecoder();

/** Puts `text` at `path` in `o`. */
const place = (o, path, text) => {
  const last = path.length - 1;
  for (let j = 0; j < last; j++) o = o[path[j]];
  o[path[last]] = text;
};

/**
 * Puts answer `i`'s composed texts into `o` (its copy), sliced out of `all`, the text decoded
 * from wasm memory starting at byte `base`.
 */
const placeTexts = (o, texts, i, all, base) => {
  const spans = texts.spans[i], paths = texts.paths[i];
  for (let k = 0; k < spans.length; k += 2) place(o, paths[k / 2], all.slice(spans[k] - base, spans[k + 1] - base));
  return o;
};

/**
 * A new answer object (a deep copy) whose composed texts are read out of wasm memory: one
 * TextDecoder call for all of them, sliced (faster than a decode per text or
 * String.fromCharCode). The least an engine in wasm pays to return this answer as new objects.
 */
const answerFromWasm = (answer, texts, i) => {
  const spans = texts.spans[i];
  if (!spans.length) return copy(answer);
  const base = spans[0];
  return placeTexts(copy(answer), texts, i, DECODER.decode(texts.mem.subarray(base, spans[spans.length - 1])), base);
};
let texts = null;

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
    if (data.boundary) {
      try {
        const m = await import(data.boundary);
        if (typeof m.toJson === "function") toJson = m.toJson;
      } catch { /* keep JSON.stringify */ }
    }
    document.getElementById("status").textContent = "Ready";
    return {
      oursBytes: ours.length, zenBytes: zen.length,
      oursCompile: median(oursCompile), oursInstantiate, oursFirstCall,
      zenCompile: median(zenCompile), zenInstantiate,
      crossOriginIsolated: self.crossOriginIsolated === true,
      boundary: toJson !== JSON.stringify && data.boundary ? data.boundary : null,
    };
  },

  /** Every contender's answer on every input, compared with ours (not timed). */
  agreement() {
    const ours = data.protocol.map((x) => assessCouncil(x).intervention);
    const logic = data.facts.map((f) => window.jsonLogic.apply(data.jsonLogicRule, f));
    const zen = data.facts.map((f) => evaluateExpression(data.zenExpression, f));
    outputs = data.protocol.map((x) => JSON.stringify(assessCouncil(x)));
    answers = outputs.map((t) => JSON.parse(t));
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
      meanInputChars: mean(data.protocol.map((x) => JSON.stringify(x))), meanOutputChars: mean(outputs),
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
      // What crossing the boundary costs in JavaScript alone: writing the input as JSON text
      // (the boundary's own function) and reading the output JSON text back.
      { name: "boundary.inputToJson", fn: (x) => toJson(x), inputs: data.protocol },
      { name: "boundary.outputParse", fn: (t) => JSON.parse(t).asOf, inputs: outputs },
      // The floor of any engine that takes this input and returns this answer as a new object,
      // whatever it computes: the browser's own JSON.stringify of the input (no replacer) and
      // the browser's fastest way to build the answer object, JSON.parse of its text.
      { name: "floor.inputStringify", fn: (x) => JSON.stringify(x).length, inputs: data.protocol },
    ], passes);
  },

  /**
   * The floors without JSON, per call, in a page of their own (after the engines' calls, the
   * JIT's state made them up to twice as slow), with json-logic-js measured again alongside as
   * the reference for their ratios.
   */
  async floorsPerCall(passes) {
    const rule = data.jsonLogicRule;
    answers = data.protocol.map((x) => assessCouncil(x));
    texts = textsInWasm(answers, data.protocol, stringsOf(rulesets(), new Set()));
    const per = await interleaved([
      { name: "floors.jsonLogic", fn: (f) => window.jsonLogic.apply(rule, f), inputs: data.facts },
      // Building an object of the answer's shape in JavaScript from ready-made parts (every
      // string shared, only the objects and arrays new): the least any boundary pays.
      { name: "floor.answerCopy", fn: (o) => copy(o).asOf, inputs: answers },
      // Reading every key and value of the input in plain JavaScript (no text, no copy), as any
      // boundary that copies the input into wasm must.
      { name: "floor.inputWalk", fn: (x) => { walked = (walked + walk(x)) | 0; return ""; }, inputs: data.protocol },
      // The floors of an engine in wasm: the input's values written into wasm memory, and the
      // answer built with the text the engine composes read out of wasm memory.
      { name: "floor.inputIntoWasm", fn: (x) => { put(x, putMem, 0); return ""; }, inputs: data.protocol },
      { name: "floor.answerFromWasm", fn: (i) => answerFromWasm(answers[i], texts, i).asOf, inputs: answers.map((_, i) => i) },
    ], passes);
    return { per, composedPerAnswer: texts.perAnswer, composedCharsPerAnswer: texts.charsPerAnswer };
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
    // The JavaScript side of the batch: writing the 153 inputs as JSON text, reading the answer.
    const outText = JSON.stringify(check);
    const ofstedInJsMs = await repeat(() => toJson(ofsted), reps);
    const ofstedOutJsMs = await repeat(() => JSON.parse(outText), reps);
    // The floor of any engine returning these answers as new objects: the browser's own
    // JSON.stringify of the inputs and JSON.parse of the answers.
    const ofstedStringifyMs = await repeat(() => JSON.stringify(ofsted), reps);
    return {
      councils: ofsted.length, ofstedMs, many: many.length, manyMs, byIntervention, ofstedInJsMs, ofstedOutJsMs, ofstedStringifyMs,
      inputChars: JSON.stringify(ofsted).length, outputChars: outText.length,
    };
  },

  /**
   * The batch's floors of an engine in wasm, in a page of their own: the 153 inputs' values
   * written into wasm memory, and the answers built as new objects with the text the engine
   * composes read out of wasm memory in one TextDecoder call for the whole batch. Interleaved
   * repetitions after a warm-up.
   */
  async floorsBatch(reps) {
    const ofsted = data.ofsted;
    const check = assessCouncils(ofsted);
    const batchTexts = textsInWasm(check, ofsted, stringsOf(rulesets(), new Set()));
    // One decode for the whole batch's texts, then each answer's slices.
    const fromWasm = () => {
      const all = DECODER.decode(batchTexts.mem.subarray(0, batchTexts.end));
      return check.map((answer, i) => placeTexts(copy(answer), batchTexts, i, all, 0));
    };
    const intoWasm = () => { put(ofsted, putMem, 0); };
    for (let i = 0; i < 5; i++) { intoWasm(); fromWasm(); }
    const ofstedIntoWasmMs = [], ofstedFromWasmMs = [];
    for (let i = 0; i < reps; i++) {
      ofstedIntoWasmMs.push(...(await repeat(intoWasm, 1)));
      ofstedFromWasmMs.push(...(await repeat(fromWasm, 1)));
    }
    return { councils: ofsted.length, ofstedIntoWasmMs, ofstedFromWasmMs, composedPerAnswer: batchTexts.perAnswer, composedCharsPerAnswer: batchTexts.charsPerAnswer };
  },

  keep: () => timeCalls((x) => x, []) + walked,
};
window.benchReady = true;
