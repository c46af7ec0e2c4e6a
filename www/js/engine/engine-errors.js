// The engine's errors, mapped to the page and field that hold the answer, in GOV.UK words.
// Read by code, path and the structured detail the engine puts on its errors (limit, index,
// min, max): never by matching the wording of its message, which is shown as it is only when no
// page's field can hold the error.
import * as engine from "./engine.js";
import { formatDate } from "./wording.js";
import { CODES } from "./vocabulary.js";

const E = CODES.error;

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const call = (v, ctx) => (typeof v === "function" ? v(ctx) : v);

const HOLE = Symbol("item index");

/** An error's path ("inspections[2].published") as its parts: ["inspections", 2, "published"];
 *  in a page's pattern, "[:i]" is a hole that any index fills. */
export function pathParts(path) {
  const out = [];
  for (const m of String(path ?? "").matchAll(/([^.[\]]+)|\[(\d+|:i)\]/g)) {
    out.push(m[2] === ":i" ? HOLE : m[2] !== undefined ? Number(m[2]) : m[1]);
  }
  return out;
}

/** A page's engine pattern ("inspections[:i].*") against an error's path: { i, rest } or null. */
export function matchPath(pattern, path) {
  const star = pattern.endsWith(".*");
  const want = pathParts(star ? pattern.slice(0, -2) : pattern);
  const got = pathParts(path);
  if (star ? got.length <= want.length : got.length !== want.length) return null;
  let i = null;
  for (let k = 0; k < want.length; k++) {
    if (want[k] === HOLE) {
      if (typeof got[k] !== "number") return null;
      i = got[k];
    } else if (want[k] !== got[k]) return null;
  }
  return { i, rest: got.slice(want.length).join(".") };
}

/** The page and field holding the answer at an engine error's path. */
export function locate(journey, path, ctx) {
  for (const def of journey.pages) {
    if (def.engineWhen && !def.engineWhen(ctx)) continue; // a page of the other route
    for (const [pattern, field] of def.engine ?? []) {
      const m = matchPath(pattern, path);
      if (m) {
        const c = { ...ctx, i: m.i };
        return { page: m.i === null ? def.id : def.id.replace(":i", String(m.i)), def, field: typeof field === "function" ? field(m.rest, c) : field };
      }
    }
  }
  return null;
}

/** The value at an error's path in the engine input the answers became (for a date error: the
 *  date the user gave). */
function at(input, path) {
  let v = input;
  for (const p of pathParts(path)) v = v?.[p];
  return v;
}

/** Where the engine gives no index: the other item of the same list published that day. */
function sameDay(input, path, date) {
  const parts = pathParts(path);
  const k = parts.findLastIndex((p) => typeof p === "number");
  if (k < 0 || date === undefined) return null;
  let list = input;
  for (const p of parts.slice(0, k)) list = list?.[p];
  const field = parts.slice(k + 1).join(".");
  const j = Array.isArray(list) ? list.findIndex((x, n) => n !== parts[k] && x?.[field] === date) : -1;
  return j >= 0 ? j : null;
}

/**
 * An engine error in GOV.UK words for the field it belongs to.
 *   error  { code, path, message, …detail }
 *   def    the page definition (its noun names the answer)
 *   input  the engine input the error is about; data: the ruleset data
 */
/** @param {any} error @param {any} def @param {{ input?: any, data?: any }} [o] */
export function engineMessage(error, def, { input, data } = {}) {
  const noun = def?.noun ? call(def.noun, {}) : "the answer";
  switch (error.code) {
    case E.tooLong:
      return Number.isInteger(error.limit)
        ? `${cap(noun)} must be ${error.limit} characters or fewer`
        : `${cap(noun)} is too long: make it shorter`;
    case E.tooMany:
      return Number.isInteger(error.limit) ? `You can add up to ${error.limit.toLocaleString("en-GB")}` : "There are too many of these: remove some";
    case E.noRuleset: {
      const from = (data?.rulesets ?? []).map((r) => r.inForceFrom).filter(Boolean).sort()[0];
      return from
        ? `The date to check must be on or after ${formatDate(from)}, when the rules this service applies begin`
        : "No rules this service applies were in force on the date to check";
    }
    case E.dateOutOfRange: {
      const min = error.min ?? error.from, max = error.max ?? error.to;
      return min && max
        ? `${cap(noun)} must be between ${formatDate(min)} and ${formatDate(max)}`
        : `${cap(noun)} is outside the dates this service can check`;
    }
    case E.duplicateInspection: {
      const date = at(input, error.path);
      const other = Number.isInteger(error.index) ? error.index : sameDay(input, error.path, date);
      const day = typeof date === "string" ? formatDate(date) : "that day";
      return other === null
        ? `Another inspection was also published on ${day}: two inspections cannot be published on the same day`
        : `Inspection ${other + 1} was also published on ${day}: two inspections cannot be published on the same day`;
    }
    case E.invalidDate: {
      const value = at(input, error.path);
      return typeof value === "string" ? `"${value}" is not a date (YYYY-MM-DD)` : `${cap(noun)} must be a date written YYYY-MM-DD`;
    }
    case E.missingInspection:
      return `Add at least one inspection of the council published on or before ${input?.asOf ? formatDate(input.asOf) : "the date checked"}`;
    default:
      return engine.cleanMessage(error);
  }
}

/** { page, def, field, text }: where an engine error belongs and what it says; page null when no
 *  page holds it (the check answers page shows it). */
export function errorFor(journey, error, ctx, input) {
  const loc = locate(journey, error.path, ctx);
  return loc
    ? { ...loc, text: engineMessage(error, loc.def, { input, data: ctx.data }) }
    : { page: null, field: null, text: engineMessage(error, null, { input, data: ctx.data }) };
}
