// The sponsor journey: the organisation's kind and legal form first, so that only the questions
// for the criteria that apply to it follow (which criteria apply to which kind is ruleset data),
// then its experience, registered provision, governance, finances and regulatory position; for a
// council, its own Ofsted record. How the answers become the engine's sponsor input (SPEC §4.1).
import { html } from "../govuk/html.js";
import { Journey, isAnswered, displayAnswer, itemsOf, UNKNOWN } from "../journey/flow.js";
import {
  possessive, href, hubPage, removePage, inspectionPages, describeInspection, asOfPages, asOfText, listRows,
  inspectionInput, inspectionAnswer, normGrade,
} from "../journey/common.js";
import { ORG_KINDS, PROVISION_KINDS, GRADES, CODES, label, gradeLabel, formatDate, fill } from "../engine/wording.js";
import * as councilsData from "../council/councils-data.js";
import { council as assessCouncil } from "../engine/engine.js";
import { inputOf } from "../council/national.js";

const criterion = CODES.criterion;
/** Whether the organisation is a council (a local authority). */
const isCouncil = (ctx) => ctx.a.kind === CODES.orgKind.localAuthority;

/** A council sponsoring (an improvement partner) picked by name the way the council journey picks
 *  one: its own Ofsted reports from the shipped data, and whether it is under a notice or a
 *  direction from the engine's answer for it on the date checked (its decisions as status.events). */
function fillCouncilFromData(ctx) {
  const d = councilsData.loaded();
  const c = isCouncil(ctx) ? councilsData.find(d, ctx.a.name) : null;
  if (!c || ctx.a.fromData?.code === c.code) return;
  ctx.a.name = c.name;
  ctx.a.ownInspections = (c.inspections ?? []).map(inspectionAnswer);
  ctx.a.ownInspectionsDone = true;
  const asOf = ctx.a.asOfChoice === "date" && ctx.a.asOf ? ctx.a.asOf : ctx.today;
  const r = assessCouncil(inputOf(c, asOf));
  if (r.ok) {
    const s = r.value.statusInForce;
    const notice = s ? !!s.improvementNotice : r.value.intervention === CODES.intervention.improvementNotice;
    const direction = s ? !!s.statutoryDirection : r.value.intervention === CODES.intervention.statutoryDirection;
    ctx.a.intervention = notice || direction ? [...(notice ? ["notice"] : []), ...(direction ? ["direction"] : [])] : ["none"];
  }
  ctx.a.fromData = { code: c.code, asAt: [d.source?.asAt, d.history?.asAt].filter(Boolean).sort().at(-1) };
}

const nameOf = (ctx) => ctx.a.name || (isCouncil(ctx) ? "the council" : "the organisation");
const whose = (ctx) => possessive(ctx.a.name, isCouncil(ctx) ? "the council’s" : "the organisation’s");
const item = (ctx, key) => (Array.isArray(ctx.a[key]) ? ctx.a[key][ctx.i] : undefined) ?? {};
function setItem(ctx, key, f) {
  if (!Array.isArray(ctx.a[key])) ctx.a[key] = [];
  if (ctx.i === ctx.a[key].length) ctx.a[key].push({});
  f(ctx.a[key][ctx.i]);
}

/** The threshold of a criterion, from the ruleset data, as the hint of the question that feeds it. */
function threshold(ctx, id) {
  const c = ctx.data.sponsor.criteria.find((x) => x.id === id);
  return c ? `${fill(c.threshold, c.params ?? {})}.` : undefined;
}

export const lists = {
  ownInspections: {
    key: "ownInspections", done: "ownInspectionsDone", hub: "sponsor/inspections", prefix: "sponsor/inspection",
    steps: ["published", "overall", "judgements"], singular: "inspection", plural: "inspections",
    checkLabel: "Ofsted inspections",
    askFirst: (ctx) => `Has Ofsted published any inspection reports on ${whose(ctx)} children's services?`,
    hintFirst: (ctx) => threshold(ctx, criterion.laRatedGood),
    requiredFirst: "Select yes if Ofsted has published an inspection report",
    askAnother: "Do you need to add another inspection?",
    describe: describeInspection,
  },
  provision: {
    key: "provision", done: "provisionDone", unknown: "provisionUnknown", hub: "sponsor/provision", prefix: "sponsor/service",
    steps: ["kind", "grade", "published"], singular: "service", plural: "services",
    checkLabel: "Ofsted-registered services",
    askFirst: (ctx) => `Does ${nameOf(ctx)} run any services registered with Ofsted?`,
    hintFirst: (ctx) => `For example, children's homes, fostering agencies or adoption agencies. ${threshold(ctx, criterion.registeredProvision) ?? ""}`,
    requiredFirst: "Select yes if the organisation runs any services registered with Ofsted, or ‘I do not know’",
    askAnother: "Do you need to add another service?",
    describe: (s) => ({
      key: label(PROVISION_KINDS, s.kind) || "Service",
      value: html`${s.grade ? gradeLabel(normGrade(s.grade)) : "No grade yet"}${s.published ? html`<br>Report published ${formatDate(s.published)}` : ""}`,
      short: `the ${(label(PROVISION_KINDS, s.kind) || "service").toLowerCase()}${s.grade ? ` graded ${gradeLabel(normGrade(s.grade)).toLowerCase()}` : ""}`,
    }),
  },
};

const yesNo = (id, field, criteria, title, required, engine, extra = {}) => ({
  id, type: "yesno", field, criteria, title, required, engine,
  get: (ctx) => ctx.a[field], set: (ctx, v) => { ctx.a[field] = v; }, ...extra,
});
// A number question: read as people write numbers (numbers.js), within a range that says what
// an answer can sensibly be (max), whose message names it.
const number = (id, field, criteria, title, noun, engine, extra = {}) => ({
  id, type: "number", field, criteria, title, engine, integer: true, noun, min: 0, max: 100_000,
  required: `Enter ${noun}`,
  get: (ctx) => ctx.a[field], set: (ctx, v) => { ctx.a[field] = v; }, ...extra,
});
const ticks = (id, field, criteria, title, options, required, engine, extra = {}) => ({
  id, type: "checkboxes", field, criteria, title, options: () => options, required, engine, hint: "Select all that apply",
  get: (ctx) => ctx.a[field], set: (ctx, v) => { ctx.a[field] = v; }, ...extra,
});

const pages = [
  {
    id: "sponsor/kind", type: "radios", field: "kind",
    title: "What kind of organisation is it?",
    hint: "Its legal form. The questions that follow depend on it.",
    options: () => ORG_KINDS.map(([value, text, hint]) => ({ value, text, hint })),
    required: "Select the kind of organisation",
    get: (ctx) => ctx.a.kind, set: (ctx, v) => { ctx.a.kind = v; },
    engine: [["organisation.kind", "kind"], ["organisation", "kind"]],
  },
  {
    id: "sponsor/name", type: "text", field: "name", width: 20, autocomplete: "organization", noun: "the name",
    title: (ctx) => (isCouncil(ctx) ? "Which council is it?" : "What is the organisation’s name?"),
    required: (ctx) => (isCouncil(ctx) ? "Enter the name of the council" : "Enter the name of the organisation"),
    hint: (ctx) => (isCouncil(ctx) ? "Its Ofsted reports, and whether it is under an improvement notice or a statutory direction, are filled in from the published data: you can check and change them" : undefined),
    get: (ctx) => ctx.a.name, set: (ctx, v) => { if (v !== ctx.a.name) delete ctx.a.fromData; ctx.a.name = v; fillCouncilFromData(ctx); },
    extra: (ctx) => { if (isCouncil(ctx)) councilsData.load(); return ""; },
    engine: [["organisation.name", "name"]],
  },
  yesNo("sponsor/not-for-profit", "notForProfit", [criterion.notForProfit],
    (ctx) => `Is ${nameOf(ctx)} a not-for-profit organisation?`,
    "Select yes if the organisation is not for profit, or ‘I do not know’", [["organisation.notForProfit", "notForProfit"]],
    { hint: (ctx) => threshold(ctx, criterion.notForProfit), unknown: true }),
  yesNo("sponsor/england", "basedInEngland", [criterion.basedInEngland],
    (ctx) => `Is ${nameOf(ctx)} based in England?`,
    "Select yes if the organisation is based in England, or ‘I do not know’", [["organisation.basedInEngland", "basedInEngland"]], { unknown: true }),
  ticks("sponsor/regulatory", "regulatory", [criterion.noEnforcement],
    (ctx) => `Is ${nameOf(ctx)} subject to any of these?`,
    [
      { value: "enforcement", text: "Open enforcement action by a regulator", hint: "For example, by Ofsted or the Care Quality Commission" },
      { value: "inquiry", text: "An open Charity Commission inquiry" },
      { divider: "or" },
      { value: "none", text: "None of these", exclusive: true },
    ],
    "Select what the organisation is subject to, or select ‘None of these’", [["regulatory.*", "regulatory"], ["regulatory", "regulatory"]]),
  { ...hubPage(lists.ownInspections), criteria: [criterion.laRatedGood, criterion.laNoRecentInadequate, criterion.laInspectionRecent],
    engine: [["ownInspections", "add"]] },
  ...inspectionPages({ prefix: "sponsor/inspection", key: "ownInspections", enginePath: "ownInspections" }),
  removePage(lists.ownInspections),
  ticks("sponsor/intervention", "intervention", [criterion.laNotInIntervention],
    (ctx) => `Is ${nameOf(ctx)} under either of these for its children's services?`,
    [
      { value: "notice", text: "An improvement notice" },
      { value: "direction", text: "A statutory direction" },
      { divider: "or" },
      { value: "none", text: "Neither of these", exclusive: true },
    ],
    "Select the intervention the council is under, or select ‘Neither of these’", [["status.*", "intervention"], ["status", "intervention"]]),
  number("sponsor/experience-years", "years", [criterion.experienceYears],
    (ctx) => `For how many years has ${nameOf(ctx)} delivered children's services?`, "the number of years",
    [["experience.yearsDeliveringChildrensServices", "years"]], { suffix: "years", unit: "years", max: 200, unknown: true,
      hint: (ctx) => `Count the years of the services and staff ${nameOf(ctx)} was formed from, not only its own: a company formed from a council's children's services counts the years of those services. ${threshold(ctx, criterion.experienceYears) ?? ""}` }),
  number("sponsor/dcs-leaders", "leaders", [criterion.dcsLeadership],
    (ctx) => `How many of ${whose(ctx)} leaders have been a director of children's services or a commissioner?`, "the number of leaders",
    [["experience.leadersWithDcsExperience", "leaders"]], { max: 1_000, unknown: true, hint: "Count current senior leaders and board members. Enter 0 if none." }),
  number("sponsor/social-workers", "socialWorkers", [criterion.socialWorkers],
    (ctx) => `How many qualified social workers does ${nameOf(ctx)} employ?`, "the number of social workers",
    [["experience.qualifiedSocialWorkers", "socialWorkers"]], { unknown: true, hint: "Social workers registered with Social Work England, counting staff who would transfer with the services taken on. Enter 0 if none." }),
  { ...hubPage(lists.provision), criteria: [criterion.registeredProvision], engine: [["experience.registeredProvision", "add"]] },
  {
    id: "sponsor/service/:i/kind", type: "radios", field: "kind", caption: (ctx) => `Service ${ctx.i + 1}`,
    title: "What kind of service is it?",
    options: () => PROVISION_KINDS.map(([value, text]) => ({ value, text })),
    required: "Select the kind of service",
    get: (ctx) => item(ctx, "provision").kind, set: (ctx, v) => setItem(ctx, "provision", (it) => { it.kind = v; }),
    engine: [["experience.registeredProvision[:i].kind", "kind"], ["experience.registeredProvision[:i]", "kind"]],
  },
  {
    id: "sponsor/service/:i/grade", type: "radios", field: "grade", caption: (ctx) => `Service ${ctx.i + 1}`,
    title: "What was the service's latest Ofsted grade?",
    hint: "The overall grade in its latest Ofsted inspection report",
    options: () => GRADES.map(([value, text]) => ({ value, text })),
    required: "Select the service's latest Ofsted grade",
    get: (ctx) => normGrade(item(ctx, "provision").grade), set: (ctx, v) => setItem(ctx, "provision", (it) => { it.grade = v; }),
    engine: [["experience.registeredProvision[:i].grade", "grade"]],
  },
  {
    id: "sponsor/service/:i/published", type: "date", field: "published", optional: true, caption: (ctx) => `Service ${ctx.i + 1}`,
    title: "When was that report published? (optional)",
    hint: "Reports published after the date you check are not counted. For example, 1 2 2015",
    noun: "the date the report was published",
    get: (ctx) => item(ctx, "provision").published,
    set: (ctx, v) => setItem(ctx, "provision", (it) => { it.published = v; }),
    answered: (ctx) => "published" in item(ctx, "provision"),
    engine: [["experience.registeredProvision[:i].published", "published-day"]],
  },
  removePage(lists.provision),
  ticks("sponsor/governance", "governance", [criterion.safeguardingBoard],
    (ctx) => `Which of these does ${nameOf(ctx)} have?`,
    [
      { value: "safeguardingLead", text: "A safeguarding lead on the board" },
      { value: "conflictPolicy", text: "A conflict of interest policy" },
      { value: "whistleblowingPolicy", text: "A whistle-blowing policy" },
      { divider: "or" },
      { value: "none", text: "None of these", exclusive: true },
      { value: UNKNOWN, text: "I do not know", exclusive: true },
    ],
    "Select what the organisation has, or select ‘None of these’", [["governance.safeguardingLeadOnBoard", "governance"], ["governance.conflictOfInterestPolicy", "governance"], ["governance.whistleblowingPolicy", "governance"]]),
  number("sponsor/independent-board", "independent", [criterion.independentBoard],
    (ctx) => `How many independent members are on ${whose(ctx)} board?`, "the number of independent board members",
    [["governance.independentBoardMembers", "independent"], ["governance", "independent"]], { max: 1_000, unknown: true, hint: "Members who are not staff and have no financial interest. Enter 0 if none." }),
  number("sponsor/income", "income", [criterion.financialCapacity],
    (ctx) => `What is ${whose(ctx)} annual income?`, "the annual income",
    [["finances.annualIncomeGbp", "income"]], { prefix: "£", money: true, integer: false, max: 1_000_000_000_000, width: 10, unknown: true,
      hint: "From the latest annual accounts. For example, 12,000,000 or 12m" }),
  number("sponsor/reserves", "reserves", [criterion.reserves],
    (ctx) => `How many months of running costs do ${whose(ctx)} reserves cover?`, "the number of months",
    [["finances.reservesMonths", "reserves"], ["finances", "reserves"]], { integer: false, suffix: "months", unit: "months", max: 1_200, unknown: true, hint: "For example, 4 or 2.5" }),
  ...asOfPages("sponsor"),
  { id: "sponsor/check", custom: true, title: "Check your answers before you see the result" },
  { id: "sponsor/result", custom: true, title: "Result" },
];

/** Answers the service works out rather than asks, each with why (`because`, or nothing when
 *  it is asked). Not for profit is the engine's: it takes a kind of organisation the ruleset data
 *  names (sponsor.notForProfitKinds) as not for profit when the input does not say, so the
 *  question is not asked and nothing is sent (`byEngine`). A council is in England (the councils
 *  this service checks are English). The check answers page and the result say what was assumed. */
const DERIVED = {
  "sponsor/not-for-profit": { field: "notForProfit", value: true, byEngine: true,
    because: (ctx) => ctx.data?.sponsor?.notForProfitKinds?.[ctx.a.kind]?.text },
  "sponsor/england": { field: "basedInEngland", value: true,
    because: (ctx) => (isCouncil(ctx) ? "this service checks councils in England" : undefined) },
};
const derivedFor = (id, ctx) => (DERIVED[id]?.because(ctx) ? DERIVED[id] : null);

/** What was assumed rather than asked: [{ id, key, value, because }]. */
export function assumed(ctx) {
  return Object.keys(DERIVED).filter((id) => derivedFor(id, ctx) && applies(pages.find((p) => p.id === id), ctx))
    .map((id) => ({ id, key: CHECK_LABELS[id], value: DERIVED[id].value ? "Yes" : "No", because: DERIVED[id].because(ctx) }));
}

/** Whether a page's criteria apply to the kind of organisation (ruleset data: appliesTo). */
export function applies(def, ctx) {
  if (!def.criteria) return true;
  if (!ctx.a.kind) return false;
  return def.criteria.some((id) => ctx.data.sponsor.criteria.find((c) => c.id === id)?.appliesTo.includes(ctx.a.kind));
}

const ORDER = ["sponsor/kind", "sponsor/name", "sponsor/not-for-profit", "sponsor/england", "sponsor/regulatory",
  "sponsor/inspections", "sponsor/intervention", "sponsor/experience-years", "sponsor/dcs-leaders",
  "sponsor/social-workers", "sponsor/provision", "sponsor/governance", "sponsor/independent-board",
  "sponsor/income", "sponsor/reserves", "sponsor/as-of", "sponsor/as-of-date", "sponsor/check"];

function path(ctx) {
  const dated = (id) => id !== "sponsor/as-of-date" || ctx.a.asOfChoice === "date";
  if (!ctx.a.kind) return ["sponsor/kind", "sponsor/name", "sponsor/as-of", "sponsor/as-of-date", "sponsor/check"].filter(dated);
  return ORDER.filter((id) => dated(id) && !derivedFor(id, ctx) && applies(pages.find((p) => p.id === id), ctx));
}

export const journey = new Journey({
  id: "sponsor", pages, lists: Object.values(lists), path,
  check: "sponsor/check", result: "sponsor/result", before: "choose",
});

/** Whether the questions that give a criterion its evidence have all been answered. */
export function criterionAsked(ctx, id) {
  const feeding = pages.filter((p) => p.criteria?.includes(id) && applies(p, ctx) && !derivedFor(p.id, ctx));
  return feeding.every((p) => journey.answered(p.id, ctx));
}

/** After an answer: the engine answers ineligible because of a requirement the user has already
 *  answered (not one still to be asked), so no later answer can change the outcome and the
 *  result page can say why without asking more. */
export function settled(ctx, assessment) {
  if (assessment?.status !== CODES.status.ineligible) return false;
  return assessment.criteria.some((c) => c.level === CODES.level.gate && c.met === false && criterionAsked(ctx, c.id));
}

export function toInput(a, today, { probe = false, data } = {}) {
  const ctx = { a, data, today };
  const on = new Set(a.kind ? path(ctx) : []);
  const input = { asOf: a.asOfChoice === "date" && a.asOf ? a.asOf : today, organisation: { kind: a.kind ?? CODES.orgKind.charity } };
  if (a.name) input.organisation.name = a.name;
  // "I do not know" goes to the engine as null: not known, neither met nor failed (SPEC 4.1).
  const known = (v) => (v === UNKNOWN ? null : v);
  const given = (v, type) => typeof v === type || v === UNKNOWN;
  if (on.has("sponsor/not-for-profit") && given(a.notForProfit, "boolean")) input.organisation.notForProfit = known(a.notForProfit);
  if (on.has("sponsor/england") && given(a.basedInEngland, "boolean")) input.organisation.basedInEngland = known(a.basedInEngland);
  for (const x of a.kind ? assumed(ctx) : []) if (!DERIVED[x.id].byEngine) input.organisation[DERIVED[x.id].field] = DERIVED[x.id].value;
  if (on.has("sponsor/regulatory") && a.regulatory) {
    input.regulatory = { openEnforcementAction: a.regulatory.includes("enforcement"), openCharityCommissionInquiry: a.regulatory.includes("inquiry") };
  }
  if (on.has("sponsor/inspections")) {
    input.ownInspections = (a.ownInspections ?? []).filter((it) => it.published && (it.overall || probe))
      .map((it) => inspectionInput({ ...it, overall: it.overall ?? CODES.grade.good }));
  }
  if (on.has("sponsor/intervention") && a.intervention) {
    input.status = { improvementNotice: a.intervention.includes("notice"), direction: a.intervention.includes("direction") };
  }
  const experience = {};
  if (on.has("sponsor/experience-years") && given(a.years, "number")) experience.yearsDeliveringChildrensServices = known(a.years);
  if (on.has("sponsor/dcs-leaders") && given(a.leaders, "number")) experience.leadersWithDcsExperience = known(a.leaders);
  if (on.has("sponsor/social-workers") && given(a.socialWorkers, "number")) experience.qualifiedSocialWorkers = known(a.socialWorkers);
  // [] is "none" (the hub answered no); a list not answered, or answered "I do not know", is
  // not known, so it is left out (SPEC 4.1).
  if (on.has("sponsor/provision") && a.provisionUnknown !== true && (a.provisionDone || (a.provision ?? []).length)) {
    experience.registeredProvision = (a.provision ?? []).filter((s) => s.kind && (s.grade || probe)).map((s) => {
      const out = { kind: s.kind, grade: s.grade ?? CODES.grade.good };
      if (s.published) out.published = s.published;
      return out;
    });
  }
  if (Object.keys(experience).length) input.experience = experience;
  const governance = {};
  if (on.has("sponsor/governance") && a.governance) {
    const unknown = a.governance.includes(UNKNOWN);
    const has = (x) => (unknown ? null : a.governance.includes(x));
    governance.safeguardingLeadOnBoard = has("safeguardingLead");
    governance.conflictOfInterestPolicy = has("conflictPolicy");
    governance.whistleblowingPolicy = has("whistleblowingPolicy");
  }
  if (on.has("sponsor/independent-board") && given(a.independent, "number")) governance.independentBoardMembers = known(a.independent);
  if (Object.keys(governance).length) input.governance = governance;
  const finances = {};
  if (on.has("sponsor/income") && given(a.income, "number")) finances.annualIncomeGbp = known(a.income);
  if (on.has("sponsor/reserves") && given(a.reserves, "number")) finances.reservesMonths = known(a.reserves);
  if (Object.keys(finances).length) input.finances = finances;
  return input;
}

/** Answers from an uploaded engine sponsor input. */
export function fromInput(x) {
  const a = {};
  const o = x.organisation ?? {};
  if (o.kind) a.kind = o.kind;
  if (o.name) a.name = o.name;
  // A fact given as null is one the user did not know (SPEC 4.1).
  const answer = (v, type) => (typeof v === type ? v : v === null ? UNKNOWN : undefined);
  const put = (key, v) => { if (v !== undefined) a[key] = v; };
  put("notForProfit", answer(o.notForProfit, "boolean"));
  put("basedInEngland", answer(o.basedInEngland, "boolean"));
  if (x.regulatory) {
    const r = [];
    if (x.regulatory.openEnforcementAction) r.push("enforcement");
    if (x.regulatory.openCharityCommissionInquiry) r.push("inquiry");
    a.regulatory = r.length ? r : ["none"];
  }
  if (x.ownInspections) { a.ownInspections = x.ownInspections.map(inspectionAnswer); a.ownInspectionsDone = true; }
  if (x.status) {
    const s = [];
    if (x.status.improvementNotice) s.push("notice");
    if (x.status.direction) s.push("direction");
    a.intervention = s.length ? s : ["none"];
  }
  const e = x.experience ?? {};
  put("years", answer(e.yearsDeliveringChildrensServices, "number"));
  put("leaders", answer(e.leadersWithDcsExperience, "number"));
  put("socialWorkers", answer(e.qualifiedSocialWorkers, "number"));
  if (e.registeredProvision) {
    a.provision = e.registeredProvision.map((p) => ({ kind: p.kind, grade: normGrade(p.grade), published: p.published ?? null }));
    a.provisionDone = true;
  } else if (e.registeredProvision === null) {
    a.provisionDone = true;
    a.provisionUnknown = true;
  }
  const g = x.governance ?? {};
  if (x.governance) {
    const v = [];
    if (g.safeguardingLeadOnBoard) v.push("safeguardingLead");
    if (g.conflictOfInterestPolicy) v.push("conflictPolicy");
    if (g.whistleblowingPolicy) v.push("whistleblowingPolicy");
    const flags = [g.safeguardingLeadOnBoard, g.conflictOfInterestPolicy, g.whistleblowingPolicy];
    a.governance = v.length ? v : flags.every((f) => f === null) ? [UNKNOWN] : ["none"];
    put("independent", answer(g.independentBoardMembers, "number"));
  }
  put("income", answer(x.finances?.annualIncomeGbp, "number"));
  put("reserves", answer(x.finances?.reservesMonths, "number"));
  if (x.asOf) { a.asOfChoice = "date"; a.asOf = x.asOf; }
  return a;
}

const SECTIONS = [
  ["Organisation", ["sponsor/kind", "sponsor/name", "sponsor/not-for-profit", "sponsor/england", "sponsor/regulatory"]],
  ["The council's own record", ["sponsor/inspections", "sponsor/intervention"]],
  ["Experience", ["sponsor/experience-years", "sponsor/dcs-leaders", "sponsor/social-workers", "sponsor/provision"]],
  ["Governance", ["sponsor/governance", "sponsor/independent-board"]],
  ["Finances", ["sponsor/income", "sponsor/reserves"]],
  ["Date", ["sponsor/as-of"]],
];
const CHECK_LABELS = {
  "sponsor/kind": "Kind of organisation", "sponsor/name": "Name", "sponsor/not-for-profit": "Not for profit",
  "sponsor/england": "Based in England", "sponsor/regulatory": "Enforcement or inquiry",
  "sponsor/intervention": "Intervention", "sponsor/experience-years": "Years delivering children's services",
  "sponsor/dcs-leaders": "Leaders who were a director of children's services or commissioner",
  "sponsor/social-workers": "Qualified social workers", "sponsor/governance": "Governance",
  "sponsor/independent-board": "Independent board members", "sponsor/income": "Annual income",
  "sponsor/reserves": "Reserves", "sponsor/as-of": "Date to check",
};

export function checkSections(ctx) {
  const on = path(ctx);
  const out = [];
  for (const [title, ids] of SECTIONS) {
    const rows = [];
    for (const x of assumed(ctx).filter((y) => ids.includes(y.id))) {
      rows.push({ key: x.key, value: html`${x.value}<br><span class="govuk-hint govuk-!-margin-bottom-0">Not asked: assumed, because ${x.because}</span>` });
    }
    for (const id of ids.filter((x) => on.includes(x))) {
      if (id === "sponsor/inspections") { rows.push(...listRows(lists.ownInspections, ctx, journey)); continue; }
      if (id === "sponsor/provision") { rows.push(...listRows(lists.provision, ctx, journey)); continue; }
      const def = pages.find((p) => p.id === id);
      if (id === "sponsor/as-of-date") continue;
      let value = id === "sponsor/as-of" ? asOfText(ctx) : displayAnswer(def, ctx);
      if (id === "sponsor/kind" && value) value = label(ORG_KINDS, ctx.a.kind);
      rows.push({ key: CHECK_LABELS[id], value: value ?? "Not answered", actions: [{ href: href(id, true), text: isAnswered(def, ctx) ? "Change" : "Answer", hidden: CHECK_LABELS[id].toLowerCase() }] });
    }
    if (rows.length) out.push({ title, rows });
  }
  return out;
}

export const listItems = (ctx, key) => itemsOf(ctx, lists[key]);
