// Answers saved as the user goes (store.js keeps each council's and organisation's answers under
// a key of their own), the councils and organisations checked in this browser, and what the
// page says about them: answers that could not be read (kept, offered for download), answers
// that cannot be saved (said on every page while it lasts, with the download), and an answer
// on this page changed in another tab (theirs or mine, the user's choice; every other answer
// from either tab is kept).
import { html } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import * as files from "./files.js";
import { recordId } from "./store.js";

/** Saves a journey's answers. Answers for a council (or organisation) checked before, not the
 *  one this tab is on, bring back what was saved for it rather than replace it. Returns false
 *  when they did (the page to go to is then that record's own). */
export function saveAnswers(A, jid, a, page) {
  const id = recordId(jid, a);
  if (id && id !== A.store.current(jid) && A.store.has(jid, id)) {
    A.state = A.store.open(jid, id);
    A.flash = `You have checked ${a.name ?? "this"} before: these are the answers you saved`;
    return false;
  }
  A.state = { ...A.state, journey: jid, [jid]: a, last: { ...A.state.last, [jid]: page } };
  A.store.save(A.state);
  return true;
}

/** What a record is about, in words: "which intervention applies to Devon". */
export function aboutRecord(jid, name) {
  return jid === "council"
    ? `which intervention applies to ${name || "a council"}`
    : `whether ${name || "an organisation"} can sponsor a children's services trust`;
}

const CHECKED = { council: ["Councils you have checked", "Check another council"], sponsor: ["Organisations you have checked", "Check another organisation"] };

/** The councils and organisations checked in this browser, each a link back to it (GOV.UK
 *  summary list), and a link to start another. */
export function checkedLists(A, { headingLevel = 2 } = {}) {
  const h = `h${Math.min(6, headingLevel)}`;
  return A.store.journeys.map((jid) => {
    const list = A.store.checked(jid).filter((r) => r.name);
    if (!list.length) return "";
    const journey = A.J[jid].journey;
    return html`<${h} class="govuk-heading-m">${CHECKED[jid][0]}</${h}>
      <dl class="govuk-summary-list">${list.map((r) => html`<div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">${r.name}</dt>
        <dd class="govuk-summary-list__value">${r.current ? "Open in this tab. " : ""}${r.last === journey.result ? "Result seen" : "Not finished"}</dd>
        <dd class="govuk-summary-list__actions"><a class="govuk-link" href="?page=${r.last ?? journey.check}" data-action="store-open" data-journey="${jid}" data-record="${r.id}">Go to<span class="govuk-visually-hidden"> ${r.name}</span></a></dd>
      </div>`)}</dl>
      <p class="govuk-body"><a class="govuk-link" href="?page=${journey.path({ a: {}, data: null })[0]}" data-action="store-new" data-journey="${jid}">${CHECKED[jid][1]}</a></p>`;
  });
}

export function saveBar(A) {
  const others = A ? A.store.journeys.some((j) => A.store.checked(j).some((r) => r.name && !r.current)) : false;
  return html`<div class="app-no-print govuk-!-margin-top-8">
    <h2 class="govuk-heading-s">Your answers</h2>
    <p class="govuk-body">Your answers are saved in this browser as you go. You can <a class="govuk-link" href="?page=download" data-action="download">download your answers</a> to keep them or to use them on another device, or <a class="govuk-link" href="?page=start-again">start again</a>.</p>
    ${others ? html`<p class="govuk-body"><a class="govuk-link" href="?page=checked">Go back to a council or organisation you have checked</a></p>` : ""}
  </div>`;
}

export function flashBanner(A) {
  const f = A.flash;
  A.flash = null;
  return f ? C.notificationBanner(f, { success: true }) : "";
}

/** A GOV.UK notification banner (role=region) with a heading, words and action buttons. */
const banner = (id, heading, body, actions = []) => html`<div class="govuk-notification-banner" role="region" aria-labelledby="${id}-title" data-module="govuk-notification-banner">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="${id}-title">Important</h2></div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">${heading}</p>
      <p class="govuk-body">${body}</p>
      ${actions.length ? html`<div class="govuk-button-group">${actions.map(([text, action]) => html`<button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" data-action="${action}">${text}</button>`)}</div>` : ""}
    </div>
  </div>`;
const twoThirds = (inner) => html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${inner}</div></div>`;

function elsewhereBanner() {
  return banner("store-elsewhere", "Your answers were changed in another tab",
    "An answer on this page was changed in another tab or window. Every other answer from both is kept. Choose which answer to keep here.",
    [["Use the other tab’s answers", "store-use-other"], ["Keep mine", "store-keep-mine"]]);
}

/** Whether the page shown is one of this journey's, with an answer both tabs changed or an
 *  answer the other tab changed under it. */
function elsewhereHere(A, page) {
  const jid = page.split("/")[0];
  if (!A.J[jid]) return false;
  if (A.elsewhere && A.elsewhere.page === page) return true;
  return Object.keys(A.store.status().conflicts[jid] ?? {}).length > 0;
}

/** What the page must say about the answers saved in this browser. */
export function storeBanners(A, page) {
  const s = A.store.status();
  const out = [];
  if (elsewhereHere(A, page)) out.push(elsewhereBanner());
  if (s.unreadable && (page === "start" || A.firstPaint || (A.embed?.journey && A.firstPaint))) {
    const reason = s.unreadable[0].reason;
    const why = { newer: "They were saved by a newer version of this service, which this version cannot read.",
      foreign: "They are not in a format this service recognises.", damaged: "They are damaged." }[reason] ?? "";
    out.push(banner("store-unreadable", "Your saved answers could not be read",
      `The answers saved in this browser could not be read. ${why} They have been kept, and this service has started again without them. You can download them to keep them, or discard them.`,
      [["Download the unreadable answers", "store-download-unreadable"], ["Discard them", "store-discard-unreadable"]]));
  }
  if (s.saveFailed && s.blocked) {
    // Most often a frame on another site whose browser blocks that site's storage.
    out.push(banner("store-not-saved", "Your answers cannot be kept here",
      html`This browser does not let this checker save answers ${A.embed ? "on this page" : "on this device"}. Your answers are kept on this page until you close or reload it. To keep them, <a class="govuk-link" href="?page=download" data-action="download">download your answers</a>.`));
  } else if (s.saveFailed) {
    out.push(banner("store-not-saved", "Your answers could not be saved on this device",
      html`This browser’s storage is full. Your answers are kept on this page until you close or reload it. To keep them, use <a class="govuk-link" href="?page=download" data-action="download">Download your answers</a>.`));
  }
  return out.length ? twoThirds(out) : "";
}

/** The page's answer (what its question shows) in a journey's answers. */
function pageAnswer(A, jid, page, a) {
  const found = A.J[jid].journey.def(page);
  if (!found?.def.get) return undefined;
  const ctx = { ...A.ctxFor(jid, page, false), a, i: found.i };
  return JSON.stringify(A.resolveDef(found.def, ctx).get(ctx) ?? null);
}

/** Another tab saved this scope's answers of a journey: they are merged in (store.js). If that
 *  changed the answer on the page shown, or both tabs changed the same answer, say so on this
 *  page now, without repainting it (which would lose what is typed). A check answers or result
 *  page is shown again with the merged answers. */
export function changedElsewhere(A, { journey: jid, before, state }) {
  A.state = { ...A.state, [jid]: state[jid] };
  const { page } = A.route();
  if (!page.startsWith(`${jid}/`)) return;
  const journey = A.J[jid].journey;
  if (page === journey.check || page === journey.result) { A.render({ focus: false }); return; }
  let changedHere = false;
  try { changedHere = pageAnswer(A, jid, page, before[jid] ?? {}) !== pageAnswer(A, jid, page, state[jid]); } catch { changedHere = false; }
  if (changedHere) A.elsewhere = { journey: jid, page, before: before[jid] ?? {} };
  if (elsewhereHere(A, page) && !A.env.app.querySelector("#store-elsewhere-title")) {
    A.env.app.insertAdjacentHTML("afterbegin", String(twoThirds(elsewhereBanner())));
  }
}

/** "Use the other tab’s answers" / "Keep mine" for the page shown. */
function chooseElsewhere(A, choice) {
  const { page } = A.route();
  const jid = page.split("/")[0];
  const e = A.elsewhere?.page === page ? A.elsewhere : null;
  A.elsewhere = null;
  if (!A.J[jid]) return;
  A.state = A.store.resolve(jid, choice);
  if (choice === "theirs") { A.render(); return; }
  // Mine: this page's answer as it was before the other tab changed it (what the page shows).
  if (e) {
    const found = A.J[jid].journey.def(page);
    const a = structuredClone(A.state[jid]);
    const ctx = { ...A.ctxFor(jid, page, false), i: found.i };
    const def = A.resolveDef(found.def, ctx);
    const mine = def.get({ ...ctx, a: e.before });
    // Nothing of mine to keep (the question was not answered here): theirs stays saved, and
    // what this page shows is saved when it is submitted.
    if (mine !== undefined && mine !== null) {
      try { def.set({ ...ctx, a }, mine); } catch { /* an item that no longer exists: nothing to put back */ }
    }
    A.state = { ...A.state, [jid]: a };
    A.store.save(A.state);
  }
  A.env.app.querySelector("#store-elsewhere-title")?.closest(".govuk-grid-row")?.remove();
  A.env.app.querySelector(`h${A.embed?.headingLevel ?? 1}`)?.focus();
}

export function download(A) {
  files.download(`trust-eligibility-answers-${A.today}.json`, files.answersFile(A.state, A.today));
}

/** The buttons of the banners above (data-action="store-…"). */
export function storeAction(A, action, el = null) {
  if (action === "store-download-unreadable") {
    const u = A.store.status().unreadable;
    if (u) {
      const text = u.length === 1 ? u[0].text : JSON.stringify(Object.fromEntries(u.map((x) => [x.key, x.text])), null, 2);
      files.download(`trust-eligibility-unreadable-answers-${A.today}.txt`, text, "text/plain");
    }
    return;
  }
  if (action === "store-discard-unreadable") {
    A.store.discardUnreadable();
    A.flash = "The unreadable answers have been deleted";
    A.render();
    return;
  }
  if (action === "store-open" || action === "store-new") {
    A.elsewhere = null;
    const jid = el?.dataset.journey;
    if (!A.J[jid] || !A.store.journeys.includes(jid)) return;
    A.state = A.store.open(jid, action === "store-open" ? el.dataset.record : "");
    const j = A.J[jid].journey;
    A.go(action === "store-new" ? j.path({ a: {}, data: null })[0] : A.state.last?.[jid] ?? j.check);
    return;
  }
  if (action === "store-use-other") chooseElsewhere(A, "theirs");
  if (action === "store-keep-mine") chooseElsewhere(A, "mine");
}
