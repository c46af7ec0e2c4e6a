// The sponsor result: the answer first, then what to do or to find out. A headline status; when
// facts are not known (the engine's `incomplete`), what to find out first, in the engine's words;
// a numbered list of the criteria not yet met, most important first (requirements, then
// readiness, then conditions), each with what to do, its threshold, whether the threshold is a
// published rule or this service's design choice (and what it rests on), and its source; the
// criteria met, folded away; then the roles, in the engine's order (SPEC 4.4: what the
// organisation may do now, then what the 2015 announcement intended and what has happened
// since), each with what practice shows and its sources, or the engine's notes for a council in
// intervention. Everything it says about the outcome comes from the engine's assessment or the
// ruleset data: the page decides nothing. Sized to print on two pages for a typical charity.
import { html } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import { formatDate, formatDatesIn, orgKindLabel, SPONSOR_STATUS, LEVELS } from "../engine/wording.js";
import { sourceLink, warningsSection, actions } from "./results.js";

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
    case "incomplete": return `Nothing known rules ${name} out, but ${plural(r.toFindOut.length, "thing needs", "things need")} finding out before the answer is known.`;
    default: return "";
  }
}

/** One thing to do: what (the engine's words, with how far short it is), then in one line its
 *  level, threshold, whether the threshold is a published rule or this service's design
 *  choice, and its source. */
function action(c) {
  const basis = c.basis === "design"
    ? html`${C.tag("Design choice", "yellow")} ${c.rationale ?? "no published rule sets this threshold: this service chose it."}`
    : html`Published rule.`;
  return html`<li class="app-action">
    <h3 class="govuk-heading-s govuk-!-margin-bottom-1">${c.title}</h3>
    ${c.whatToDo ? html`<p class="govuk-body govuk-!-margin-bottom-1">${W(c.whatToDo)}</p>` : ""}
    <p class="govuk-body-s govuk-!-margin-bottom-3"><strong>${LEVELS[c.level] ?? c.level}.</strong> Threshold: ${W(c.threshold)}.
      ${basis}${c.source?.url ? html` Source: ${sourceLink(c.source)}` : ""}</p>
  </li>`;
}

/** A source as the roles cite it: its title up to the first colon (publisher, headline and date;
 *  what follows restates the sentence it supports), linked where it has an address. The full
 *  titles are on the rules page; at full length they pushed a charity's result to three printed
 *  pages. */
function cited(s) {
  // The first ": " outside quotation marks ("PM: We will not stand by" is a headline, kept whole).
  let quoted = false;
  for (let k = 0; k < s.title.length - 1; k++) {
    if (s.title[k] === '"') quoted = !quoted;
    else if (!quoted && s.title[k] === ":" && s.title[k + 1] === " ") return { ...s, title: s.title.slice(0, k) };
  }
  return s;
}

/** A role: the engine's words (ruleset data), with every source, linked where it has an address
 *  (a source without one, such as a quoted article, is named, not dropped: it may be the one the
 *  sentence rests on). */
function role(x) {
  const sources = x.sources.filter((s) => s.title);
  return html`<li><strong>${x.title}</strong><br><span class="govuk-body-s">${x.text}${sources.length
    ? html` (${sources.length === 1 ? "source" : "sources"}: ${sources.map((s, k) => html`${k ? "; " : ""}${sourceLink(cited(s))}`)})` : ""}</span></li>`;
}

/**
 * r: the engine's sponsor assessment. asked(id): whether the questions that give a criterion its
 * evidence were asked; assumed: [{ key, value, because }] answers worked out, not asked.
 */
export function sponsorResult(r, { data, today, asked, assumed = [] }) {
  const name = r.organisation.name ?? "The organisation";
  const applicable = r.criteria.filter((c) => c.applies);
  const todo = applicable.filter((c) => c.met === false && asked(c.id))
    .map((c, k) => ({ c, k })).sort((x, y) => (ORDER[x.c.level] - ORDER[y.c.level]) || x.k - y.k).map((x) => x.c);
  const met = applicable.filter((c) => c.met === true && asked(c.id));
  const notAsked = applicable.filter((c) => !asked(c.id));
  const statusTitle = SPONSOR_STATUS[r.status] ?? r.status;
  const open = r.roles.filter((x) => x.open);
  const findOut = r.toFindOut.length ? html`<h2 class="govuk-heading-m govuk-!-margin-bottom-3" id="find-out">What to find out</h2>
  <ul class="govuk-list govuk-list--bullet app-find-out">${r.toFindOut.map((t) => html`<li>${t}</li>`)}</ul>` : "";

  return {
    title: `${statusTitle}: ${name}`,
    body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds app-sponsor-result">
  <h1 class="govuk-heading-l govuk-!-margin-bottom-3" tabindex="-1">${statusTitle}</h1>
  <p class="govuk-body app-lead">${lead(r, name, todo)}</p>
  ${r.status === "incomplete" ? findOut : ""}
  ${todo.length ? html`<h2 class="govuk-heading-m govuk-!-margin-bottom-3">What to do</h2>
  <ol class="govuk-list govuk-list--number app-actions">${todo.map((c) => action(c))}</ol>` : ""}
  ${r.status !== "incomplete" ? findOut : ""}
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
  ${r.notes.length ? html`<h2 class="govuk-heading-m">What happens to ${name}</h2>${r.notes.map((x) => html`<p class="govuk-body">${x.text}${x.source?.url ? html` (source: ${sourceLink(x.source)})` : ""}</p>`)}` : ""}
  ${r.roles.length ? html`<h2 class="govuk-heading-m">${open.length ? `Roles ${name} could take on` : r.status === "incomplete" ? `Roles ${name} could take on if what is found out meets the criteria` : `Roles ${name} could take on once it meets the criteria`}</h2>
  <ul class="govuk-list govuk-list--bullet app-roles">${r.roles.map(role)}</ul>` : ""}
  ${warningsSection(r)}
  <p class="govuk-body app-no-print"><a class="govuk-link" href="rules.html#sponsors">Read every sponsor criterion and what it rests on</a></p>
  ${actions({ journey: "sponsor", today })}
</div></div>`,
  };
}
