// The only module that calls the WebAssembly engine. The engine decides every outcome; this
// module turns its thrown errors into plain objects: { code, path, message } and whatever
// structured detail the engine gives (e.g. limit, index), which engine-errors.js maps to pages.
import init, { assessCouncil, assessSponsor, assessCouncils, rulesets } from "../../pkg/trust_eligibility.js";
import * as wasm from "../../pkg/trust_eligibility.js";
import { compile } from "./engine-wasm.js";
import { formatDatesIn } from "./wording.js";

let data = null;
let starting = null;

let started = false;

/** Loads the engine once, however many apps on the page ask (the full page, each embed): resolves
 *  once the module is instantiated and every function can be called. Nothing is fetched before
 *  the first call. A failure (offline on a first visit) can be retried. */
export function start() {
  starting ??= compile().then((module) => init({ module_or_path: module })).then(() => { started = true; }, (e) => { starting = null; throw e; });
  return starting;
}

/** Whether start() has finished: the engine can be called. */
export const isReady = () => started;

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
    // Every own property the engine put on its Error (code, path, limit, index, …), as data.
    const detail = {};
    for (const k of Object.keys(e ?? {})) if (k !== "name" && k !== "message" && k !== "stack") detail[k] = e[k];
    return { ok: false, error: { ...detail, code: e?.code ?? "error", path: e?.path ?? "", message: String(e?.message ?? e) } };
  }
}
export const council = (input) => call(assessCouncil, input);
export const sponsor = (input) => call(assessSponsor, input);
export const councils = (inputs) => call(assessCouncils, inputs);
/** The intervention code of each council on each date (`value[d][c]`): the engine's lighter batch
 *  for a picture over time, without each answer's words, key dates and outlook. */
export const interventionsOn = (inputs, dates) => call((x) => wasm.interventionsOn(x, dates), inputs);

let overriding = null;

/** The checker built with ruleset overrides (www/pkg-rules), fetched the first time a page gives
 *  an override and never before: the module above (www/pkg) is built without the reader and
 *  checks an override needs, and refuses one (invalid_ruleset) rather than ignore it. */
function withOverrides() {
  overriding ??= import("../../pkg-rules/trust_eligibility.js")
    .then(async (m) => { await m.default({ module_or_path: new URL("../pkg-rules/trust_eligibility_bg.wasm", import.meta.url) }); return m; })
    .catch((e) => { overriding = null; throw e; });
  return overriding;
}

/** The engine under a ruleset override (a partial ruleset file, SPEC §2, merged onto the built-in
 *  one and validated): { council, sponsor, councils, rules }, each answering as council() does,
 *  an invalid override as an error with its code (invalid_ruleset) and path. */
export async function overridden(rulesets) {
  const m = await withOverrides();
  return {
    council: (input) => call((x) => m.assessCouncil(x, rulesets), input),
    sponsor: (input) => call((x) => m.assessSponsor(x, rulesets), input),
    councils: (inputs) => call((x) => m.assessCouncils(x, rulesets), inputs),
    rules: () => call(m.rulesets, rulesets),
  };
}

/** The engine's detail (its message without the path), in words: dates the GOV.UK way. Shown only
 *  where no page field can hold the error (engine-errors.js maps the others by code and path). */
export function cleanMessage(error) {
  const m = formatDatesIn(String(error.detail ?? error.message ?? "").trim());
  return m.charAt(0).toUpperCase() + m.slice(1);
}

/** The engine's forgiving name matcher (src/names.rs, exported as matchCouncils), once the
 *  engine has it and is started; null until then (councils-data.js then matches by itself). */
export function nameMatcher() {
  return started && typeof wasm.matchCouncils === "function" ? wasm.matchCouncils : null;
}
