// The council journey: which pages, in which order, what each asks, and how the answers become
// the engine's council input (SPEC §3.1). No rule is decided here.
import { html } from "./html.js";
import { Journey } from "./flow.js";
import {
  possessive, href, hubPage, removePage, inspectionPages, describeInspection, asOfPages, asOfText, listRows,
  inspectionInput, inspectionAnswer,
} from "./common.js";
import { VISIT_KINDS, PROGRESS, CONCERN_KINDS, label, formatDate, inForce } from "./wording.js";
import * as store from "./store.js";

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
      value: v.kind === "monitoring"
        ? ("progress" in v ? (v.progress ? label(PROGRESS, v.progress) : "Progress not stated") : "Progress not given yet")
        : ("priorityActions" in v ? (v.priorityActions === true ? "Priority actions identified" : v.priorityActions === false ? "No priority actions" : "Priority actions not stated") : "Outcome not given yet"),
      short: `the ${label(VISIT_KINDS, v.kind).toLowerCase() || "visit"}${v.date ? ` on ${formatDate(v.date)}` : ""}`,
    }),
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
  {
    id: "council/name", type: "text", field: "name",
    title: "Which council do you want to check?",
    hint: "The council whose children's services you want to check, for example, Sandwell",
    required: "Enter the name of the council", noun: "the council name", autocomplete: "off", spellcheck: false, width: 20,
    get: (ctx) => ctx.a.name, set: (ctx, v) => { ctx.a.name = v; },
    engine: [["council.name", "name"], ["council.code", "name"], ["council", "name"]],
    extra: () => {
      const list = store.loadList();
      return html`<p class="govuk-body">If you have a file of council histories, you can
        ${list ? html`<a class="govuk-link" href="?page=council/pick">pick a council from the file you ${list.ofsted ? "loaded" : "uploaded"}</a> or ` : ""}<a class="govuk-link" href="?page=council/file">upload a file and pick a council from it</a>.</p>`;
    },
  },
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
  {
    id: "council/arrangements", type: "checkboxes", field: "arrangements",
    title: (ctx) => `Do any of these apply to ${whose(ctx)} children's services now?`,
    hint: "Select all that apply",
    options: () => [
      { value: "commissioner", text: "A children's services commissioner has been appointed" },
      { value: "trust", text: "The services are run by a children's services trust" },
      { divider: "or" },
      { value: "none", text: "Neither of these", exclusive: true },
    ],
    required: "Select the arrangements that apply, or select ‘Neither of these’",
    get: (ctx) => ctx.a.arrangements, set: (ctx, v) => { ctx.a.arrangements = v; },
    engine: [["status", "arrangements"]],
  },
  {
    id: "council/commissioner-date", type: "date", field: "commissioner",
    title: "When was the commissioner appointed?", hint: "For example, 1 10 2015",
    noun: "the date the commissioner was appointed",
    get: (ctx) => ctx.a.commissionerAppointed, set: (ctx, v) => { ctx.a.commissionerAppointed = v; },
    engine: [["status.commissionerAppointed", "commissioner-day"]],
  },
  {
    id: "council/trust-date", type: "date", field: "trust",
    title: "When did the trust start running the services?", hint: "For example, 1 10 2014",
    noun: "the date the trust started",
    get: (ctx) => ctx.a.trustSince, set: (ctx, v) => { ctx.a.trustSince = v; },
    engine: [["status.trustSince", "trust-day"]],
  },
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
  const p = ["council/name", "council/inspections", "council/visits", "council/concerns", "council/arrangements"];
  const arr = ctx.a.arrangements ?? [];
  if (arr.includes("commissioner")) p.push("council/commissioner-date");
  if (arr.includes("trust")) p.push("council/trust-date");
  p.push("council/as-of");
  if (ctx.a.asOfChoice === "date") p.push("council/as-of-date");
  p.push("council/ruleset", "council/check");
  return p;
}

export const journey = new Journey({
  id: "council", pages, lists: Object.values(lists), path,
  check: "council/check", result: "council/result", before: "choose",
});

/** The engine input (SPEC §3.1) from the answers. `probe`: while answering, items not yet
 *  finished are included as far as they go (missing parts made neutral) so that the engine
 *  checks what has been given. */
export function toInput(a, today, { probe = false } = {}) {
  const input = { asOf: a.asOfChoice === "date" && a.asOf ? a.asOf : today };
  if (a.name || a.code) input.council = { name: a.name ?? null, ...(a.code ? { code: a.code } : {}) };
  if (a.ruleset && a.ruleset !== "auto") input.ruleset = a.ruleset;
  input.inspections = (a.inspections ?? [])
    .filter((it) => it.published && (it.overall || probe))
    .map((it) => inspectionInput({ ...it, overall: it.overall ?? "good" }));
  input.visits = (a.visits ?? []).filter((v) => v.date && (v.kind || probe)).map((v) => {
    const out = { date: v.date, kind: v.kind ?? "focused" };
    if (v.progress) out.progress = v.progress;
    if (typeof v.priorityActions === "boolean") out.priorityActions = v.priorityActions;
    return out;
  });
  input.concerns = (a.concerns ?? []).filter((c) => c.date && c.kind).map((c) => ({ date: c.date, kind: c.kind }));
  const arr = a.arrangements ?? [];
  const status = {};
  if (arr.includes("commissioner") && a.commissionerAppointed) status.commissionerAppointed = a.commissionerAppointed;
  if (arr.includes("trust") && a.trustSince) status.trustSince = a.trustSince;
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
    if (v.kind === "monitoring") out.progress = v.progress ?? null; else out.priorityActions = typeof v.priorityActions === "boolean" ? v.priorityActions : null;
    return out;
  });
  a.visitsDone = true;
  a.concerns = (x.concerns ?? []).map((c) => ({ kind: c.kind, date: c.date }));
  a.concernsDone = true;
  const arr = [];
  if (x.status?.commissionerAppointed) { arr.push("commissioner"); a.commissionerAppointed = x.status.commissionerAppointed; }
  if (x.status?.trustSince) { arr.push("trust"); a.trustSince = x.status.trustSince; }
  a.arrangements = arr.length ? arr : ["none"];
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
  const arr = a.arrangements ?? [];
  const rulesetText = !a.ruleset ? null : a.ruleset === "auto" ? "The rules in force on the date checked"
    : ctx.data.rulesets.find((r) => r.id === a.ruleset)?.title ?? a.ruleset;
  const arrangementsRows = [row("Current arrangements",
    arr.length ? (arr.includes("none") ? "Neither a commissioner nor a trust" : html`${arr.map((v, k) => html`${k ? html`<br>` : ""}${v === "commissioner" ? "Commissioner appointed" : "Run by a trust"}`)}`) : null,
    "council/arrangements", "current arrangements")];
  if (arr.includes("commissioner")) arrangementsRows.push(row("Commissioner appointed", a.commissionerAppointed && formatDate(a.commissionerAppointed), "council/commissioner-date", "date the commissioner was appointed"));
  if (arr.includes("trust")) arrangementsRows.push(row("Run by a trust since", a.trustSince && formatDate(a.trustSince), "council/trust-date", "date the trust started"));
  return [
    { title: "Council", rows: [row("Council", a.name, "council/name", "council")] },
    { title: "Ofsted inspections", rows: listRows(lists.inspections, ctx, journey) },
    { title: "Monitoring and focused visits", rows: listRows(lists.visits, ctx, journey) },
    { title: "Concerns", rows: listRows(lists.concerns, ctx, journey) },
    { title: "Current arrangements", rows: arrangementsRows },
    { title: "Date and rules", rows: [
      row("Date to check", asOfText(ctx), "council/as-of", "date to check"),
      row("Rules", rulesetText, "council/ruleset", "rules to apply"),
    ] },
  ];
}
