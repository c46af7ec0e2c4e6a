// Deterministic generated inputs (a seeded PRNG): realistic council histories (1–6 Ofsted
// inspections, SIF before 2018 and ILACS after, key judgements, monitoring and focused visits,
// concerns, a commissioner or a trust now and then, now and then a report published after the
// assessment date) and sponsor self-assessments of every kind of organisation.

import { addDays, addMonths } from "./dates.mjs";

/** mulberry32: small, fast, deterministic. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const chance = (p) => next() < p;
  const weighted = (pairs) => {
    let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) { if ((r -= w) < 0) return v; }
    return pairs[pairs.length - 1][0];
  };
  const dateBetween = (from, to) => {
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
    return addDays(from, int(0, span));
  };
  return { next, int, pick, chance, weighted, dateBetween };
}

const WORDS = {
  outstanding: ["outstanding", "Outstanding"],
  good: ["good", "Good"],
  requires_improvement: ["requires_improvement", "Requires improvement to be good"],
  inadequate: ["inadequate", "Inadequate"],
};

// Next overall grade given the previous one: councils tend to stay near where they were.
const TRANSITIONS = {
  start: [["inadequate", 22], ["requires_improvement", 42], ["good", 30], ["outstanding", 6]],
  inadequate: [["inadequate", 35], ["requires_improvement", 45], ["good", 20]],
  requires_improvement: [["inadequate", 20], ["requires_improvement", 45], ["good", 32], ["outstanding", 3]],
  good: [["inadequate", 8], ["requires_improvement", 22], ["good", 55], ["outstanding", 15]],
  outstanding: [["requires_improvement", 10], ["good", 40], ["outstanding", 50]],
};

function judgements(r, overall, framework, published) {
  const near = (g) => {
    if (overall === "inadequate") return r.weighted([["inadequate", 70], ["requires_improvement", 30]]);
    return r.chance(0.7) ? g : r.pick(["requires_improvement", "good", overall]);
  };
  const allInadequate = overall === "inadequate" && r.chance(0.45);
  const j = (g) => (allInadequate ? "inadequate" : near(g));
  const out = {
    helpAndProtection: j(overall),
    childrenInCare: j(overall),
    leadership: j(overall),
  };
  if (framework === "ilacs" && published >= "2023-01-01") out.careLeavers = j(overall);
  else if (r.chance(0.3)) out.careLeavers = null;
  return out;
}

/**
 * One council input.
 * @param r the PRNG
 * @param i its index (names and codes)
 * @param opts.asOfFrom, opts.asOfTo the range of assessment dates
 * @param opts.namedRuleset a ruleset id to name explicitly, or null
 */
export function councilInput(r, i, { asOfFrom, asOfTo, namedRuleset = null }) {
  const asOf = r.dateBetween(asOfFrom, asOfTo);
  const count = r.weighted([[0, 2], [1, 18], [2, 30], [3, 25], [4, 13], [5, 8], [6, 4]]);
  // The latest report in the history: usually within 4 years before asOf; sometimes after it.
  const afterAsOf = count > 0 && r.chance(0.12);
  let last = afterAsOf ? addDays(asOf, r.int(1, 400)) : addDays(asOf, -r.int(0, 1500));
  const dates = [last];
  for (let k = 1; k < count; k++) {
    last = addDays(last, -r.int(240, 1500));
    dates.unshift(last);
  }
  const inspections = [];
  let prev = "start";
  for (const published of dates) {
    const overall = r.weighted(TRANSITIONS[prev]);
    prev = overall;
    const framework = published >= "2018-01-01" ? "ilacs" : "sif";
    const inspection = { published, overall: r.pick(WORDS[overall]) };
    if (r.chance(0.7)) inspection.inspected = addDays(published, -r.int(30, 80));
    if (r.chance(0.6)) inspection.framework = framework;
    if (r.chance(0.8)) inspection.judgements = judgements(r, overall, framework, published);
    inspections.push(inspection);
  }
  const visits = [];
  const concerns = [];
  if (inspections.length > 0) {
    const first = inspections[0].published;
    const end = addDays(asOf, 200);
    for (let k = r.weighted([[0, 35], [1, 25], [2, 20], [3, 12], [4, 8]]); k > 0; k--) {
      const date = r.dateBetween(first, end);
      if (r.chance(0.55)) {
        visits.push({ date, kind: "monitoring", progress: r.pick(["significant", "some", "insufficient"]) });
      } else {
        visits.push({ date, kind: "focused", priorityActions: r.chance(0.3) });
      }
    }
  }
  for (let k = r.weighted([[0, 75], [1, 18], [2, 7]]); k > 0; k--) {
    concerns.push({
      date: r.dateBetween(addDays(asOf, -1100), addDays(asOf, 90)),
      kind: r.pick(["whistleblower", "poor_leadership", "serious_incident"]),
    });
  }
  const input = {
    council: { name: `Generated council ${i + 1}`, code: `E${String(6000000 + i).padStart(8, "0")}` },
    asOf,
    inspections,
  };
  if (namedRuleset) input.ruleset = namedRuleset;
  if (visits.length || r.chance(0.2)) input.visits = visits;
  if (concerns.length || r.chance(0.2)) input.concerns = concerns;
  if (r.chance(0.25)) {
    input.status = {
      commissionerAppointed: r.chance(0.6) ? r.dateBetween(addMonths(asOf, -24), asOf) : null,
      trustSince: r.chance(0.3) ? r.dateBetween(addMonths(asOf, -60), asOf) : null,
    };
  }
  return input;
}

/**
 * Council inputs whose ruleset is the 2016 protocol (chosen by date, or named): the set the
 * peers' decision tables (SPEC §3.3) are compared on.
 */
export function protocolCouncils(seed, n) {
  const r = prng(seed);
  return Array.from({ length: n }, (_, i) => councilInput(r, i, {
    asOfFrom: "2016-07-04", asOfTo: "2025-12-31",
  }));
}

/** Council inputs across both rulesets: a quarter under the 2015 announcement. */
export function mixedCouncils(seed, n) {
  const r = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const which = r.weighted([["2015-by-date", 15], ["2015-named", 10], ["2016", 75]]);
    if (which === "2015-by-date") return councilInput(r, i, { asOfFrom: "2015-12-14", asOfTo: "2016-07-03" });
    if (which === "2015-named") {
      return councilInput(r, i, { asOfFrom: "2015-12-14", asOfTo: "2025-12-31", namedRuleset: "announcement-2015" });
    }
    return councilInput(r, i, { asOfFrom: "2016-07-04", asOfTo: "2025-12-31" });
  });
}

const KINDS = [
  ["charity", 30], ["community_interest_company", 15], ["company_limited_by_guarantee", 10],
  ["expert_team", 10], ["private_company", 10], ["local_authority", 25],
];
const PROVISION = ["childrens_home", "fostering_agency", "adoption_agency", "residential_family_centre", "other"];

/** Sponsor inputs: every kind of organisation, every status. */
export function sponsors(seed, n) {
  const r = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const asOf = r.dateBetween("2015-12-14", "2025-12-31");
    const kind = r.weighted(KINDS);
    const input = {
      asOf,
      organisation: {
        name: `Generated organisation ${i + 1}`,
        kind,
        notForProfit: kind === "private_company" ? r.chance(0.4) : r.chance(0.93),
        basedInEngland: r.chance(0.95),
      },
      governance: {
        safeguardingLeadOnBoard: r.chance(0.8),
        independentBoardMembers: r.int(0, 5),
        conflictOfInterestPolicy: r.chance(0.85),
        whistleblowingPolicy: r.chance(0.85),
      },
      regulatory: { openEnforcementAction: r.chance(0.05), openCharityCommissionInquiry: r.chance(0.04) },
    };
    if (kind === "local_authority") {
      const own = [];
      let d = addDays(asOf, -r.int(0, 1400));
      for (let k = r.int(1, 4); k > 0; k--) {
        own.unshift({ published: d, overall: r.pick(WORDS[r.weighted(TRANSITIONS.start)]) });
        d = addDays(d, -r.int(300, 1400));
      }
      if (r.chance(0.1)) own.push({ published: addDays(asOf, r.int(1, 300)), overall: "good" });
      input.ownInspections = own;
      input.status = { improvementNotice: r.chance(0.15), direction: r.chance(0.08) };
    } else {
      const provision = [];
      for (let k = r.int(0, 4); k > 0; k--) {
        provision.push({
          kind: r.pick(PROVISION),
          grade: r.pick(WORDS[r.weighted([["outstanding", 15], ["good", 55], ["requires_improvement", 22], ["inadequate", 8]])]),
          published: r.dateBetween(addMonths(asOf, -60), addMonths(asOf, 3)),
        });
      }
      input.experience = {
        yearsDeliveringChildrensServices: r.int(0, 40),
        leadersWithDcsExperience: r.int(0, 3),
        qualifiedSocialWorkers: r.int(0, 200),
        registeredProvision: provision,
      };
      input.finances = { annualIncomeGbp: r.int(0, 80) * 500000, reservesMonths: r.int(0, 12) };
    }
    return input;
  });
}
