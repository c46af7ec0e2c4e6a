// After a council is picked from Ofsted's data (picker.js): its history from the data as a
// summary list to confirm or change, and, on the same page, only what the data cannot know:
// anything since its "as at" date (reports, visits, concerns) and the council's current
// arrangements (notice, direction, commissioner, trust: SPEC §3.1 status), each with its date.
// The by-hand route asks the same arrangements on pages of their own (council.js).
import { html } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import { parseDateParts, isoToParts } from "../journey/dates.js";
import { itemsOf, itemStepId, firstOpenStep } from "../journey/flow.js";
import { href, possessive, describeInspection, asOfText, inspectionAnswer } from "../journey/common.js";
import { formatDate, EVENT_KINDS, label, partialDateWords, precisionWords } from "../engine/wording.js";
import { sourceLink, sourceHref } from "../govuk/sources.js";
import { CODES } from "../engine/vocabulary.js";

/** The DfE's collection of notices and directions: the authority the register is checked against. */
export const DFE_COLLECTION = { title: "Improvement notices and directions", url: "https://www.gov.uk/government/collections/improvement-notices-and-directions" };

/** The dates the shipped data is as at: Ofsted's reports (the later of the statistics and the
 *  report history) and the register of decisions. */
export function dataDates(d) {
  const reports = [d?.source?.asAt, d?.history?.asAt].filter(Boolean).sort().at(-1) ?? null;
  return { reports, statistics: d?.source?.asAt ?? null, history: d?.history?.asAt ?? null, register: d?.register?.asAt ?? null,
    staleAfterMonths: d?.staleAfterMonths ?? 6 };
}

/** A decision from the register as an answer (its source and how sure the register is kept). */
export function eventAnswer(e) {
  const out = { event: e.event, date: e.date };
  if (e.source && (e.source.title || e.source.url)) out.source = { ...(e.source.title ? { title: e.source.title } : {}), ...(e.source.url ? { url: e.source.url } : {}) };
  if (e.confidence) out.confidence = e.confidence;
  out.fromRegister = true;
  return out;
}

/** A decision in a summary list: its kind, its date as given and its source. */
export function describeEvent(e) {
  const when = partialDateWords(e.date);
  const precise = precisionWords(e.date);
  return {
    key: label(EVENT_KINDS, e.event) || "Decision",
    value: html`${e.date ? html`${when}${precise ? html` <span class="govuk-body-s">(${precise})</span>` : ""}` : "Date not given yet"}${e.source
      ? html`<br><span class="govuk-body-s">Source: ${sourceLink(e.source, e.source.title ?? e.source.url)}${e.changed ? " (changed by you)" : ""}</span>`
      : html`<br><span class="govuk-body-s">${e.fromRegister ? "No source recorded" : "Added by you"}</span>`}`,
    short: `the ${(label(EVENT_KINDS, e.event) || "decision").toLowerCase()}${e.date ? ` of ${when}` : ""}`,
  };
}
export { sourceHref };

/** Answers for a council picked from the shipped data (the date to check and the rules are kept):
 *  its Ofsted reports and visits, and its public decisions from the register (SPEC §3.7, §3.8),
 *  which go to the engine as status.events. `d` the data (or, from older callers, its source). */
export function answersFor(c, d, keep = {}) {
  const dates = d?.councils ? dataDates(d) : { reports: d?.asAt ?? null, register: null };
  const a = {
    name: c.name, code: c.code, picked: { code: c.code, asAt: dates.reports, ...(dates.register ? { registerAsAt: dates.register } : {}) },
    inspections: (c.inspections ?? []).map(inspectionAnswer), inspectionsDone: true,
    visits: (c.visits ?? []).map((v) => (v.kind === CODES.visitKind.monitoring
      ? { kind: v.kind, date: v.date, progress: v.progress ?? null }
      : { kind: v.kind, date: v.date, priorityActions: typeof v.priorityActions === "boolean" ? v.priorityActions : null })),
    visitsDone: true,
    concerns: [], concernsDone: true,
    asOfChoice: keep.asOfChoice ?? "today", ruleset: keep.ruleset ?? "auto",
  };
  // The register of decisions, when the data has it (SPEC §3.8): the status goes as status.events.
  if (d?.councils && d.register) { a.events = (c.events ?? []).map(eventAnswer); a.eventsDone = true; }
  if (keep.asOfChoice === "date" && keep.asOf) a.asOf = keep.asOf;
  return a;
}

/** Whether the council's status is kept as its dated decisions (a council picked from data that
 *  has the register) rather than the four dates. */
export const byEvents = (a) => Array.isArray(a.events);

/** The council's current arrangements: answer key, engine input key (SPEC §3.1 status), words. */
export const STATUS = [
  { value: "notice", key: "noticeIssued", input: "improvementNoticeIssued", page: "council/notice-date",
    text: "An improvement notice is in force", hint: "A notice from the Department for Education setting out what the council must improve",
    date: "When was the improvement notice issued?", noun: "the date the improvement notice was issued", example: "For example, 12 7 2022",
    check: "Improvement notice issued" },
  { value: "direction", key: "directionIssued", input: "directionIssued", page: "council/direction-date",
    text: "A statutory direction is in force", hint: "A direction from the Secretary of State (section 497A of the Education Act 1996)",
    date: "When was the statutory direction issued?", noun: "the date the statutory direction was issued", example: "For example, 14 3 2024",
    check: "Statutory direction issued" },
  { value: "commissioner", key: "commissionerAppointed", input: "commissionerAppointed", page: "council/commissioner-date",
    text: "A children's services commissioner has been appointed",
    date: "When was the commissioner appointed?", noun: "the date the commissioner was appointed", example: "For example, 1 10 2015",
    check: "Commissioner appointed" },
  { value: "trust", key: "trustSince", input: "trustSince", page: "council/trust-date",
    text: "The services are run by a children's services trust",
    date: "When did the trust start running the services?", noun: "the date the trust started", example: "For example, 1 10 2014",
    check: "Run by a trust since" },
];
export const NONE_TEXT = "None of these";
export const STATUS_REQUIRED = `Select the arrangements that apply, or select ‘${NONE_TEXT}’`;

const SINCE = [
  { value: "report", text: "Ofsted published an inspection report", hint: "Including reports with key judgements only, which Ofsted publishes from April 2026" },
  { value: "visit", text: "Ofsted made a monitoring or focused visit" },
  { value: "concerns", text: "Concerns were raised about the services", hint: "A whistle-blower complaint, evidence of poor leadership or a serious incident" },
];
const SINCE_DECISION = { value: "decision", text: "The government made a decision not shown here", hint: "An improvement notice, a statutory direction, a commissioner or adviser, a trust, or the ending of one" };

/** The date checked: today, or the date the user chose. */
const asOfOf = (ctx) => (ctx.a.asOfChoice === "date" && ctx.a.asOf ? ctx.a.asOf : ctx.today);
/** Whole calendar months from one date to a later one (0 when not later). */
function monthsBetween(from, to) {
  if (!from || !to || to <= from) return 0;
  let n = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (Number(to.slice(8, 10)) < Number(from.slice(8, 10))) n -= 1;
  return n;
}

const whose = (a) => possessive(a.name, "the council’s");
const asAt = (a) => formatDate(a.picked?.asAt);

/** The check page's rows for the arrangements (both routes). */
export function statusRows(a, changePage) {
  const arr = a.arrangements ?? [];
  const row = (key, value, page, hidden) => ({ key, value: value ?? "Not answered", actions: [{ href: href(page, true), text: "Change", hidden }] });
  const rows = [row("Current arrangements",
    arr.length ? (arr.includes("none") ? NONE_TEXT : html`${STATUS.filter((s) => arr.includes(s.value)).map((s, k) => html`${k ? html`<br>` : ""}${s.text}`)}`) : null,
    changePage, "current arrangements")];
  for (const s of STATUS) {
    if (arr.includes(s.value)) rows.push(row(s.check, a[s.key] && formatDate(a[s.key]), changePage === "council/confirm" ? changePage : s.page, s.noun.replace(/^the /, "")));
  }
  return rows;
}

function itemRows(list, ctx, journey, describe) {
  return itemsOf(ctx, list).map((it, k) => {
    const d = describe(it);
    const step = firstOpenStep(list, journey, ctx, k) ?? list.steps[0];
    return { key: d.key, value: d.value, actions: [{ href: href(itemStepId(list, k, step), true), text: "Change", hidden: d.short }] };
  });
}

/** The page after picking a council. */
export function confirmPage({ lists }) {
  return {
    id: "council/confirm", custom: true, field: "since",
    available: (ctx) => !!ctx.a.picked,
    prev: () => "council/name",
    engineWhen: (ctx) => !!ctx.a.picked,
    engine: [...STATUS.map((s) => [`status.${s.input}`, `${s.value}-day`]), ["status", "since"]],
    title: (ctx) => `Check ${whose(ctx.a)} Ofsted history`,
    get: (ctx) => ctx.a.since,
    answered: (ctx) => Array.isArray(ctx.a.since) && ctx.a.since.length > 0 && (byEvents(ctx.a) || (Array.isArray(ctx.a.arrangements)
      && ctx.a.arrangements.length > 0 && STATUS.every((s) => !ctx.a.arrangements.includes(s.value) || !!ctx.a[s.key]))),
    render(ctx, { errors = [], raw, journey }) {
      const a = ctx.a;
      const err = (f) => errors.find((e) => e.field === f || e.field.startsWith(`${f}-`));
      const since = raw?.since ?? a.since ?? [];
      const arr = raw?.arrangements ?? a.arrangements ?? [];
      const inspections = itemRows(lists.inspections, ctx, journey, describeInspection);
      const visits = itemRows(lists.visits, ctx, journey, lists.visits.describe);
      const events = byEvents(a) ? itemRows(lists.decisions, ctx, journey, describeEvent).map((r, k) => ({ ...r,
        actions: [...r.actions, { href: href(itemStepId(lists.decisions, k, "remove"), true), text: "Remove", hidden: describeEvent(a.events[k]).short }] })) : [];
      const unstated = (a.visits ?? []).some((v) => (v.kind === CODES.visitKind.monitoring ? !v.progress : typeof v.priorityActions !== "boolean"));
      const older = monthsBetween(a.picked?.asAt, asOfOf(ctx));
      const dateField = (s) => {
        const e = err(`${s.value}`);
        return C.dateInput({ id: s.value, text: s.date, size: "s", hintText: s.example, error: e?.text, errorParts: e?.parts ?? [],
          value: raw?.dates?.[s.value] ?? isoToParts(a[s.key]) });
      };
      return html`<span class="govuk-caption-l">${a.name}</span>
      <h1 class="govuk-heading-l" tabindex="-1">${this.title(ctx)}</h1>
      <p class="govuk-body">Filled in from Ofsted’s published reports, which are <strong>as at ${asAt(a)}</strong>${byEvents(a) && a.picked?.registerAsAt ? html`, and the government’s public decisions, <strong>as at ${formatDate(a.picked.registerAsAt)}</strong>` : ""}. Check them, and change anything that is not right.</p>
      ${older > 6 ? C.warningText(`Ofsted’s data is ${older} months older than the date checked, ${formatDate(asOfOf(ctx))}: add anything Ofsted has published since ${asAt(a)}.`) : ""}
      <h2 class="govuk-heading-m">Inspections</h2>
      ${inspections.length ? C.summaryList(inspections) : html`<p class="govuk-body">None in Ofsted’s data.</p>`}
      <h2 class="govuk-heading-m">Monitoring and focused visits</h2>
      ${visits.length ? C.summaryList(visits) : html`<p class="govuk-body">None in Ofsted’s data.</p>`}
      ${unstated ? html`<p class="govuk-body-s">Ofsted’s data does not say what progress a monitoring visit found, or whether a focused visit identified priority actions. If the visit’s letter says, change the visit to add it.</p>` : ""}
      ${byEvents(a) ? html`<h2 class="govuk-heading-m" id="decisions">Decisions by the government</h2>
      <p class="govuk-body">Improvement notices, statutory directions, commissioners, advisers and trusts: the checker works out which are in force on the date checked.</p>
      ${events.length ? C.summaryList(events) : html`<p class="govuk-body">None recorded for ${a.name}.</p>`}
      <p class="govuk-body">This list is known to be incomplete. Check the Department for Education’s collection <a class="govuk-link" href="${DFE_COLLECTION.url}" rel="noreferrer">${DFE_COLLECTION.title}</a>, and change, remove or add anything that is not right.</p>
      <p class="govuk-body"><a class="govuk-link" href="${href(itemStepId(lists.decisions, events.length, lists.decisions.steps[0]), true)}">Add a decision</a></p>` : ""}
      <h2 class="govuk-heading-m">Date checked</h2>
      ${C.summaryList([{ key: "Date", value: asOfText(ctx) ?? "Today", actions: [{ href: href("council/as-of", true), text: "Change", hidden: "date to check" }] }])}
      ${C.checkboxes({ name: "since", text: `Has anything happened since ${asAt(a)} that is not shown here?`, size: "m",
        hintText: "Select all that apply. You will be asked for the details next.", error: err("since")?.text, value: since,
        items: [...SINCE, ...(byEvents(a) ? [SINCE_DECISION] : []), { divider: "or" }, { value: "none", text: "No, nothing else", exclusive: true }] })}
      ${byEvents(a) ? "" : C.checkboxes({ name: "arrangements", text: `Do any of these apply to ${whose(a)} children's services now?`, size: "m",
        hintText: "Ofsted’s data does not show them. Select all that apply.", error: err("arrangements")?.text, value: arr,
        items: [...STATUS.map((s) => ({ value: s.value, text: s.text, hint: s.hint, conditional: dateField(s) })),
          { divider: "or" }, { value: "none", text: NONE_TEXT, exclusive: true }] })}`;
    },
    enhance: (el) => conditionalReveal(el),
    async submit(form, ctx) {
      const fd = new FormData(form);
      const since = fd.getAll("since").map(String);
      const events = byEvents(ctx.a);
      const arrangements = fd.getAll("arrangements").map(String);
      const dates = Object.fromEntries(STATUS.map((s) => [s.value, { day: fd.get(`${s.value}-day`), month: fd.get(`${s.value}-month`), year: fd.get(`${s.value}-year`) }]));
      const raw = { since, arrangements, dates };
      const errors = [];
      if (!since.length) errors.push({ field: "since", text: `Select what has happened since ${asAt(ctx.a)}, or select ‘No, nothing else’` });
      if (!events && !arrangements.length) errors.push({ field: "arrangements", text: STATUS_REQUIRED });
      const a = structuredClone(ctx.a);
      if (!events) {
        for (const s of STATUS) {
          if (!arrangements.includes(s.value) || arrangements.includes("none")) { delete a[s.key]; continue; }
          const r = parseDateParts(dates[s.value], s.noun);
          if (r.error) errors.push({ field: `${s.value}-${r.parts[0] ?? "day"}`, text: r.error, parts: r.parts });
          else a[s.key] = r.iso;
        }
      }
      if (errors.length) return { errors, raw };
      a.since = since.includes("none") ? ["none"] : since;
      if (!events) a.arrangements = arrangements.includes("none") ? ["none"] : arrangements;
      const adds = (v) => a.since.includes(v);
      // What is to be added is asked next: the first kind straight to its new item, the others
      // through their lists' pages ("You have added …").
      if (adds("report")) a.inspectionsDone = false;
      if (adds("visit")) a.visitsDone = false;
      if (adds("concerns")) a.concernsDone = false;
      if (adds("decision")) a.eventsDone = false;
      let next = "council/check";
      const first = (list) => itemStepId(list, itemsOf({ a }, list).length, list.steps[0]);
      if (adds("report")) next = first(lists.inspections);
      else if (adds("visit")) next = first(lists.visits);
      else if (adds("concerns")) next = first(lists.concerns);
      else if (adds("decision")) next = first(lists.decisions);
      return { a, go: next, raw };
    },
  };
}

/** GOV.UK's conditional reveal for checkboxes and radios in `el` (GOV.UK Frontend's own script
 *  is not loaded: see app.js): each item's conditional content shown while it is ticked. */
export function conditionalReveal(el) {
  const inputs = [...el.querySelectorAll("input[data-aria-controls]")];
  if (!inputs.length) return;
  const root = el.getRootNode();
  const sync = () => {
    for (const input of inputs) {
      const target = root.getElementById(input.dataset.ariaControls);
      if (!target) continue;
      input.setAttribute("aria-controls", target.id);
      input.setAttribute("aria-expanded", String(input.checked));
      target.classList.toggle(`govuk-${input.type === "radio" ? "radios" : "checkboxes"}__conditional--hidden`, !input.checked);
    }
  };
  sync();
  // After the app's own change handler (exclusive "None of these" unticks the others).
  el.addEventListener("change", () => { sync(); setTimeout(sync, 0); });
}

