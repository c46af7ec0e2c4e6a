// The council result page, and the parts every result page shares (sponsor-result.js: the
// sponsor's). Everything they say about the outcome comes from the engine's assessment
// (intervention, titles, reasons, next steps, warnings, criteria) or the ruleset data.
import { html } from "./html.js";
import * as C from "./components.js";
import { keyDateText, keyDatePast } from "./timeline.js";
import {
  formatDate, formatDatesIn, gradeLabel, DATE_KINDS, daysInWords, definitionLabel, inForce,
  CONCERN_KINDS, VISIT_KINDS, PROGRESS, label, FRAMEWORKS,
} from "./wording.js";

const W = formatDatesIn;

export function sourceLink(source) {
  if (!source) return "";
  return source.url
    ? html`<a class="govuk-link" href="${source.url}" rel="noreferrer">${source.title}</a>`
    : html`${source.title}`;
}

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

/** `more`: what council-result.js adds after the next steps (the timeline, councils that could help). */
/** @param {any} r @param {{ data: any, today: string, more?: any }} o */
export function councilResult(r, { data, today, more = "" }) {
  const name = r.council?.name ?? "The council";
  const latest = r.latestInspection;
  const f = r.findings;
  const title = r.interventionTitle;
  // A key date already past is said as past ("… was due on 20 September 2025, 438 days ago").
  const body = html`${name}, on ${formatDate(r.asOf)}${r.dates.map((d) => (keyDatePast(d) ? html`<br>${keyDateText(d)}` : html`<br><strong>${DATE_KINDS[d.kind] ?? d.kind}: ${formatDate(d.date)}</strong> (${daysInWords(d.daysFromAsOf)})`))}`;
  const findings = [
    { key: "Latest Ofsted report", value: latest ? html`${gradeLabel(latest.overall)}, published ${formatDate(latest.published)}<br><span class="govuk-body-s">Framework: ${FRAMEWORKS[latest.framework] ?? latest.framework}</span>` : "None on or before the date checked" },
    { key: definitionLabel(data, "persistent", "Persistent failure"), value: html`${yesNo(f.persistent)}${f.earlierInadequate ? html`<br><span class="govuk-body-s">Also inadequate in the report published ${formatDate(f.earlierInadequate.published)}</span>` : ""}` },
    { key: definitionLabel(data, "systemic", "Systemic failure"), value: yesNo(f.systemic) },
    { key: definitionLabel(data, "highPerforming", "High-performing"), value: yesNo(f.highPerforming) },
    { key: "Concerns since the latest report", value: f.triggers.length
      ? html`<ul class="govuk-list">${f.triggers.map((t) => html`<li>${label(CONCERN_KINDS, t.kind)}, ${formatDate(t.date)}</li>`)}</ul>` : "None" },
  ];
  if (f.visit) {
    findings.push({ key: "Visit taken into account", value: `${label(VISIT_KINDS, f.visit.kind)} on ${formatDate(f.visit.date)}${f.visit.progress ? `: ${label(PROGRESS, f.visit.progress).toLowerCase()}` : ""}${f.visit.priorityActions ? ": priority actions identified" : ""}` });
  }
  if (r.status?.trustSince) findings.push({ key: "Run by a trust since", value: formatDate(r.status.trustSince) });
  if (r.status?.commissionerAppointed) findings.push({ key: "Commissioner appointed", value: formatDate(r.status.commissionerAppointed) });

  return {
    title: `${title}: ${name}`,
    body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${C.panel({ title, body })}
  <h2 class="govuk-heading-m">Why</h2>
  <ol class="govuk-list govuk-list--number govuk-list--spaced">
    ${r.reasons.map((x) => html`<li>${W(x.text)}${x.source ? html`<br><span class="govuk-body-s">Source: ${sourceLink(x.source)}</span>` : ""}</li>`)}
  </ol>
  <h2 class="govuk-heading-m">What happens next</h2>
  ${r.nextSteps.length ? html`<ul class="govuk-list govuk-list--bullet">${r.nextSteps.map((s) => html`<li>${W(s)}</li>`)}</ul>` : html`<p class="govuk-body">No action is needed under these rules.</p>`}
  ${more}
  <h2 class="govuk-heading-m">What the checker found</h2>
  ${C.summaryList(findings)}
  ${r.intervention === "high_performing" && r.council?.name ? html`<p class="govuk-body app-no-print"><a class="govuk-link" href="?page=sponsor/kind" data-action="sponsor-from-council">Check whether ${r.council.name} can sponsor a children's services trust</a></p>` : ""}
  ${warningsSection(r)}
  ${rulesetSection(r, data)}
  ${actions({ journey: "council", today })}
</div></div>`,
  };
}
