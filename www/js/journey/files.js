// Files: "Download your answers", "Upload answers" (a file of this service's answers, or an
// engine input as in SPEC §3.1 / §4.1), and a file of council histories to pick a council from.
// A bad or foreign file gives a clear error and changes nothing.

import { FRAMEWORKS, VISIT_KINDS, PROGRESS, CONCERN_KINDS, EVENT_KINDS, ORG_KINDS, PROVISION_KINDS } from "../engine/vocabulary.js";

export const FORMAT = "trust-eligibility-answers";

// A small schema check: answers files are read strictly (unknown keys are refused by name).
const isDate = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
const T = {
  str: (v) => typeof v === "string" && v.length <= 200,
  bool: (v) => typeof v === "boolean",
  num: (v) => typeof v === "number" && Number.isFinite(v) && v >= 0,
  date: isDate,
  dateOrNull: (v) => v === null || isDate(v),
  grade: (v) => typeof v === "string" && v.length <= 60,
  oneOf: (...xs) => (v) => xs.includes(v),
  oneOfOrNull: (...xs) => (v) => v === null || xs.includes(v),
  boolOrNull: (v) => v === null || typeof v === "boolean",
  // An answer of "I do not know" (flow.js UNKNOWN) where a number or yes/no is asked.
  orUnknown: (t) => (v) => v === "unknown" || t(v),
  listOf: (...xs) => (v) => Array.isArray(v) && v.length <= 10 && v.every((x) => xs.includes(x)),
  text: (v) => typeof v === "string" && v.length <= 2000,
  // A decision's date as the source gives it: to the day, the month or the year (SPEC §3.7).
  partialDate: (v) => typeof v === "string" && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v),
};
const judgements = { helpAndProtection: T.grade, childrenInCare: T.grade, careLeavers: T.grade, leadership: T.grade };
const codes = (list) => list.map(([code]) => code);
const inspection = { published: T.date, overall: T.grade, inspected: T.dateOrNull, framework: T.oneOfOrNull(...Object.keys(FRAMEWORKS)), judgements: { $nullable: true, ...judgements },
  report: T.text, noOverall: T.bool };

const SCHEMA = {
  council: {
    name: T.str, code: T.str,
    inspections: [inspection], inspectionsDone: T.bool,
    visits: [{ kind: T.oneOf(...codes(VISIT_KINDS)), date: T.date, progress: T.oneOfOrNull(...codes(PROGRESS)), priorityActions: T.boolOrNull }],
    visitsDone: T.bool,
    concerns: [{ kind: T.oneOf(...codes(CONCERN_KINDS)), date: T.date }],
    concernsDone: T.bool,
    arrangements: T.listOf("notice", "direction", "commissioner", "trust", "none"),
    noticeIssued: T.date, directionIssued: T.date, commissionerAppointed: T.date, trustSince: T.date,
    // A council picked from Ofsted's data (picker.js, confirm.js).
    picked: { code: T.str, asAt: T.date, registerAsAt: T.date }, since: T.listOf("report", "visit", "concerns", "decision", "none"),
    // Its public decisions (SPEC §3.7), from the register or added by the user.
    events: [{ event: T.oneOf(...codes(EVENT_KINDS)), date: T.partialDate, source: { title: T.text, url: T.text }, confidence: T.str, fromRegister: T.bool, changed: T.bool }],
    eventsDone: T.bool, typed: T.str, byHand: T.str,
    asOfChoice: T.oneOf("today", "date"), asOf: T.date, ruleset: T.str,
  },
  sponsor: {
    kind: T.oneOf(...codes(ORG_KINDS)),
    name: T.str, notForProfit: T.orUnknown(T.bool), basedInEngland: T.orUnknown(T.bool),
    regulatory: T.listOf("enforcement", "inquiry", "none"),
    ownInspections: [inspection], ownInspectionsDone: T.bool, fromData: { code: T.str, asAt: T.date },
    intervention: T.listOf("notice", "direction", "none"),
    years: T.orUnknown(T.num), leaders: T.orUnknown(T.num), socialWorkers: T.orUnknown(T.num),
    provision: [{ kind: T.oneOf(...codes(PROVISION_KINDS)), grade: T.grade, published: T.dateOrNull }],
    provisionDone: T.bool, provisionUnknown: T.bool,
    governance: T.listOf("safeguardingLead", "conflictPolicy", "whistleblowingPolicy", "none", "unknown"),
    independent: T.orUnknown(T.num), income: T.orUnknown(T.num), reserves: T.orUnknown(T.num),
    asOfChoice: T.oneOf("today", "date"), asOf: T.date,
  },
};

/** Returns null when `v` fits `schema`, else the path of the first thing that does not. */
function check(v, schema, path) {
  if (typeof schema === "function") return schema(v) ? null : path;
  if (Array.isArray(schema)) {
    if (!Array.isArray(v) || v.length > 1000) return path;
    for (let k = 0; k < v.length; k++) {
      const bad = check(v[k], schema[0], `${path}[${k}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (v === null && schema.$nullable) return null;
  if (!v || typeof v !== "object" || Array.isArray(v)) return path;
  for (const [k, x] of Object.entries(v)) {
    if (k === "$nullable" || !(k in schema)) return `${path}.${k}`;
    if (x === undefined) continue;
    const bad = check(x, schema[k], `${path}.${k}`);
    if (bad) return bad;
  }
  return null;
}

/** The JSON text of a file of answers. */
export function answersFile(state, today) {
  return `${JSON.stringify({
    format: FORMAT, version: 1, savedOn: today, journey: state.journey,
    answers: { council: state.council ?? {}, sponsor: state.sponsor ?? {} },
  }, null, 2)}\n`;
}

/** Reads an uploaded file's text. Returns { state } (journey, council, sponsor answers) or
 *  { error } in words. `fromCouncil`/`fromSponsor` convert a bare engine input. */
export function readAnswersFile(text, { fromCouncil, fromSponsor }) {
  let v;
  try { v = JSON.parse(text); } catch {
    return { error: "The selected file is not a file of answers from this service: it is not a JSON file" };
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) {
    return { error: "The selected file is not a file of answers from this service" };
  }
  if (v.format === FORMAT) {
    if (typeof v.version === "number" && v.version > 1) {
      return { error: `The selected file was saved by a newer version of this service (version ${v.version}) and cannot be read by this version, which reads version 1. Your answers have not been changed` };
    }
    if (v.version !== 1) return { error: "The selected file has a version this service does not recognise, so it cannot be read. Your answers have not been changed" };
    for (const k of Object.keys(v)) {
      if (!["format", "version", "savedOn", "journey", "answers"].includes(k)) return { error: `The selected file has something this service does not recognise: ‘${k}’` };
    }
    const a = v.answers;
    if (!a || typeof a !== "object") return { error: "The selected file has no answers in it" };
    for (const k of Object.keys(a)) {
      if (!(k in SCHEMA)) return { error: `The selected file has something this service does not recognise: ‘answers.${k}’` };
    }
    for (const j of ["council", "sponsor"]) {
      const bad = check(a[j] ?? {}, SCHEMA[j], j);
      if (bad) return { error: `The selected file has an answer this service cannot read: ‘${bad}’` };
    }
    const journey = ["council", "sponsor"].includes(v.journey) ? v.journey
      : Object.keys(a.sponsor ?? {}).length && !Object.keys(a.council ?? {}).length ? "sponsor" : "council";
    return { state: { journey, council: a.council ?? {}, sponsor: a.sponsor ?? {} } };
  }
  // A bare engine input: a council (SPEC §3.1) or an organisation (SPEC §4.1).
  if (Array.isArray(v.inspections) && typeof v.asOf === "string") return { engineInput: v, journey: "council", answers: fromCouncil(v) };
  if (v.organisation && typeof v.organisation === "object" && typeof v.asOf === "string") return { engineInput: v, journey: "sponsor", answers: fromSponsor(v) };
  return { error: "The selected file is not a file of answers from this service" };
}

/** A file of council histories: a JSON array of council inputs (SPEC §3.1). */
export function readCouncilList(text) {
  let v;
  try { v = JSON.parse(text); } catch {
    return { error: "The selected file must be a JSON file of council histories" };
  }
  if (!Array.isArray(v) || v.some((x) => !x || typeof x !== "object" || Array.isArray(x))) {
    return { error: "The selected file must contain a list of councils, each with its Ofsted inspections" };
  }
  if (v.length === 0) return { error: "The selected file does not contain any councils" };
  if (v.length > 1000) return { error: "The selected file must contain 1,000 councils or fewer" };
  return { councils: v };
}

/** Starts a download of `text` as a file (the browser saves it; nothing is sent anywhere). */
export function download(name, text, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
