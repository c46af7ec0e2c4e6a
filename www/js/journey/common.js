// Pages both journeys use: a council's Ofsted inspections (one item of an "add another" list),
// the list's summary page ("You have added 2 inspections"), removing an item, the date to check,
// and converting engine-shaped inputs (files) to answers.
import { html } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import { itemsOf, itemStepId, itemComplete, firstOpenStep, UNKNOWN } from "./flow.js";
import { GRADES, JUDGEMENTS, gradeLabel, formatDate, FRAMEWORKS, overallGradeDroppedFrom } from "../engine/wording.js";
import { sourceHref } from "../govuk/sources.js";

/** The overall grade page's answer for a report with key judgements only. */
export const NO_OVERALL = "none";

export const possessive = (name, fallback) => (name ? `${name}’s` : fallback);
export const href = (page, change) => `?page=${page}${change ? "&change=1" : ""}`;

/** Ofsted's own wording accepted too ("Requires improvement to be good", any case). */
export function normGrade(g) {
  if (typeof g !== "string") return g;
  const key = (t) => t.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const found = GRADES.find(([code, label]) => code === key(g) || key(label) === key(g));
  return found ? found[0] : g.trim().toLowerCase();
}

const itemOf = (ctx, key) => (Array.isArray(ctx.a[key]) ? ctx.a[key][ctx.i] : undefined) ?? {};
function setItem(ctx, key, f) {
  if (!Array.isArray(ctx.a[key])) ctx.a[key] = [];
  const items = ctx.a[key];
  if (ctx.i === items.length) items.push({});
  f(items[ctx.i]);
}

/** The pages of one inspection: publication date, overall grade, key judgements (optional). */
export function inspectionPages({ prefix, key, enginePath }) {
  const caption = (ctx) => `Inspection ${ctx.i + 1}`;
  const get = (f) => (ctx) => itemOf(ctx, key)[f];
  const path = (f) => `${enginePath}[:i].${f}`;
  // Reports published from overallGradeDroppedFrom (April 2026) may have key judgements only:
  // Ofsted still gave an overall grade when the inspection began before its new framework, so
  // the grade is asked for every report, with "no overall grade" offered from that date
  // (SPEC §1, §3.6); without one, the judgements page asks for them.
  const mayLackOverall = (ctx) => (itemOf(ctx, key).published ?? "") >= overallGradeDroppedFrom(ctx.data);
  const noOverall = (ctx) => !itemOf(ctx, key).overall && mayLackOverall(ctx) && itemOf(ctx, key).noOverall !== false;
  const step = (ctx, s) => `${prefix}/${ctx.i}/${s}`;
  return [
    {
      id: `${prefix}/:i/published`, type: "date", field: "published", caption,
      title: "When was the Ofsted report published?",
      hint: "The date Ofsted published the report, not the date of the inspection: the checker counts every period from publication. For example, 10 6 2015",
      noun: "the date the report was published",
      get: get("published"),
      set: (ctx, v) => setItem(ctx, key, (it) => { it.published = v; }),
      next: (ctx) => step(ctx, "overall"),
      engine: [[path("published"), "published-day"], [path("inspected"), "published-day"]],
    },
    {
      id: `${prefix}/:i/overall`, type: "radios", field: "overall", caption,
      title: "What was the overall effectiveness grade?",
      hint: (ctx) => (mayLackOverall(ctx)
        ? `The grade for overall effectiveness at the top of the report. Some reports published from ${formatDate(overallGradeDroppedFrom(ctx.data))} give key judgements only: if this one has no overall grade, select that`
        : "The grade for overall effectiveness at the top of the report"),
      options: (ctx) => [...GRADES.map(([value, text]) => ({ value, text })),
        ...(mayLackOverall(ctx) ? [{ divider: "or" }, { value: NO_OVERALL, text: "The report has no overall grade", hint: "It gives key judgements only" }] : [])],
      required: "Select the overall effectiveness grade",
      get: (ctx) => {
        const it = itemOf(ctx, key);
        return it.overall ? normGrade(it.overall) : it.noOverall ? NO_OVERALL : undefined;
      },
      answered: (ctx) => !!itemOf(ctx, key).overall || (mayLackOverall(ctx) && itemOf(ctx, key).noOverall === true),
      set: (ctx, v) => setItem(ctx, key, (it) => {
        if (v === NO_OVERALL) { delete it.overall; it.noOverall = true; } else { it.overall = v; delete it.noOverall; }
      }),
      engine: [[path("overall"), "overall"], [path("framework"), "overall"], [`${enginePath}[:i]`, "overall"]],
    },
    {
      id: `${prefix}/:i/judgements`, type: "judgements", field: JUDGEMENTS[0][0], caption,
      title: "What were the key judgements?",
      hint: "Optional: leave a judgement as ‘Not given’ if the report did not give it. The checker uses them to see whether failure is systemic.",
      resolve: (def, ctx) => (noOverall(ctx) ? { ...def,
        hint: `Reports published from ${formatDate(overallGradeDroppedFrom(ctx.data))} give key judgements only, without an overall effectiveness grade. Give at least one of help and protection, children in care and care leavers: the checker reads the report’s grade from them. Leave a judgement as ‘Not given’ if the report did not give it.` } : def),
      prev: (ctx) => step(ctx, "overall"),
      parts: JUDGEMENTS, grades: GRADES,
      get: (ctx) => {
        const j = itemOf(ctx, key).judgements ?? {};
        return Object.fromEntries(Object.entries(j).filter(([, g]) => g).map(([k, g]) => [k, normGrade(g)]));
      },
      set: (ctx, v) => setItem(ctx, key, (it) => { it.judgements = Object.keys(v).length ? v : null; }),
      answered: (ctx) => "judgements" in itemOf(ctx, key),
      engine: [[`${path("judgements")}.*`, (rest) => rest.split(".")[0]], [path("judgements"), JUDGEMENTS[0][0]]],
    },
  ];
}

/** An Ofsted report's address as a link (only an http(s) address: anything else is said as text). */
export function reportLink(it, text = "Read the Ofsted report") {
  if (!it?.report) return "";
  const u = sourceHref(it.report);
  return u ? html`<a class="govuk-link" href="${u}" rel="noreferrer">${text}<span class="govuk-visually-hidden"> published ${formatDate(it.published)}</span></a>`
    : html`Report: ${it.report}`;
}

export function describeInspection(it) {
  const j = Object.entries(it.judgements ?? {}).filter(([, g]) => g);
  const noGrade = !it.overall && it.noOverall === true;
  return {
    key: it.published ? `Published ${formatDate(it.published)}` : "Not finished",
    value: html`${it.overall ? gradeLabel(normGrade(it.overall)) : noGrade ? "No overall grade (key judgements only)" : "Overall grade not given"}${it.inspected ? html`<br><span class="govuk-body-s">Inspection began ${formatDate(it.inspected)}</span>` : ""}${it.framework ? html`<br>${FRAMEWORKS[it.framework] ?? it.framework}` : ""}${j.length
      ? html`<br><span class="govuk-body-s">${j.map(([k, g], n) => `${n ? "; " : ""}${(JUDGEMENTS.find(([jk]) => jk === k) ?? [k, k])[1]}: ${gradeLabel(normGrade(g))}`)}</span>` : ""}${it.report ? html`<br><span class="govuk-body-s">${reportLink(it)}</span>` : ""}`,
    short: `the inspection published ${formatDate(it.published)}`,
  };
}

/** The summary page of a list: asks whether there are any (none yet) or whether to add another. */
export function hubPage(list) {
  return {
    id: list.hub, type: "hub", custom: true, list, field: "add",
    title: (ctx) => {
      const n = itemsOf(ctx, list).length;
      return n === 0 ? list.askFirst(ctx) : `You have added ${n} ${n === 1 ? list.singular : list.plural}`;
    },
    render(ctx, { errors = [], journey }) {
      const items = itemsOf(ctx, list);
      const e = errors.find((x) => x.field === "add")?.text;
      if (items.length === 0) {
        // list.unknown: the answers' key for "I do not know" (SPEC 4.1: the list is left out of
        // the engine's input, not known; "No" is an answer, an empty list).
        const value = list.unknown && ctx.a[list.unknown] === true ? UNKNOWN : ctx.a[list.done] === true ? "no" : null;
        return C.radios({ name: "add", text: list.askFirst(ctx), heading: true, caption: list.caption?.(ctx), hintText: list.hintFirst?.(ctx), inline: !list.unknown, error: e,
          items: [{ value: "yes", text: "Yes" }, { value: "no", text: "No" }, ...(list.unknown ? [{ divider: "or" }, { value: UNKNOWN, text: "I do not know" }] : [])], value });
      }
      return html`${list.caption ? html`<span class="govuk-caption-l">${list.caption(ctx)}</span>` : ""}
        <h1 class="govuk-heading-l" tabindex="-1">${this.title(ctx)}</h1>
        ${C.summaryList(items.map((it, k) => {
          const d = list.describe(it);
          const complete = itemComplete(list, journey, ctx, k);
          const step = firstOpenStep(list, journey, ctx, k) ?? list.steps[0];
          return {
            key: d.key,
            value: complete ? d.value : html`${d.value}<br>${C.tag("Not finished", "yellow")}`,
            actions: [
              { href: href(itemStepId(list, k, step), ctx.change), text: complete ? "Change" : "Finish", hidden: d.short },
              { href: href(itemStepId(list, k, "remove"), ctx.change), text: "Remove", hidden: d.short },
            ],
          };
        }))}
        ${C.radios({ name: "add", text: list.askAnother, size: "m", inline: true, error: e,
          items: [{ value: "yes", text: "Yes" }, { value: "no", text: "No" }] })}`;
    },
    async submit(form, ctx, journey) {
      const v = new FormData(form).get("add");
      const items = itemsOf(ctx, list);
      const unknown = list.unknown && !items.length && v === UNKNOWN;
      if (v !== "yes" && v !== "no" && !unknown) {
        return { errors: [{ field: "add", text: items.length ? `Select yes if you need to add another ${list.singular}` : list.requiredFirst }] };
      }
      const a = structuredClone(ctx.a);
      if (list.unknown) delete a[list.unknown];
      if (unknown) {
        a[list.unknown] = true;
        a[list.done] = true;
        return { a, go: journey.after(list.hub, { ...ctx, a }, ctx.change) };
      }
      if (v === "yes") {
        a[list.done] = false;
        return { a, go: itemStepId(list, items.length, list.steps[0]), keepChange: true, noProbe: true };
      }
      const open = items.findIndex((_, k) => !itemComplete(list, journey, ctx, k));
      if (open >= 0) {
        return { errors: [{ field: "add", text: `Finish adding ${list.singular} ${open + 1}, or remove it` }] };
      }
      a[list.done] = true;
      return { a, go: journey.after(list.hub, { ...ctx, a }, ctx.change) };
    },
  };
}

/** "Are you sure you want to remove …?" for one item of a list. */
export function removePage(list) {
  return {
    id: `${list.prefix}/:i/remove`, custom: true, side: true, field: "remove",
    title: (ctx) => `Are you sure you want to remove ${list.describe(itemsOf(ctx, list)[ctx.i] ?? {}).short}?`,
    prev: () => list.hub,
    render(ctx, { errors = [] }) {
      return C.radios({ name: "remove", text: this.title(ctx), heading: true, inline: true,
        error: errors.find((x) => x.field === "remove")?.text,
        items: [{ value: "yes", text: "Yes" }, { value: "no", text: "No" }] });
    },
    async submit(form, ctx) {
      const v = new FormData(form).get("remove");
      if (v !== "yes" && v !== "no") return { errors: [{ field: "remove", text: `Select yes if you want to remove the ${list.singular}` }] };
      const a = structuredClone(ctx.a);
      if (v === "yes") a[list.key].splice(ctx.i, 1);
      return { a, go: list.hub, keepChange: true };
    },
  };
}

/** The date to check: today (the default) or another date, on a page of its own. */
export function asOfPages(journey) {
  return [
    {
      id: `${journey}/as-of`, type: "radios", field: "asOfChoice",
      title: "What date do you want to check?",
      hint: "The checker works out what applies on this date, counting only what was published or happened by then.",
      options: (ctx) => [
        { value: "today", text: `Today, ${formatDate(ctx.today)}` },
        { value: "date", text: "Another date", hint: "To see what applied, or would apply, on that date" },
      ],
      required: "Select the date to check",
      get: (ctx) => ctx.a.asOfChoice,
      set: (ctx, v) => { ctx.a.asOfChoice = v; if (v === "today") delete ctx.a.asOf; },
    },
    {
      id: `${journey}/as-of-date`, type: "date", field: "asOf",
      title: "Which date do you want to check?", hint: "For example, 1 3 2016",
      noun: "the date to check",
      get: (ctx) => ctx.a.asOf, set: (ctx, v) => { ctx.a.asOf = v; },
      engine: [["asOf", "asOf-day"]],
    },
  ];
}

/** The date to check in words, for check-your-answers pages. */
export function asOfText(ctx) {
  if (ctx.a.asOfChoice === "today") return `Today, ${formatDate(ctx.today)}`;
  if (ctx.a.asOfChoice === "date") return ctx.a.asOf ? formatDate(ctx.a.asOf) : null;
  return null;
}

/** Rows of a check-answers list for the items of a list. */
export function listRows(list, ctx, journey) {
  const items = itemsOf(ctx, list);
  const rows = items.map((it, k) => {
    const d = list.describe(it);
    const step = firstOpenStep(list, journey, ctx, k);
    return {
      key: `${list.singular.charAt(0).toUpperCase()}${list.singular.slice(1)} ${k + 1}`,
      value: step ? html`${d.key}<br>${d.value}<br>${C.tag("Not finished", "yellow")}` : html`${d.key}<br>${d.value}`,
      actions: [{ href: href(itemStepId(list, k, step ?? list.steps[0]), true), text: "Change", hidden: d.short }],
    };
  });
  rows.push({
    key: list.checkLabel,
    value: items.length ? `${items.length} added` : list.unknown && ctx.a[list.unknown] === true ? "I do not know" : "None",
    actions: [{ href: href(list.hub, true), text: items.length ? "Add or remove" : "Change", hidden: list.plural }],
  });
  return rows;
}

/** An inspection as the engine takes it, from the answers. */
export function inspectionInput(it) {
  const out = { published: it.published };
  if (it.overall) out.overall = it.overall;
  if (it.inspected) out.inspected = it.inspected;
  if (it.framework) out.framework = it.framework;
  if (it.judgements && Object.keys(it.judgements).length) out.judgements = it.judgements;
  if (it.report) out.report = it.report;
  return out;
}

/** An inspection from a file, as answers. */
export function inspectionAnswer(x) {
  const it = { published: x.published };
  if (x.overall) it.overall = normGrade(x.overall);
  if (x.inspected) it.inspected = x.inspected;
  if (x.framework) it.framework = x.framework;
  const j = x.judgements ? Object.fromEntries(Object.entries(x.judgements).filter(([, g]) => g).map(([k, g]) => [k, normGrade(g)])) : {};
  it.judgements = Object.keys(j).length ? j : null;
  if (!it.overall && (x.published ?? "") >= overallGradeDroppedFrom()) it.noOverall = true;
  if (typeof x.report === "string" && x.report) it.report = x.report;
  return it;
}
