// The GOV.UK Frontend components the pages use (the data-module values in components.js,
// app.js and chrome.js), and only those: the bundle (www/build-js.mjs) leaves the rest of
// GOV.UK Frontend's JavaScript out. Embedded, none of them runs (see enhanceEmbedded in app.js).
import { createAll, Button, Checkboxes, ErrorSummary, NotificationBanner, Radios, SkipLink } from "govuk-frontend";

const IN_PAGES = [Button, Checkboxes, ErrorSummary, NotificationBanner, Radios];

/** What initAll({ scope }) did for the app's pages: the components in scope. */
export function enhance(scope) {
  for (const Component of IN_PAGES) createAll(Component, undefined, scope);
}

/** The full page's skip link (in index.html, outside the app). */
export function enhanceSkipLink(body) {
  createAll(SkipLink, undefined, body);
}
