// The page furniture shared by the app shell (index.html) and the generated rules page:
// GOV.UK Frontend's skip link, generic header, phase banner and footer, and the strict CSP.
import { html, raw } from "./html.js";
import { SERVICE_NAME } from "../engine/wording.js";

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "object-src 'none'; base-uri 'none'";

export function head(title) {
  return html`<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" sizes="48x48" href="assets/images/favicon.ico">
<link rel="icon" sizes="any" href="assets/images/favicon.svg" type="image/svg+xml">
<link rel="manifest" href="manifest.webmanifest">
<link rel="stylesheet" href="dist/checker.css">`;
}

export function header() {
  return html`<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="govuk-template__header">
  <div class="govuk-generic-header">
    <div class="govuk-generic-header__container govuk-width-container">
      <div class="govuk-generic-header__logo">
        <a href="./" class="govuk-generic-header__homepage-link">${SERVICE_NAME}</a>
      </div>
    </div>
  </div>
</header>`;
}

export function phaseBanner() {
  return html`<div class="govuk-phase-banner">
  <p class="govuk-phase-banner__content">
    <strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
    <span class="govuk-phase-banner__text">This is a new service. It runs on your device: nothing you enter is sent anywhere.</span>
  </p>
</div>`;
}

export function footer() {
  return html`<footer class="govuk-template__footer">
  <div class="govuk-footer">
    <div class="govuk-width-container">
      <div class="govuk-footer__meta">
        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
          <h2 class="govuk-visually-hidden">Support links</h2>
          <ul class="govuk-footer__inline-list">
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="rules.html">The rules this service applies</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="./">Start</a></li>
          </ul>
          <p class="govuk-footer__meta-custom">Your answers stay in this browser on this device. Nothing is sent anywhere and no cookies are used.</p>
        </div>
      </div>
    </div>
  </div>
</footer>`;
}
