// The sponsor result: the answer first, then what to do. A headline status; a numbered list of
// the criteria not yet met, most important first (requirements, then readiness, then
// conditions), each with what to do, its threshold, whether the threshold is a published rule
// or this service's design choice, and its source; the criteria met, folded away; the roles
// the organisation could take on, beside how trusts have actually been set up (ruleset data:
// sponsor.howTrustsAreSetUp, each sentence with its source). Everything it says about the
// outcome comes from the engine's assessment or the ruleset data. Sized to print on two pages
// for a typical charity.
import { html } from "./html.js";
import * as C from "./components.js";
import { formatDate, formatDatesIn, orgKindLabel, SPONSOR_STATUS, LEVELS } from "./wording.js";
import { sourceLink, warningsSection, rulesetSection, actions } from "./results.js";

const W = formatDatesIn;
const ORDER = { gate: 0, readiness: 1, condition: 2 };
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** The lead sentence, short enough to leave the first thing to do on a phone's first screen:
 *  the status in words, naming how much is left to do at each level. */
function lead(r, name, todo) {
  const n = (level) => todo.filter((c) => c.level === level).length;
  const conditions = n("condition") ? `, then ${plural(n("condition"), "condition", "conditions")}` : "";
  switch (r.status) {
    case "eligible": return `${name} meets every criterion that applies to it.`;
    case "eligible_with_conditions": return `${name} can sponsor a trust, with ${plural(n("condition"), "condition", "conditions")} to meet.`;
    case "not_yet_ready": return `${name} is not ready yet: ${plural(n("readiness"), "thing", "things")} to do${conditions}.`;
    case "ineligible": return `${name} cannot sponsor a trust: ${plural(n("gate"), "requirement", "requirements")} not met.`;
    default: return "";
  }
}

/** One thing to do: what (the engine's words, with how far short it is), then in one line its
 *  level, threshold, whether the threshold is a published rule or this service's design
 *  choice, and its source. */
function action(c) {
  const basis = c.basis === "design"
    ? html`${C.tag("Design choice", "yellow")} no published rule sets this threshold: this service chose it.`
    : html`Published rule.`;
  return html`<li class="app-action">
    <h3 class="govuk-heading-s govuk-!-margin-bottom-1">${c.title}</h3>
    ${c.whatToDo ? html`<p class="govuk-body govuk-!-margin-bottom-1">${W(c.whatToDo)}</p>` : ""}
    <p class="govuk-body-s govuk-!-margin-bottom-3"><strong>${LEVELS[c.level] ?? c.level}.</strong> Threshold: ${W(c.threshold)}.
      ${basis}${c.source?.url ? html` Source: ${sourceLink(c.source)}` : ""}</p>
  </li>`;
}

/** How trusts have been set up: the ruleset's sentences, each with a link to its source. */
function howTrustsAreSetUp(data) {
  const note = data.sponsor.howTrustsAreSetUp ?? [];
  if (!note.length) return "";
  return html`<h3 class="govuk-heading-s">How children's services trusts have been set up</h3>
  <p class="govuk-body-s">${note.map((w, k) => {
    const s = data.sources[w.source];
    return html`${k ? " " : ""}${w.text}${s ? html` (source: ${sourceLink(s, s.title.split(",")[0])})` : ""}`;
  })}</p>`;
}

/**
 * r: the engine's sponsor assessment. asked(id): whether the questions that give a criterion its
 * evidence were asked; assumed: [{ key, value, because }] answers worked out, not asked.
 */
export function sponsorResult(r, { data, today, asked, assumed = [] }) {
  const name = r.organisation.name ?? "The organisation";
  const applicable = r.criteria.filter((c) => c.met !== null);
  const todo = applicable.filter((c) => c.met === false && asked(c.id))
    .map((c, k) => ({ c, k })).sort((x, y) => (ORDER[x.c.level] - ORDER[y.c.level]) || x.k - y.k).map((x) => x.c);
  const met = applicable.filter((c) => c.met === true && asked(c.id));
  const notAsked = applicable.filter((c) => !asked(c.id));
  const statusTitle = SPONSOR_STATUS[r.status] ?? r.status;
  const routes = r.routes.map((x) => data.sponsor.routes[x] ?? x);

  return {
    title: `${statusTitle}: ${name}`,
    body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds app-sponsor-result">
  <h1 class="govuk-heading-l govuk-!-margin-bottom-3" tabindex="-1">${statusTitle}</h1>
  <p class="govuk-body app-lead">${lead(r, name, todo)}</p>
  ${todo.length ? html`<h2 class="govuk-heading-m govuk-!-margin-bottom-3">What to do</h2>
  <ol class="govuk-list govuk-list--number app-actions">${todo.map((c) => action(c))}</ol>` : ""}
  <p class="govuk-body-s">${todo.length > 1 ? "Most important first. " : ""}Checked for ${name} (${orgKindLabel(r.organisation.kind).toLowerCase()}) on ${formatDate(r.asOf)}.</p>
  ${notAsked.length ? html`<p class="govuk-body">${r.status === "ineligible"
    ? html`We did not ask about ${plural(notAsked.length, "other criterion", "other criteria")}, because ${notAsked.length === 1 ? "it cannot" : "they cannot"} change this result.`
    : html`${plural(notAsked.length, "criterion has", "criteria have")} not been answered yet.`}
    <a class="govuk-link app-no-print" href="?page=sponsor/check">Answer the remaining questions</a></p>` : ""}
  ${met.length ? html`<details class="govuk-details">
    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Criteria ${name} meets (${met.length})</span></summary>
    <div class="govuk-details__text"><ul class="govuk-list govuk-list--bullet">${met.map((c) => html`<li>${c.title}${c.evidence ? html`: ${W(c.evidence)}` : ""}</li>`)}</ul></div>
  </details>` : ""}
  ${assumed.length ? html`<p class="govuk-body-s">Not asked, because the service worked ${assumed.length === 1 ? "it" : "them"} out: ${assumed.map((x, k) => html`${k ? "; " : ""}${x.key.toLowerCase()}: ${x.value.toLowerCase()} (${x.because})`)}.</p>` : ""}
  <h2 class="govuk-heading-m">Roles ${name} could take on</h2>
  ${routes.length
    ? html`<ul class="govuk-list govuk-list--bullet">${routes.map((x) => html`<li>${x}</li>`)}</ul>`
    : html`<p class="govuk-body">Once it meets the criteria in ‘What to do’, it could: ${data.sponsor.routes.trust_sponsor.charAt(0).toLowerCase()}${data.sponsor.routes.trust_sponsor.slice(1)}.</p>`}
  ${howTrustsAreSetUp(data)}
  ${warningsSection(r)}
  ${rulesetSection(r, data)}
  ${actions({ journey: "sponsor", today })}
</div></div>`,
  };
}
