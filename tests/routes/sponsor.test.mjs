// The sponsor journey's routing without a browser: for every kind of organisation and choice of
// date, the pages in order (only the questions for the criteria that apply to it, none for what
// is assumed), Continue and Back, applies() for every page and kind, what is assumed, and the
// engine input the answers make (toInput) and back (fromInput).
import { test } from "node:test";
import assert from "node:assert/strict";
import { journey, toInput, fromInput, applies, assumed, criterionAsked, settled } from "../../www/js/sponsor/sponsor.js";
import { ctx, data, walk, TODAY } from "./data.mjs";

const COMMON = ["sponsor/kind", "sponsor/name"];
const NOT_FOR_PROFIT = ["sponsor/england", "sponsor/regulatory", "sponsor/experience-years", "sponsor/dcs-leaders",
  "sponsor/social-workers", "sponsor/provision", "sponsor/governance", "sponsor/independent-board", "sponsor/income", "sponsor/reserves"];
/** The questions each kind is asked between its name and the date (ruleset data: appliesTo). */
const ASKED = {
  charity: NOT_FOR_PROFIT,
  community_interest_company: NOT_FOR_PROFIT,
  company_limited_by_guarantee: NOT_FOR_PROFIT,
  expert_team: ["sponsor/not-for-profit", "sponsor/england", "sponsor/regulatory", "sponsor/experience-years",
    "sponsor/dcs-leaders", "sponsor/governance", "sponsor/independent-board"],
  private_company: ["sponsor/not-for-profit", "sponsor/england", "sponsor/regulatory", "sponsor/dcs-leaders",
    "sponsor/governance", "sponsor/independent-board"],
  local_authority: ["sponsor/regulatory", "sponsor/inspections", "sponsor/intervention"],
};
const ASSUMED = {
  charity: [["sponsor/not-for-profit", "Yes"]], community_interest_company: [["sponsor/not-for-profit", "Yes"]],
  company_limited_by_guarantee: [["sponsor/not-for-profit", "Yes"]], expert_team: [], private_company: [],
  local_authority: [["sponsor/england", "Yes"]],
};
const dated = (asOfChoice) => ["sponsor/as-of", ...(asOfChoice === "date" ? ["sponsor/as-of-date"] : []), "sponsor/check"];

test("every kind of organisation the ruleset knows has a route here", () => {
  const kinds = new Set(data.sponsor.criteria.flatMap((c) => c.appliesTo));
  assert.deepEqual([...kinds].sort(), Object.keys(ASKED).sort());
});

for (const asOfChoice of [undefined, "today", "date"]) {
  test(`no kind yet, date ${asOfChoice ?? "not chosen"}: the kind, the name and the date only`, () => {
    assert.deepEqual(walk(assert, journey, ctx({ asOfChoice })), [...COMMON, ...dated(asOfChoice)]);
  });
  for (const kind of Object.keys(ASKED)) {
    test(`${kind}, date ${asOfChoice ?? "not chosen"}: its questions in order, what is assumed not asked`, () => {
      const c = ctx({ kind, asOfChoice });
      assert.deepEqual(walk(assert, journey, c), [...COMMON, ...ASKED[kind], ...dated(asOfChoice)]);
      assert.deepEqual(assumed(c).map((x) => [x.id, x.value]), ASSUMED[kind]);
      for (const x of assumed(c)) assert.match(x.because, /\w/);
    });
  }
}

test("applies(): every page with criteria, for every kind, as the ruleset's appliesTo says", () => {
  const pages = journey.pages.filter((p) => p.criteria);
  assert.deepEqual([...new Set(pages.flatMap((p) => p.criteria))].sort(), data.sponsor.criteria.map((c) => c.id).sort(),
    "every criterion has a question that feeds it");
  for (const p of pages) {
    assert.equal(applies(p, ctx({})), false, `${p.id} without a kind`);
    for (const kind of Object.keys(ASKED)) {
      const want = p.criteria.some((id) => data.sponsor.criteria.find((c) => c.id === id).appliesTo.includes(kind));
      assert.equal(applies(p, ctx({ kind })), want, `${p.id} for ${kind}`);
    }
  }
  assert.equal(applies({ id: "sponsor/kind" }, ctx({})), true, "a page without criteria always applies");
});

test("items of a list: each step in turn and back to the list", () => {
  const c = ctx({ kind: "charity", provision: [{ kind: "childrens_home", grade: "good" }], ownInspections: [] });
  const steps = [
    ["sponsor/service/0/kind", "sponsor/service/0/grade", "sponsor/provision"],
    ["sponsor/service/0/grade", "sponsor/service/0/published", "sponsor/service/0/kind"],
    ["sponsor/service/0/published", "sponsor/provision", "sponsor/service/0/grade"],
    ["sponsor/inspection/0/published", "sponsor/inspection/0/overall", "sponsor/inspections"],
  ];
  for (const [page, next, back] of steps) {
    const at = { ...c, i: journey.def(page).i };
    assert.equal(journey.next(page, at), next, `Continue from ${page}`);
    assert.equal(journey.prev(page, at), back, `Back from ${page}`);
  }
  assert.ok(journey.available("sponsor/service/1/kind", c));
  assert.ok(!journey.available("sponsor/service/1/grade", c));
});

/** A charity's answers to every question. */
const charity = () => ({
  kind: "charity", name: "Helping Hands", basedInEngland: true, regulatory: ["none"],
  years: 12, leaders: 2, socialWorkers: 40,
  provision: [{ kind: "childrens_home", grade: "good", published: "2024-05-01" }], provisionDone: true,
  governance: ["safeguardingLead", "conflictPolicy", "whistleblowingPolicy"], independent: 5,
  income: 12_000_000, reserves: 4, asOfChoice: "date", asOf: "2026-01-01",
});

test("toInput: a charity's answers, not-for-profit not asked and not sent (the engine takes it from the kind); answers to questions not on its route are not sent", () => {
  const a = { ...charity(), notForProfit: false, intervention: ["notice"], ownInspections: [{ published: "2015-01-01", overall: "good" }] };
  assert.deepEqual(toInput(a, TODAY, { data }), {
    asOf: "2026-01-01",
    organisation: { kind: "charity", name: "Helping Hands", basedInEngland: true },
    regulatory: { openEnforcementAction: false, openCharityCommissionInquiry: false },
    experience: { yearsDeliveringChildrensServices: 12, leadersWithDcsExperience: 2, qualifiedSocialWorkers: 40,
      registeredProvision: [{ kind: "childrens_home", grade: "good", published: "2024-05-01" }] },
    governance: { safeguardingLeadOnBoard: true, conflictOfInterestPolicy: true, whistleblowingPolicy: true, independentBoardMembers: 5 },
    finances: { annualIncomeGbp: 12_000_000, reservesMonths: 4 },
  });
});

test("toInput: a council's own record; a private company's answers cut to its route", () => {
  const council = { kind: "local_authority", name: "Anyshire", regulatory: ["enforcement"], intervention: ["direction"],
    ownInspections: [{ published: "2023-03-01", overall: "good", judgements: null }], years: 50, asOfChoice: "today" };
  assert.deepEqual(toInput(council, TODAY, { data }), {
    asOf: TODAY, organisation: { kind: "local_authority", name: "Anyshire", basedInEngland: true },
    regulatory: { openEnforcementAction: true, openCharityCommissionInquiry: false },
    ownInspections: [{ published: "2023-03-01", overall: "good" }],
    status: { improvementNotice: false, direction: true },
  });
  const company = { ...charity(), kind: "private_company", notForProfit: false };
  assert.deepEqual(toInput(company, TODAY, { data }), {
    asOf: "2026-01-01",
    organisation: { kind: "private_company", name: "Helping Hands", notForProfit: false, basedInEngland: true },
    regulatory: { openEnforcementAction: false, openCharityCommissionInquiry: false },
    experience: { leadersWithDcsExperience: 2 },
    governance: { safeguardingLeadOnBoard: true, conflictOfInterestPolicy: true, whistleblowingPolicy: true, independentBoardMembers: 5 },
  });
  // No kind yet: a charity is assumed for the engine's checks, and nothing else is sent.
  assert.deepEqual(toInput({ name: "X", years: 3 }, TODAY, { data }), { asOf: TODAY, organisation: { kind: "charity", name: "X" } });
});

test("toInput while answering (probe): unfinished services and inspections with a neutral grade", () => {
  const a = { kind: "local_authority", ownInspections: [{ published: "2023-03-01" }] };
  assert.deepEqual(toInput(a, TODAY, { data }).ownInspections, []);
  assert.deepEqual(toInput(a, TODAY, { data, probe: true }).ownInspections, [{ published: "2023-03-01", overall: "good" }]);
  const b = { kind: "charity", provision: [{ kind: "fostering_agency" }] };
  assert.deepEqual(toInput(b, TODAY, { data }).experience.registeredProvision, []);
  assert.deepEqual(toInput(b, TODAY, { data, probe: true }).experience.registeredProvision, [{ kind: "fostering_agency", grade: "good" }]);
});

test("fromInput then toInput gives the input back, for each kind; every question then answered", () => {
  for (const kind of Object.keys(ASKED)) {
    const x = toInput({ ...charity(), kind, notForProfit: true, intervention: ["none"],
      ownInspections: [{ published: "2023-03-01", overall: "requires_improvement" }], ownInspectionsDone: true }, TODAY, { data });
    const a = fromInput(x);
    assert.deepEqual(toInput(a, TODAY, { data }), x, kind);
    assert.equal(journey.resume(ctx(a)), "sponsor/check", `${kind}: nothing left to ask`);
  }
  // Ofsted's own wording of a grade is read as the grade.
  assert.equal(fromInput({ experience: { registeredProvision: [{ kind: "other", grade: "Requires improvement to be good" }] } })
    .provision[0].grade, "requires_improvement");
  assert.deepEqual(fromInput({ regulatory: {}, status: {}, governance: {} }),
    { regulatory: ["none"], intervention: ["none"], governance: ["none"] });
});

test("settled: ineligible because of a gate already answered, not one still to be asked", () => {
  const c = ctx({ kind: "private_company", notForProfit: false });
  const gate = { status: "ineligible", criteria: [{ id: "not_for_profit", level: "gate", met: false }] };
  assert.ok(criterionAsked(c, "not_for_profit"));
  assert.ok(settled(c, gate));
  assert.ok(!settled(ctx({ kind: "private_company" }), gate), "not answered yet");
  assert.ok(!settled(c, { ...gate, status: "eligible" }));
  assert.ok(!criterionAsked(ctx({ kind: "charity" }), "experience_years"));
});

test("'I do not know' goes to the engine as null and comes back as the same answer", () => {
  const a = { ...charity(), kind: "expert_team", notForProfit: "unknown", basedInEngland: "unknown", years: "unknown",
    leaders: "unknown", governance: ["unknown"], independent: "unknown" };
  const x = toInput(a, TODAY, { data });
  assert.deepEqual(x.organisation, { kind: "expert_team", name: "Helping Hands", notForProfit: null, basedInEngland: null });
  assert.deepEqual(x.experience, { yearsDeliveringChildrensServices: null, leadersWithDcsExperience: null });
  assert.deepEqual(x.governance, { safeguardingLeadOnBoard: null, conflictOfInterestPolicy: null, whistleblowingPolicy: null, independentBoardMembers: null });
  const back = fromInput(x);
  for (const k of ["notForProfit", "basedInEngland", "years", "leaders", "independent"]) assert.equal(back[k], "unknown", k);
  assert.deepEqual(back.governance, ["unknown"]);
  assert.deepEqual(toInput(back, TODAY, { data }), x);
});
