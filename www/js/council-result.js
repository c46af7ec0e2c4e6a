// The council result: the engine's answer (results.js) with the parts added for issue 15: the
// timeline (timeline.js) and, for a council in intervention, councils in its region that could
// help (partners.js), from Ofsted's data when it has loaded.
import { html } from "./html.js";
import { councilResult } from "./results.js";
import { toInput } from "./council.js";
import { timelineSection } from "./timeline.js";
import { possiblePartners, partnersSection, IN_INTERVENTION } from "./partners.js";
import * as councilsData from "./councils-data.js";
import { formatDate } from "./wording.js";

export function councilResultView(r, { data, today, answers, councils, assessCouncils }) {
  const input = toInput(answers, today, { data });
  const parts = [];
  if (answers.picked) {
    parts.push(html`<p class="govuk-body">${answers.name}’s history was filled in from Ofsted’s published data as at ${formatDate(answers.picked.asAt)}, with what you added and confirmed.</p>`);
  }
  if (IN_INTERVENTION.includes(r.intervention) && councils) {
    const c = answers.code ? councilsData.byCode(councils, answers.code) : councilsData.find(councils, answers.name);
    if (c?.region) {
      try {
        const partners = possiblePartners(councils, assessCouncils, r.asOf, c.region, c.code);
        parts.push(partnersSection({ partners, councilName: c.name, region: c.region, asOf: r.asOf, source: councils.source }));
      } catch (e) {
        console.error(e);
      }
    }
  }
  parts.push(timelineSection(r, input, data));
  return councilResult(r, { data, today, more: html`${parts}` });
}
