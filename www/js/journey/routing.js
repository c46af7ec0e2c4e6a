// Addresses and going between pages: one question per page, addressed as ?page=… (the full page
// keeps it in the address bar, an embed in the element). render() shows the page the address
// names, following redirects; a page that needs the engine waits for it (the start page, the
// choice of journey and the pages about saved answers never do).
import * as engine from "../engine/engine.js";
import { href } from "./common.js";
import { viewFor, problemView } from "./views.js";
import * as councilsData from "../council/councils-data.js";

/** Pages shown without the engine: nothing on them asks it anything. */
export const WITHOUT_ENGINE = ["start", "choose", "upload", "start-again", "download", "checked"];
const OFSTED_PAGES = ["ofsted", "ofsted/councils"];

export function createRouting(A) {
  const { router } = A.env;

  const url = (page, change) => (page === "start" ? "./" : href(page, change));
  function route() {
    const p = new URLSearchParams(router.search());
    return { page: p.get("page") || "start", change: p.get("change") === "1" };
  }
  function go(page, { change = false, replace = false } = {}) {
    router.set(url(page, change), { replace });
    render();
  }

  function render({ focus = true } = {}) {
    for (let hops = 0; hops < 5; hops++) {
      A.lastSearch = router.search();
      const { page, change } = route();
      // Embedded for one journey, the start page is its first question.
      const needsEngine = !WITHOUT_ENGINE.includes(page) || (A.embed?.journey && (page === "start" || page === "choose"));
      if (!engine.isReady() && needsEngine) {
        // Shown once the engine is in (the page shown until then stays).
        A.startEngine().then(() => render({ focus }), (e) => { console.error(e); A.paint(problemView(), { focus }); });
        return;
      }
      if (!A.embed && !A.ofstedPage && OFSTED_PAGES.includes(page)) {
        // Shown once its module is in (the page shown until then stays).
        A.loadOfstedPage().then(() => render({ focus }), (e) => { console.error(e); A.paint(problemView(), { focus }); });
        return;
      }
      let view;
      try {
        view = viewFor(A, page, change);
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
        councilsData.load().then((d) => { if (d && route().page === A.J.council.journey.result) render({ focus: false }); });
      }
      if (A.J[jid] && page !== A.state.last?.[jid]) {
        A.state = { ...A.state, journey: jid, last: { ...A.state.last, [jid]: page } };
        A.store.save(A.state);
      }
      A.paint(view, { focus });
      return;
    }
    A.paint(problemView(), { focus });
  }

  /** The router's address changed from outside (the browser's back button): show that page. */
  function changed() {
    // A fragment link (skip link, task list) changes the URL but not the page: leave it alone.
    if (router.search() !== A.lastSearch) render();
  }

  return { url, route, go, render, changed };
}
