// The only module that calls the WebAssembly engine. The engine decides every outcome; this
// module turns its thrown errors into { code, path, message } and cleans its messages for people.
import init, { assessCouncil, assessSponsor, assessCouncils, rulesets } from "../pkg/trust_eligibility.js";
import { compiled } from "./engine-wasm.js";
import { formatDatesIn } from "./wording.js";

let data = null;
let starting = null;

/** Loads the engine once, however many apps on the page ask (the full page, each embed): resolves
 *  once the module is instantiated and every function can be called. It was compiled by
 *  engine-wasm.js, which starts as early as the page lets it. */
export function start() {
  starting ??= compiled.then((module) => init({ module_or_path: module }));
  return starting;
}

/** The engine's ruleset data (rulesets()), read on first use: the first call reads the data the
 *  engine embeds (milliseconds), which no page needs before the user has left the start page. */
export function rulesData() {
  data ??= rulesets();
  return data;
}

function call(fn, input) {
  try {
    return { ok: true, value: fn(input) };
  } catch (e) {
    return { ok: false, error: { code: e?.code ?? "error", path: e?.path ?? "", message: String(e?.message ?? e) } };
  }
}
export const council = (input) => call(assessCouncil, input);
export const sponsor = (input) => call(assessSponsor, input);
export const councils = (inputs) => call(assessCouncils, inputs);

/** The engine's message without its leading path, in words: dates the GOV.UK way. */
export function cleanMessage(error) {
  let m = String(error.message ?? "");
  if (error.path && m.startsWith(`${error.path}: `)) m = m.slice(error.path.length + 2);
  m = m.replace(/Error:\s*\u0001[a-z_]+\u0001/g, "").replace(/[\u0000-\u001f]/g, "").trim();
  m = formatDatesIn(m);
  return m.charAt(0).toUpperCase() + m.slice(1);
}

/** The real code of an error (the engine wraps some, e.g. a date out of range in invalid_value). */
export function realCode(error) {
  const inner = /\u0001([a-z_]+)\u0001/.exec(error.message ?? "");
  return inner ? inner[1] : error.code;
}
