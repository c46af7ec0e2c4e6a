// The pages that are not questions of a journey (start, choice, upload, start again,
// download, a file of council histories, not found, problem), and the frames of the question,
// check-answers and result pages (what each asks or shows is the journey's: council.js,
// sponsor.js, results.js, sponsor-result.js). Each view returns { title, body, back, errors } or
// { redirect }. Each takes A, the app (app.js).
import { html } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import { renderAnswer } from "./flow.js";
import { councilResultView, prepareCouncilResult } from "../results/council-result.js";
import * as councilsData from "../council/councils-data.js";
import * as engine from "../engine/engine.js";
import { sponsorResult } from "../results/sponsor-result.js";
import { SERVICE_NAME, inForce } from "../engine/wording.js";
import { href } from "./common.js";
import * as store from "./store.js";
import { saveBar, flashBanner, checkedLists, aboutRecord } from "./saving.js";
import * as national from "../council/national.js";

const call = (v, ctx) => (typeof v === "function" ? v(ctx) : v);

/** The rulesets' titles and dates for the start page: written into the bundle by the build
 *  (build/js.mjs, from rulesets/rulesets.json, the data the engine embeds), so the start
 *  page does not wait for the engine to read its data; unbundled, asked of the engine (which
 *  the start page then waits for: only in development). */
const startRulesets = (A) => (typeof TRUST_ELIGIBILITY_RULESETS === "undefined"
  ? A.rules().rulesets
  : TRUST_ELIGIBILITY_RULESETS);

export const twoThirds = (inner) => html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${inner}</div></div>`;
const summary = (errors) => C.errorSummary(errors.map((e) => ({ href: e.href ?? (e.field ? `#${e.field}` : null), text: e.text })));

/** @param {any} A @param {{ title: any, errors?: any[], inner: any, button?: string, after?: any, back?: string, noSaveBar?: boolean }} o */
function formPage(A, { title, errors = [], inner, button = "Continue", after = "", back, noSaveBar }) {
  return {
    title, errors, back,
    body: twoThirds(html`${flashBanner(A)}${summary(errors)}
      <form novalidate data-form="page">${inner}${C.button(button)}</form>
      ${after}${noSaveBar ? "" : saveBar(A)}`),
  };
}

function startView(A) {
  const last = A.state.journey && A.state.last?.[A.state.journey];
  const saved = store.hasAnswers(A.state);
  return {
    title: SERVICE_NAME,
    body: twoThirds(html`<h1 class="govuk-heading-xl" tabindex="-1">${SERVICE_NAME}</h1>
  <p class="govuk-body-l">Use this service to check:</p>
  <ul class="govuk-list govuk-list--bullet">
    <li>which government intervention applies to a council's children's services, given its Ofsted inspections, and by when</li>
    <li>whether an organisation can sponsor a children's services trust, and what it still needs to do</li>
  </ul>
  <p class="govuk-body">It applies the rules published by government, with their sources:</p>
  <ul class="govuk-list govuk-list--bullet">${startRulesets(A).map((r) => html`<li>${r.title}, ${inForce(r)}</li>`)}</ul>
  <p class="govuk-body">It takes about 5 minutes. Everything runs on this device: nothing you enter is sent anywhere.</p>
  ${saved && last ? C.insetText(html`<p class="govuk-body">You have answers saved in this browser. You were checking ${aboutRecord(A.state.journey, A.state[A.state.journey]?.name)}.</p>
    <p class="govuk-body"><a class="govuk-link" href="?page=${last}">Continue where you left off</a></p>`) : ""}
  ${C.button("Start now", { start: true, href: "?page=choose" })}
  ${checkedLists(A)}
  <h2 class="govuk-heading-m">Before you start</h2>
  <p class="govuk-body">For a council, you will need the dates its Ofsted reports were published and their grades, and any monitoring or focused visits and concerns.</p>
  <p class="govuk-body">For an organisation, you will need its legal form, how many qualified social workers it employs, the Ofsted grades of any services it runs, and its income and reserves.</p>
  <h2 class="govuk-heading-m">Other things you can do</h2>
  <ul class="govuk-list">
    ${A.embed ? "" : html`<li><a class="govuk-link" href="?page=councils">See every council’s intervention today, and since 2016</a></li>`}
    ${A.embed ? "" : html`<li><a class="govuk-link" href="?page=ofsted">Check every council from Ofsted’s published outcomes file</a></li>`}
    <li><a class="govuk-link" href="?page=upload">Upload answers you saved before</a></li>
    <li><a class="govuk-link" href="rules.html">Read the rules this service applies</a></li>
  </ul>`),
  };
}

function chooseView(A, p) {
  return formPage(A, {
    title: "What do you want to check?", back: "./", errors: p.errors,
    inner: C.radios({ name: "journey", text: "What do you want to check?", heading: true, error: p.errors?.[0]?.text,
      items: [
        { value: "council", text: "Which intervention applies to a council", hint: "From its Ofsted inspections, visits and any concerns" },
        { value: "sponsor", text: "Whether an organisation can sponsor a children's services trust", hint: "A charity, company, expert team or council" },
        ...(A.embed ? [] : [{ value: "ofsted", text: "Every council’s intervention, from Ofsted’s published outcomes file", hint: "Ofsted’s outcomes are included with this service, or choose a newer file of your own: it is read on this device" }]),
      ], value: p.raw?.value ?? A.state.journey }),
  });
}

function uploadView(A, p) {
  return formPage(A, {
    title: "Upload your answers", back: "./", errors: p.errors, button: "Upload answers", noSaveBar: true,
    inner: C.fileUpload({ id: "answers-file", text: "Upload your answers", heading: true, accept: ".json,application/json",
      hintText: "A file you saved with ‘Download your answers’. Its answers replace those saved in this browser. The file stays on this device.",
      error: p.errors?.[0]?.text }),
  });
}

function startAgainView(A) {
  return {
    title: "Are you sure you want to start again?", back: A.state.journey && A.state.last?.[A.state.journey] ? `?page=${A.state.last[A.state.journey]}` : "./",
    body: twoThirds(html`<h1 class="govuk-heading-l" tabindex="-1">Are you sure you want to start again?</h1>
      <p class="govuk-body">This deletes all the answers saved in this browser. You cannot undo this.</p>
      <p class="govuk-body">If you want to keep them, <a class="govuk-link" href="?page=download" data-action="download">download your answers</a> first.</p>
      <form novalidate data-form="page"><div class="govuk-button-group">
        ${C.button("Yes, delete my answers", { warning: true })}
        <a class="govuk-link" href="${A.state.journey && A.state.last?.[A.state.journey] ? `?page=${A.state.last[A.state.journey]}` : "./"}">No, go back</a>
      </div></form>`),
  };
}

function downloadView(A) {
  return {
    title: "Download your answers", back: A.state.journey && A.state.last?.[A.state.journey] ? `?page=${A.state.last[A.state.journey]}` : "./",
    body: twoThirds(html`<h1 class="govuk-heading-l" tabindex="-1">Download your answers</h1>
      <p class="govuk-body">Save your answers as a file. You can upload it later, in this or another browser, to carry on.</p>
      ${C.button("Download your answers", { action: "download" })}`),
  };
}

function councilFileView(A, p) {
  return formPage(A, {
    title: "Upload a file of council histories", back: "?page=council/name", errors: p.errors, button: "Upload file",
    inner: html`${C.fileUpload({ id: "file", text: "Upload a file of council histories", heading: true, accept: ".json,application/json",
      hintText: "A JSON file listing councils, each with its Ofsted inspections and any visits and concerns, in this checker's council format. The file stays on this device.",
      error: p.errors?.[0]?.text })}
      <details class="govuk-details">
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">What the file looks like</span></summary>
        <div class="govuk-details__text">
          <p class="govuk-body">A list of councils. Each has a name and its inspections, with the date each report was published and its overall grade; visits, concerns and status are optional:</p>
          <pre class="govuk-body-s app-code"><code>[
  { "council": { "name": "Sandwell", "code": "E08000028" },
    "inspections": [
      { "published": "2015-06-10", "overall": "inadequate" } ],
    "visits": [], "concerns": [] }
]</code></pre>
        </div>
      </details>`,
  });
}

function questionView(A, jid, page, change, p) {
  const journey = A.J[jid].journey;
  const found = journey.def(page);
  const ctx = A.ctxFor(jid, page, change);
  const def = A.resolveDef(found.def, ctx);
  const errors = p.errors ?? [];
  const isItem = journey.listOfItemPage(def) && found.i !== null;
  const toCheck = change && !isItem && def.type !== "hub" && !def.side;
  const back = toCheck ? journey.check : journey.prev(page, ctx);
  const inner = def.custom ? def.render(ctx, { errors, raw: p.raw, journey }) : renderAnswer(def, ctx, { errors, raw: p.raw, warning: p.warning });
  return {
    ...formPage(A, {
      title: call(def.title, ctx), errors, inner, after: def.extra?.(ctx) ?? "",
      back: href(back, change && back !== journey.check),
    }),
    // A page that does more once painted (the council picker's autocomplete).
    enhance: def.enhance ? (el) => def.enhance(el, ctx, { errors }) : null,
  };
}

function checkView(A, jid, p) {
  const ctx = A.ctxFor(jid, A.J[jid].journey.check, false);
  const sections = A.J[jid].checkSections(ctx);
  const errors = p.errors ?? [];
  return {
    title: "Check your answers before you see the result", errors,
    back: href(A.J[jid].journey.prev(A.J[jid].journey.check, ctx)),
    body: twoThirds(html`${flashBanner(A)}${summary(errors)}
      <h1 class="govuk-heading-l" tabindex="-1">Check your answers before you see the result</h1>
      ${sections.map((s) => html`<h2 class="govuk-heading-m">${s.title}</h2>${C.summaryList(s.rows)}`)}
      <form novalidate data-form="page">${C.button("See the result")}</form>
      ${saveBar(A)}`),
    // Once painted, while the user reads: what the council's result needs whatever its answer.
    enhance: jid === "council" ? () => idle(() => {
      try {
        prepareCouncilResult({ data: A.rules(), today: A.today, answers: ctx.a, councils: councilsData.loaded(), assessCouncils: engine.councils });
      } catch (e) { console.error(e); }
    }) : null,
  };
}

const idle = (f) => (globalThis.requestIdleCallback ?? ((g) => setTimeout(g, 0)))(f);

function resultView(A, jid) {
  const journey = A.J[jid].journey;
  const ctx = A.ctxFor(jid, journey.result, false);
  const res = A.assess(jid, ctx.a);
  const complete = journey.resume(ctx) === journey.check;
  if (!res.ok) {
    const e = A.errorFor(jid, res, ctx);
    if (e.page) {
      A.pending.set(e.page, { errors: [{ field: e.field, text: e.text }] });
      return { redirect: href(e.page, true) };
    }
    A.pending.set(journey.check, { errors: [{ text: e.text }] });
    return { redirect: href(journey.check) };
  }
  if (!complete && !(jid === "sponsor" && A.J.sponsor.settled(ctx, res.value))) {
    return { redirect: href(journey.resume(ctx)) };
  }
  const view = jid === "council"
    ? councilResultView(res.value, { data: A.rules(), today: A.today, answers: ctx.a, councils: councilsData.loaded(), assessCouncils: engine.councils })
    : sponsorResult(res.value, { data: A.rules(), today: A.today, asked: (id) => A.J.sponsor.criterionAsked(ctx, id), assumed: A.J.sponsor.assumed(ctx) });
  return { ...view, back: href(journey.check) };
}

/** The councils and organisations checked in this browser, to go back to any of them. */
function checkedView(A) {
  const lists = checkedLists(A);
  const back = A.state.journey && A.state.last?.[A.state.journey] ? `?page=${A.state.last[A.state.journey]}` : "./";
  return {
    title: "Councils and organisations you have checked", back,
    body: twoThirds(html`<h1 class="govuk-heading-l" tabindex="-1">Councils and organisations you have checked</h1>
      <p class="govuk-body">The answers for each are saved in this browser. Each tab can be on a different one.</p>
      ${lists.some((l) => String(l)) ? lists : html`<p class="govuk-body">You have not checked any yet.</p>`}`),
  };
}

export function notFoundView() {
  return {
    title: "Page not found",
    body: twoThirds(html`<h1 class="govuk-heading-l" tabindex="-1">Page not found</h1>
      <p class="govuk-body">If you typed the web address, check it is correct.</p>
      <p class="govuk-body"><a class="govuk-link" href="./">Go to the start</a></p>`),
  };
}

export function viewFor(A, page, change) {
  const p = A.pending.get(page) ?? {};
  A.pending.delete(page);
  if (A.embed?.journey && (page === "start" || page === "choose")) {
    // Embedded, the element or frame is for one journey: straight to its first open question.
    const jid = A.embed.journey;
    const ctx = A.ctxFor(jid, "", false);
    return { redirect: href(Object.keys(ctx.a).length ? A.J[jid].journey.resume(ctx) : A.J[jid].journey.path(ctx)[0]) };
  }
  switch (page) {
    case "start": return startView(A);
    case "choose": return chooseView(A, p);
    case "upload": return uploadView(A, p);
    case "start-again": return startAgainView(A);
    case "download": return downloadView(A);
    case national.PAGE: return A.embed ? notFoundView() : national.view({ today: A.today, rules: A.rules, assessCouncils: engine.councils, interventionsOn: engine.interventionsOn });
    case "checked": return checkedView(A);
    case "ofsted": case "ofsted/councils": return A.embed ? notFoundView() : A.ofstedPage.view(page, p, A.ofstedApi);
    default: break;
  }
  const jid = page.split("/")[0];
  if (!A.J[jid]) return notFoundView();
  const journey = A.J[jid].journey;
  const ctx = A.ctxFor(jid, page, change);
  if (!journey.def(page)) return notFoundView();
  if (page === journey.result) return resultView(A, jid);
  if (page === journey.check) {
    if (Object.keys(ctx.a).length === 0) return { redirect: href(journey.resume(ctx)) };
    return checkView(A, jid, p);
  }
  if (!journey.available(page, ctx)) return { redirect: href(journey.resume(ctx)) };
  if (page === "council/file") return councilFileView(A, p);
  return questionView(A, jid, page, change, p);
}

export function problemView() {
  return {
    title: "Sorry, there is a problem with the service",
    body: twoThirds(html`<h1 class="govuk-heading-l" tabindex="-1">Sorry, there is a problem with the service</h1>
      <p class="govuk-body">Your answers are still saved in this browser. Try again later, or <a class="govuk-link" href="./">go to the start</a>.</p>
      <p class="govuk-body">You can read <a class="govuk-link" href="rules.html">the rules this service applies</a>.</p>`),
  };
}
