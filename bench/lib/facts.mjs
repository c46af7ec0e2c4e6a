// The precomputed facts the peers' decision tables are fed (SPEC §3.4 for the 2016 protocol),
// computed by the harness from the same raw inputs our engine reads. The peers then only pick
// the first matching row of SPEC §3.3; our engine does all of this (and the wording) itself.

import { addYears } from "./dates.mjs";

const GRADES = {
  outstanding: "outstanding",
  good: "good",
  requires_improvement: "requires_improvement",
  requires_improvement_to_be_good: "requires_improvement",
  inadequate: "inadequate",
};

export function grade(words) {
  if (words == null) return null;
  const g = GRADES[String(words).trim().toLowerCase().replace(/[ -]/g, "_")];
  if (!g) throw new Error(`not a grade: ${words}`);
  return g;
}

/**
 * Facts of one council input under the 2016 protocol.
 * @param {object} input a council input (SPEC §3.1)
 * @param {{persistentWindowYears: number, highPerformingWindowYears: number}} params
 */
export function protocolFacts(input, params) {
  const asOf = input.asOf;
  const inspections = input.inspections
    .filter((i) => i.published <= asOf)
    .sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : 0));
  const latest = inspections[inspections.length - 1];
  if (!latest) {
    return {
      hasInspection: false, latestGrade: null, persistent: false, systemic: false,
      insufficientVisit: false, triggers: 0, priorityActionsVisit: false, highPerforming: false,
    };
  }
  const latestGrade = grade(latest.overall);
  const inadequate = latestGrade === "inadequate";
  const since = addYears(latest.published, -params.persistentWindowYears);
  const persistent = inadequate && inspections.some((i) =>
    i.published < latest.published && i.published >= since && grade(i.overall) === "inadequate");
  const given = latest.judgements
    ? Object.values(latest.judgements).filter((g) => g != null).map(grade)
    : [];
  const systemic = inadequate && given.length > 0 && given.every((g) => g === "inadequate");
  const after = (d) => d > latest.published && d <= asOf;
  const visits = (input.visits || []).filter((v) => after(v.date));
  const insufficientVisit = visits.some((v) => v.kind === "monitoring" && v.progress === "insufficient");
  const priorityActionsVisit = visits.some((v) => v.kind === "focused" && v.priorityActions === true);
  const triggers = (input.concerns || []).filter((c) => after(c.date)).length;
  const hpSince = addYears(asOf, -params.highPerformingWindowYears);
  const highPerforming = (latestGrade === "good" || latestGrade === "outstanding")
    && !inspections.some((i) => i.published >= hpSince && grade(i.overall) === "inadequate");
  return {
    hasInspection: true, latestGrade, persistent, systemic, insufficientVisit, triggers,
    priorityActionsVisit, highPerforming,
  };
}

/** The protocol-2016 parameters from the ruleset data (rulesets/rulesets.json). */
export function protocolParams(rulesetFile) {
  const rs = rulesetFile.rulesets.find((r) => r.id === "protocol-2016");
  if (!rs) throw new Error("rulesets.json has no protocol-2016 ruleset");
  return {
    persistentWindowYears: rs.parameters.persistentWindowYears.value,
    highPerformingWindowYears: rs.parameters.highPerformingWindowYears.value,
  };
}
