// The council result's timeline: an inline SVG drawn from the engine's answer
// and the history it assessed: inspections coloured by grade (GOV.UK colours, with the grade in
// words), visits, concerns, the council's notice, direction, commissioner and trust, the periods
// the rules look at for this answer (the six months to improve, the five years for persistent
// failure or for high performance: the engine's `windows`, with its dates; only their words and
// colours are here), the key dates, where one set of rules gives way to the next, and the date
// checked. Time runs down the page, so it reads at 320 px as at 1280 px. A table says the same
// for screen readers and anyone who prefers it.
import { html, raw, escape } from "../govuk/html.js";
import { formatDate, gradeLabel, DATE_KINDS, VISIT_KINDS, PROGRESS, CONCERN_KINDS, EVENT_KINDS, label, daysInWords, partialDateWords } from "../engine/wording.js";

// ---- key dates said as they stand (past ones as past, never as a to-do) ---------------------

const PAST = {
  improvement_deadline: "The deadline to show significant improvement was",
  takeover_target: "The target date for the takeover was",
  commissioner_review_due: "The commissioner's review was due on",
};
const dayWord = (n) => (Math.abs(n) === 1 ? "day" : "days");

/** A key date of the answer in words: "… was due on 20 September 2025, 438 days ago" once past. */
export function keyDateText(d) {
  const name = DATE_KINDS[d.kind] ?? d.kind;
  if (d.daysFromAsOf < 0) {
    const lead = PAST[d.kind] ?? `${name}: was`;
    return `${lead} ${formatDate(d.date)}, ${(-d.daysFromAsOf).toLocaleString("en-GB")} ${dayWord(d.daysFromAsOf)} ago`;
  }
  return `${name}: ${formatDate(d.date)} (${daysInWords(d.daysFromAsOf)})`;
}
export const keyDatePast = (d) => d.daysFromAsOf < 0;
const PAST_SHORT = {
  improvement_deadline: "Deadline to show significant improvement: passed",
  takeover_target: "Target date for the takeover: passed",
  commissioner_review_due: "Commissioner's review was due",
};
/** The same beside its date on the timeline. */
function keyDateShort(d) {
  const name = DATE_KINDS[d.kind] ?? d.kind;
  if (d.daysFromAsOf < 0) return `${PAST_SHORT[d.kind] ?? `${name}: passed`}, ${(-d.daysFromAsOf).toLocaleString("en-GB")} ${dayWord(d.daysFromAsOf)} ago`;
  return `${name} (${daysInWords(d.daysFromAsOf)})`;
}

// ---- dates ------------------------------------------------------------------------------------

const DAY = 86_400_000;
const toDay = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const isIso = (s) => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s);

// ---- what the timeline shows --------------------------------------------------------------------

/** GOV.UK colours for the grades (the grade is always in words too). */
export const GRADE_COLOURS = {
  outstanding: "#005a30", good: "#00703c", requires_improvement: "#f47738", inadequate: "#d4351c",
};
const COLOURS = { visit: "#4c2c92", concern: "#d53880", key: "#1d70b8", status: "#505a5f", ungraded: "#b1b4b6" };
const STATUS_WORDS = {
  improvementNoticeIssued: "Improvement notice issued",
  directionIssued: "Statutory direction issued",
  commissionerAppointed: "Commissioner appointed",
  trustSince: "Services moved to a trust",
};

/** How each period the engine returns is drawn and said (`param`: the ruleset's parameters). */
const WINDOWS = {
  improvement: (param) => ({ colour: COLOURS.key, text: `${param("improvementWindowMonths")} months to show significant improvement` }),
  persistent: (param) => ({ colour: GRADE_COLOURS.inadequate,
    text: `${param("persistentWindowYears")} years before the latest report: another inadequate report in them makes failure persistent` }),
  high_performing: (param) => ({ colour: GRADE_COLOURS.good,
    text: `${param("highPerformingWindowYears")} years before the date checked: no inadequate report in them, for a high-performing council` }),
};

/**
 * The timeline's contents from the engine's answer `r`, the input it assessed `input` (SPEC §3.1)
 * and the ruleset data `data` (rulesets()). Returns { events, windows, boundaries, asOf, from, to }.
 */
export function timelineModel(r, input, data) {
  const asOf = r.asOf;
  const within = (d) => isIso(d) && d <= asOf;
  const ruleset = data.rulesets.find((x) => x.id === r.ruleset.id);
  const param = (k) => ruleset?.parameters?.[k]?.value;
  const latest = r.latestInspection;
  const latestGrade = r.findings?.grade ?? latest?.overall ?? null;
  const events = [];
  for (const it of input.inspections ?? []) {
    if (!within(it.published)) continue;
    const isLatest = latest && it.published === latest.published;
    const grade = it.overall ? normalise(it.overall) : isLatest ? latestGrade : null;
    const how = !it.overall ? (grade ? " (read from its key judgements)" : ": key judgements only") : "";
    events.push({ date: it.published, type: "inspection", grade,
      text: `Inspection report${grade ? `: ${gradeLabel(grade)}` : ""}${how}${isLatest ? " (latest)" : ""}` });
  }
  for (const v of input.visits ?? []) {
    if (!within(v.date)) continue;
    const outcome = v.kind === "monitoring"
      ? (v.progress ? `: ${label(PROGRESS, v.progress).toLowerCase()}` : "")
      : (v.priorityActions === true ? ": priority actions" : v.priorityActions === false ? ": no priority actions" : "");
    events.push({ date: v.date, type: "visit", text: `${label(VISIT_KINDS, v.kind)}${outcome}` });
  }
  for (const c of input.concerns ?? []) {
    if (!within(c.date)) continue;
    events.push({ date: c.date, type: "concern", text: `Concern: ${label(CONCERN_KINDS, c.kind).toLowerCase()}` });
  }
  for (const [k, words] of Object.entries(STATUS_WORDS)) {
    const d = input.status?.[k];
    if (within(d)) events.push({ date: d, type: "status", text: words });
  }
  // Dated public decisions (SPEC §3.7), placed at their date as given (a month's or a year's
  // middle when the day is not known; the words say the date as given).
  for (const e of input.status?.events ?? []) {
    const at = /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? e.date : /^\d{4}-\d{2}$/.test(e.date) ? `${e.date}-15` : /^\d{4}$/.test(e.date) ? `${e.date}-07-01` : null;
    if (!at || !within(at)) continue;
    events.push({ date: at, type: "status", text: `${label(EVENT_KINDS, e.event) || e.event}${at !== e.date ? ` (${partialDateWords(e.date)})` : ""}` });
  }
  for (const d of r.dates ?? []) {
    events.push({ date: d.date, type: "key", text: keyDateShort(d), long: keyDateText(d) });
  }

  // The periods the rules looked at for this answer: the engine's, with its dates.
  const windows = (r.windows ?? []).filter((w) => WINDOWS[w.id]).map((w) => ({ ...w, ...WINDOWS[w.id](param) }));

  const all = [asOf, ...events.map((e) => e.date), ...windows.flatMap((w) => [w.from, w.to])];
  const first = all.reduce((x, y) => (y < x ? y : x));
  const last = all.reduce((x, y) => (y > x ? y : x));
  const from = `${first.slice(0, 4)}-01-01`;
  const to = `${Number(last.slice(0, 4)) + 1}-01-01`;
  const boundaries = [];
  for (const x of data.rulesets) {
    if (x.inForceFrom > from && x.inForceFrom < to) boundaries.push({ date: x.inForceFrom, text: `${x.title} in force` });
  }
  events.sort((x, y) => x.date.localeCompare(y.date));
  return { events, windows, boundaries, asOf, from, to };
}

function normalise(g) {
  const s = String(g).trim().toLowerCase();
  return s.startsWith("requires improvement") ? "requires_improvement" : s;
}

// ---- drawing ----------------------------------------------------------------------------------

const W = 300;
const AXIS = 62;
const LABEL_X = 74;
const LINE = 17;
const FONT = 14;
const WRAP = 30;

function wrap(text, width = WRAP) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && (line + " " + word).length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function marker(type, grade, x, y) {
  const stroke = `stroke="#0b0c0c" stroke-width="1.5"`;
  switch (type) {
    case "inspection": return `<circle cx="${x}" cy="${y}" r="8" fill="${GRADE_COLOURS[grade] ?? COLOURS.ungraded}" ${stroke}/>`;
    case "visit": return `<rect x="${x - 6}" y="${y - 6}" width="12" height="12" transform="rotate(45 ${x} ${y})" fill="${COLOURS.visit}" ${stroke}/>`;
    case "concern": return `<path d="M${x} ${y - 8}L${x + 8} ${y + 6}H${x - 8}Z" fill="${COLOURS.concern}" ${stroke}/>`;
    case "status": return `<rect x="${x - 6}" y="${y - 6}" width="12" height="12" fill="${COLOURS.status}" ${stroke}/>`;
    default: return `<circle cx="${x}" cy="${y}" r="7" fill="#ffffff" stroke="${COLOURS.key}" stroke-width="3"/>`;
  }
}

/** The SVG markup (a string) for a model. */
/** @param {any} m @param {{ titleId?: string }} [o] */
export function timelineSvg(m, { titleId } = {}) {
  const years = Math.max(1, (toDay(m.to) - toDay(m.from)) / 365.25);
  const perYear = Math.max(34, Math.min(70, 640 / years));
  const top = 16;
  const yOf = (iso) => top + ((toDay(iso) - toDay(m.from)) / 365.25) * perYear;
  const parts = [];
  // Years on the left, with a faint line across.
  for (let y = Number(m.from.slice(0, 4)); y <= Number(m.to.slice(0, 4)); y++) {
    const yy = yOf(`${y}-01-01`);
    parts.push(`<line x1="0" x2="${W}" y1="${yy}" y2="${yy}" stroke="#e5e6e7" stroke-width="1"/>`);
    parts.push(`<text x="2" y="${yy + 5}" font-size="${FONT - 1}" fill="#505a5f">${y}</text>`);
  }
  // The periods, as bars beside the axis.
  m.windows.forEach((w, k) => {
    const x = 40 + k * 7;
    parts.push(`<rect x="${x}" y="${yOf(w.from)}" width="6" height="${Math.max(2, yOf(w.to) - yOf(w.from))}" fill="${w.colour}" fill-opacity="0.45" stroke="${w.colour}" stroke-width="1"/>`);
  });
  parts.push(`<line x1="${AXIS}" x2="${AXIS}" y1="${top}" y2="${yOf(m.to)}" stroke="#0b0c0c" stroke-width="2"/>`);
  // Where one set of rules gives way to the next: a dashed line across.
  const labels = [];
  for (const b of m.boundaries) {
    const yy = yOf(b.date);
    parts.push(`<line x1="30" x2="${W}" y1="${yy}" y2="${yy}" stroke="#505a5f" stroke-width="1.5" stroke-dasharray="5 4"/>`);
    labels.push({ y: yy, lines: [formatDate(b.date), ...wrap(b.text)], colour: "#505a5f", italic: true });
  }
  // The date checked: a thick line across.
  const asOfY = yOf(m.asOf);
  parts.push(`<line x1="30" x2="${W}" y1="${asOfY}" y2="${asOfY}" stroke="#0b0c0c" stroke-width="3"/>`);
  labels.push({ y: asOfY + 12, lines: [formatDate(m.asOf), "Date checked"], bold: true });
  for (const e of m.events) {
    const yy = yOf(e.date);
    parts.push(marker(e.type, e.grade, AXIS, yy));
    labels.push({ y: yy, lines: [formatDate(e.date), ...wrap(e.text)] });
  }
  for (const w of m.windows) {
    labels.push({ y: yOf(w.from), lines: [formatDate(w.from), ...wrap(`Start: ${w.text}`)], colour: "#0b0c0c" });
  }
  // Labels in date order, pushed down so that none overlaps the one before; a leader line joins
  // a label to its place on the axis when it had to move.
  labels.sort((x, y) => x.y - y.y);
  let bottom = 0;
  for (const l of labels) {
    const first = Math.max(l.y + 5, bottom + LINE);
    if (first - (l.y + 5) > 3) parts.push(`<path d="M${AXIS + 8} ${l.y}L${LABEL_X - 4} ${first - 5}" stroke="#505a5f" stroke-width="1" fill="none"/>`);
    l.lines.forEach((text, k) => {
      const weight = k === 0 || l.bold ? ` font-weight="bold"` : "";
      const style = l.italic && k > 0 ? ` font-style="italic"` : "";
      parts.push(`<text x="${LABEL_X}" y="${first + k * LINE}" font-size="${FONT}"${weight}${style} fill="${l.colour ?? "#0b0c0c"}">${escape(text)}</text>`);
    });
    bottom = first + (l.lines.length - 1) * LINE + 6;
  }
  const height = Math.ceil(Math.max(bottom + 8, yOf(m.to) + 8));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" font-family="arial, sans-serif" role="img" focusable="false"${titleId ? ` aria-labelledby="${titleId}"` : ""}>${parts.join("")}</svg>`;
}

/** The whole figure for the result page: caption, picture, key, and the same as a table. */
export function timelineSection(r, input, data, { heading = true } = {}) {
  const m = timelineModel(r, input, data);
  const name = r.council?.name ?? "the council";
  const captionId = "timeline-caption";
  const rows = [
    ...m.events.map((e) => ({ date: e.date, what: e.long ?? e.text })),
    ...m.windows.map((w) => ({ date: w.from, what: `${w.text}: from ${formatDate(w.from)} to ${formatDate(w.to)}` })),
    ...m.boundaries.map((b) => ({ date: b.date, what: b.text })),
    { date: m.asOf, what: "Date checked" },
  ].sort((x, y) => x.date.localeCompare(y.date));
  // The key: what this picture has in it.
  const has = (type, grade) => m.events.some((e) => e.type === type && (grade === undefined || e.grade === grade));
  const key = [
    ...Object.entries(GRADE_COLOURS).filter(([g]) => has("inspection", g))
      .map(([g, c]) => [`<circle cx="8" cy="8" r="7" fill="${c}" stroke="#0b0c0c" stroke-width="1.5"/>`, `Inspection: ${gradeLabel(g)}`]),
    ...(has("inspection", null) ? [[marker("inspection", null, 8, 8), "Inspection: key judgements only"]] : []),
    ...(has("visit") ? [[marker("visit", null, 8, 8), "Monitoring or focused visit"]] : []),
    ...(has("concern") ? [[marker("concern", null, 8, 9), "Concern"]] : []),
    ...(has("status") ? [[marker("status", null, 8, 8), "Notice, direction, commissioner or trust"]] : []),
    ...(has("key") ? [[marker("key", null, 8, 8), "Key date of this answer"]] : []),
  ];
  return html`${heading ? html`<h2 class="govuk-heading-m" id="timeline">Timeline</h2>` : ""}
  <figure class="app-timeline" aria-labelledby="${captionId}">
    <figcaption class="govuk-body" id="${captionId}">${name}’s Ofsted reports, visits and concerns up to ${formatDate(m.asOf)}, the date checked, with the key dates of this answer${m.windows.length ? " and the periods the rules look at" : ""}. Time runs down the page; each inspection’s grade is written beside it.</figcaption>
    <div class="app-timeline__picture">${raw(timelineSvg(m, { titleId: captionId }))}</div>
    <ul class="govuk-list app-timeline__key" aria-hidden="true">
      ${key.map(([svg, words]) => html`<li>${raw(`<svg viewBox="0 0 16 18" width="16" height="18" focusable="false">${svg}</svg>`)} ${words}</li>`)}
      ${m.windows.map((w) => html`<li>${raw(`<svg viewBox="0 0 16 18" width="16" height="18" focusable="false"><rect x="5" y="1" width="6" height="16" fill="${w.colour}" fill-opacity="0.45" stroke="${w.colour}"/></svg>`)} ${w.text}</li>`)}
    </ul>
  </figure>
  <details class="govuk-details">
    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">The timeline as a table</span></summary>
    <div class="govuk-details__text">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">${name}’s timeline, in date order</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">What</th></tr></thead>
        <tbody class="govuk-table__body">${rows.map((x) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${formatDate(x.date)}</td><td class="govuk-table__cell">${x.what}</td></tr>`)}</tbody>
      </table>
    </div>
  </details>`;
}
