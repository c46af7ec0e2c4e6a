// The council journey's routing without a browser: for every route through it (each set of
// current arrangements, each choice of date, a council typed in or picked from Ofsted's data),
// the pages in order, Continue and Back between them, where a returning user resumes, which
// pages can be opened, and the engine input the answers make (toInput) and back (fromInput).
import { test } from "node:test";
import assert from "node:assert/strict";
import { journey, toInput, fromInput } from "../../www/js/council/council.js";
import { ctx, subsets, walk, TODAY } from "./data.mjs";

const STATUS_PAGES = { notice: "council/notice-date", direction: "council/direction-date",
  commissioner: "council/commissioner-date", trust: "council/trust-date" };
const STATUS_INPUT = { notice: ["noticeIssued", "improvementNoticeIssued"], direction: ["directionIssued", "directionIssued"],
  commissioner: ["commissionerAppointed", "commissionerAppointed"], trust: ["trustSince", "trustSince"] };
const AS_OF = [undefined, "today", "date"];

// One test a route: 16 sets of arrangements by 3 states of the date question.
for (const ticked of subsets(Object.keys(STATUS_PAGES))) {
  for (const asOfChoice of AS_OF) {
    test(`typed in, arrangements ${ticked.join("+") || "none"}, date ${asOfChoice ?? "not chosen"}: its pages in order`, () => {
      const a = { name: "Anyshire", arrangements: ticked.length ? ticked : ["none"], asOfChoice };
      assert.deepEqual(walk(assert, journey, ctx(a)), [
        "council/name", "council/inspections", "council/visits", "council/concerns", "council/arrangements",
        ...ticked.map((t) => STATUS_PAGES[t]),
        "council/as-of", ...(asOfChoice === "date" ? ["council/as-of-date"] : []), "council/ruleset", "council/check",
      ]);
    });
  }
}

// One test a route: 8 sets of what Ofsted published since its data, by 2 dates, by 8 sets of
// lists reopened from the check page.
for (const since of subsets(["report", "visit", "concerns"])) {
  for (const asOfChoice of ["today", "date"]) {
    for (const reopened of subsets(["inspectionsDone", "visitsDone", "concernsDone"])) {
      test(`picked, since ${since.join("+") || "nothing"}, date ${asOfChoice}, reopened ${reopened.join("+") || "none"}: confirm, then only the lists to add to`, () => {
        const a = { name: "Anyshire", code: "E1", picked: { code: "E1", asAt: "2026-08-31" }, since, asOfChoice,
          inspectionsDone: true, visitsDone: true, concernsDone: true };
        for (const k of reopened) a[k] = false;
        const lists = [
          (since.includes("report") || reopened.includes("inspectionsDone")) && "council/inspections",
          (since.includes("visit") || reopened.includes("visitsDone")) && "council/visits",
          (since.includes("concerns") || reopened.includes("concernsDone")) && "council/concerns",
        ].filter(Boolean);
        // The confirm page goes back to the picker (the date and rules were chosen for the user).
        assert.deepEqual(walk(assert, journey, ctx(a), { back: { "council/confirm": "council/name" } }), [
          "council/name", "council/as-of", ...(asOfChoice === "date" ? ["council/as-of-date"] : []), "council/ruleset",
          "council/confirm", ...lists, "council/check",
        ]);
      });
    }
  }
}

test("a new user resumes at the first question; pages after an unanswered one cannot be opened", () => {
  const c = ctx({});
  assert.equal(journey.resume(c), "council/name");
  assert.ok(journey.available("council/name", c));
  assert.ok(!journey.available("council/inspections", c));
  assert.ok(!journey.available("council/check", c));
  assert.ok(journey.available("council/result", c), "the result page shows what is missing itself");
  assert.ok(!journey.available("council/nowhere", c));
  assert.ok(!journey.available("council/confirm", c), "only after a council is picked");
});

/** Answers for a whole council journey, typed in. */
const full = () => ({
  name: "Anyshire",
  inspections: [{ published: "2015-06-10", overall: "inadequate", judgements: { helpAndProtection: "inadequate" } }],
  inspectionsDone: true,
  visits: [{ kind: "monitoring", date: "2015-11-02", progress: "some" }, { kind: "focused", date: "2016-01-05", priorityActions: true }],
  visitsDone: true,
  concerns: [{ kind: "whistleblower", date: "2016-01-20" }],
  concernsDone: true,
  arrangements: ["notice", "commissioner"], noticeIssued: "2015-07-01", commissionerAppointed: "2015-10-01",
  asOfChoice: "date", asOf: "2016-03-01", ruleset: "auto",
});

test("answered in full: resume and Continue in change mode go to the check page; every page can be opened", () => {
  const c = ctx(full());
  assert.equal(journey.resume(c), "council/check");
  for (const id of journey.path(c)) {
    assert.ok(journey.answered(id, c), `${id} answered`);
    assert.ok(journey.available(id, c), `${id} available`);
    if (id !== "council/check") assert.equal(journey.after(id, c, true), "council/check", `change from ${id}`);
  }
  // Un-answering the date of the notice: resume and change mode both go back to it.
  const b = ctx({ ...full(), noticeIssued: undefined });
  assert.equal(journey.resume(b), "council/notice-date");
  assert.equal(journey.after("council/arrangements", b, true), "council/notice-date");
  assert.ok(!journey.available("council/check", b));
});

test("items of a list: each step in turn, back to the list, and the next new item only", () => {
  const c = ctx(full());
  // [page, Continue, Back]
  const steps = [
    ["council/inspection/0/published", "council/inspection/0/overall", "council/inspections"],
    ["council/inspection/0/overall", "council/inspection/0/judgements", "council/inspection/0/published"],
    ["council/inspection/0/judgements", "council/inspections", "council/inspection/0/overall"],
    ["council/visit/1/kind", "council/visit/1/date", "council/visits"],
    ["council/visit/1/date", "council/visit/1/outcome", "council/visit/1/kind"],
    ["council/visit/1/outcome", "council/visits", "council/visit/1/date"],
    ["council/concern/0/kind", "council/concern/0/date", "council/concerns"],
    ["council/concern/0/date", "council/concerns", "council/concern/0/kind"],
  ];
  for (const [page, next, back] of steps) {
    const at = { ...c, i: journey.def(page).i };
    assert.equal(journey.next(page, at), next, `Continue from ${page}`);
    assert.equal(journey.prev(page, at), back, `Back from ${page}`);
  }
  assert.equal(journey.prev("council/visit/1/kind", c), "council/visits", "the first step goes back to the list");
  assert.equal(journey.prev("council/visit/1/remove", c), "council/visits");
  assert.ok(journey.available("council/visit/2/kind", c), "the next new item, from its first step");
  assert.ok(!journey.available("council/visit/2/date", c));
  assert.ok(!journey.available("council/visit/3/kind", c), "not two items ahead");
  // A report from April 2026 may still carry an overall grade (inspections begun before late
  // April 2026 were graded): the grade is asked, with "no overall grade" an answer.
  const late = ctx({ ...full(), inspections: [{ published: "2026-06-15" }] }, { i: 0 });
  assert.equal(journey.next("council/inspection/0/published", late), "council/inspection/0/overall");
  assert.equal(journey.prev("council/inspection/0/judgements", late), "council/inspection/0/overall");
});

test("toInput: the engine input, with only what was asked and answered", () => {
  assert.deepEqual(toInput(full(), TODAY, {}), {
    asOf: "2016-03-01",
    council: { name: "Anyshire" },
    inspections: [{ published: "2015-06-10", overall: "inadequate", judgements: { helpAndProtection: "inadequate" } }],
    visits: [{ date: "2015-11-02", kind: "monitoring", progress: "some" }, { date: "2016-01-05", kind: "focused", priorityActions: true }],
    concerns: [{ date: "2016-01-20", kind: "whistleblower" }],
    status: { improvementNoticeIssued: "2015-07-01", commissionerAppointed: "2015-10-01" },
  });
  // Today, a chosen ruleset, a date of an arrangement not ticked (not sent), no answers yet.
  assert.deepEqual(toInput({ asOfChoice: "today", asOf: "2016-03-01", ruleset: "protocol-2016", arrangements: ["none"], trustSince: "2014-01-01" }, TODAY),
    { asOf: TODAY, ruleset: "protocol-2016", inspections: [], visits: [], concerns: [] });
  assert.deepEqual(toInput({}, TODAY), { asOf: TODAY, inspections: [], visits: [], concerns: [] });
});

test("toInput while answering (probe): unfinished items as far as they go", () => {
  const a = { inspections: [{ published: "2015-06-10" }], visits: [{ date: "2015-11-02" }], concerns: [{ date: "2016-01-20" }] };
  assert.deepEqual(toInput(a, TODAY), { asOf: TODAY, inspections: [], visits: [], concerns: [] });
  assert.deepEqual(toInput(a, TODAY, { probe: true }), {
    asOf: TODAY, inspections: [{ published: "2015-06-10", overall: "good" }], visits: [{ date: "2015-11-02", kind: "focused" }], concerns: [],
  });
  // From April 2026 a report without an overall grade is complete as it is.
  assert.deepEqual(toInput({ inspections: [{ published: "2026-06-15", judgements: { helpAndProtection: "good" } }] }, TODAY).inspections,
    [{ published: "2026-06-15", judgements: { helpAndProtection: "good" } }]);
});

test("fromInput: every arrangement, visit kind and outcome back to answers; toInput(fromInput(x)) is x", () => {
  for (const ticked of subsets(Object.keys(STATUS_INPUT))) {
    const status = Object.fromEntries(ticked.map((t, k) => [STATUS_INPUT[t][1], `2015-0${k + 1}-01`]));
    const x = {
      asOf: "2016-03-01", council: { name: "Anyshire", code: "E1" },
      inspections: [{ published: "2015-06-10", overall: "inadequate" }],
      visits: [{ date: "2015-11-02", kind: "monitoring", progress: "insufficient" }, { date: "2015-12-02", kind: "monitoring" },
        { date: "2016-01-05", kind: "focused", priorityActions: false }, { date: "2016-01-06", kind: "focused" }],
      concerns: [{ date: "2016-01-20", kind: "serious_incident" }],
      ...(ticked.length ? { status } : {}),
    };
    const a = fromInput(x, { withDate: true });
    assert.deepEqual(a.arrangements, ticked.length ? ticked : ["none"]);
    for (const t of ticked) assert.equal(a[STATUS_INPUT[t][0]], status[STATUS_INPUT[t][1]]);
    assert.deepEqual(a.visits.map((v) => [v.progress, v.priorityActions]),
      [["insufficient", undefined], [null, undefined], [undefined, false], [undefined, null]]);
    assert.equal(a.asOfChoice, "date");
    assert.deepEqual(journey.path(ctx(a)).filter((id) => id.endsWith("-date") && id !== "council/as-of-date"), ticked.map((t) => STATUS_PAGES[t]));
    assert.deepEqual(toInput(a, TODAY), x);
    assert.equal(journey.resume(ctx(a)), "council/ruleset", "all answered but the rules");
  }
  const noDate = fromInput({ asOf: "2016-03-01", ruleset: "protocol-2016" });
  assert.equal(noDate.asOfChoice, undefined, "the date and rules only when asked for");
  assert.equal(noDate.ruleset, undefined);
  assert.equal(fromInput({ ruleset: "protocol-2016" }, { withDate: true }).ruleset, "protocol-2016");
});
