// The app: one object (A) holding what is shown and answered, and the modules that act on it:
//
//   routing.js          addresses (?page=…), going to a page, the back button, redirects
//   paint.js            painting a view: title, back link, banners, content, focus
//   views.js            the pages that are not questions of a journey, and the question,
//                       check-answers and result pages' frames
//   sponsor-result.js   the sponsor result page; results.js: the council's
//   submit.js           reading and checking a submitted page, the engine's check, what is next
//   engine-errors.js    the engine's errors (by code, path and detail) on the page and field
//   saving.js           answers saved as the user goes, what the page says about them, download
//   govuk-behaviours.js what GOV.UK Frontend's JavaScript would do
//   app-boot.js         starting: the first view at once, the engine after it
//
// createApp(env) runs one app in the elements env gives it, so the same code serves the full
// page (main.js: the document, the history API so the browser's back button works) and the
// embeds (embed/element.js: a shadow root, an in-element router, one journey).
import * as engine from "../engine/engine.js";
import * as councilJourney from "../council/council.js";
import * as sponsorJourney from "../sponsor/sponsor.js";
import { createStore } from "./store.js";
import { todayIso } from "./dates.js";
import { errorFor } from "../engine/engine-errors.js";
import { createRouting } from "./routing.js";
import { paint } from "./paint.js";
import * as saving from "./saving.js";
import { onSubmit } from "./submit.js";
import { onClick } from "./clicks.js";
import { boot } from "./app-boot.js";
import { numberReadBack } from "./flow.js";

/** A number page says back, as the user types, what it reads (numbers.js). */
function sayWhatWasRead(A, input) {
  const out = input?.id ? A.env.root.getElementById(`${input.id}-read`) : null;
  if (!out) return;
  const { page } = A.route();
  const jid = page.split("/")[0];
  const found = A.J[jid]?.journey.def(page);
  if (!found) return;
  const ctx = { ...A.ctxFor(jid, page, false), i: found.i };
  out.textContent = numberReadBack(A.resolveDef(found.def, ctx), ctx, input.value);
}

/**
 * env:
 *   root    the Document or ShadowRoot the app lives in: clicks are handled and ids looked up there
 *   app     the element pages are painted into; before: the element for the back link
 *   marks   the element whose data-ready, data-page and data-painted say what is shown (tests)
 *   router  { search(): the current "?page=…" query; set(url, { replace }): change it (no render) }
 *   embed   null for the full page, or { journey: "council" | "sponsor" | null, base: URL of the site,
 *           headingLevel: the level of the main heading, 1 to 6, the others each one lower }
 *   scope   where the answers are kept (store.js): "site", or the embed instance's own scope
 */
export function createApp(env) {
  const { embed = null } = env;
  const journeys = embed?.journey ? [embed.journey] : ["council", "sponsor"];
  const store = createStore({ scope: env.scope ?? "site", journeys });
  const A = {
    env, embed, store,
    J: { council: councilJourney, sponsor: sponsorJourney },
    state: store.load(),
    today: todayIso(),
    flash: null, // a success banner for the next page
    busy: false,
    pending: new Map(), // page -> { errors, raw }: shown once, on that page's next render
    firstPaint: true,
    lastSearch: null,
    elsewhere: null, // another tab changed the answers on this page: { journey, page, before }
    // The engine's ruleset data, read on first use (the start page needs none).
    rules: () => engine.rulesData(),
  };
  A.ctxFor = (jid, page, change) => {
    const found = A.J[jid].journey.def(page);
    return { a: A.state[jid] ?? {}, data: A.rules(), today: A.today, i: found?.i ?? null, change, pageId: page };
  };
  A.resolveDef = (def, ctx) => (def.resolve ? def.resolve(def, ctx) : def);
  A.input = (jid, a, { probe = false } = {}) => (jid === "council"
    ? councilJourney.toInput(a, A.today, { probe, data: A.rules() })
    : sponsorJourney.toInput(a, A.today, { probe, data: A.rules() }));
  A.assess = (jid, a, opts) => {
    if (jid === "sponsor" && !a.kind) return { ok: true, value: null };
    const input = A.input(jid, a, opts);
    return { ...(jid === "council" ? engine.council(input) : engine.sponsor(input)), input };
  };
  A.errorFor = (jid, res, ctx) => errorFor(A.J[jid].journey, res.error, ctx, res.input);
  A.paint = (view, opts) => paint(A, view, opts);
  Object.assign(A, createRouting(A));
  A.showErrors = (page, errors, raw) => { A.pending.set(page, { errors, raw }); A.render(); };
  A.saveAnswers = (jid, a, page) => saving.saveAnswers(A, jid, a, page);

  store.watch((change) => saving.changedElsewhere(A, change), () => {
    // Another council or organisation saved in another tab: the pages that list them show it.
    if (["start", "checked"].includes(A.route().page)) A.render({ focus: false });
  });
  env.root.addEventListener("click", (ev) => onClick(A, ev));
  env.root.addEventListener("input", (ev) => sayWhatWasRead(A, ev.target));
  A.onSubmit = (ev) => onSubmit(A, ev);

  return { boot: () => boot(A), changed: () => A.changed(), repaint: () => { if (A.env.marks.dataset.ready) A.render({ focus: false }); } };
}
