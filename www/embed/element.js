// <trust-eligibility-check journey="sponsor|council">: the checker as a custom element, for any
// page, from one tag (embed/trust-eligibility-check.js, the address hosts use, loads the build of
// this module: dist/trust-eligibility-check.js, see build/js.mjs):
//
//   <script type="module" src="https://CHECKER/embed/trust-eligibility-check.js"></script>
//   <trust-eligibility-check journey="council"></trust-eligibility-check>
//
// The journey runs in the element's shadow root, styled by one stylesheet of its own
// (dist/embed.css: the full page's, GOV.UK Frontend's styles the pages use and app.css, made to
// work in a shadow root, then embed/element.css), so the host's CSS cannot
// reach in and the element's cannot reach out. Without `journey` it shows the whole checker
// (its start page, then the choice of journey). Pages change inside the element: the host's
// address and history are left alone. Answers are saved in the host origin's localStorage, as
// on the checker's own pages. Everything it loads comes from the checker's origin (the address
// of this module), which must therefore answer with Access-Control-Allow-Origin (see README).
//
// heading-level="2" (1 to 6) makes the checker's main heading an h2 (and its other headings one
// level lower each), so that the host page keeps its one h1. What the host writes inside the
// element (a link to the checker) shows only if the element cannot load (its script refused,
// e.g. served without the CORS header): the element's shadow root has no slot for it.
//
// No web font: GDS Transport is GOV.UK's only (see build/site.mjs); text is in Arial. (A font a
// host wants must be declared by the host's own page: @font-face rules in a shadow root's
// stylesheets are ignored by Chromium, those of the document apply inside.)
import { createApp } from "../js/journey/app.js";

// The site's root: this module is built into dist/, one level under it (as is its source, in embed/).
const base = new URL("../", import.meta.url);
const JOURNEYS = ["council", "sponsor"];
const LABEL = "Check children's services intervention and trust sponsorship";

/** The heading-level attribute: the level (1 to 6) of the checker's main heading; 1 if absent or not a level. */
const levelOf = (v) => (/^[1-6]$/.test(String(v ?? "").trim()) ? Number(String(v).trim()) : 1);

export class TrustEligibilityCheck extends HTMLElement {
  #app = null;
  #embed = null;

  static observedAttributes = ["heading-level"];

  attributeChangedCallback(name, old, value) {
    if (name !== "heading-level" || !this.#embed || levelOf(old) === levelOf(value)) return;
    this.#embed.headingLevel = levelOf(value);
    this.#app?.repaint();
  }

  connectedCallback() {
    if (this.shadowRoot) return; // moved within the page: it carries on where it was
    const shadow = this.attachShadow({ mode: "open" });
    const journey = this.getAttribute("journey");
    if (journey !== null && !JOURNEYS.includes(journey)) {
      console.error(`<trust-eligibility-check>: journey must be "council" or "sponsor", not "${journey}"`);
    }
    // The full page's stylesheet made to work in a shadow root (see build/css.mjs).
    const links = ["dist/embed.css"].map((f) => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL(f, base).href;
      return link;
    });
    const wrapper = document.createElement("section");
    wrapper.className = "govuk-template__body js-enabled govuk-frontend-supported app-embed";
    wrapper.setAttribute("aria-label", LABEL);
    wrapper.innerHTML = `<div class="app-embed__before"></div>
<div class="govuk-main-wrapper"><div class="app-embed__app"><p class="govuk-body">Loading the checker…</p></div></div>`;
    shadow.append(...links, wrapper);

    // Where the answers are kept: the iframe page names its frame (embed/frame-page.js); on a
    // host's page, the page's path and this element's id, name or position.
    const scope = this.getAttribute("data-store-scope") ?? `element:${location.pathname}:${this.id ? `#${this.id}`
      : this.getAttribute("name") ? `name=${this.getAttribute("name")}`
        : `${[...document.querySelectorAll("trust-eligibility-check")].indexOf(this)}`}`;
    // An in-element router: the page is "?page=…" kept here, not in the host's address bar.
    let search = "";
    this.#app = createApp({
      root: shadow,
      app: wrapper.querySelector(".app-embed__app"),
      before: wrapper.querySelector(".app-embed__before"),
      marks: this,
      router: {
        search: () => search,
        set: (u) => { search = u.startsWith("?") ? u : ""; },
      },
      embed: (this.#embed = { journey: JOURNEYS.includes(journey) ? journey : null, base, headingLevel: levelOf(this.getAttribute("heading-level")) }),
      scope,
    });
    // Start once the styles are in, so nothing shows unstyled (and start anyway if they fail).
    const go = () => this.#app.boot();
    const loaded = links.map((link) => (link.sheet ? null : new Promise((done) => {
      link.addEventListener("load", done, { once: true });
      link.addEventListener("error", done, { once: true });
    })));
    if (loaded.every((p) => p === null)) go(); else {
      Promise.all(loaded).then(go);
    }
  }
}

if (!customElements.get("trust-eligibility-check")) {
  customElements.define("trust-eligibility-check", TrustEligibilityCheck);
}
