// Councils that could help: for a council in intervention, the councils in the
// same Ofsted region that the engine finds high-performing (SPEC §3.4) on the date checked, as a
// starting list of possible improvement partners. Every council's history in Ofsted's data is
// assessed with the engine's batch (assessCouncils): the rule is the engine's, not restated here.
// Used by the council result (council-result.js) and the page for Ofsted's file.
import { html } from "../govuk/html.js";
import { formatDate, gradeLabel } from "../engine/wording.js";

// One batch per data set and date: the answers by council code.
const assessed = new WeakMap();
function answersByCode(councilsData, assessCouncils, asOf) {
  let byDate = assessed.get(councilsData);
  if (!byDate) { byDate = new Map(); assessed.set(councilsData, byDate); }
  if (!byDate.has(asOf)) {
    const current = councilsData.councils.filter((c) => !c.former);
    const inputs = current.map((c) => ({
      council: { name: c.name, code: c.code }, asOf,
      inspections: c.inspections ?? [], visits: c.visits ?? [],
    }));
    const out = unwrap(assessCouncils(inputs));
    byDate.set(asOf, new Map(current.map((c, k) => [c.code, out[k]])));
  }
  return byDate.get(asOf);
}

/** The engine's batch may be the wasm export (answers, or a throw) or the page's wrapper
 *  (engine.councils: { ok, value | error }). */
function unwrap(res) {
  if (Array.isArray(res)) return res;
  if (res && res.ok === true) return res.value;
  const e = res?.error;
  throw new Error(`The councils could not be assessed: ${e?.path ?? ""} ${e?.message ?? "no answer"}`.trim());
}

/**
 * The councils that could help, on `asOf`: those whose engine answer has findings.highPerforming
 * === true, the council's statistical neighbours first (in the lookup's order), then the others in
 * `region` by name: [{ name, code, region, neighbour, latest }]. `exceptCode` is left out.
 */
export function possiblePartners(councilsData, assessCouncils, asOf, region, exceptCode, { neighbours = [] } = {}) {
  if (!councilsData || !region) return [];
  const answers = answersByCode(councilsData, assessCouncils, asOf);
  const high = (c) => !c.former && c.code !== exceptCode && answers.get(c.code)?.findings?.highPerforming === true;
  const of = (c, neighbour) => ({ name: c.name, code: c.code, region: c.region, neighbour, latest: answers.get(c.code).latestInspection });
  const near = (neighbours ?? []).map((code) => councilsData.councils.find((c) => c.code === code)).filter((c) => c && high(c)).map((c) => of(c, true));
  const taken = new Set(near.map((p) => p.code));
  const inRegion = councilsData.councils.filter((c) => high(c) && c.region === region && !taken.has(c.code)).map((c) => of(c, false))
    .sort((x, y) => x.name.localeCompare(y.name, "en-GB"));
  return [...near, ...inRegion];
}

/** The result page's section. `partners` from possiblePartners; `source` the data's source. */
/** @param {{ partners: any[], councilName: string, region: string, asOf: string, source: any, definition?: any, headingLevel?: number }} o */
export function partnersSection({ partners, councilName, region, asOf, source, definition, headingLevel = 2 }) {
  const h = headingLevel === 2 ? "govuk-heading-m" : "govuk-heading-s";
  const title = "Councils that could help";
  const heading = headingLevel === 0 ? html`<span id="partners"></span>` : headingLevel === 2 ? html`<h2 class="${h}" id="partners">${title}</h2>` : html`<h3 class="${h}">${title}</h3>`;
  const near = partners.filter((p) => p.neighbour);
  const rest = partners.filter((p) => !p.neighbour);
  const item = (p) => html`<li>${p.name}${p.latest ? html`<span class="govuk-body-s">: ${gradeLabel(p.latest.overall ?? p.latest.grade)}, published ${formatDate(p.latest.published)}</span>` : ""}</li>`;
  return html`${heading}
  <p class="govuk-body">The Department for Education chooses the councils that support a council in intervention: this is a starting list, not a recommendation. Partners are not always in the same region: directions have named Leeds as the partner for Kirklees, Camden for Croydon, and Essex for Worcestershire.</p>
  ${near.length ? html`<p class="govuk-body">Statistical neighbours${councilName ? ` of ${councilName}` : ""} (the councils it compares itself against) that the checker finds high-performing on ${formatDate(asOf)}:</p>
    <ul class="govuk-list govuk-list--bullet">${near.map(item)}</ul>` : ""}
  ${rest.length
    ? html`<p class="govuk-body">${near.length ? "Other councils" : "Councils"} in the ${region} region that the checker finds high-performing on ${formatDate(asOf)}:</p>
      <ul class="govuk-list govuk-list--bullet">${rest.map(item)}</ul>`
    : near.length ? "" : html`<p class="govuk-body">No other council in the ${region} region is high-performing on ${formatDate(asOf)} in Ofsted’s data.</p>`}
  ${definition ? html`<p class="govuk-body-s">${definition}</p>` : ""}
  ${source ? html`<p class="govuk-body-s">From ${source.publisher}’s “${source.title}” (${source.licence}).${councilName ? ` ${councilName} itself is not listed.` : ""}</p>` : ""}`;
}
