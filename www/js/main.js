// The full page (index.html): the app in the document, addressed as ?page=… with the history
// API so the browser's back button works. The app itself is app.js; the embeds run the same app
// in a shadow root (embed/trust-eligibility-check.js).
import { createAll, SkipLink } from "../govuk/govuk-frontend.min.js";
import { createApp } from "./app.js";
import { registerServiceWorker } from "./offline.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
createAll(SkipLink, undefined, document.body);

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
registerServiceWorker(new URL("../", import.meta.url));
