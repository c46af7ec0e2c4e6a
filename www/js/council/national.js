// Every council today, at a glance: ?page=councils. Every current council's
// intervention on today's date, from the engine's batch (assessCouncils) on the shipped data with
// each council's dated public decisions (status.events), with a filter and counts; and how many
// councils were in each intervention at each year end from 2016 to today, as an SVG chart with a
// table alternative. Nothing is decided here: each council's answer is the engine's (for the
// chart only the intervention codes at each date, interventionsOn, which skips the words, key
// dates and outlook the chart does not show; for the table today's full answers).
//
// Off the critical path: the page paints at once with its headings and a status line; the data
// is fetched and the engine run after the first paint, in two idle periods (the codes at every
// date, then today's answers; requestIdleCallback, or a timeout where it is missing), and the
// results written in place.
import { html, raw, escape } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import * as councilsData from "./councils-data.js";
import { formatDate, formatDatesIn, gradeLabel } from "../engine/wording.js";
import { dataDates } from "./confirm.js";
import { CODES } from "../engine/vocabulary.js";

export const PAGE = "councils";
const FIRST_YEAR = 2016;

/** The engine input for one council of the shipped data on `asOf`. */
export function inputOf(c, asOf) {
  const events = (c.events ?? []).map((e) => ({ event: e.event, date: e.date, ...(e.source ? { source: e.source } : {}) }));
  return {
    council: { name: c.name, code: c.code }, asOf,
    inspections: (c.inspections ?? []).map((it) => {
      const out = { published: it.published };
      for (const k of ["inspected", "framework", "overall", "judgements", "report"]) if (it[k]) out[k] = it[k];
      return out;
    }),
    visits: (c.visits ?? []).map((v) => ({ date: v.date, kind: v.kind, ...(v.progress ? { progress: v.progress } : {}), ...(typeof v.priorityActions === "boolean" ? { priorityActions: v.priorityActions } : {}) })),
    ...(events.length ? { status: { events } } : {}),
  };
}

/** Whole months from one date to a later one. */
function monthsBetween(from, to) {
  if (!from || !to || to <= from) return 0;
  let n = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (Number(to.slice(8, 10)) < Number(from.slice(8, 10))) n -= 1;
  return n;
}

/** The dates assessed: each year end from 2016, then today. */
export function yearEnds(today) {
  const out = [];
  for (let y = FIRST_YEAR; `${y}-12-31` < today; y++) out.push(`${y}-12-31`);
  out.push(today);
  return out;
}

/** Words for an intervention, from the ruleset data: the title of the first row that gives it,
 *  up to its colon ("Statutory direction"). */
function interventionWords(data, code) {
  for (const r of data.rulesets) {
    const row = r.rows?.find((x) => x.intervention === code);
    if (row?.title) return row.title.split(":")[0];
  }
  return code.replace(/_/g, " ");
}

// GOV.UK colours, one per intervention (each also named in words beside it): the government's
// own intervention in reds and oranges, support in blue, good in green, no report in grey.
const I = CODES.intervention;
const COLOURS = {
  [I.immediateTakeover]: "#6e1a0f", [I.commissioner]: "#942514", [I.statutoryDirection]: "#d4351c", [I.improvementNotice]: "#f47738",
  [I.improvementWindow]: "#ffdd00", [I.monitoring]: "#912b88", [I.emergencyInspection]: "#d53880", [I.interventionLifting]: "#28a197",
  [I.improvementSupport]: "#1d70b8", [I.highPerforming]: "#00703c", [I.none]: "#85994b", [I.noInspection]: "#b1b4b6",
};
const PALETTE = ["#4c2c92", "#505a5f", "#6f72af", "#f499be"];

/** Runs `work` for each item in idle periods, one item a period. */
function inIdle(items, work) {
  /** @type {(f: () => void, o?: { timeout: number }) => unknown} */
  const idle = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 0));
  return new Promise((resolve, reject) => {
    const out = [];
    let k = 0;
    const step = () => {
      try {
        out.push(work(items[k], k));
        k += 1;
        if (k < items.length) idle(step, { timeout: 200 }); else resolve(out);
      } catch (e) { reject(e); }
    };
    idle(step, { timeout: 200 });
  });
}

export function view(A) {
  const d = councilsData.loaded();
  return {
    title: "Every council today",
    back: "./",
    body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-full">
  <h1 class="govuk-heading-l" tabindex="-1">Every council today</h1>
  <p class="govuk-body">The intervention that applies to each English council’s children’s services on ${formatDate(A.today)}, as the checker works it out from Ofsted’s reports and the government’s public decisions included with this service, and how that has changed since ${FIRST_YEAR}.</p>
  <div id="national-dates">${d ? datesNote(d, A.today) : ""}</div>
  <p class="govuk-body" id="national-status" role="status" data-state="working">Working out every council’s intervention…</p>
  <div id="national-results"></div>
</div></div>`,
    enhance: (el) => { fill(el, A); },
  };
}

function datesNote(d, today) {
  const dd = dataDates(d);
  const reports = dd.reports;
  const older = monthsBetween(reports, today);
  const stale = dd.staleAfterMonths ?? 6;
  return String(html`<p class="govuk-body">Ofsted’s reports are as at <strong>${formatDate(reports)}</strong>${dd.register ? html`; the government’s decisions as at <strong>${formatDate(dd.register)}</strong>` : ""}.
  The register of decisions is known to be incomplete: the Department for Education’s collection <a class="govuk-link" href="https://www.gov.uk/government/collections/improvement-notices-and-directions" rel="noreferrer">Improvement notices and directions</a> is the authority.</p>
  ${older > stale ? C.warningText(`Ofsted’s data is ${older} months older than today: reports published since ${formatDate(reports)} are not counted.`) : ""}`);
}

async function fill(el, A) {
  const status = el.querySelector("#national-status");
  const out = el.querySelector("#national-results");
  if (!status || !out) return;
  const d = await councilsData.load();
  if (!status.isConnected) return;
  if (!d) { status.textContent = "The councils’ data could not be loaded. Try again later."; status.dataset.state = "failed"; return; }
  const datesEl = el.querySelector("#national-dates");
  if (datesEl && !datesEl.innerHTML.trim()) datesEl.innerHTML = datesNote(d, A.today);
  const data = A.rules();
  const current = d.councils.filter((c) => !c.former);
  const dates = yearEnds(A.today);
  const inputs = current.map((c) => inputOf(c, A.today));
  const steps = [];
  let answers, today;
  try {
    [answers, today] = await inIdle([() => A.interventionsOn(inputs, dates), () => A.assessCouncils(inputs)], (run) => {
      const t0 = performance.now();
      const res = run();
      steps.push(performance.now() - t0);
      if (!res.ok) throw new Error(res.error?.message ?? "the engine could not assess the councils");
      return res.value;
    });
  } catch (e) {
    console.error(e);
    status.textContent = "The councils could not be assessed.";
    status.dataset.state = "failed";
    return;
  }
  if (!out.isConnected) return;
  const codes = [...new Set(answers.flat())];
  const order = new Map(codes.map((c) => [c, data.rulesets.flatMap((r) => r.rows ?? []).findIndex((row) => row.intervention === c)]));
  codes.sort((x, y) => order.get(x) - order.get(y));
  const colour = new Map(codes.map((c, k) => [c, COLOURS[c] ?? PALETTE[k % PALETTE.length]]));
  const words = new Map(codes.map((c) => [c, interventionWords(data, c)]));
  const counts = (list) => new Map(codes.map((c) => [c, list.filter((code) => code === c).length]));
  const nowCounts = counts(answers.at(-1));
  const inInt = today.filter((r) => r.inIntervention).length;
  out.innerHTML = String(html`
  <h2 class="govuk-heading-m" id="today">Councils on ${formatDate(A.today)}</h2>
  <p class="govuk-body">${inInt.toLocaleString("en-GB")} of ${current.length.toLocaleString("en-GB")} councils are under an improvement notice, a statutory direction, a commissioner or a takeover.</p>
  ${C.summaryList(codes.filter((c) => nowCounts.get(c)).map((c) => ({ key: words.get(c), value: `${nowCounts.get(c).toLocaleString("en-GB")} ${nowCounts.get(c) === 1 ? "council" : "councils"}` })))}
  <div class="govuk-form-group">
    <label class="govuk-label" for="national-filter">Show councils</label>
    <select class="govuk-select" id="national-filter">
      <option value="">All interventions (${current.length.toLocaleString("en-GB")})</option>
      ${codes.filter((c) => nowCounts.get(c)).map((c) => html`<option value="${c}">${words.get(c)} (${nowCounts.get(c).toLocaleString("en-GB")})</option>`)}
    </select>
  </div>
  <div class="govuk-form-group">
    <label class="govuk-label" for="national-name">Council name contains</label>
    <input class="govuk-input govuk-!-width-one-half" id="national-name" type="text" spellcheck="false" autocomplete="off">
  </div>
  <p class="govuk-body" id="national-shown" role="status">Showing all ${current.length.toLocaleString("en-GB")} councils</p>
  <div class="app-table-scroll" tabindex="0" role="region" aria-labelledby="national-caption">
  <table class="govuk-table" id="national-table">
    <caption class="govuk-table__caption govuk-table__caption--s" id="national-caption">Every council’s intervention on ${formatDate(A.today)}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Council</th><th scope="col" class="govuk-table__header">Intervention</th><th scope="col" class="govuk-table__header">Latest Ofsted report</th></tr></thead>
    <tbody class="govuk-table__body">${current.map((c, k) => {
      const r = today[k];
      const l = r.latestInspection;
      const g = r.findings?.grade ?? l?.overall;
      return html`<tr class="govuk-table__row" data-intervention="${r.intervention}" data-name="${c.name.toLowerCase()}"><th scope="row" class="govuk-table__header">${c.name}</th><td class="govuk-table__cell">${formatDatesIn(r.interventionTitle)}</td><td class="govuk-table__cell">${l ? `${g ? gradeLabel(g) : "No grade"}, ${formatDate(l.published)}` : "None"}</td></tr>`;
    })}</tbody>
  </table>
  </div>
  <h2 class="govuk-heading-m" id="over-time">Councils in each intervention at each year end</h2>
  ${noReport(dates, answers, words)}
  ${chart(dates, answers, codes, words, colour)}
  <details class="govuk-details">
    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">The chart as a table</span></summary>
    <div class="govuk-details__text">${yearTable(dates, answers, codes, words, A.today)}</div>
  </details>`);
  status.textContent = `Every council’s intervention worked out: ${current.length.toLocaleString("en-GB")} councils on ${dates.length} dates.`;
  status.dataset.state = "done";
  // The engine's time: in all, and for the codes at every date and for today's answers.
  status.dataset.ms = String(Math.round(steps.reduce((x, y) => x + y, 0)));
  status.dataset.msSteps = steps.map((x) => Math.round(x)).join(" ");
  status.dataset.assessments = String(dates.length * current.length);
  const filter = () => {
    const v = out.querySelector("#national-filter").value;
    const t = out.querySelector("#national-name").value.trim().toLowerCase();
    let n = 0;
    for (const tr of out.querySelectorAll("#national-table tbody tr")) {
      const show = (!v || tr.dataset.intervention === v) && (!t || tr.dataset.name.includes(t));
      tr.hidden = !show;
      if (show) n += 1;
    }
    out.querySelector("#national-shown").textContent = `Showing ${n.toLocaleString("en-GB")} of ${current.length.toLocaleString("en-GB")} councils`;
  };
  out.querySelector("#national-filter").addEventListener("change", filter);
  out.querySelector("#national-name").addEventListener("input", filter);
}

/** What the counts rest on: councils with no report on record at a date are said, with why. */
function noReport(dates, answers, words) {
  const n = answers[0].filter((code) => code === CODES.intervention.noInspection).length;
  if (!n) return "";
  return html`<p class="govuk-body">The data holds Ofsted’s reports under its framework of 2018 (ILACS) and, before that, only each council’s latest report: at the end of ${dates[0].slice(0, 4)}, ${n.toLocaleString("en-GB")} councils have no report on record (“${words.get(CODES.intervention.noInspection)}”), so the early years undercount the councils in intervention.</p>`;
}

const yearLabel = (asOf, today) => (asOf === today ? `Today (${formatDate(today)})` : `End of ${asOf.slice(0, 4)}`);

function yearTable(dates, answers, codes, words, today) {
  return html`<div class="app-table-scroll" tabindex="0" role="region" aria-labelledby="years-caption"><table class="govuk-table">
    <caption class="govuk-table__caption govuk-table__caption--s" id="years-caption">Number of councils in each intervention</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th>${codes.map((c) => html`<th scope="col" class="govuk-table__header govuk-table__header--numeric">${words.get(c)}</th>`)}</tr></thead>
    <tbody class="govuk-table__body">${dates.map((asOf, k) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${yearLabel(asOf, today)}</th>${codes.map((c) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${answers[k].filter((code) => code === c).length}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}

/** Stacked horizontal bars, one a date, time running down the page (it reads at 320 px). */
function chart(dates, answers, codes, words, colour) {
  const W = 300, LABEL = 64, BAR = 18, GAP = 8, top = 6;
  const total = Math.max(...answers.map((a) => a.length));
  const scale = (W - LABEL - 30) / total;
  const parts = [];
  dates.forEach((asOf, k) => {
    const y = top + k * (BAR + GAP);
    parts.push(`<text x="0" y="${y + 14}" font-size="13" fill="#0b0c0c">${escape(k === dates.length - 1 ? "Today" : asOf.slice(0, 4))}</text>`);
    let x = LABEL;
    for (const c of codes) {
      const n = answers[k].filter((code) => code === c).length;
      if (!n) continue;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${(n * scale).toFixed(1)}" height="${BAR}" fill="${colour.get(c)}" stroke="#ffffff" stroke-width="0.5"/>`);
      x += n * scale;
    }
  });
  const height = top + dates.length * (BAR + GAP);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" font-family="arial, sans-serif" role="img" aria-labelledby="national-chart-caption" focusable="false">${parts.join("")}</svg>`;
  return html`<figure class="app-timeline" aria-labelledby="national-chart-caption">
    <figcaption class="govuk-body" id="national-chart-caption">How many of today’s ${total} councils were in each intervention at the end of each year from ${FIRST_YEAR}, and today: one bar a year, split by intervention (the colours are named below; the same figures are in the table after the chart).</figcaption>
    <div class="app-timeline__picture">${raw(svg)}</div>
    <ul class="govuk-list app-timeline__key" aria-hidden="true">${codes.map((c) => html`<li>${raw(`<svg viewBox="0 0 16 16" width="16" height="16" focusable="false"><rect x="1" y="1" width="14" height="14" fill="${colour.get(c)}"/></svg>`)} ${words.get(c)}</li>`)}</ul>
  </figure>`;
}
