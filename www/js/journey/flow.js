// The question flow machinery: page types (how each kind of question is shown, read and
// checked on the page), "add another" lists, and the order of pages. Which pages a journey has
// and what each asks live in council.js and sponsor.js; what the answers mean is the engine's.
import { html, raw as rawHtml } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import { parseDateParts, isoToParts } from "./dates.js";
import { formatDate as formatDateWords } from "../engine/wording.js";
import { readNumber, readBack, inFull } from "./numbers.js";

// ---------------------------------------------------------------------------------------------
// Page types. A question page definition has:
//   id        the page's address, with ":i" for an item of a list ("council/inspection/:i/overall")
//   type      text | number | radios | yesno | checkboxes | select | date | judgements
//   field     the id of its (first) input, the target of error summary links
//   title(ctx) the question: the page heading and <title>; caption(ctx), hint(ctx) optional
//   get(ctx) / set(ctx, value)  read and write the answer in ctx.a (the journey's answers)
//   answered(ctx)  whether the answer is given (defaults to get(ctx) being set)
//   required  the message when nothing is given; other messages per type
//   number pages: noun, money, integer, min, max, unit, example (numbers.js reads and checks)
//   unknown   yes/no and number pages: offer "I do not know" (the answer "unknown", which the
//             journey passes to the engine as null: not known, SPEC 4.1)
//   date pages: dates after today are refused (a report cannot have been published in the
//             future), except the date to check (field asOf); a date after the date to check
//             is accepted with a warning on the page, which Continue then confirms
//   engine    [[path pattern, field]]: where the engine's errors for this answer belong
// ---------------------------------------------------------------------------------------------

const call = (v, ctx) => (typeof v === "function" ? v(ctx) : v);

export function readForm(def, form) {
  const fd = new FormData(form);
  switch (def.type) {
    case "checkboxes": return { value: fd.getAll(def.field) };
    case "date": return { day: fd.get(`${def.field}-day`), month: fd.get(`${def.field}-month`), year: fd.get(`${def.field}-year`) };
    case "judgements": return Object.fromEntries(def.parts.map(([k]) => [k, fd.get(k)]));
    case "number": return { value: fd.get(def.field), unknown: def.unknown ? fd.get(`${def.field}-unknown`) : null };
    default: return { value: fd.get(def.field) };
  }
}

/** Checks what was typed or chosen on the page. Returns { value } or { errors: [{ field, text, parts }] }. */
export function parseAnswer(def, raw, ctx) {
  const fail = (text, field = def.field, parts) => ({ errors: [{ field, text, parts }] });
  const extra = (value) => {
    const e = def.validate?.(value, ctx);
    return e ? fail(e) : { value };
  };
  switch (def.type) {
    case "text": {
      const v = String(raw.value ?? "").trim();
      if (!v && def.required) return fail(call(def.required, ctx));
      return extra(v);
    }
    case "number": {
      if (def.unknown && raw.unknown === UNKNOWN) {
        if (String(raw.value ?? "").trim()) return fail(`Enter ${call(def.noun, ctx)} or select ‘I do not know’, not both`);
        return { value: UNKNOWN };
      }
      const r = readNumber(raw.value, numberDef(def, ctx));
      if (r.error) return fail(r.empty && def.required ? call(def.required, ctx) : r.error);
      return extra(r.value);
    }
    case "radios": case "select": case "yesno": {
      const v = raw.value;
      const allowed = def.type === "yesno" ? ["yes", "no", ...(def.unknown ? [UNKNOWN] : [])] : def.options(ctx).filter((o) => !o.divider).map((o) => String(o.value));
      if (!v || !allowed.includes(String(v))) return fail(call(def.required, ctx));
      if (v === UNKNOWN && def.type === "yesno") return { value: UNKNOWN };
      return extra(def.type === "yesno" ? v === "yes" : v);
    }
    case "checkboxes": {
      const v = raw.value.map(String);
      if (!v.length) return fail(call(def.required, ctx));
      return extra(v.includes("none") ? ["none"] : v);
    }
    case "date": {
      const noun = call(def.noun, ctx);
      const r = parseDateParts(raw, noun, { optional: def.optional });
      if (r.error) return fail(r.error, `${def.field}-${r.parts[0] ?? "day"}`, r.parts);
      if (r.iso && def.field !== "asOf" && ctx.today && r.iso > ctx.today) {
        return fail(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} must be today or in the past`, `${def.field}-day`, ["day", "month", "year"]);
      }
      const e = extra(r.iso);
      const asOf = checkedOn(ctx);
      if (!e.errors && r.iso && def.field !== "asOf" && asOf && r.iso > asOf) {
        e.warning = afterAsOfWarning(noun, asOf);
      }
      return e;
    }
    case "judgements": {
      const out = {};
      for (const [k] of def.parts) if (raw[k] && raw[k] !== "none") out[k] = raw[k];
      return { value: out };
    }
    default: throw new Error(`unknown page type ${def.type}`);
  }
}

/** The answer "I do not know" (SPEC 4.1: passed to the engine as null, not known). */
export const UNKNOWN = "unknown";
const UNKNOWN_TEXT = "I do not know";

/** A number page's definition for numbers.js (its noun may depend on the answers). */
const numberDef = (def, ctx) => ({ ...def, noun: call(def.noun, ctx), money: def.money ?? def.prefix === "£" });

/** The date to check, when the user chose one (today's is checked on the date page itself). */
const checkedOn = (ctx) => (ctx.a?.asOfChoice === "date" && ctx.a?.asOf ? ctx.a.asOf : null);

export function afterAsOfWarning(noun, asOf) {
  return `This is after ${formatDateWords(asOf)}, the date you are checking. What happened after that date is not counted: check the date, or change the date to check. If it is right, select Continue.`;
}

/** As the user types an amount, what it is read as ("We read this as £12,500,000"), for the
 *  element after the field (role=status, so screen readers hear it). */
export const numberReadBack = (def, ctx, text) => readBack(text, numberDef(def, ctx));

/** What the page shows: the saved answer, or what was typed when the page has errors. */
function shown(def, ctx, raw) {
  if (raw) return raw;
  const v = def.get(ctx);
  switch (def.type) {
    case "date": return isoToParts(v);
    case "yesno": return { value: v === true ? "yes" : v === false ? "no" : v === UNKNOWN ? UNKNOWN : null };
    case "number": return v === UNKNOWN ? { value: "", unknown: UNKNOWN } : { value: v === null || v === undefined ? "" : String(v) };
    case "judgements": return v ?? {};
    default: return { value: v };
  }
}

/** The fields of a question page, the question as the page heading. */
/** @param {any} def @param {any} ctx @param {{ errors?: any[], raw?: any, warning?: string }} [o] */
export function renderAnswer(def, ctx, { errors = [], raw, warning: warned } = {}) {
  const err = (field) => errors.find((e) => e.field === field || e.field.startsWith(`${field}-`));
  const warning = warned ? C.warningText(warned) : "";
  const e = err(def.field);
  const v = shown(def, ctx, raw);
  const common = { text: call(def.title, ctx), heading: true, caption: call(def.caption, ctx), hintText: call(def.hint, ctx), error: e?.text };
  switch (def.type) {
    case "text":
      return C.textInput({ ...common, id: def.field, value: v.value, width: def.width, autocomplete: def.autocomplete, spellcheck: def.spellcheck });
    case "number": {
      const nd = numberDef(def, ctx);
      return html`${warning}${C.textInput({ ...common, id: def.field, value: v.value, width: def.width ?? 5, inputmode: nd.money ? "text" : def.integer ? "numeric" : "decimal", prefix: def.prefix, suffix: def.suffix, spellcheck: false })}
        <p class="govuk-body" id="${def.field}-read" role="status" data-reads="${def.field}">${v.value ? readBack(v.value, nd) : ""}</p>
        ${def.unknown ? html`<div class="govuk-form-group"><p class="govuk-body">or</p><div class="govuk-checkboxes" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">
          <input class="govuk-checkboxes__input" id="${def.field}-unknown" name="${def.field}-unknown" type="checkbox" value="${UNKNOWN}"${v.unknown === UNKNOWN ? rawHtml(" checked") : ""}>
          <label class="govuk-label govuk-checkboxes__label" for="${def.field}-unknown">${UNKNOWN_TEXT}</label></div></div></div>` : ""}`;
    }
    case "radios":
      return C.radios({ ...common, name: def.field, items: def.options(ctx), value: v.value });
    case "select":
      return C.select({ ...common, id: def.field, items: [{ value: "", text: call(def.placeholder, ctx) }, ...def.options(ctx)], value: v.value });
    case "yesno":
      return C.radios({ ...common, name: def.field, inline: !def.unknown, value: v.value,
        items: [{ value: "yes", text: "Yes" }, { value: "no", text: "No" }, ...(def.unknown ? [{ divider: "or" }, { value: UNKNOWN, text: UNKNOWN_TEXT }] : [])] });
    case "checkboxes":
      return C.checkboxes({ ...common, name: def.field, items: def.options(ctx), value: v.value });
    case "date":
      return html`${C.dateInput({ ...common, id: def.field, value: v, errorParts: e?.parts ?? [] })}${warning}`;
    case "judgements":
      return html`${common.caption ? html`<span class="govuk-caption-l">${common.caption}</span>` : ""}<h1 class="govuk-heading-l" tabindex="-1">${common.text}</h1>
        ${common.hintText ? html`<div class="govuk-hint" id="judgements-hint">${common.hintText}</div>` : ""}
        ${def.parts.map(([k, text]) => C.radios({ name: k, text, size: "m", small: true, error: err(k)?.text,
          // The page's hint is read with each judgement's question (GOV.UK: a hint tied to its fieldset).
          describedByExtra: common.hintText ? ["judgements-hint"] : [],
          items: [{ value: "none", text: "Not given" }, ...def.grades.map(([g, t]) => ({ value: g, text: t }))],
          value: v[k] ?? "none" }))}`;
    default: throw new Error(`unknown page type ${def.type}`);
  }
}

export function isAnswered(def, ctx) {
  if (def.answered) return def.answered(ctx);
  const v = def.get(ctx);
  if (Array.isArray(v)) return v.length > 0;
  return v !== undefined && v !== null && v !== "";
}

// ---------------------------------------------------------------------------------------------
// Page addresses and lists ("add another").
// ---------------------------------------------------------------------------------------------

/** "council/inspection/2/overall" against "council/inspection/:i/overall" -> { i: 2 } */
export function matchId(pattern, id) {
  const p = pattern.split("/"), s = id.split("/");
  if (p.length !== s.length) return null;
  let i = null;
  for (let k = 0; k < p.length; k++) {
    if (p[k] === ":i") {
      if (!/^\d{1,4}$/.test(s[k])) return null;
      i = Number(s[k]);
    } else if (p[k] !== s[k]) return null;
  }
  return { i };
}
export const withIndex = (pattern, i) => pattern.replace(":i", String(i));

/** A list of items added one at a time: its hub page (the summary with "add another") and
 *  the steps of one item. */
export function itemsOf(ctx, list) {
  return Array.isArray(ctx.a[list.key]) ? ctx.a[list.key] : [];
}
export function itemStepId(list, i, step) { return `${list.prefix}/${i}/${step}`; }

export function firstOpenStep(list, journey, ctx, i) {
  for (const step of list.steps) {
    const def = journey.def(itemStepId(list, i, step));
    if (!isAnswered(def.def, { ...ctx, i })) return step;
  }
  return null;
}
export function itemComplete(list, journey, ctx, i) {
  return firstOpenStep(list, journey, ctx, i) === null;
}

// ---------------------------------------------------------------------------------------------
// A journey: its pages, its main path (the pages in order, given the answers so far, lists as
// their hub) and navigation between them.
// ---------------------------------------------------------------------------------------------

export class Journey {
  constructor({ id, pages, lists, path, check, result, before }) {
    this.id = id;
    this.pages = pages;
    this.lists = lists;
    this.path = path;
    this.check = check;
    this.result = result;
    this.before = before;
  }

  /** The definition of a page address, and the item index in it. */
  def(pageId) {
    for (const def of this.pages) {
      const m = matchId(def.id, pageId);
      if (m) return { def, i: m.i };
    }
    return null;
  }

  listOfItemPage(def) { return this.lists.find((l) => def.id.startsWith(`${l.prefix}/`)); }

  answered(pageId, ctx) {
    const found = this.def(pageId);
    if (!found) return true;
    const { def, i } = found;
    if (def.type === "hub") {
      const list = def.list;
      const items = itemsOf(ctx, list);
      return ctx.a[list.done] === true && items.every((_, k) => itemComplete(list, this, ctx, k));
    }
    if (!def.get) return true;
    return isAnswered(def, { ...ctx, i });
  }

  /** The first page whose answer is missing (where "continue" takes a returning user). */
  resume(ctx) {
    for (const id of this.path(ctx)) {
      if (id === this.check) return id;
      const found = this.def(id);
      if (found?.def.type === "hub") {
        const list = found.def.list;
        const items = itemsOf(ctx, list);
        for (let k = 0; k < items.length; k++) {
          const step = firstOpenStep(list, this, ctx, k);
          if (step) return itemStepId(list, k, step);
        }
      }
      if (!this.answered(id, ctx)) return id;
    }
    return this.check;
  }

  /** Whether a page can be shown now (an item page needs its item, or be the next new one). */
  available(pageId, ctx) {
    const found = this.def(pageId);
    if (!found) return false;
    const { def, i } = found;
    const list = this.listOfItemPage(def);
    if (list && i !== null) {
      const n = itemsOf(ctx, list).length;
      if (i > n) return false;
      if (i === n) return def.id.endsWith(`/${list.steps[0]}`);
      return true;
    }
    if (def.side) return def.available ? def.available(ctx) : true;
    if (pageId === this.result) return true;
    // A page of the main path once the pages before it are answered.
    const path = this.path(ctx);
    const k = path.indexOf(pageId);
    return k >= 0 && path.slice(0, k).every((id) => this.answered(id, ctx));
  }

  /** Where "Continue" goes from a page, once its answer is saved. */
  next(pageId, ctx, change) {
    const { def, i } = this.def(pageId);
    if (def.next) return def.next(ctx);
    const list = this.listOfItemPage(def);
    if (list && i !== null) {
      // Each step of an item in turn, also when changing it (so every part can be changed).
      const k = list.steps.indexOf(pageId.split("/").pop());
      return k + 1 < list.steps.length ? itemStepId(list, i, list.steps[k + 1]) : list.hub;
    }
    return this.after(pageId, ctx, change);
  }

  /** The page after a page of the main path (in change mode: the next unanswered one). */
  after(pageId, ctx, change) {
    const path = this.path(ctx);
    const k = path.indexOf(pageId);
    if (change) {
      for (const id of path.slice(k + 1)) if (id === this.check || !this.answered(id, ctx)) return id;
      return this.check;
    }
    return path[k + 1] ?? this.check;
  }

  /** Where "Back" goes. */
  prev(pageId, ctx) {
    const found = this.def(pageId);
    if (!found) return "start";
    const { def, i } = found;
    if (def.prev) return def.prev(ctx);
    const list = this.listOfItemPage(def);
    if (list && i !== null) {
      const step = pageId.split("/").pop();
      const k = list.steps.indexOf(step);
      if (step === "remove" || k <= 0) return list.hub;
      return itemStepId(list, i, list.steps[k - 1]);
    }
    if (pageId === this.result) return this.check;
    const path = this.path(ctx);
    const k = path.indexOf(pageId);
    return k > 0 ? path[k - 1] : this.before;
  }
}

/** An answer in words, for check-your-answers pages. */
export function displayAnswer(def, ctx) {
  if (!isAnswered(def, ctx)) return null;
  const v = def.get(ctx);
  const optionText = (x) => (def.options?.(ctx) ?? []).find((o) => String(o.value) === String(x))?.text ?? x;
  if (v === UNKNOWN && (def.type === "yesno" || def.type === "number")) return UNKNOWN_TEXT;
  switch (def.type) {
    case "yesno": return v ? "Yes" : "No";
    case "radios": case "select": return optionText(v);
    case "checkboxes": return html`${v.map((x, k) => html`${k ? html`<br>` : ""}${optionText(x)}`)}`;
    case "number": return `${inFull(v, { money: numberDef(def, ctx).money })}${def.suffix ? ` ${def.suffix}` : ""}`;
    case "date": return v ? formatDateWords(v) : "Not given";
    default: return String(v);
  }
}
