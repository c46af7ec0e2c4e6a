// The app: boots the engine, routes between pages (one question per page, addressed as
// ?page=…), shows each page, reads and checks its answer, saves answers as the user goes, and
// maps the engine's errors back to the page and field that hold the answer.
//
// createApp(env) runs one app in the elements env gives it, so the same code serves the full
// page (main.js: the document, the history API so the browser's back button works) and the
// embeds (embed/trust-eligibility-check.js: a shadow root, an in-element router, one journey).
import { html } from "./html.js";
import * as C from "./components.js";
import * as engine from "./engine.js";
import * as store from "./store.js";
import * as files from "./files.js";
import { readForm, parseAnswer, renderAnswer } from "./flow.js";
import * as councilJourney from "./council.js";
import * as sponsorJourney from "./sponsor.js";
import { sponsorResult } from "./results.js";
import { councilResultView } from "./council-result.js";
import * as councilsData from "./councils-data.js";
import { todayIso, parseDateParts, isoToParts } from "./dates.js";
import { SERVICE_NAME, formatDate, formatDatesIn, inForce, gradeLabel, DATE_KINDS, daysInWords } from "./wording.js";
import { href } from "./common.js";

// ----------------------------------------------------------------------------------------------
// What GOV.UK Frontend's JavaScript does for these pages is done here, inside the app's own root,
// and its JavaScript is not loaded at all: embedded it cannot run (it needs its class on the
// host's <body> and looks elements up in the document, not in a shadow root), and for the pages'
// components (error summary, notification banner, button, exclusive checkboxes; no conditional
// reveals) this is all it would do. The full page's skip link: main.js.

/** Focus as GOV.UK Frontend gives it: the error summary, or a banner that is an alert. */
function focusAlert(app) {
  const focusable = app.querySelector(".govuk-error-summary") ?? app.querySelector(".govuk-notification-banner[role=alert]");
  if (focusable) {
    focusable.tabIndex = -1;
    focusable.addEventListener("blur", () => focusable.removeAttribute("tabindex"), { once: true });
    focusable.focus();
  }
}

/** Links that leave the journey, embedded: to the checker's own site, opened in a new tab. */
function linksOutside(app, embed) {
  for (const a of app.querySelectorAll("a[href]")) {
    const h = a.getAttribute("href");
    if (h.startsWith("?") || h.startsWith("#") || h === "./" || a.dataset.action) continue;
    // The rules page and sources: the checker's own site (not the host's), in a new tab.
    a.href = new URL(h, embed.base).href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.append(" (opens in new tab)");
  }
}

/** The rulesets' titles and dates for the start page: written into the bundle by the build
 *  (www/build-js.mjs, from rulesets/rulesets.json, the data the engine embeds), so the start
 *  page does not wait for the engine to read its data; unbundled, asked of the engine. */
const startRulesets = () => (typeof TRUST_ELIGIBILITY_RULESETS === "undefined"
  ? engine.rulesData().rulesets
  : TRUST_ELIGIBILITY_RULESETS);

/** A link that looks like a button works with the space bar, as a button does (GOV.UK's button). */
function spaceOnLinkButtons(ev) {
  const el = ev.target;
  if (ev.key !== " " || el?.tagName !== "A" || el.getAttribute("role") !== "button") return;
  ev.preventDefault();
  el.click();
}

/** "None of these" unticks the others, and the others untick it (GOV.UK's exclusive checkboxes). */
function exclusiveCheckboxes(ev) {
  const input = ev.target;
  if (input?.type !== "checkbox" || !input.checked || !input.form) return;
  const exclusive = input.dataset.behaviour === "exclusive";
  for (const other of input.form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(input.name)}"]`)) {
    if (other !== input && (exclusive || other.dataset.behaviour === "exclusive")) other.checked = false;
  }
}

/**
 * env:
 *   root    the Document or ShadowRoot the app lives in: clicks are handled and ids looked up there
 *   app     the element pages are painted into; before: the element for the back link
 *   marks   the element whose data-ready, data-page and data-painted say what is shown (tests)
 *   router  { search(): the current "?page=…" query; set(url, { replace }): change it (no render) }
 *   embed   null for the full page, or { journey: "council" | "sponsor", base: URL of the site }
 */
export function createApp(env) {
  const { root, app, before, marks, router, embed = null } = env;
  const J = { council: councilJourney, sponsor: sponsorJourney };
  const call = (v, ctx) => (typeof v === "function" ? v(ctx) : v);
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

  // The engine's ruleset data, read on first use (engine.rulesData); the start page needs only
  // the rulesets' titles and dates.
  const rules = () => engine.rulesData();
  let today = todayIso();
  let state = store.load();
  let lastSearch = null;
  let flash = null;
  let busy = false;
  const pending = new Map(); // page -> { errors, raw }: shown once, on that page's next render
  let firstPaint = true;
  // Another tab changed the saved answers: say so on this page now, without repainting it (which
  // would lose what is typed), and on every page until the user chooses whose answers to keep.
  store.watch(() => {
    if (!app.querySelector("#store-elsewhere-title")) app.insertAdjacentHTML("afterbegin", String(storeBanners("elsewhere-only")));
  });

  // --------------------------------------------------------------------------------------------
  // Engine calls and the mapping of its errors to pages and fields.

  function assess(jid, a, { probe = false } = {}) {
    if (jid === "council") return engine.council(councilJourney.toInput(a, today, { probe, data: rules() }));
    if (!a.kind) return { ok: true, value: null };
    return engine.sponsor(sponsorJourney.toInput(a, today, { probe, data: rules() }));
  }

  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  function matchPath(pattern, path) {
    const star = pattern.endsWith(".*");
    const base = star ? pattern.slice(0, -2) : pattern;
    const hasI = base.includes("[:i]");
    const re = new RegExp(`^${base.split("[:i]").map(escapeRe).join("\\[(\\d+)\\]")}${star ? "\\.(.+)" : ""}$`);
    const m = re.exec(path);
    if (!m) return null;
    return { i: hasI ? Number(m[1]) : null, rest: star ? m[hasI ? 2 : 1] : "" };
  }

  /** The page and field holding the answer at an engine error's path. */
  function locate(jid, path, ctx) {
    for (const def of J[jid].journey.pages) {
      if (def.engineWhen && !def.engineWhen(ctx)) continue; // a page of the other route
      for (const [pattern, field] of def.engine ?? []) {
        const m = matchPath(pattern, path);
        if (m) {
          const c = { ...ctx, i: m.i };
          return { page: m.i === null ? def.id : def.id.replace(":i", String(m.i)), def, field: typeof field === "function" ? field(m.rest, c) : field };
        }
      }
    }
    return null;
  }

  /** An engine error in GOV.UK words for the field it belongs to. */
  function engineMessage(error, def) {
    const code = engine.realCode(error);
    const msg = engine.cleanMessage(error);
    const noun = def?.noun ? call(def.noun, {}) : "the answer";
    const m = String(error.message);
    const dates = [...m.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((d) => formatDate(d[0]));
    switch (code) {
      case "too_long": {
        const n = /at most (\d+)/.exec(m)?.[1] ?? "200";
        return `${cap(noun)} must be ${n} characters or fewer`;
      }
      case "no_ruleset":
        return `The date to check must be on or after ${dates[1] ?? dates[0]}, when the rules this service applies begin`;
      case "date_out_of_range":
        return dates.length >= 3 ? `${cap(noun)} must be between ${dates[1]} and ${dates[2]}` : msg;
      case "duplicate_inspection": {
        const other = /\[(\d+)\] was also/.exec(m)?.[1];
        return `Inspection ${other === undefined ? "" : Number(other) + 1} was also published on ${dates[0] ?? "that day"}: two inspections cannot be published on the same day`.replace("Inspection  was", "Another inspection was");
      }
      case "missing_inspection":
        return `Add at least one inspection of the council published on or before ${dates[0] ?? "the date checked"}`;
      default:
        return msg;
    }
  }

  function errorFor(jid, error, ctx) {
    const loc = locate(jid, error.path, ctx);
    return loc ? { ...loc, text: engineMessage(error, loc.def) } : { page: null, field: null, text: formatDatesIn(engine.cleanMessage(error)) };
  }

  // --------------------------------------------------------------------------------------------
  // Navigation.

  function url(page, change) {
    return page === "start" ? "./" : href(page, change);
  }
  function go(page, { change = false, replace = false } = {}) {
    const u = url(page, change);
    router.set(u, { replace });
    render();
  }
  function route() {
    const p = new URLSearchParams(router.search());
    return { page: p.get("page") || "start", change: p.get("change") === "1" };
  }
  function ctxFor(jid, page, change) {
    const found = J[jid].journey.def(page);
    return { a: state[jid] ?? {}, data: rules(), today, i: found?.i ?? null, change, pageId: page };
  }
  const resolveDef = (def, ctx) => (def.resolve ? def.resolve(def, ctx) : def);

  function saveAnswers(jid, a, page) {
    state = { ...state, journey: jid, [jid]: a, last: { ...state.last, [jid]: page } };
    store.save(state);
  }

  // Every council from Ofsted's file (ofsted-page.js, full page only), and what it may do here.
  const ofstedApi = {
    today: () => today, data: rules, go: (page) => go(page),
    showErrors: (page, errors, raw) => showErrors(page, errors, raw),
    openCouncil: (a) => { saveAnswers("council", a, councilJourney.journey.result); go(councilJourney.journey.result); },
  };
  // The page for Ofsted's file (ofsted-page.js) is imported the first time it is shown. Like
  // Ofsted's reader, it is not precached: the service worker keeps it once it has been used.
  let ofstedPage = null;
  let ofstedLoading = null;
  const OFSTED_PAGES = ["ofsted", "ofsted/councils"];
  function loadOfstedPage() {
    ofstedLoading ??= import("./ofsted-page.js").then((m) => {
      m.connect({ html, C, store, parseDateParts, isoToParts, formatDate, gradeLabel, DATE_KINDS, daysInWords, inForce,
        fromInput: councilJourney.fromInput });
      m.listen(root, ofstedApi);
      ofstedPage = m;
    }, (e) => { ofstedLoading = null; throw e; });
    return ofstedLoading;
  }

  // --------------------------------------------------------------------------------------------
  // Views: each returns { title, body, back, errors } or { redirect }.

  function saveBar() {
    return html`<div class="app-no-print govuk-!-margin-top-8">
    <h2 class="govuk-heading-s">Your answers</h2>
    <p class="govuk-body">Your answers are saved in this browser as you go. You can <a class="govuk-link" href="?page=download" data-action="download">download your answers</a> to keep them or to use them on another device, or <a class="govuk-link" href="?page=start-again">start again</a>.</p>
  </div>`;
  }
  const flashBanner = () => {
    const f = flash;
    flash = null;
    return f ? C.notificationBanner(f, { success: true }) : "";
  };
  /** A GOV.UK notification banner (role=region) with a heading, words and action buttons. */
  const banner = (id, heading, body, actions = []) => html`<div class="govuk-notification-banner" role="region" aria-labelledby="${id}-title" data-module="govuk-notification-banner">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="${id}-title">Important</h2></div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">${heading}</p>
      <p class="govuk-body">${body}</p>
      ${actions.length ? html`<div class="govuk-button-group">${actions.map(([text, action]) => html`<button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" data-action="${action}">${text}</button>`)}</div>` : ""}
    </div>
  </div>`;
  /** What the page must say about the answers saved in this browser (store.status()). */
  function storeBanners(page) {
    const s = store.status({ peek: page === "elsewhere-only" });
    const out = [];
    if (s.elsewhere) {
      out.push(banner("store-elsewhere", "Your answers were changed in another tab",
        "This browser’s saved answers were changed in another tab or window. Your answers on this page have not been saved over them. Choose which answers to keep.",
        [["Use the other tab’s answers", "store-use-other"], ["Keep mine", "store-keep-mine"]]));
    }
    if (page === "elsewhere-only") return twoThirds(out);
    if (s.unreadable && (page === "start" || firstPaint)) {
      const why = { newer: "They were saved by a newer version of this service, which this version cannot read.",
        foreign: "They are not in a format this service recognises.", damaged: "They are damaged." }[s.unreadable.reason] ?? "";
      out.push(banner("store-unreadable", "Your saved answers could not be read",
        `The answers saved in this browser could not be read. ${why} They have been kept, and this service has started again without them. You can download them to keep them, or discard them.`,
        [["Download the unreadable answers", "store-download-unreadable"], ["Discard them", "store-discard-unreadable"]]));
    }
    if (s.saveFailed) {
      out.push(banner("store-not-saved", "Your answers could not be saved on this device",
        html`This browser’s storage is full or turned off. Your answers are kept on this page until you close or reload it. To keep them, use <a class="govuk-link" href="?page=download" data-action="download">Download your answers</a>.`));
    }
    return out.length ? twoThirds(out) : "";
  }
  const twoThirds = (inner) => html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${inner}</div></div>`;
  const summary = (errors) => C.errorSummary(errors.map((e) => ({ href: e.href ?? (e.field ? `#${e.field}` : null), text: e.text })));

  function formPage({ title, errors = [], inner, button = "Continue", after = "", back, noSaveBar }) {
    return {
      title, errors, back,
      body: twoThirds(html`${flashBanner()}${summary(errors)}
        <form novalidate data-form="page">${inner}${C.button(button)}</form>
        ${after}${noSaveBar ? "" : saveBar()}`),
    };
  }

  function startView() {
    const last = state.journey && state.last?.[state.journey];
    const saved = store.hasAnswers(state);
    return {
      title: SERVICE_NAME,
      body: twoThirds(html`<h1 class="govuk-heading-xl" tabindex="-1">${SERVICE_NAME}</h1>
    <p class="govuk-body-l">Use this service to check:</p>
    <ul class="govuk-list govuk-list--bullet">
      <li>which government intervention applies to a council's children's services, given its Ofsted inspections, and by when</li>
      <li>whether an organisation can sponsor a children's services trust, and what it still needs to do</li>
    </ul>
    <p class="govuk-body">It applies the rules published by government, with their sources:</p>
    <ul class="govuk-list govuk-list--bullet">${startRulesets().map((r) => html`<li>${r.title}, ${inForce(r)}</li>`)}</ul>
    <p class="govuk-body">It takes about 5 minutes. Everything runs on this device: nothing you enter is sent anywhere.</p>
    ${saved && last ? C.insetText(html`<p class="govuk-body">You have answers saved in this browser.</p>
      <p class="govuk-body"><a class="govuk-link" href="?page=${last}">Continue where you left off</a></p>`) : ""}
    ${C.button("Start now", { start: true, href: "?page=choose" })}
    <h2 class="govuk-heading-m">Before you start</h2>
    <p class="govuk-body">For a council, you will need the dates its Ofsted reports were published and their grades, and any monitoring or focused visits and concerns.</p>
    <p class="govuk-body">For an organisation, you will need its legal form, how many qualified social workers it employs, the Ofsted grades of any services it runs, and its income and reserves.</p>
    <h2 class="govuk-heading-m">Other things you can do</h2>
    <ul class="govuk-list">
      ${embed ? "" : html`<li><a class="govuk-link" href="?page=ofsted">Check every council from Ofsted’s published outcomes file</a></li>`}
      <li><a class="govuk-link" href="?page=upload">Upload answers you saved before</a></li>
      <li><a class="govuk-link" href="rules.html">Read the rules this service applies</a></li>
    </ul>`),
    };
  }

  function chooseView(p) {
    return formPage({
      title: "What do you want to check?", back: "./", errors: p.errors,
      inner: C.radios({ name: "journey", text: "What do you want to check?", heading: true, error: p.errors?.[0]?.text,
        items: [
          { value: "council", text: "Which intervention applies to a council", hint: "From its Ofsted inspections, visits and any concerns" },
          { value: "sponsor", text: "Whether an organisation can sponsor a children's services trust", hint: "A charity, company, expert team or council" },
          ...(embed ? [] : [{ value: "ofsted", text: "Every council’s intervention, from Ofsted’s published outcomes file", hint: "Choose the spreadsheet Ofsted publishes: it is read on this device" }]),
        ], value: p.raw?.value ?? state.journey }),
    });
  }

  function uploadView(p) {
    return formPage({
      title: "Upload your answers", back: "./", errors: p.errors, button: "Upload answers", noSaveBar: true,
      inner: C.fileUpload({ id: "answers-file", text: "Upload your answers", heading: true, accept: ".json,application/json",
        hintText: "A file you saved with ‘Download your answers’. Its answers replace those saved in this browser. The file stays on this device.",
        error: p.errors?.[0]?.text }),
    });
  }

  function startAgainView() {
    return {
      title: "Are you sure you want to start again?", back: state.journey && state.last?.[state.journey] ? `?page=${state.last[state.journey]}` : "./",
      body: twoThirds(html`<h1 class="govuk-heading-l" tabindex="-1">Are you sure you want to start again?</h1>
        <p class="govuk-body">This deletes all the answers saved in this browser. You cannot undo this.</p>
        <p class="govuk-body">If you want to keep them, <a class="govuk-link" href="?page=download" data-action="download">download your answers</a> first.</p>
        <form novalidate data-form="page"><div class="govuk-button-group">
          ${C.button("Yes, delete my answers", { warning: true })}
          <a class="govuk-link" href="${state.journey && state.last?.[state.journey] ? `?page=${state.last[state.journey]}` : "./"}">No, go back</a>
        </div></form>`),
    };
  }

  function downloadView() {
    return {
      title: "Download your answers", back: state.journey && state.last?.[state.journey] ? `?page=${state.last[state.journey]}` : "./",
      body: twoThirds(html`<h1 class="govuk-heading-l" tabindex="-1">Download your answers</h1>
        <p class="govuk-body">Save your answers as a file. You can upload it later, in this or another browser, to carry on.</p>
        ${C.button("Download your answers", { action: "download" })}`),
    };
  }

  function councilFileView(p) {
    return formPage({
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

  function questionView(jid, page, change, p) {
    const journey = J[jid].journey;
    const found = journey.def(page);
    const ctx = ctxFor(jid, page, change);
    const def = resolveDef(found.def, ctx);
    const errors = p.errors ?? [];
    const isItem = journey.listOfItemPage(def) && found.i !== null;
    const toCheck = change && !isItem && def.type !== "hub" && !def.side;
    const back = toCheck ? journey.check : journey.prev(page, ctx);
    const inner = def.custom ? def.render(ctx, { errors, raw: p.raw, journey }) : renderAnswer(def, ctx, { errors, raw: p.raw });
    return {
      ...formPage({
        title: call(def.title, ctx), errors, inner, after: def.extra?.(ctx) ?? "",
        back: href(back, change && back !== journey.check),
      }),
      enhance: def.enhance ? (el) => def.enhance(el, ctx, { errors }) : null,
    };
  }

  function checkView(jid, p) {
    const ctx = ctxFor(jid, J[jid].journey.check, false);
    const sections = J[jid].checkSections(ctx);
    const errors = p.errors ?? [];
    return {
      title: "Check your answers before you see the result", errors,
      back: href(J[jid].journey.prev(J[jid].journey.check, ctx)),
      body: twoThirds(html`${flashBanner()}${summary(errors)}
        <h1 class="govuk-heading-l" tabindex="-1">Check your answers before you see the result</h1>
        ${sections.map((s) => html`<h2 class="govuk-heading-m">${s.title}</h2>${C.summaryList(s.rows)}`)}
        <form novalidate data-form="page">${C.button("See the result")}</form>
        ${saveBar()}`),
    };
  }

  function resultView(jid) {
    const journey = J[jid].journey;
    const ctx = ctxFor(jid, journey.result, false);
    const res = assess(jid, ctx.a);
    const complete = journey.resume(ctx) === journey.check;
    if (!res.ok) {
      const e = errorFor(jid, res.error, ctx);
      if (e.page) {
        pending.set(e.page, { errors: [{ field: e.field, text: e.text }] });
        return { redirect: href(e.page, true) };
      }
      pending.set(journey.check, { errors: [{ text: e.text }] });
      return { redirect: href(journey.check) };
    }
    if (!complete && !(jid === "sponsor" && sponsorJourney.settled(ctx, res.value))) {
      return { redirect: href(journey.resume(ctx)) };
    }
    const view = jid === "council"
      ? councilResultView(res.value, { data: rules(), today, answers: ctx.a, councils: councilsData.loaded(), assessCouncils: engine.councils })
      : sponsorResult(res.value, { data: rules(), today, asked: (id) => sponsorJourney.criterionAsked(ctx, id) });
    return { ...view, back: href(journey.check) };
  }

  function notFoundView() {
    return {
      title: "Page not found",
      body: twoThirds(html`<h1 class="govuk-heading-l" tabindex="-1">Page not found</h1>
        <p class="govuk-body">If you typed the web address, check it is correct.</p>
        <p class="govuk-body"><a class="govuk-link" href="./">Go to the start</a></p>`),
    };
  }

  function viewFor(page, change) {
    const p = pending.get(page) ?? {};
    pending.delete(page);
    if (embed?.journey && (page === "start" || page === "choose")) {
      // Embedded, the element or frame is for one journey: straight to its first open question.
      const jid = embed.journey;
      const ctx = ctxFor(jid, "", false);
      return { redirect: href(Object.keys(ctx.a).length ? J[jid].journey.resume(ctx) : J[jid].journey.path(ctx)[0]) };
    }
    switch (page) {
      case "start": return startView();
      case "choose": return chooseView(p);
      case "upload": return uploadView(p);
      case "start-again": return startAgainView();
      case "download": return downloadView();
      case "ofsted": case "ofsted/councils": return embed ? notFoundView() : ofstedPage.view(page, p, ofstedApi);
      default: break;
    }
    const jid = page.split("/")[0];
    if (!J[jid]) return notFoundView();
    const journey = J[jid].journey;
    const ctx = ctxFor(jid, page, change);
    if (!journey.def(page)) return notFoundView();
    if (page === journey.result) return resultView(jid);
    if (page === journey.check) {
      if (Object.keys(ctx.a).length === 0) return { redirect: href(journey.resume(ctx)) };
      return checkView(jid, p);
    }
    if (!journey.available(page, ctx)) return { redirect: href(journey.resume(ctx)) };
    if (page === "council/file") return councilFileView(p);
    return questionView(jid, page, change, p);
  }

  // --------------------------------------------------------------------------------------------
  // Painting a view: title, back link, content, GOV.UK Frontend components, focus.

  function paint(view, { focus }) {
    const suffix = view.title === SERVICE_NAME ? "" : ` - ${SERVICE_NAME}`;
    if (!embed) document.title = `${view.errors?.length ? "Error: " : ""}${view.title}${suffix}`;
    // Embedded, the journey is the whole service: no back link to a start page it does not show.
    const back = embed?.journey && (view.back === "./" || view.back === "?page=choose") ? null : view.back;
    before.innerHTML = back ? String(C.backLink(back)) : "";
    app.innerHTML = String(storeBanners(route().page)) + String(view.body);
    firstPaint = false;
    focusAlert(app);
    if (embed) linksOutside(app, embed);
    app.querySelector("form[data-form]")?.addEventListener("submit", onSubmit);
    view.enhance?.(app);
    if (!view.errors?.length && focus) {
      if (!embed) window.scrollTo(0, 0);
      else if (marks.getBoundingClientRect().top < 0) marks.scrollIntoView();
      app.querySelector("h1")?.focus({ preventScroll: !!embed });
    }
    marks.dataset.page = route().page;
    marks.dataset.painted = String(Number(marks.dataset.painted ?? 0) + 1);
  }

  function render({ focus = true } = {}) {
    for (let hops = 0; hops < 5; hops++) {
      lastSearch = router.search();
      const { page, change } = route();
      if (!embed && !ofstedPage && OFSTED_PAGES.includes(page)) {
        // Shown once its module is in (the page shown until then stays).
        loadOfstedPage().then(() => render({ focus }), (e) => { console.error(e); paint(problemView(), { focus }); });
        return;
      }
      let view;
      try {
        view = viewFor(page, change);
      } catch (e) {
        console.error(e);
        view = problemView();
      }
      if (view.redirect) {
        router.set(view.redirect, { replace: true });
        continue;
      }
      const jid = page.split("/")[0];
      if (jid === "council" && !councilsData.loaded() && !councilsData.unavailable()) {
        // Ofsted's data for the picker and the result (loaded when the journey starts, not by the
        // start page): the result is shown again once it is in.
        councilsData.load().then((d) => { if (d && route().page === councilJourney.journey.result) render({ focus: false }); });
      }
      if (J[jid] && page !== state.last?.[jid]) {
        state = { ...state, journey: jid, last: { ...state.last, [jid]: page } };
        store.save(state);
      }
      paint(view, { focus });
      return;
    }
    paint(problemView(), { focus });
  }

  function problemView() {
    return {
      title: "Sorry, there is a problem with the service",
      body: twoThirds(html`<h1 class="govuk-heading-l" tabindex="-1">Sorry, there is a problem with the service</h1>
        <p class="govuk-body">Your answers are still saved in this browser. Try again later, or <a class="govuk-link" href="./">go to the start</a>.</p>
        <p class="govuk-body">You can read <a class="govuk-link" href="rules.html">the rules this service applies</a>.</p>`),
    };
  }

  function showErrors(page, errors, raw) {
    pending.set(page, { errors, raw });
    render();
  }

  // --------------------------------------------------------------------------------------------
  // Submitting a page.

  async function onSubmit(ev) {
    ev.preventDefault();
    if (busy) return;
    busy = true;
    try {
      await submit(ev.currentTarget);
    } catch (e) {
      console.error(e);
      paint(problemView(), { focus: true });
    } finally {
      busy = false;
    }
  }

  async function submit(form) {
    const { page, change } = route();
    if (page === "choose") {
      const v = new FormData(form).get("journey");
      if (v === "ofsted" && !embed) return go("ofsted");
      if (v !== "council" && v !== "sponsor") return showErrors(page, [{ field: "journey", text: "Select what you want to check" }]);
      state = { ...state, journey: v };
      store.save(state);
      const ctx = ctxFor(v, "", false);
      return go(Object.keys(ctx.a).length ? J[v].journey.resume(ctx) : J[v].journey.path(ctx)[0]);
    }
    if (page === "start-again") {
      store.clear();
      state = store.load();
      flash = null;
      return go("start");
    }
    if (page === "upload") return submitUpload(form);
    if (page === "council/file") return submitCouncilFile(form);
    if (page === "ofsted") return ofstedPage.submit(form, ofstedApi);

    const jid = page.split("/")[0];
    const journey = J[jid].journey;
    const ctx = ctxFor(jid, page, change);
    if (page === journey.check) return submitCheck(jid, ctx);

    const found = journey.def(page);
    const def = resolveDef(found.def, ctx);
    let a, raw, next, keepChange = false, noProbe = false;
    if (def.custom) {
      const r = await def.submit(form, ctx, journey);
      if (r.errors) return showErrors(page, r.errors, r.raw);
      ({ a, go: next } = r);
      raw = r.raw;
      keepChange = !!r.keepChange;
      noProbe = !!r.noProbe;
    } else {
      raw = readForm(def, form);
      const parsed = parseAnswer(def, raw, ctx);
      if (parsed.errors) return showErrors(page, parsed.errors, raw);
      a = structuredClone(ctx.a);
      def.set({ ...ctx, a }, parsed.value);
    }
    // The engine checks the answers so far; an error about this page's answer is shown here.
    const res = assess(jid, a, { probe: true });
    if (!res.ok && !noProbe) {
      const e = errorFor(jid, res.error, { ...ctx, a });
      if (e.page === page) return showErrors(page, [{ field: e.field, text: e.text }], raw);
    }
    const nctx = { ...ctx, a };
    if (!next) next = journey.next(page, nctx, change);
    if (jid === "sponsor" && !change && res.ok && sponsorJourney.settled(nctx, res.value)) next = journey.result;
    saveAnswers(jid, a, page);
    go(next, { change: (change || (keepChange && change)) && next !== journey.check && next !== journey.result });
  }

  function submitCheck(jid, ctx) {
    const journey = J[jid].journey;
    const open = journey.resume(ctx);
    if (open !== journey.check) {
      const f = journey.def(open);
      const title = f ? call(resolveDef(f.def, { ...ctx, i: f.i }).title, { ...ctx, i: f.i }) : open;
      return showErrors(journey.check, [{ href: href(open, true), text: `Answer the question ‘${title}’` }]);
    }
    const res = assess(jid, ctx.a);
    if (!res.ok) {
      const e = errorFor(jid, res.error, ctx);
      if (!e.page) return showErrors(journey.check, [{ text: e.text }]);
      pending.set(e.page, { errors: [{ field: e.field, text: e.text }] });
      return go(e.page, { change: true });
    }
    return go(journey.result);
  }

  async function fileText(form, id, noneText, maxBytes, tooBig) {
    const file = form.querySelector(`#${id}`)?.files?.[0];
    if (!file) return { error: noneText };
    if (file.size > maxBytes) return { error: tooBig };
    try { return { file, text: await file.text() }; } catch { return { error: "The selected file could not be read. Try again." }; }
  }

  async function submitUpload(form) {
    const f = await fileText(form, "answers-file", "Select a file of answers", 2_000_000, "The selected file must be smaller than 2 MB");
    if (f.error) return showErrors("upload", [{ field: "answers-file", text: f.error }]);
    const r = files.readAnswersFile(f.text, {
      fromCouncil: (x) => councilJourney.fromInput(x, { withDate: true }),
      fromSponsor: (x) => sponsorJourney.fromInput(x),
    });
    if (r.error) return showErrors("upload", [{ field: "answers-file", text: r.error }]);
    let next;
    if (r.engineInput) {
      const res = r.journey === "council" ? engine.council(r.engineInput) : engine.sponsor(r.engineInput);
      if (!res.ok) return showErrors("upload", [{ field: "answers-file", text: `The selected file has a problem: ${formatDatesIn(engine.cleanMessage(res.error))} (at ‘${res.error.path}’)` }]);
      next = { ...state, journey: r.journey, [r.journey]: r.answers };
    } else {
      for (const j of ["council", "sponsor"]) {
        if (!Object.keys(r.state[j]).length) continue;
        const res = assess(j, r.state[j], { probe: true });
        if (!res.ok) return showErrors("upload", [{ field: "answers-file", text: `The selected file has a problem: ${formatDatesIn(engine.cleanMessage(res.error))}` }]);
      }
      next = { ...state, ...r.state };
    }
    state = { ...next, last: {} };
    store.save(state);
    flash = `Your answers from ${f.file.name} have been uploaded`;
    const jid = state.journey;
    const ctx = ctxFor(jid, "", false);
    const resume = J[jid].journey.resume(ctx);
    return go(Object.keys(ctx.a).length ? resume : J[jid].journey.path(ctx)[0]);
  }

  async function submitCouncilFile(form) {
    const page = "council/file";
    const f = await fileText(form, "file", "Select a file of council histories", 5_000_000, "The selected file must be smaller than 5 MB");
    if (f.error) return showErrors(page, [{ field: "file", text: f.error }]);
    const r = files.readCouncilList(f.text);
    if (r.error) return showErrors(page, [{ field: "file", text: r.error }]);
    const res = engine.councils(r.councils.map((x) => ({ ...x, asOf: x.asOf ?? today })));
    if (!res.ok) {
      const m = /^\[(\d+)\]\.?(.*)$/.exec(res.error.path);
      const k = m ? Number(m[1]) : null;
      const name = k !== null ? r.councils[k]?.council?.name : null;
      const where = k !== null ? `council ${k + 1}${name ? ` (${name})` : ""}` : "it";
      return showErrors(page, [{ field: "file", text: `The selected file has a problem in ${where}: ${formatDatesIn(engine.cleanMessage({ ...res.error, path: res.error.path }))}` }]);
    }
    const councils = r.councils.map((input, k) => ({
      label: input.council?.name ? `${input.council.name}${input.council.code ? ` (${input.council.code})` : ""}` : `Council ${k + 1} (no name)`,
      input,
    })).sort((x, y) => x.label.localeCompare(y.label, "en-GB"));
    store.saveList({ fileName: f.file.name, councils });
    return go("council/pick");
  }

  // --------------------------------------------------------------------------------------------
  // Links and buttons.

  root.addEventListener("click", (ev) => {
    const el = ev.target.closest?.("a, button");
    if (!el || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const action = el.dataset.action;
    if (action === "print") { ev.preventDefault(); window.print(); return; }
    if (embed && el.tagName === "A" && el.getAttribute("href")?.startsWith("#")) {
      // An error summary's link to its field (GOV.UK Frontend's looks in the document only).
      const target = root.getElementById(el.getAttribute("href").slice(1));
      if (target) { ev.preventDefault(); target.focus(); target.scrollIntoView({ block: "center" }); }
      return;
    }
    if (el.tagName === "A" && el.closest(".govuk-error-summary") && el.getAttribute("href")?.startsWith("#")) {
      // As GOV.UK Frontend's error summary does: the question (its legend or label) scrolled to
      // the top, the field focused.
      const target = root.getElementById(el.getAttribute("href").slice(1));
      if (!target) return;
      ev.preventDefault();
      const legend = target.closest("fieldset")?.querySelector("legend");
      const label = root.querySelector(`label[for="${CSS.escape(target.id)}"]`);
      (legend ?? label ?? target).scrollIntoView();
      target.focus({ preventScroll: true });
      return;
    }
    if (action === "download") {
      ev.preventDefault();
      files.download(`trust-eligibility-answers-${today}.json`, files.answersFile(state, today));
      return;
    }
    if (action?.startsWith("store-")) {
      ev.preventDefault();
      if (action === "store-download-unreadable") {
        const u = store.status().unreadable;
        if (u) files.download(`trust-eligibility-unreadable-answers-${today}.txt`, u.text, "text/plain");
        return;
      }
      if (action === "store-discard-unreadable") { store.discardUnreadable(); flash = "The unreadable answers have been deleted"; }
      if (action === "store-use-other") state = store.resolveElsewhere("theirs");
      if (action === "store-keep-mine") state = store.resolveElsewhere("mine");
      render();
      return;
    }
    if (action === "ofsted-council") { ev.preventDefault(); ofstedPage.openCouncil(el, ofstedApi); return; }
    if (action === "sponsor-from-council") {
      ev.preventDefault();
      const c = state.council ?? {};
      const s = { kind: "local_authority", name: c.name, ownInspections: structuredClone(c.inspections ?? []), ownInspectionsDone: true };
      if (c.asOfChoice) { s.asOfChoice = c.asOfChoice; if (c.asOf) s.asOf = c.asOf; }
      state = { ...state, journey: "sponsor", sponsor: s };
      store.save(state);
      go(sponsorJourney.journey.resume(ctxFor("sponsor", "", false)));
      return;
    }
    if (el.tagName === "A") {
      const h = el.getAttribute("href") ?? "";
      if (h.startsWith("?page=") || h === "./") {
        ev.preventDefault();
        router.set(h, { replace: false });
        render();
      }
    }
  });

  async function boot() {
    root.addEventListener("change", exclusiveCheckboxes);
    root.addEventListener("keydown", spaceOnLinkButtons);
    try {
      await engine.start();
    } catch (e) {
      console.error(e);
      paint(problemView(), { focus: false });
      return;
    }
    today = todayIso();
    render({ focus: false });
    marks.dataset.ready = "true";
    // The start page is shown without the engine's ruleset data; read it now, in a task of its
    // own, so the next page does not wait for it (any page that needs it first reads it itself).
    setTimeout(() => { try { rules(); } catch (e) { console.error(e); } }, 0);
  }

  /** The router's address changed from outside (the browser's back button): show that page. */
  function changed() {
    // A fragment link (skip link, task list) changes the URL but not the page: leave it alone.
    if (router.search() !== lastSearch) render();
  }

  return { boot, changed };
}
