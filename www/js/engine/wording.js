// Words for the values the engine uses (grades, kinds, levels) and the filling of `{placeholders}`
// in the ruleset wording. No rule is stated here: rule wording, thresholds and sources come from
// the engine's rulesets() (in the browser) or rulesets/rulesets.json (at build time).
// Plain ES module with no DOM use: build/site.mjs imports it too.

import { GRADES, FRAMEWORKS, VISIT_KINDS, PROGRESS, CONCERN_KINDS, EVENT_KINDS, ORG_KINDS, PROVISION_KINDS, NEXT_REPORTS, DATE_KINDS, CODES } from "./vocabulary.js";

// The engine's codes and their labels: generated from the ruleset data (vocabulary.js).
export { GRADES, FRAMEWORKS, VISIT_KINDS, PROGRESS, CONCERN_KINDS, EVENT_KINDS, ORG_KINDS, PROVISION_KINDS, NEXT_REPORTS, DATE_KINDS, CODES };

export const SERVICE_NAME = "Check children's services intervention and trust sponsorship";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

/** "2016-03-01" -> "1 March 2016" (GOV.UK style); anything else is returned unchanged. */
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!m) return iso ?? "";
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  if (Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > last) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** Dates written YYYY-MM-DD inside engine wording, shown the GOV.UK way. */
export function formatDatesIn(text) {
  return String(text ?? "").replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (d) => formatDate(d))
    // Numbers one way ("1,317 days"), whoever wrote them.
    .replace(/\b(\d{4,})(?= days?\b)/g, (n) => Number(n).toLocaleString("en-GB"));
}

export const gradeLabel = (g) => (GRADES.find(([v]) => v === g) ?? [g, g ?? ""])[1];

export const JUDGEMENTS = [
  ["helpAndProtection", "Help and protection of children"],
  ["childrenInCare", "Children in care"],
  ["careLeavers", "Care leavers"],
  ["leadership", "Leadership (impact of leaders)"],
];




/** A decision's date as given: "16 September 2021", "September 2021", "2021". */
export function partialDateWords(d) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(d ?? "")) return formatDate(d);
  const m = /^(\d{4})-(\d{2})$/.exec(d ?? "");
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return d ?? "";
}
/** How precisely a date is known, in words, when not to the day. */
export function precisionWords(d) {
  if (/^\d{4}-\d{2}$/.test(d ?? "")) return "the month is known, not the day";
  if (/^\d{4}$/.test(d ?? "")) return "only the year is known";
  return "";
}
/** A decision's date as typed ("16 9 2021", "16/09/2021", "September 2021", "Sept 2021", "9 2021",
 *  "2021-09", "2021"): { date } (YYYY-MM-DD, YYYY-MM or YYYY) or { error }. */
export function parsePartialDate(text, noun = "the date") {
  const t = String(text ?? "").trim().toLowerCase().replace(/[,]/g, " ").replace(/\s+/g, " ");
  if (!t) return { error: `Enter ${noun}` };
  const pad = (n) => String(n).padStart(2, "0");
  const monthOf = (w) => {
    if (/^\d{1,2}$/.test(w)) return Number(w) >= 1 && Number(w) <= 12 ? Number(w) : null;
    const k = MONTHS.findIndex((m) => w.length >= 3 && m.toLowerCase().startsWith(w.replace(/\.$/, "")));
    return k >= 0 ? k + 1 : null;
  };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return formatDate(t) === t ? { error: `${cap(noun)} must be a real date` } : { date: t };
  if ((m = /^(\d{4})(?:-(\d{2}))?$/.exec(t))) {
    if (!m[2]) return { date: m[1] };
    return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { date: `${m[1]}-${m[2]}` } : { error: `${cap(noun)} must be a real date` };
  }
  const parts = t.split(/[\s/.-]+/).filter(Boolean);
  if (parts.length === 3) {
    const [d, mo, y] = parts;
    const month = monthOf(mo);
    if (!/^\d{1,2}$/.test(d) || !month || !/^\d{4}$/.test(y)) return { error: `${cap(noun)} must be a real date` };
    const iso = `${y}-${pad(month)}-${pad(d)}`;
    return formatDate(iso) === iso ? { error: `${cap(noun)} must be a real date` } : { date: iso };
  }
  if (parts.length === 2) {
    const [mo, y] = parts;
    const month = monthOf(mo);
    if (!month || !/^\d{4}$/.test(y)) return { error: `${cap(noun)} must be a real date` };
    return { date: `${y}-${pad(month)}` };
  }
  return { error: `${cap(noun)} must be a real date` };
}
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

export const orgKindLabel = (k) => (ORG_KINDS.find(([v]) => v === k) ?? [k, k ?? ""])[1];


// TODO(lead): read from the engine's rulesets() once it carries the dated ruleset parameter
// `overallGradeDroppedFrom` (SPEC §3.1, §3.6); overallGradeDroppedFrom(data) below already prefers it.
export const OVERALL_GRADE_DROPPED_FROM = "2026-04-01";
/** The date from which Ofsted's reports carry no overall effectiveness grade (SPEC §3.6). */
export function overallGradeDroppedFrom(data) {
  for (const r of data?.rulesets ?? []) {
    const v = r.parameters?.overallGradeDroppedFrom?.value ?? r.overallGradeDroppedFrom;
    if (typeof v === "string") return v;
  }
  return OVERALL_GRADE_DROPPED_FROM;
}


export const LEVELS = {
  gate: "Required",
  readiness: "Needed to be ready",
  condition: "Condition",
};

export const SPONSOR_STATUS = {
  eligible: "Eligible",
  eligible_with_conditions: "Eligible with conditions",
  incomplete: "More to find out",
  not_yet_ready: "Not yet ready",
  ineligible: "Not eligible",
};

export const label = (pairs, v) => (pairs.find(([k]) => k === v) ?? [v, v ?? ""])[1];

/** Days from the assessment date to a key date, in words. */
export function daysInWords(n) {
  if (n === 0) return "due on the date checked";
  const d = Math.abs(n) === 1 ? "day" : "days";
  return n > 0 ? `${n.toLocaleString("en-GB")} ${d} left` : `${(-n).toLocaleString("en-GB")} ${d} ago`;
}

// Names for the placeholders that only the engine fills (they depend on a council's record),
// used where the rules are shown without a council: the static rules page.
const GENERIC = {
  council: "the council",
  asOf: "the date checked",
  latestPublished: "[date the latest report was published]",
  earlierPublished: "[date of the earlier inadequate report]",
  visitDate: "[date of the visit]",
  deadline: "[deadline]",
  daysRemaining: "[number of]",
  takeoverTarget: "[takeover target date]",
  triggerCount: "[number of]",
  triggers: "[the concerns]",
  latestGrade: "[the grade]",
  failureKind: "[persistent or systemic failure]",
  commissionerReviewDue: "[review date]",
  highPerformingSince: "[the start of the period]",
  trustSince: "[date the trust started]",
  item: "[an inspection, visit or concern]",
  date: "[its date]",
  ruleset: "[name of the rules]",
  inForceFrom: "[start date]",
  inForceToText: "",
  eligibleFrom: "[the date]",
  deadlineWhen: "[when the deadline is or was]",
  takeoverTargetWhen: "[when the target date is or was]",
  commissionerReviewWhen: "[when the review is or was due]",
  noticeIssued: "[date of the improvement notice]",
  instrument: "[notice or direction]",
  instrumentIssued: "[date it was issued]",
  published: "[date the report was published]",
  grade: "[the grade read]",
  gradeReading: "[how its key judgements read]",
  overallGradeDroppedFrom: "[the date Ofsted stopped giving one]",
  days: "[number of days]",
  shortfall: "[the shortfall]",
  missing: "[what is missing]",
};

/** Fills `{name}` from `values` (numbers are written with thousands separators), then from the
 *  generic names above; unknown names are left as written. */
export function fill(template, values = {}) {
  return String(template ?? "").replace(/\{([A-Za-z]+)\}/g, (all, name) => {
    if (values[name] !== undefined && values[name] !== null) {
      const v = values[name];
      return typeof v === "number" ? v.toLocaleString("en-GB") : String(v);
    }
    return GENERIC[name] ?? all;
  });
}

/** The values of a ruleset's parameters, by name (`improvementWindowMonths: 6`). */
export function parameterValues(ruleset) {
  const out = {};
  for (const [k, p] of Object.entries(ruleset?.parameters ?? {})) out[k] = p.value;
  return out;
}

/** "Persistent failure" from the definition text "Persistent failure: rated inadequate ...". */
export function definitionLabel(data, key, fallback) {
  const text = data?.definitions?.[key]?.text ?? "";
  const i = text.indexOf(":");
  return i > 0 ? text.slice(0, i) : fallback;
}

export function inForce(r) {
  return r.inForceTo
    ? `in force from ${formatDate(r.inForceFrom)} to ${formatDate(r.inForceTo)}`
    : `in force from ${formatDate(r.inForceFrom)}`;
}
