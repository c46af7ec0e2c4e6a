// The pages' vocabulary (www/js/engine/vocabulary.js) is generated from the ruleset data and labels
// (build/vocabulary.mjs): the committed module must be what the data gives, so that a code
// or label changed in rulesets/rulesets.json reaches the pages, and no page keeps its own copy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { RULESETS, LABELS, VOCABULARY, vocabularyModule } from "../../build/vocabulary.mjs";
import { GRADES, CODES, DATE_KINDS } from "../../www/js/engine/vocabulary.js";

const data = JSON.parse(readFileSync(RULESETS, "utf8"));
const labels = JSON.parse(readFileSync(LABELS, "utf8"));

test("the committed vocabulary module is the one the ruleset data gives", () => {
  assert.equal(readFileSync(VOCABULARY, "utf8"), vocabularyModule(data, labels),
    "run node build/vocabulary.mjs (or the release build) and commit www/js/engine/vocabulary.js");
});

test("each list holds the codes of the data's table, in its order, with their labels", () => {
  assert.deepEqual(GRADES.map(([code]) => code), Object.keys(labels.grades));
  assert.equal(CODES.grade.requiresImprovement, "requires_improvement");
  assert.deepEqual(Object.keys(DATE_KINDS), Object.keys(data.keyDates));
  assert.equal(DATE_KINDS[CODES.keyDate.commissionerReviewDue], data.keyDates.commissioner_review_due.label);
});

test("a label added in the data for a new code reaches the module", () => {
  const more = structuredClone(labels);
  more.grades.very_good = { label: "Very good" };
  assert.match(vocabularyModule(data, more), /\["very_good","Very good"\]/);
  assert.match(vocabularyModule(data, more), /"veryGood": "very_good"/);
});
