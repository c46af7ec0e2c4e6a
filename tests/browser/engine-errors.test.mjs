// The pages read the engine's errors by code, path and structured detail (limit, index, min,
// max), never by the wording of the message: each case here gives a message that says
// something else, and the page's words must follow the code and detail. Runs in Node (no
// browser): www/js/engine/engine-errors.js with the journeys' own page definitions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { matchPath, engineMessage, errorFor } from "../../www/js/engine/engine-errors.js";
import { journey as council } from "../../www/js/council/council.js";
import { rules } from "./helpers.mjs";

const misleading = "inspections[0].published: at most 5 are allowed; inspections[7] was also published on 1999-01-01 (2000-01-01 to 2001-01-01)";
const def = { noun: "the council name" };

test("paths: a page's pattern, with an item's index and what follows it", () => {
  assert.deepEqual(matchPath("inspections[:i].published", "inspections[12].published"), { i: 12, rest: "" });
  assert.deepEqual(matchPath("inspections[:i].judgements.*", "inspections[0].judgements.careLeavers"), { i: 0, rest: "careLeavers" });
  assert.equal(matchPath("inspections[:i].published", "inspections.published"), null);
  assert.equal(matchPath("inspections[:i].published", "inspections[1].overall"), null);
  assert.equal(matchPath("council.name", "council.name.first"), null);
  assert.deepEqual(matchPath("council.name", "council.name"), { i: null, rest: "" });
});

test("too_long: the limit from the error's detail, whatever the message says", () => {
  assert.equal(engineMessage({ code: "too_long", path: "council.name", message: misleading, limit: 200 }, def), "The council name must be 200 characters or fewer");
  assert.equal(engineMessage({ code: "too_long", path: "council.name", message: misleading }, def), "The council name is too long: make it shorter");
});

test("duplicate_inspection: the other inspection from the detail, or from the answers; the day from the answers", () => {
  const input = { asOf: "2017-01-01", inspections: [{ published: "2016-05-01" }, { published: "2015-01-01" }, { published: "2016-05-01" }] };
  const e = { code: "duplicate_inspection", path: "inspections[2].published", message: misleading };
  assert.equal(engineMessage({ ...e, index: 0 }, def, { input }), "Inspection 1 was also published on 1 May 2016: two inspections cannot be published on the same day");
  assert.equal(engineMessage(e, def, { input }), "Inspection 1 was also published on 1 May 2016: two inspections cannot be published on the same day");
  assert.equal(engineMessage(e, def, { input: { inspections: [] } }), "Another inspection was also published on that day: two inspections cannot be published on the same day");
});

test("date_out_of_range, no_ruleset, missing_inspection: their dates from the detail, the ruleset data and the input", () => {
  const noun = { noun: "the date the report was published" };
  assert.equal(engineMessage({ code: "date_out_of_range", path: "x", message: misleading, min: "1990-01-01", max: "2100-12-31" }, noun),
    "The date the report was published must be between 1 January 1990 and 31 December 2100");
  assert.equal(engineMessage({ code: "date_out_of_range", path: "x", message: misleading }, noun),
    "The date the report was published is outside the dates this service can check");
  const first = rules.rulesets.map((r) => r.inForceFrom).sort()[0];
  const words = new Date(`${first}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  assert.equal(engineMessage({ code: "no_ruleset", path: "asOf", message: misleading }, null, { data: rules }),
    `The date to check must be on or after ${words}, when the rules this service applies begin`);
  assert.equal(engineMessage({ code: "missing_inspection", path: "ownInspections", message: misleading }, null, { input: { asOf: "2019-01-01" } }),
    "Add at least one inspection of the council published on or before 1 January 2019");
});

test("errorFor: the page and field holding the answer at the error's path", () => {
  const input = { inspections: [{}, {}, {}, { published: "x" }] };
  const e = errorFor(council, { code: "invalid_date", path: "inspections[3].published", message: "misleading" }, { a: {}, data: rules }, input);
  assert.equal(e.page, "council/inspection/3/published");
  assert.equal(e.field, "published-day");
  assert.equal(e.text, "\"x\" is not a date (YYYY-MM-DD)", "invalid_date: worded from the code and the value at the path");
  const other = errorFor(council, { code: "invalid_type", path: "inspections[3].published", message: "inspections[3].published: invalid type: a number", detail: "invalid type: a number" }, { a: {}, data: rules }, input);
  assert.equal(other.text, "Invalid type: a number", "other codes: the engine's detail (its message without the path)");
  const nowhere = errorFor(council, { code: "invalid_type", path: "somewhere.else", message: "somewhere.else: wrong" }, { a: {}, data: rules }, {});
  assert.equal(nowhere.page, null);
});
