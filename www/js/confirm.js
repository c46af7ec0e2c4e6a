// After a council is picked from Ofsted's data (picker.js): its history from the data as a
// summary list to confirm or change, and, on the same page, only what the data cannot know:
// anything since its "as at" date (reports, visits, concerns) and the council's current
// arrangements (notice, direction, commissioner, trust: SPEC §3.1 status), each with its date.
// The by-hand route asks the same arrangements on pages of their own (council.js).
import { html } from "./html.js";
import * as C from "./components.js";
import { parseDateParts, isoToParts } from "./dates.js";
import { itemsOf, itemStepId, firstOpenStep } from "./flow.js";
import { href, possessive, describeInspection, asOfText, inspectionAnswer } from "./common.js";
import { formatDate } from "./wording.js";

/** Answers for a council picked from Ofsted's data (the date to check and the rules are kept). */
export function answersFor(c, source, keep = {}) {
  const a = {
    name: c.name, code: c.code, picked: { code: c.code, asAt: source.asAt },
    inspections: (c.inspections ?? []).map(inspectionAnswer), inspectionsDone: true,
    visits: (c.visits ?? []).map((v) => (v.kind === "monitoring"
      ? { kind: v.kind, date: v.date, progress: v.progress ?? null }
      : { kind: v.kind, date: v.date, priorityActions: typeof v.priorityActions === "boolean" ? v.priorityActions : null })),
    visitsDone: true,
    concerns: [], concernsDone: true,
    asOfChoice: keep.asOfChoice ?? "today", ruleset: keep.ruleset ?? "auto",
  };
  if (keep.asOfChoice === "date" && keep.asOf) a.asOf = keep.asOf;
  return a;
}

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
    engine: STATUS.map((s) => [`status.${s.input}`, `${s.value}-day`]),
    title: (ctx) => `Check ${whose(ctx.a)} Ofsted history`,
    get: (ctx) => ctx.a.since,
    answered: (ctx) => Array.isArray(ctx.a.since) && ctx.a.since.length > 0 && Array.isArray(ctx.a.arrangements)
      && ctx.a.arrangements.length > 0 && STATUS.every((s) => !ctx.a.arrangements.includes(s.value) || !!ctx.a[s.key]),
    render(ctx, { errors = [], raw, journey }) {
      const a = ctx.a;
      const err = (f) => errors.find((e) => e.field === f || e.field.startsWith(`${f}-`));
      const since = raw?.since ?? a.since ?? [];
      const arr = raw?.arrangements ?? a.arrangements ?? [];
      const inspections = itemRows(lists.inspections, ctx, journey, describeInspection);
      const visits = itemRows(lists.visits, ctx, journey, lists.visits.describe);
      const unstated = (a.visits ?? []).some((v) => (v.kind === "monitoring" ? !v.progress : typeof v.priorityActions !== "boolean"));
      const dateField = (s) => {
        const e = err(`${s.value}`);
        return C.dateInput({ id: s.value, text: s.date, size: "s", hintText: s.example, error: e?.text, errorParts: e?.parts ?? [],
          value: raw?.dates?.[s.value] ?? isoToParts(a[s.key]) });
      };
      return html`<span class="govuk-caption-l">${a.name}</span>
      <h1 class="govuk-heading-l" tabindex="-1">${this.title(ctx)}</h1>
      <p class="govuk-body">Filled in from Ofsted’s published data, which is <strong>as at ${asAt(a)}</strong>: it shows what Ofsted had published by then. Check it, and change anything that is not right.</p>
      ${monthsBetween(a.picked?.asAt, asOfOf(ctx)) > 6 ? C.warningText(`Ofsted’s data is ${monthsBetween(a.picked.asAt, asOfOf(ctx))} months older than the date checked, ${formatDate(asOfOf(ctx))}: add anything Ofsted has published since ${asAt(a)}.`) : ""}
      <h2 class="govuk-heading-m">Inspections</h2>
      ${inspections.length ? C.summaryList(inspections) : html`<p class="govuk-body">None in Ofsted’s data.</p>`}
      <h2 class="govuk-heading-m">Monitoring and focused visits</h2>
      ${visits.length ? C.summaryList(visits) : html`<p class="govuk-body">None in Ofsted’s data.</p>`}
      ${unstated ? html`<p class="govuk-body-s">Ofsted’s data does not say what progress a monitoring visit found, or whether a focused visit identified priority actions. If the visit’s letter says, change the visit to add it.</p>` : ""}
      <h2 class="govuk-heading-m">Date checked</h2>
      ${C.summaryList([{ key: "Date", value: asOfText(ctx) ?? "Today", actions: [{ href: href("council/as-of", true), text: "Change", hidden: "date to check" }] }])}
      ${C.checkboxes({ name: "since", text: `Has anything happened since ${asAt(a)} that is not shown here?`, size: "m",
        hintText: "Select all that apply. You will be asked for the details next.", error: err("since")?.text, value: since,
        items: [...SINCE, { divider: "or" }, { value: "none", text: "No, nothing else", exclusive: true }] })}
      ${C.checkboxes({ name: "arrangements", text: `Do any of these apply to ${whose(a)} children's services now?`, size: "m",
        hintText: "Ofsted’s data does not show them. Select all that apply.", error: err("arrangements")?.text, value: arr,
        items: [...STATUS.map((s) => ({ value: s.value, text: s.text, hint: s.hint, conditional: dateField(s) })),
          { divider: "or" }, { value: "none", text: NONE_TEXT, exclusive: true }] })}`;
    },
    enhance: (el) => conditionalReveal(el),
    async submit(form, ctx) {
      const fd = new FormData(form);
      const since = fd.getAll("since").map(String);
      const arrangements = fd.getAll("arrangements").map(String);
      const dates = Object.fromEntries(STATUS.map((s) => [s.value, { day: fd.get(`${s.value}-day`), month: fd.get(`${s.value}-month`), year: fd.get(`${s.value}-year`) }]));
      const raw = { since, arrangements, dates };
      const errors = [];
      if (!since.length) errors.push({ field: "since", text: `Select what has happened since ${asAt(ctx.a)}, or select ‘No, nothing else’` });
      if (!arrangements.length) errors.push({ field: "arrangements", text: STATUS_REQUIRED });
      const a = structuredClone(ctx.a);
      for (const s of STATUS) {
        if (!arrangements.includes(s.value) || arrangements.includes("none")) { delete a[s.key]; continue; }
        const r = parseDateParts(dates[s.value], s.noun);
        if (r.error) errors.push({ field: `${s.value}-${r.parts[0] ?? "day"}`, text: r.error, parts: r.parts });
        else a[s.key] = r.iso;
      }
      if (errors.length) return { errors, raw };
      a.since = since.includes("none") ? ["none"] : since;
      a.arrangements = arrangements.includes("none") ? ["none"] : arrangements;
      const adds = (v) => a.since.includes(v);
      // What is to be added is asked next: the first kind straight to its new item, the others
      // through their lists' pages ("You have added …").
      if (adds("report")) a.inspectionsDone = false;
      if (adds("visit")) a.visitsDone = false;
      if (adds("concerns")) a.concernsDone = false;
      let next = "council/check";
      if (adds("report")) next = itemStepId(lists.inspections, itemsOf({ a }, lists.inspections).length, lists.inspections.steps[0]);
      else if (adds("visit")) next = itemStepId(lists.visits, itemsOf({ a }, lists.visits).length, lists.visits.steps[0]);
      else if (adds("concerns")) next = itemStepId(lists.concerns, itemsOf({ a }, lists.concerns).length, lists.concerns.steps[0]);
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

