// The result pages. Everything they say about the outcome comes from the engine's assessment
// (intervention, titles, reasons, next steps, warnings, criteria) or the ruleset data.
import { html } from "./html.js";
import * as C from "./components.js";
import { keyDateText, keyDatePast } from "./timeline.js";
import {
  formatDate, formatDatesIn, gradeLabel, DATE_KINDS, daysInWords, definitionLabel, inForce, orgKindLabel,
  LEVELS, SPONSOR_STATUS, CONCERN_KINDS, VISIT_KINDS, PROGRESS, label, FRAMEWORKS,
} from "./wording.js";

const W = formatDatesIn;

function sourceLink(source) {
  if (!source) return "";
  return source.url
    ? html`<a class="govuk-link" href="${source.url}" rel="noreferrer">${source.title}</a>`
    : html`${source.title}`;
}

function rulesetSection(r, data) {
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

function warningsSection(r) {
  if (!r.warnings.length) return "";
  return html`<h2 class="govuk-heading-m">Things to check</h2>${r.warnings.map((w) => C.warningText(W(w.text)))}`;
}

function actions({ journey, today }) {
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

export function sponsorResult(r, { data, today, asked }) {
  const name = r.organisation.name ?? "The organisation";
  const applicable = r.criteria.filter((c) => c.met !== null);
  const notApplicable = r.criteria.filter((c) => c.met === null);
  const isAsked = (c) => asked(c.id);
  const unmet = applicable.filter((c) => c.met === false && isAsked(c));
  const notAsked = applicable.filter((c) => !isAsked(c));
  const positive = r.status === "eligible" || r.status === "eligible_with_conditions";
  const statusTitle = SPONSOR_STATUS[r.status] ?? r.status;
  const failed = (level) => unmet.filter((c) => c.level === level);

  const lead = {
    eligible: html`${name} meets every criterion that applies to it.`,
    eligible_with_conditions: html`${name} can sponsor a children's services trust, with conditions: it does not yet meet ${failed("condition").length === 1 ? "this condition" : "these conditions"}: ${failed("condition").map((c, k) => html`${k ? ", " : ""}${c.title.toLowerCase()}`)}.`,
    not_yet_ready: html`${name} is not yet ready to sponsor a children's services trust. It does not yet meet: ${failed("readiness").map((c, k) => html`${k ? ", " : ""}${c.title.toLowerCase()}`)}.`,
    ineligible: html`${name} cannot sponsor a children's services trust, because it does not meet ${failed("gate").length === 1 ? "this requirement" : "these requirements"}: ${failed("gate").map((c, k) => html`${k ? ", " : ""}${c.title.toLowerCase()}`)}.`,
  }[r.status];

  const status = (c) => (!isAsked(c) ? C.tag("Not asked", "grey") : c.met ? C.tag("Met", "green") : C.tag("Not met", "red"));
  const otherSteps = r.nextSteps.filter((s) => !r.criteria.some((c) => c.whatToDo === s));
  const design = applicable.filter((c) => c.basis === "design");

  return {
    title: `${statusTitle}: ${name}`,
    body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${C.panel({ title: statusTitle, confirmation: positive, body: html`${name} (${orgKindLabel(r.organisation.kind)}), on ${formatDate(r.asOf)}` })}
  <p class="govuk-body-l">${lead}</p>
  ${r.status === "ineligible" ? html`<h2 class="govuk-heading-m">Why it is not eligible</h2>
    ${failed("gate").map((c) => html`<h3 class="govuk-heading-s">${c.title}</h3>
      <p class="govuk-body">${c.evidence ? W(c.evidence) : ""}${c.evidence ? ". " : ""}The requirement: ${W(c.threshold)}.</p>
      ${c.whatToDo ? html`<p class="govuk-body">${W(c.whatToDo)}</p>` : ""}`)}
    ${notAsked.length ? html`<p class="govuk-body">We did not ask about the other criteria, because they cannot change this result. <a class="govuk-link" href="?page=sponsor/check">Answer the remaining questions</a> to see how ${name} does on them.</p>` : ""}` : ""}
  <h2 class="govuk-heading-m">What ${name} can do</h2>
  ${r.routes.length ? html`<ul class="govuk-list govuk-list--bullet">${r.routes.map((x) => html`<li>${data.sponsor.routes[x] ?? x}</li>`)}</ul>`
    : html`<p class="govuk-body">None yet: it needs to meet the criteria marked “Not met” first.</p>`}
  <h2 class="govuk-heading-m">Criteria</h2>
  ${C.taskList(applicable.map((c) => ({ id: `task-${c.id}`, title: c.title, href: `#criterion-${c.id}`, hint: isAsked(c) ? W(c.evidence ?? "") : "Not asked yet", status: status(c) })))}
  ${applicable.map((c) => C.summaryCard(c.title, [
    { key: "Result", value: status(c) },
    { key: "Level", value: LEVELS[c.level] ?? c.level },
    { key: "Evidence", value: isAsked(c) ? W(c.evidence ?? "None given") : "Not asked yet" },
    { key: "Threshold", value: W(c.threshold) },
    { key: "Basis", value: c.basis === "design" ? html`${C.tag("Design choice", "yellow")} No published criterion exists: this checker chose the threshold.` : "Published rule" },
    ...(c.source ? [{ key: "Source", value: sourceLink(c.source) }] : []),
    ...(c.met === false && isAsked(c) && c.whatToDo ? [{ key: "What to do", value: W(c.whatToDo) }] : []),
  ], { id: `criterion-${c.id}`, headingLevel: 3 }))}
  ${notApplicable.length ? html`<details class="govuk-details">
    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Criteria that do not apply to ${orgKindLabel(r.organisation.kind).toLowerCase()}</span></summary>
    <div class="govuk-details__text"><ul class="govuk-list govuk-list--bullet">${notApplicable.map((c) => html`<li>${c.title}</li>`)}</ul></div>
  </details>` : ""}
  ${design.length ? html`<h2 class="govuk-heading-m">Thresholds that are design choices</h2>
    <p class="govuk-body">No published rule sets these thresholds, so this checker chose them. Treat them as a guide, not as government policy:</p>
    <ul class="govuk-list govuk-list--bullet">${design.map((c) => html`<li>${c.title}: ${W(c.threshold)}</li>`)}</ul>` : ""}
  ${otherSteps.length ? html`<h2 class="govuk-heading-m">Next steps</h2><ul class="govuk-list govuk-list--bullet">${otherSteps.map((s) => html`<li>${W(s)}</li>`)}</ul>` : ""}
  ${warningsSection(r)}
  ${rulesetSection(r, data)}
  ${actions({ journey: "sponsor", today })}
</div></div>`,
  };
}
