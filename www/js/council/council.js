// The council journey: which pages, in which order, what each asks, and how the answers become
// the engine's council input (SPEC §3.1). No rule is decided here.
import { html } from "../govuk/html.js";
import { Journey } from "../journey/flow.js";
import {
  possessive, href, hubPage, removePage, inspectionPages, describeInspection, asOfPages, asOfText, listRows,
  inspectionInput, inspectionAnswer,
} from "../journey/common.js";
import {
  VISIT_KINDS, PROGRESS, CONCERN_KINDS, EVENT_KINDS, label, formatDate, inForce, overallGradeDroppedFrom, parsePartialDate, partialDateWords,
} from "../engine/wording.js";
import * as store from "../journey/store.js";
import { pickerPage, didYouMeanPage } from "./picker.js";
import { confirmPage, STATUS, NONE_TEXT, STATUS_REQUIRED, statusRows, describeEvent, byEvents } from "./confirm.js";
import { CODES } from "../engine/vocabulary.js";

const whose = (ctx) => possessive(ctx.a.name, "the council’s");
const item = (ctx, key) => (Array.isArray(ctx.a[key]) ? ctx.a[key][ctx.i] : undefined) ?? {};
function setItem(ctx, key, f) {
  if (!Array.isArray(ctx.a[key])) ctx.a[key] = [];
  if (ctx.i === ctx.a[key].length) ctx.a[key].push({});
  f(ctx.a[key][ctx.i]);
}

export const lists = {
  inspections: {
    key: "inspections", done: "inspectionsDone", hub: "council/inspections", prefix: "council/inspection",
    steps: ["published", "overall", "judgements"], singular: "inspection", plural: "inspections",
    checkLabel: "Ofsted inspections",
    askFirst: (ctx) => `Has Ofsted published any inspection reports on ${whose(ctx)} children's services?`,
    hintFirst: () => "Full inspections of children's services (the single inspection framework, or ILACS from 2018). You will be asked about monitoring and focused visits next.",
    requiredFirst: "Select yes if Ofsted has published an inspection report",
    askAnother: "Do you need to add another inspection?",
    describe: describeInspection,
  },
  visits: {
    key: "visits", done: "visitsDone", hub: "council/visits", prefix: "council/visit",
    steps: ["kind", "date", "outcome"], singular: "visit", plural: "visits",
    checkLabel: "Monitoring and focused visits",
    askFirst: (ctx) => `Has Ofsted made any monitoring or focused visits to ${whose(ctx)} children's services?`,
    hintFirst: () => "Ofsted makes monitoring visits to councils judged inadequate, and focused visits to look at one area.",
    requiredFirst: "Select yes if Ofsted has made a monitoring or focused visit",
    askAnother: "Do you need to add another visit?",
    describe: (v) => ({
      key: v.date ? `${label(VISIT_KINDS, v.kind)} on ${formatDate(v.date)}` : label(VISIT_KINDS, v.kind) || "Visit",
      value: v.kind === CODES.visitKind.monitoring
        ? ("progress" in v ? (v.progress ? label(PROGRESS, v.progress) : "Progress not stated") : "Progress not given yet")
        : ("priorityActions" in v ? (v.priorityActions === true ? "Priority actions identified" : v.priorityActions === false ? "No priority actions" : "Priority actions not stated") : "Outcome not given yet"),
      short: `the ${label(VISIT_KINDS, v.kind).toLowerCase() || "visit"}${v.date ? ` on ${formatDate(v.date)}` : ""}`,
    }),
  },
  decisions: {
    key: "events", done: "eventsDone", hub: "council/decisions", prefix: "council/decision",
    steps: ["event", "date"], singular: "decision", plural: "decisions",
    checkLabel: "Decisions by the government",
    askFirst: (ctx) => `Has the government made any decisions about ${whose(ctx)} children's services?`,
    hintFirst: () => "An improvement notice, a statutory direction, a commissioner or adviser, a trust, or the ending of one.",
    requiredFirst: "Select yes if the government has made a decision",
    askAnother: "Do you need to add another decision?",
    describe: describeEvent,
  },
  concerns: {
    key: "concerns", done: "concernsDone", hub: "council/concerns", prefix: "council/concern",
    steps: ["kind", "date"], singular: "concern", plural: "concerns",
    checkLabel: "Concerns",
    askFirst: (ctx) => `Have any concerns been raised about ${whose(ctx)} children's services?`,
    hintFirst: () => "For example, a whistle-blower complaint, evidence of poor leadership or a serious incident. Concerns can lead to an emergency inspection.",
    requiredFirst: "Select yes if any concerns have been raised",
    askAnother: "Do you need to add another concern?",
    describe: (c) => ({
      key: label(CONCERN_KINDS, c.kind) || "Concern",
      value: c.date ? `Raised on ${formatDate(c.date)}` : "Date not given yet",
      short: `the ${(label(CONCERN_KINDS, c.kind) || "concern").toLowerCase()}${c.date ? ` raised on ${formatDate(c.date)}` : ""}`,
    }),
  },
};

const pages = [
  pickerPage({ after: (ctx) => journey.after("council/name", ctx, ctx.change) }),
  didYouMeanPage({ after: (ctx) => journey.after("council/name", ctx, ctx.change) }),
  confirmPage({ lists }),
  {
    id: "council/file", custom: true, side: true, field: "file",
    title: "Upload a file of council histories",
    prev: () => "council/name",
    // render and submit are supplied by main.js (they read files)
  },
  {
    id: "council/pick", side: true, field: "council",
    available: () => !!store.loadList(),
    title: "Which council do you want to check?",
    hint: () => `From ${store.loadList()?.fileName ?? "the file you uploaded"}. The council's inspections, visits and concerns will be filled in from the file; you can check and change them.`,
    required: "Select the council you want to check", placeholder: "Choose a council",
    options: () => (store.loadList()?.councils ?? []).map((c, k) => ({ value: String(k), text: c.label })),
    resolve: (def) => ({ ...def, type: (store.loadList()?.councils.length ?? 0) > 12 ? "select" : "radios" }),
    get: () => undefined,
    set: (ctx, v) => {
      const picked = store.loadList().councils[Number(v)];
      const keep = { asOfChoice: ctx.a.asOfChoice, asOf: ctx.a.asOf, ruleset: ctx.a.ruleset };
      for (const k of Object.keys(ctx.a)) delete ctx.a[k];
      Object.assign(ctx.a, fromInput(picked.input), Object.fromEntries(Object.entries(keep).filter(([, x]) => x !== undefined)));
    },
    prev: () => (store.loadList()?.ofsted ? "council/name" : "council/file"),
    next: () => "council/inspections",
  },
  hubPage(lists.inspections),
  ...inspectionPages({ prefix: "council/inspection", key: "inspections", enginePath: "inspections" }),
  removePage(lists.inspections),
  hubPage(lists.visits),
  {
    id: "council/visit/:i/kind", type: "radios", field: "kind", caption: (ctx) => `Visit ${ctx.i + 1}`,
    title: "What kind of visit was it?",
    options: () => VISIT_KINDS.map(([value, text, hint]) => ({ value, text, hint })),
    required: "Select the kind of visit",
    get: (ctx) => item(ctx, "visits").kind,
    set: (ctx, v) => setItem(ctx, "visits", (it) => {
      if (it.kind !== v) { delete it.progress; delete it.priorityActions; }
      it.kind = v;
    }),
    engine: [["visits[:i].kind", "kind"], ["visits[:i]", "kind"]],
  },
  {
    id: "council/visit/:i/date", type: "date", field: "date", caption: (ctx) => `Visit ${ctx.i + 1}`,
    title: (ctx) => `When was the ${label(VISIT_KINDS, item(ctx, "visits").kind).toLowerCase() || "visit"}?`,
    hint: "The last day of the visit. For example, 2 11 2015",
    noun: "the date of the visit",
    get: (ctx) => item(ctx, "visits").date,
    set: (ctx, v) => setItem(ctx, "visits", (it) => { it.date = v; }),
    engine: [["visits[:i].date", "date-day"]],
  },
  {
    id: "council/visit/:i/outcome", field: "outcome", caption: (ctx) => `Visit ${ctx.i + 1}`,
    resolve: (def, ctx) => (item(ctx, "visits").kind === "focused"
      ? { ...def, type: "radios", title: "Did the focused visit identify priority actions?",
        required: "Select whether the focused visit identified priority actions",
        options: () => [{ value: "yes", text: "Yes, it identified priority actions" }, { value: "no", text: "No priority actions" }, { value: "unknown", text: "The letter does not say" }] }
      : { ...def, type: "radios", title: "What progress did the monitoring visit find?",
        hint: "As the monitoring visit letter describes it",
        required: "Select the progress the monitoring visit found",
        options: () => [...PROGRESS.map(([value, text]) => ({ value, text })), { divider: "or" }, { value: "unknown", text: "The letter does not say" }] }),
    get: (ctx) => {
      const v = item(ctx, "visits");
      if (v.kind === "focused") return "priorityActions" in v ? (v.priorityActions === null ? "unknown" : v.priorityActions ? "yes" : "no") : undefined;
      return "progress" in v ? (v.progress ?? "unknown") : undefined;
    },
    set: (ctx, x) => setItem(ctx, "visits", (it) => {
      if (it.kind === "focused") { it.priorityActions = x === "unknown" ? null : x === "yes"; delete it.progress; } else { it.progress = x === "unknown" ? null : x; delete it.priorityActions; }
    }),
    engine: [["visits[:i].progress", "outcome"], ["visits[:i].priorityActions", "outcome"]],
  },
  removePage(lists.visits),
  hubPage(lists.concerns),
  {
    id: "council/concern/:i/kind", type: "radios", field: "kind", caption: (ctx) => `Concern ${ctx.i + 1}`,
    title: "What kind of concern was raised?",
    options: () => CONCERN_KINDS.map(([value, text]) => ({ value, text })),
    required: "Select the kind of concern",
    get: (ctx) => item(ctx, "concerns").kind,
    set: (ctx, v) => setItem(ctx, "concerns", (it) => { it.kind = v; }),
    engine: [["concerns[:i].kind", "kind"], ["concerns[:i]", "kind"]],
  },
  {
    id: "council/concern/:i/date", type: "date", field: "date", caption: (ctx) => `Concern ${ctx.i + 1}`,
    title: "When was the concern raised?", hint: "For example, 20 1 2016",
    noun: "the date the concern was raised",
    get: (ctx) => item(ctx, "concerns").date,
    set: (ctx, v) => setItem(ctx, "concerns", (it) => { it.date = v; }),
    engine: [["concerns[:i].date", "date-day"]],
  },
  removePage(lists.concerns),
  hubPage(lists.decisions),
  {
    id: "council/decision/:i/event", type: "radios", field: "event", caption: (ctx) => `Decision ${ctx.i + 1}`,
    title: "What was decided?",
    options: () => EVENT_KINDS.map(([value, text]) => ({ value, text })),
    required: "Select what was decided",
    get: (ctx) => item(ctx, "events").event,
    set: (ctx, v) => setItem(ctx, "events", (it) => { if (it.event && it.event !== v) it.changed = true; it.event = v; }),
    engine: [["status.events[:i].event", "event"], ["status.events[:i]", "event"]],
  },
  {
    id: "council/decision/:i/date", type: "text", field: "date", caption: (ctx) => `Decision ${ctx.i + 1}`,
    title: "When was it decided?",
    hint: "Give the day if you know it. If the source gives only the month or the year, give that: for example, 16 9 2021, September 2021 or 2021",
    required: "Enter the date of the decision",
    validate: (v) => parsePartialDate(v, "the date of the decision").error,
    get: (ctx) => (item(ctx, "events").date ? partialDateWords(item(ctx, "events").date) : undefined),
    set: (ctx, v) => setItem(ctx, "events", (it) => {
      const d = parsePartialDate(v).date;
      if (it.date && it.date !== d) it.changed = true;
      it.date = d;
    }),
    engine: [["status.events[:i].date", "date"]],
  },
  removePage(lists.decisions),
  {
    id: "council/arrangements", type: "checkboxes", field: "arrangements",
    title: (ctx) => `Do any of these apply to ${whose(ctx)} children's services now?`,
    hint: "Select all that apply",
    options: () => [
      ...STATUS.map((s) => ({ value: s.value, text: s.text, hint: s.hint })),
      { divider: "or" },
      { value: "none", text: NONE_TEXT, exclusive: true },
    ],
    required: STATUS_REQUIRED,
    get: (ctx) => ctx.a.arrangements, set: (ctx, v) => { ctx.a.arrangements = v; },
    engine: [["status", "arrangements"]],
  },
  ...STATUS.map((s) => ({
    id: s.page, type: "date", field: s.value,
    title: s.date, hint: s.example, noun: s.noun,
    get: (ctx) => ctx.a[s.key], set: (ctx, v) => { ctx.a[s.key] = v; },
    engineWhen: (ctx) => !ctx.a.picked,
    engine: [[`status.${s.input}`, `${s.value}-day`]],
  })),
  ...asOfPages("council"),
  {
    id: "council/ruleset", type: "radios", field: "ruleset",
    title: "Which rules do you want to apply?",
    options: (ctx) => [
      { value: "auto", text: "The rules in force on the date you check", hint: ctx.data.rulesets.map((r) => `${r.title}: ${inForce(r)}`).join(". ") + "." },
      { divider: "or" },
      ...ctx.data.rulesets.map((r) => ({ value: r.id, text: r.title, hint: `${inForce(r)[0].toUpperCase()}${inForce(r).slice(1)}. ${r.summary}` })),
    ],
    required: "Select the rules to apply",
    get: (ctx) => ctx.a.ruleset, set: (ctx, v) => { ctx.a.ruleset = v; },
    engine: [["ruleset", "ruleset"]],
  },
  { id: "council/check", custom: true, title: "Check your answers before you see the result" },
  { id: "council/result", custom: true, title: "Result" },
];

function path(ctx) {
  const a = ctx.a;
  const dateAndRules = ["council/as-of", ...(a.asOfChoice === "date" ? ["council/as-of-date"] : []), "council/ruleset"];
  if (a.picked) {
    // A council picked from Ofsted's data: its history is filled in and confirmed on one page;
    // the lists' pages only for what the user adds. Today's date and the rules in force are
    // already chosen (the check page offers to change them).
    const since = a.since ?? [];
    const p = ["council/name", ...dateAndRules, "council/confirm"];
    if (since.includes("report") || a.inspectionsDone === false) p.push("council/inspections");
    if (since.includes("visit") || a.visitsDone === false) p.push("council/visits");
    if (since.includes("concerns") || a.concernsDone === false) p.push("council/concerns");
    if (byEvents(a) && (since.includes("decision") || a.eventsDone === false)) p.push("council/decisions");
    p.push("council/check");
    return p;
  }
  const p = ["council/name", "council/inspections", "council/visits", "council/concerns"];
  if (byEvents(a)) p.push("council/decisions");
  else {
    p.push("council/arrangements");
    const arr = a.arrangements ?? [];
    for (const s of STATUS) if (arr.includes(s.value)) p.push(s.page);
  }
  p.push(...dateAndRules, "council/check");
  return p;
}

export const journey = new Journey({
  id: "council", pages, lists: Object.values(lists), path,
  check: "council/check", result: "council/result", before: "choose",
});

/** The engine input (SPEC §3.1) from the answers. `probe`: while answering, items not yet
 *  finished are included as far as they go (missing parts made neutral) so that the engine
 *  checks what has been given. */
export function toInput(a, today, { probe = false, data = null } = {}) {
  const input = { asOf: a.asOfChoice === "date" && a.asOf ? a.asOf : today };
  if (a.name || a.code) input.council = { name: a.name ?? null, ...(a.code ? { code: a.code } : {}) };
  if (a.ruleset && a.ruleset !== "auto") input.ruleset = a.ruleset;
  // A report without an overall grade goes to the engine as it is (SPEC §3.6: allowed from
  // overallGradeDroppedFrom, an error naming the field before); while answering, a report not
  // finished yet is checked with a neutral grade.
  const dropped = overallGradeDroppedFrom(data);
  input.inspections = (a.inspections ?? [])
    .filter((it) => it.published && (it.overall || probe || it.published >= dropped))
    .map((it) => inspectionInput(it.overall || it.published >= dropped ? it : { ...it, overall: CODES.grade.good }));
  input.visits = (a.visits ?? []).filter((v) => v.date && (v.kind || probe)).map((v) => {
    const out = { date: v.date, kind: v.kind ?? "focused" };
    if (v.progress) out.progress = v.progress;
    if (typeof v.priorityActions === "boolean") out.priorityActions = v.priorityActions;
    return out;
  });
  input.concerns = (a.concerns ?? []).filter((c) => c.date && c.kind).map((c) => ({ date: c.date, kind: c.kind }));
  if (byEvents(a)) {
    // A council picked from the shipped data: its dated public decisions (SPEC §3.7), from which
    // the engine works out what is in force on the date checked.
    const events = a.events.filter((e) => e.event && e.date).map((e) => ({ event: e.event, date: e.date, ...(e.source ? { source: e.source } : {}) }));
    if (events.length) input.status = { events };
    return input;
  }
  const arr = a.arrangements ?? [];
  const status = {};
  for (const s of STATUS) if (arr.includes(s.value) && a[s.key]) status[s.input] = a[s.key];
  if (Object.keys(status).length) input.status = status;
  return input;
}

/** Answers from an engine council input (a council from a file of histories, or an uploaded input). */
export function fromInput(x, { withDate = false } = {}) {
  const a = {};
  if (x.council?.name) a.name = x.council.name;
  if (x.council?.code) a.code = x.council.code;
  a.inspections = (x.inspections ?? []).map(inspectionAnswer);
  a.inspectionsDone = true;
  a.visits = (x.visits ?? []).map((v) => {
    const out = { kind: v.kind, date: v.date };
    if (v.kind === CODES.visitKind.monitoring) out.progress = v.progress ?? null; else out.priorityActions = typeof v.priorityActions === "boolean" ? v.priorityActions : null;
    return out;
  });
  a.visitsDone = true;
  a.concerns = (x.concerns ?? []).map((c) => ({ kind: c.kind, date: c.date }));
  a.concernsDone = true;
  if (Array.isArray(x.status?.events)) {
    a.events = x.status.events.map((e) => ({ event: e.event, date: e.date, ...(e.source ? { source: e.source } : {}) }));
    a.eventsDone = true;
  } else {
    const arr = [];
    for (const s of STATUS) if (x.status?.[s.input]) { arr.push(s.value); a[s.key] = x.status[s.input]; }
    a.arrangements = arr.length ? arr : ["none"];
  }
  if (withDate) {
    if (x.asOf) { a.asOfChoice = "date"; a.asOf = x.asOf; }
    if (x.ruleset) a.ruleset = x.ruleset;
  }
  return a;
}

/** The check-answers page. */
export function checkSections(ctx) {
  const a = ctx.a;
  const row = (key, value, page, hidden) => ({ key, value: value ?? "Not answered", actions: [{ href: href(page, true), text: "Change", hidden }] });
  const rulesetText = !a.ruleset ? null : a.ruleset === "auto" ? "The rules in force on the date checked"
    : ctx.data.rulesets.find((r) => r.id === a.ruleset)?.title ?? a.ruleset;
  const arrangementsRows = statusRows(a, a.picked ? "council/confirm" : "council/arrangements");
  return [
    { title: "Council", rows: [row("Council", a.name, "council/name", "council"),
      ...(a.picked ? [{ key: "History", value: `Filled in from Ofsted’s published data as at ${formatDate(a.picked.asAt)}, confirmed by you` }] : [])] },
    { title: "Ofsted inspections", rows: listRows(lists.inspections, ctx, journey) },
    { title: "Monitoring and focused visits", rows: listRows(lists.visits, ctx, journey) },
    { title: "Concerns", rows: listRows(lists.concerns, ctx, journey) },
    byEvents(a) ? { title: "Decisions by the government", rows: listRows(lists.decisions, ctx, journey) } : { title: "Current arrangements", rows: arrangementsRows },
    { title: "Date and rules", rows: [
      row("Date to check", asOfText(ctx), "council/as-of", "date to check"),
      row("Rules", rulesetText, "council/ruleset", "rules to apply"),
    ] },
  ];
}
