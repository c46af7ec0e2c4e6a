// Shared by the route tests: the ruleset data the engine embeds (what the pages get from
// rulesets()), a date for "today", and a context as the pages build one (app.js ctxFor).
import { readFileSync } from "node:fs";

export const data = JSON.parse(readFileSync(new URL("../../rulesets/rulesets.json", import.meta.url), "utf8"));
export const TODAY = "2026-12-07";
export const ctx = (a, extra = {}) => ({ a, data, today: TODAY, i: null, change: false, ...extra });

/** Every subset of a list, the empty one first (for routes that depend on a set of ticks). */
export const subsets = (xs) => xs.reduce((out, x) => [...out, ...out.map((s) => [...s, x])], [[]]);

/** Walks a journey's main path with Continue and Back, as a user would, and checks that each page
 *  leads to the next and back to the one before (the first back to the journey's `before`; a page
 *  with its own Back link as `back` says). */
export function walk(assert, journey, c, { back = {} } = {}) {
  const p = journey.path(c);
  for (let k = 0; k < p.length; k++) {
    const next = k + 1 < p.length ? p[k + 1] : journey.check;
    if (p[k] !== journey.check) assert.equal(journey.after(p[k], c, false), next, `Continue from ${p[k]}`);
    assert.equal(journey.prev(p[k], c), back[p[k]] ?? (k ? p[k - 1] : journey.before), `Back from ${p[k]}`);
    assert.ok(journey.def(p[k]), `${p[k]} has a page`);
  }
  assert.equal(new Set(p).size, p.length, "no page twice");
  assert.equal(p.at(-1), journey.check, "ends at the check page");
  return p;
}
