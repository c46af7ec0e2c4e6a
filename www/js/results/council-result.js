// The council result: the engine's answer (results.js), short first (the outcome and its
// deadline, what to do next, the key dates, the decisions in force and what could happen next),
// with the parts added here folded below: the timeline (timeline.js), councils that could help a
// council in intervention (partners.js: its statistical neighbours first), and the answers given,
// each with its Change link.
import { html } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import { councilResult } from "./results.js";
import { toInput } from "../council/council.js";
import { timelineSection } from "./timeline.js";
import { possiblePartners, partnersSection } from "./partners.js";
import * as councilsData from "../council/councils-data.js";
import { formatDate, partialDateWords } from "../engine/wording.js";
import { href } from "../journey/common.js";
import { byEvents } from "../council/confirm.js";

// One formatter for the page's life, made on first use (toLocaleString with a locale makes one
// each call).
let count = null;
const plural = (n, one, many = `${one}s`) => `${(count ??= new Intl.NumberFormat("en-GB")).format(n)} ${n === 1 ? one : many}`;

/** The answers given, briefly, each with its Change link. */
function answersSection(a, r, today) {
  const picked = !!a.picked;
  const latestOf = (xs, k) => xs.map((x) => x[k]).filter(Boolean).sort().at(-1);
  const ins = a.inspections ?? [];
  const visits = a.visits ?? [];
  const concerns = a.concerns ?? [];
  const row = (key, value, page, hidden) => ({ key, value, actions: [{ href: href(page, true), text: "Change", hidden }] });
  const rows = [
    row("Council", a.name ?? "Not given", "council/name", "council"),
    row("Ofsted reports", ins.length ? `${plural(ins.length, "report")}, the latest published ${formatDate(latestOf(ins, "published"))}` : "None", picked ? "council/confirm" : "council/inspections", "Ofsted reports"),
    row("Monitoring and focused visits", visits.length ? `${plural(visits.length, "visit")}, the latest on ${formatDate(latestOf(visits, "date"))}` : "None", picked ? "council/confirm" : "council/visits", "visits"),
    row("Concerns", concerns.length ? plural(concerns.length, "concern") : "None", "council/concerns", "concerns"),
  ];
  if (byEvents(a)) {
    const ev = a.events ?? [];
    rows.push(row("Decisions by the government", ev.length ? `${plural(ev.length, "decision")}, the latest ${partialDateWords(latestOf(ev, "date"))}` : "None", picked ? "council/confirm" : "council/decisions", "decisions"));
  } else {
    const n = (a.arrangements ?? []).filter((x) => x !== "none").length;
    rows.push(row("Current arrangements", n ? plural(n, "arrangement") : "None", picked ? "council/confirm" : "council/arrangements", "current arrangements"));
  }
  rows.push(row("Date checked", a.asOfChoice === "date" ? formatDate(r.asOf) : `Today, ${formatDate(today)}`, "council/as-of", "date to check"));
  return html`<h2 class="govuk-heading-m" id="your-answers">Your answers</h2>
  ${picked ? html`<p class="govuk-body">${a.name}’s record was filled in from the published data${a.picked.asAt ? ` (Ofsted’s reports as at ${formatDate(a.picked.asAt)}${a.picked.registerAsAt ? `, the government’s decisions as at ${formatDate(a.picked.registerAsAt)}` : ""})` : ""}, with what you added and confirmed.</p>` : ""}
  ${C.summaryList(rows)}`;
}

/** The council of the answers in Ofsted's data, or null. */
const councilOf = (answers, councils) => (answers.code ? councilsData.byCode(councils, answers.code) : councilsData.find(councils, answers.name));

/** What the result of these answers will need that does not depend on their answer, worked out
 *  ahead (the check answers page asks for it once painted, in idle time): every council's answer
 *  on the date checked, for the councils that could help (partners.js keeps it per date). */
export function prepareCouncilResult({ data, today, answers, councils, assessCouncils }) {
  const c = councils ? councilOf(answers, councils) : null;
  if (!c?.region) return;
  const { asOf } = toInput(answers, today, { data });
  if (typeof asOf === "string") possiblePartners(councils, assessCouncils, asOf, c.region, c.code, { neighbours: c.neighbours });
}

export function councilResultView(r, { data, today, answers, councils, assessCouncils }) {
  const input = toInput(answers, today, { data });
  const more = { timeline: timelineSection(r, input, data, { heading: false }), answers: answersSection(answers, r, today) };
  if (r.inIntervention && councils) {
    const c = councilOf(answers, councils);
    if (c?.region) {
      try {
        const partners = possiblePartners(councils, assessCouncils, r.asOf, c.region, c.code, { neighbours: c.neighbours });
        more.partners = partnersSection({ partners, councilName: c.name, region: c.region, asOf: r.asOf, source: councils.source, headingLevel: 0 });
      } catch (e) {
        console.error(e);
      }
    }
  }
  return councilResult(r, { data, today, more });
}
