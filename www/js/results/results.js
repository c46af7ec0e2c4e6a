// The council result page, and the parts every result page shares (sponsor-result.js: the
// sponsor's). Everything they say about the outcome comes from the engine's assessment
// (intervention, titles, reasons, next steps, warnings, criteria) or the ruleset data.
import { html } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import { keyDateText, keyDatePast } from "./timeline.js";
import {
  formatDate, formatDatesIn, gradeLabel, DATE_KINDS, daysInWords, definitionLabel, inForce,
  CONCERN_KINDS, VISIT_KINDS, PROGRESS, EVENT_KINDS, NEXT_REPORTS, label, FRAMEWORKS, partialDateWords, precisionWords,
} from "../engine/wording.js";
import { reportLink } from "../journey/common.js";

const W = formatDatesIn;

import { sourceLink } from "../govuk/sources.js";

export { sourceLink };

export function rulesetSection(r, data) {
  const full = data.rulesets.find((x) => x.id === r.ruleset.id);
  const why = r.ruleset.chosenBy === "request"
    ? `You asked for these rules. They were ${full ? inForce(full) : "in force for other dates"}.`
    : `These rules were in force on ${formatDate(r.asOf)}, the date checked: they are ${full ? inForce(full) : "in force"}.`;
  return html`<h2 class="govuk-heading-m" id="rules-applied">Which rules were applied</h2>
  ${C.summaryList([
    { key: "Rules", value: html`${r.ruleset.title}${full ? html`<br><span class="govuk-body-s">${full.summary}</span>` : ""}` },
    { key: "Why these rules", value: why },
    { key: "Date checked", value: formatDate(r.asOf) },
  ])}
  <p class="govuk-body app-no-print"><a class="govuk-link" href="rules.html#${r.ruleset.id}">Read all of these rules</a></p>`;
}

export function warningsSection(r) {
  if (!r.warnings.length) return "";
  return html`<h2 class="govuk-heading-m">Things to check</h2>${r.warnings.map((w) => C.warningText(W(w.text)))}`;
}

export function actions({ journey, today }) {
  return html`<div class="govuk-button-group app-no-print">
    ${C.button("Print this page", { action: "print" })}
    ${C.button("Download your answers", { secondary: true, action: "download" })}
  </div>
  <ul class="govuk-list app-no-print">
    <li><a class="govuk-link" href="?page=${journey}/check">Check or change your answers</a></li>
    <li><a class="govuk-link" href="?page=start-again">Start again</a></li>
  </ul>
  <p class="govuk-body-s app-print-only">Printed on ${formatDate(today)} from ${globalThis.location?.href ?? ""}</p>`;
}

const yesNo = (b) => (b ? "Yes" : "No");

/** A folded part of the result (GOV.UK details).
 *  @param {any} summary @param {any} inner @param {{ id?: string }} [o] */
export const folded = (summary, inner, { id } = {}) => html`<details class="govuk-details"${id ? html` id="${id}"` : ""}>
  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">${summary}</span></summary>
  <div class="govuk-details__text">${inner}</div>
</details>`;

/** The status the engine worked out from the council's dated decisions (SPEC §3.7: statusInForce),
 *  or the four dates it was given (status), as rows. */
const IN_FORCE = [
  ["improvementNotice", "Improvement notice"], ["statutoryDirection", "Statutory direction"],
  ["commissioner", "Commissioner"], ["improvementAdviser", "Department for Education improvement adviser"],
  ["trust", "Run by a trust"], ["trustDirection", "Direction to move the services to a trust"],
];
const FOUR = [
  ["improvementNoticeIssued", "Improvement notice issued"], ["directionIssued", "Statutory direction issued"],
  ["commissionerAppointed", "Commissioner appointed"], ["trustSince", "Run by a trust since"],
];
export function statusRows(r) {
  const s = r.statusInForce;
  if (s) {
    const rows = IN_FORCE.filter(([k]) => s[k]).map(([k, words]) => {
      const x = s[k];
      return { key: words, value: html`Since ${partialDateWords(x.date)}${x.precision && x.precision !== "day" ? html` <span class="govuk-body-s">(${precisionWords(x.date)}: read as ${formatDate(x.readAs)})</span>` : ""}${x.source ? html`<br><span class="govuk-body-s">Source: ${sourceLink(x.source, x.source.title ?? x.source.url)}</span>` : ""}` };
    });
    for (const p of s.presumedLifted ?? []) {
      rows.push({ key: `${label(EVENT_KINDS, p.instrument.event) || "Decision"} (${partialDateWords(p.instrument.date)})`, value: html`Presumed lifted: followed by the report published ${formatDate(p.report)} and another published ${formatDate(p.followedBy)}` });
    }
    return rows;
  }
  return FOUR.filter(([k]) => r.status?.[k]).map(([k, words]) => ({ key: words, value: formatDate(r.status[k]) }));
}

/** The engine's outlook (SPEC §3.9) as a small table: what the next report could bring. */
export function outlookSection(r, data) {
  if (!Array.isArray(r.outlook) || !r.outlook.length) return "";
  // The row that would fire: its ruleset and number, as the engine gives them.
  const rowOf = (o) => {
    const rs = data.rulesets.find((x) => x.id === (o.row?.ruleset ?? r.ruleset.id));
    const n = o.row?.row;
    return { rs, n, row: rs?.rows?.find((row) => row.row === n) };
  };
  const what = (o) => o.interventionTitle ?? rowOf(o).row?.title ?? o.intervention;
  const when = r.outlook[0].published ?? r.asOf;
  const datesOf = (o) => (o.dates ?? []).map((d) => `${DATE_KINDS[d.kind] ?? d.kind}: ${formatDate(d.date)}${d.daysFromAsOf < 0 ? " (already passed)" : ""}`);
  return html`<h2 class="govuk-heading-m" id="outlook">What could happen next</h2>
  <div class="app-table-scroll" tabindex="0" role="region" aria-labelledby="outlook-caption">
  <table class="govuk-table app-outlook">
    <caption class="govuk-table__caption govuk-table__caption--s" id="outlook-caption">If Ofsted’s next report were published on ${formatDate(when)}, the checker’s answer would be</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Next report</th><th scope="col" class="govuk-table__header">What would apply</th><th scope="col" class="govuk-table__header">Key dates</th></tr></thead>
    <tbody class="govuk-table__body">${r.outlook.map((o) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${label(NEXT_REPORTS, o.next) || o.next}</th><td class="govuk-table__cell">${what(o)}${rowOf(o).n ? html`<br><span class="govuk-body-s">Row ${rowOf(o).n}${rowOf(o).rs && rowOf(o).rs.id !== r.ruleset.id ? ` of the ${rowOf(o).rs.title}` : ""}</span>` : ""}</td><td class="govuk-table__cell">${datesOf(o).length ? html`${datesOf(o).map((t, k) => html`${k ? html`<br>` : ""}${t}`)}` : "None"}</td></tr>`)}</tbody>
  </table>
  </div>
  <p class="govuk-body">${r.persistentUntil
    ? html`An inadequate report published on or before <strong>${formatDate(r.persistentUntil)}</strong> would be ${definitionLabel(data, "persistent", "persistent failure").toLowerCase()}.`
    : html`No report published from ${formatDate(when)} could be ${definitionLabel(data, "persistent", "persistent failure").toLowerCase()}: there is no inadequate report recent enough.`}</p>`;
}

/** The result's key dates as a summary list. */
function keyDatesList(r) {
  if (!r.dates.length) return html`<p class="govuk-body">This answer has no key dates.</p>`;
  return C.summaryList(r.dates.map((d) => ({ key: DATE_KINDS[d.kind] ?? d.kind,
    value: keyDatePast(d) ? keyDateText(d) : `${formatDate(d.date)} (${daysInWords(d.daysFromAsOf)})` })));
}

/** `more`: the parts council-result.js adds ({ answers, partners, timeline, intro }).
 *  The page leads with the outcome and its deadline, what to do next and the key dates; the
 *  reasons, the timeline and the rest are folded. */
/** @param {any} r @param {{ data: any, today: string, more?: any }} o */
export function councilResult(r, { data, today, more = {} }) {
  const name = r.council?.name ?? "The council";
  const latest = r.latestInspection;
  const f = r.findings;
  const title = W(r.interventionTitle);
  // The outcome and its first key date in one sentence.
  const first = r.dates[0];
  const lead = first ? `${name}, on ${formatDate(r.asOf)}. ${keyDateText(first)}.` : `${name}, on ${formatDate(r.asOf)}.`;
  const grade = f.grade ?? latest?.overall ?? null;
  const gradeWords = !latest ? "None on or before the date checked"
    : html`${grade ? gradeLabel(grade) : "No grade"}${latest.overall ? "" : f.gradeFrom === "judgements" ? " (read from its key judgements: the report has no overall grade)" : ""}, published ${formatDate(latest.published)}${latest.report ? html`<br><span class="govuk-body-s">${reportLink(latest)}</span>` : ""}<br><span class="govuk-body-s">Framework: ${FRAMEWORKS[latest.framework] ?? latest.framework}</span>`;
  const findings = [
    { key: "Latest Ofsted report", value: gradeWords },
    { key: definitionLabel(data, "persistent", "Persistent failure"), value: html`${yesNo(f.persistent)}${f.earlierInadequate ? html`<br><span class="govuk-body-s">Also inadequate in the report published ${formatDate(f.earlierInadequate.published)}</span>` : ""}` },
    { key: definitionLabel(data, "systemic", "Systemic failure"), value: yesNo(f.systemic) },
    { key: definitionLabel(data, "highPerforming", "High-performing"), value: yesNo(f.highPerforming) },
    { key: "Concerns since the latest report", value: f.triggers.length
      ? html`<ul class="govuk-list">${f.triggers.map((t) => html`<li>${label(CONCERN_KINDS, t.kind)}, ${formatDate(t.date)}</li>`)}</ul>` : "None" },
  ];
  if (f.visit) {
    findings.push({ key: "Visit taken into account", value: `${label(VISIT_KINDS, f.visit.kind)} on ${formatDate(f.visit.date)}${f.visit.progress ? `: ${label(PROGRESS, f.visit.progress).toLowerCase()}` : ""}${f.visit.priorityActions ? ": priority actions identified" : ""}` });
  }
  const status = statusRows(r);
  const warnings = r.warnings ?? [];

  return {
    title: `${title}: ${name}`,
    body: html`<div class="govuk-grid-row app-council-result"><div class="govuk-grid-column-two-thirds">
  ${C.panel({ title, body: lead })}
  ${more.intro ?? ""}
  <h2 class="govuk-heading-m">What to do next</h2>
  ${r.nextSteps.length ? html`<ol class="govuk-list govuk-list--number govuk-list--spaced app-actions">${r.nextSteps.map((s) => html`<li>${W(s)}</li>`)}</ol>` : html`<p class="govuk-body">No action is needed under these rules.</p>`}
  <h2 class="govuk-heading-m">Key dates</h2>
  ${keyDatesList(r)}
  ${status.length ? html`<h2 class="govuk-heading-m" id="status">The government’s decisions on ${formatDate(r.asOf)}</h2>
  <p class="govuk-body">What the checker reads as in force on the date checked, from the decisions given: change them in your answers if any is wrong.</p>${C.summaryList(status)}` : ""}
  ${outlookSection(r, data)}
  <h2 class="govuk-heading-m app-print-hide">More about this answer</h2>
  ${folded(`Why: the rule that applies${r.reasons.length > 1 ? ` and ${r.reasons.length - 1} more reason${r.reasons.length > 2 ? "s" : ""}` : ""}`, html`<ol class="govuk-list govuk-list--number govuk-list--spaced">
    ${r.reasons.map((x) => html`<li>${W(x.text)}${x.source ? html`<br><span class="govuk-body-s">Source: ${sourceLink(x.source)}</span>` : ""}</li>`)}
  </ol>`, { id: "why" })}
  ${warnings.length ? folded(`Things to check (${warnings.length})`, html`${warnings.map((w) => C.warningText(W(w.text)))}`, { id: "things-to-check" }) : ""}
  ${folded("What the checker found", C.summaryList(findings))}
  ${more.timeline ? folded("Timeline", more.timeline, { id: "timeline-details" }) : ""}
  ${more.partners ? folded("Councils that could help", more.partners, { id: "partners-details" }) : ""}
  ${folded("Which rules were applied", rulesetSection(r, data))}
  ${r.intervention === "high_performing" && r.council?.name ? html`<p class="govuk-body app-no-print"><a class="govuk-link" href="?page=sponsor/kind" data-action="sponsor-from-council">Check whether ${r.council.name} can sponsor a children's services trust</a></p>` : ""}
  ${more.answers ?? ""}
  ${actions({ journey: "council", today })}
</div></div>`,
  };
}
