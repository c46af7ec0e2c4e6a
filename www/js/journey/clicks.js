// Links and buttons in the app: links to another of its pages (no reload), printing, the
// download, the banners' choices about saved answers, and the actions of result pages.
import { errorSummaryLink } from "../govuk/govuk-behaviours.js";
import { download, storeAction } from "./saving.js";
import { recordId } from "./store.js";
import { CODES } from "../engine/vocabulary.js";

export function onClick(A, ev) {
  const el = ev.target.closest?.("a, button");
  if (!el || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const action = el.dataset.action;
  if (action === "print") { ev.preventDefault(); window.print(); return; }
  if (errorSummaryLink(ev, el, A.env.root, !!A.embed)) return;
  if (action === "download") { ev.preventDefault(); download(A); return; }
  if (action?.startsWith("store-")) { ev.preventDefault(); storeAction(A, action, el); return; }
  if (action === "ofsted-council") { ev.preventDefault(); A.ofstedPage.openCouncil(el, A.ofstedApi); return; }
  if (action === "sponsor-from-council") {
    ev.preventDefault();
    const c = A.state.council ?? {};
    const s = { kind: CODES.orgKind.localAuthority, name: c.name, ownInspections: structuredClone(c.inspections ?? []), ownInspectionsDone: true };
    if (c.asOfChoice) { s.asOfChoice = c.asOfChoice; if (c.asOf) s.asOf = c.asOf; }
    // An organisation checked before keeps its answers (saveAnswers); the one this tab was on too.
    if (A.store.current("sponsor") !== recordId("sponsor", s)) A.state = A.store.open("sponsor", "");
    A.saveAnswers("sponsor", s, A.state.last?.sponsor ?? "sponsor/kind");
    A.go(A.J.sponsor.journey.resume(A.ctxFor("sponsor", "", false)));
    return;
  }
  if (el.tagName === "A") {
    const h = el.getAttribute("href") ?? "";
    if (h.startsWith("?page=") || h === "./") {
      ev.preventDefault();
      A.env.router.set(h, { replace: false });
      A.render();
    }
  }
}
