// Starting the app: the first view is painted at once (the start page needs nothing from the
// engine: the rulesets' titles come with the bundle), and the engine's WebAssembly is fetched
// and compiled only after that first paint, in a task of its own, so that a journey started
// later does not wait for it either. A page that needs the engine (a question, a result, the
// page an address names on a reload) waits for it (routing.js). The page for Ofsted's file is
// a module of its own, imported the first time it is shown.
import { html } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import * as engine from "../engine/engine.js";
import { parseDateParts, isoToParts, todayIso } from "./dates.js";
import { formatDate, gradeLabel, GRADES, DATE_KINDS, daysInWords, inForce } from "../engine/wording.js";
import * as store from "./store.js";
import { recordId } from "./store.js";
import { listen } from "../govuk/govuk-behaviours.js";
import { possiblePartners } from "../results/partners.js";
import { useEngineMatcher } from "../council/councils-data.js";

/** Once the page's first contents are on the screen (the browser's first-contentful-paint
 *  entry), or, where the browser does not report it, two frames and half a second on. */
export function afterFirstPaint(f) {
  let done = false;
  const go = () => { if (!done) { done = true; setTimeout(f, 0); } };
  try {
    if (performance.getEntriesByName("first-contentful-paint").length) { go(); return; }
    new PerformanceObserver((list, observer) => { observer.disconnect(); go(); }).observe({ type: "paint", buffered: true });
  } catch { /* no paint timing: the fallback below */ }
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(go, 500)));
}

export function boot(A) {
  listen(A.env.root);
  A.startEngine = () => engine.start().then(() => {
    A.today = todayIso();
    useEngineMatcher(engine.nameMatcher());
    // The ruleset data, read in a task of its own (any page that needs it first reads it itself).
    setTimeout(() => { try { A.rules(); } catch (e) { console.error(e); } }, 0);
    // The browser's English number and sorting data, loaded on their first use (tens of
    // milliseconds on a phone): loaded now, while the user reads, not when a result is painted.
    setTimeout(() => { new Intl.NumberFormat("en-GB").format(1); new Intl.Collator("en-GB").compare("a", "b"); }, 0);
  });
  connectOfstedPage(A);
  A.today = todayIso();
  A.render({ focus: false });
  afterFirstPaint(() => A.startEngine().catch((e) => {
    // Offline on a first visit: the start page stays; a journey tries again when it starts.
    console.error(e);
  }));
}

// Every council from Ofsted's file (ofsted-page.js, full page only), and what it may do here.
// Like Ofsted's reader, the page is not precached: the service worker keeps it once it has been
// used.
function connectOfstedPage(A) {
  A.ofstedPage = null;
  let loading = null;
  A.ofstedApi = {
    today: () => A.today, data: A.rules, go: (page) => A.go(page),
    // The engine's batch function, throwing as the wasm export does (the page catches).
    assessCouncils: (inputs) => { const r = engine.councils(inputs); if (!r.ok) throw Object.assign(new Error(r.error.message), r.error); return r.value; },
    showErrors: (page, errors, raw) => A.showErrors(page, errors, raw),
    // A council checked before keeps its saved answers (saveAnswers brings them back); the
    // council this tab was on stays saved as it was.
    openCouncil: (a) => {
      if (A.store.current("council") !== recordId("council", a)) A.state = A.store.open("council", "");
      A.saveAnswers("council", a, A.J.council.journey.result);
      A.go(A.state.last?.council ?? A.J.council.journey.result);
    },
  };
  A.loadOfstedPage = () => {
    loading ??= import("../ofsted/ofsted-page.js").then((m) => {
      m.connect({ html, C, store, parseDateParts, isoToParts, formatDate, gradeLabel, GRADES, DATE_KINDS, daysInWords, inForce,
        fromInput: A.J.council.fromInput, possiblePartners });
      m.listen(A.env.root, A.ofstedApi);
      A.ofstedPage = m;
    }, (e) => { loading = null; throw e; });
    return loading;
  };
}
