// The full page (index.html): the app in the document, addressed as ?page=… with the history
// API so the browser's back button works. The app itself is app.js; the embeds run the same app
// in a shadow root (embed/trust-eligibility-check.js).
import { createApp } from "./app.js";
import { registerServiceWorker } from "./offline.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
// The skip link moves focus to the main content, as GOV.UK Frontend's does.
document.querySelector(".govuk-skip-link")?.addEventListener("click", (ev) => {
  const target = document.getElementById(/** @type {HTMLAnchorElement} */ (ev.currentTarget).hash.slice(1));
  if (!target) return;
  target.tabIndex = -1;
  target.classList.add("govuk-skip-link-focused-element");
  target.addEventListener("blur", () => {
    target.removeAttribute("tabindex");
    target.classList.remove("govuk-skip-link-focused-element");
  }, { once: true });
  target.focus();
});

const app = createApp({
  root: document,
  app: document.getElementById("app"),
  before: document.getElementById("before-content"),
  marks: document.body,
  router: {
    search: () => location.search,
    set: (u, { replace }) => (replace ? history.replaceState({}, "", u) : history.pushState({}, "", u)),
  },
});
window.addEventListener("popstate", () => app.changed());
app.boot();
// After the page has loaded and is idle: the worker's precache then finds the page's files in the
// HTTP cache rather than fetching them a second time (see build/sw.mjs), and never competes
// with the first view or the engine.
registerServiceWorker(new URL("../", import.meta.url), { afterLoad: true });
