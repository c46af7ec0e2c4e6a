// The council journey's first page: which council. A text input that works on its own (a name
// typed in full, any case, is found in Ofsted's data once it has loaded), made into GOV.UK's
// accessible-autocomplete over the councils in www/data/councils.json once the data is there.
// Picking a council fills in its inspections and visits from the data (the next page,
// council/confirm, shows them to confirm or change); a name not in the data keeps the by-hand
// journey (the inspection, visit and concern pages).
import { html, escape } from "../govuk/html.js";
import * as C from "../govuk/components.js";
import * as councils from "./councils-data.js";
import { answersFor } from "./confirm.js";
import * as store from "../journey/store.js";
import { formatDate } from "../engine/wording.js";

const TITLE = "Which council do you want to check?";

/** The page definition (council.js puts it first in the journey). */
export function pickerPage({ after }) {
  return {
    id: "council/name", custom: true, field: "name", noun: "the council name",
    title: TITLE,
    get: (ctx) => ctx.a.name,
    // "Keep mine" after another tab changed the name puts this tab's name back.
    set: (ctx, v) => { ctx.a.name = v; },
    engine: [["council.name", "name"], ["council.code", "name"], ["council", "name"]],
    /** @param {any} ctx @param {{ errors?: any[], raw?: any }} [o] */
    render(ctx, { errors = [], raw } = {}) {
      const e = errors.find((x) => x.field === "name")?.text;
      const hintText = councils.unavailable()
        ? "The list of councils could not be loaded: enter the name of the council, and you will be asked for its Ofsted inspections."
        : "Start typing, then choose the council from the list: its Ofsted inspections and visits are filled in from Ofsted’s published data. For a council not on the list, type its name and you will be asked for its inspections.";
      return html`${C.textInput({ id: "name", text: TITLE, heading: true, hintText, error: e,
        value: raw?.value ?? ctx.a.name, width: 20, autocomplete: "off", spellcheck: false })}`;
    },
    extra: () => {
      const list = store.loadList();
      const d = councils.loaded();
      return html`<p class="govuk-body-s" id="councils-source">${d ? councilsNote(d) : ""}</p>
        <p class="govuk-body">If you have a file of council histories, you can
        ${list ? html`<a class="govuk-link" href="?page=council/pick">pick a council from the file you ${list.ofsted ? "loaded" : "uploaded"}</a> or ` : ""}<a class="govuk-link" href="?page=council/file">upload a file and pick a council from it</a>.</p>`;
    },
    /** After the page is painted: the input becomes the autocomplete once the data is in. */
    enhance: (el, ctx, { errors = [] } = {}) => enhance(el, ctx, errors),
    async submit(form, ctx, journey) {
      const typed = String(new FormData(form).get("name") ?? "").trim();
      if (!typed) return { errors: [{ field: "name", text: "Enter the name of the council" }], raw: { value: typed } };
      const d = await councils.load();
      const c = councils.find(d, typed);
      const keep = { asOfChoice: ctx.a.asOfChoice, asOf: ctx.a.asOf, ruleset: ctx.a.ruleset };
      let a;
      if (c) {
        // The same council again keeps what was confirmed and added; another one starts afresh.
        a = ctx.a.picked?.code === c.code ? structuredClone(ctx.a) : answersFor(c, d, keep);
        delete a.typed;
        return { a, go: "council/confirm", raw: { value: typed } };
      }
      // Nothing matches: "Did you mean …?" with the nearest councils, before the by-hand route.
      const near = councils.nearest(d, typed);
      if (near.length && ctx.a.byHand !== typed) {
        a = structuredClone(ctx.a);
        a.typed = typed;
        return { a, go: "council/did-you-mean", raw: { value: typed } };
      }
      if (ctx.a.picked) {
        // The history filled in was another council's: a council not in the data starts empty.
        a = Object.fromEntries(Object.entries(keep).filter(([, x]) => x !== undefined));
      } else {
        a = structuredClone(ctx.a);
        delete a.code;
      }
      a.name = typed;
      return { a, go: after({ ...ctx, a }), raw: { value: typed } };
    },
  };
}

export function councilsNote(d) {
  const history = d.history ? html` and ${d.history.publisher}’s “${d.history.title}” (${d.history.licence}), as at ${formatDate(d.history.asAt)}` : "";
  const register = d.register ? html`; the government’s decisions from the ${d.register.title.charAt(0).toLowerCase()}${d.register.title.slice(1)}, as at ${formatDate(d.register.asAt)}` : "";
  return html`Councils and their Ofsted histories from ${d.source.publisher}’s “${d.source.title}” (${d.source.licence}), as at ${formatDate(d.source.asAt)}${history}${register}.`;
}

// The widget's module (dist/autocomplete.js, built from js/govuk/autocomplete.js), loaded once, when
// the page is first shown; without it the plain input stays, and works.
let loadingWidget = null;
function widget() {
  loadingWidget ??= import("../govuk/autocomplete.js").then((m) => m.default, (e) => {
    console.warn(`The council picker could not be loaded: ${e.message}`);
    loadingWidget = null;
    return null;
  });
  return loadingWidget;
}

async function enhance(el, ctx, errors) {
  const input = el.querySelector("input#name");
  if (!input) return;
  const [d, accessibleAutocomplete] = await Promise.all([councils.load(), widget()]);
  if (!d || !accessibleAutocomplete || !input.isConnected || input.dataset.enhanced) return;
  input.dataset.enhanced = "true";
  const form = input.closest("form");
  const container = document.createElement("div");
  container.className = "app-autocomplete";
  const value = input.value;
  const describedBy = input.getAttribute("aria-describedby");
  const hadFocus = input.getRootNode().activeElement === input;
  input.replaceWith(container);
  accessibleAutocomplete({
    element: container,
    id: "name",
    name: "name",
    defaultValue: value,
    source: (query, populate) => populate(councils.suggest(d, query)),
    minLength: 1,
    autoselect: false,
    confirmOnBlur: false,
    showNoOptionsFound: false,
    displayMenu: "overlay",
    inputClasses: `govuk-input${errors.length ? " govuk-input--error" : ""}`,
    templates: { inputValue: (v) => v ?? "", suggestion: (v) => escape(v ?? "") },
    tStatusQueryTooShort: (n) => `Type in ${n} or more characters for results`,
    tStatusNoResults: () => "No council on the list matches: you can still continue with this name",
    tAssistiveHint: () => "When a list of councils appears, use the up and down arrows to review and the enter key to choose.",
  });
  const combo = container.querySelector("input#name");
  if (combo && describedBy) {
    // The page's hint and error message, as on the plain input (the widget adds its own hint
    // while the field is empty).
    const want = describedBy.split(" ");
    const keep = () => {
      const cur = (combo.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
      if (want.every((w) => cur.includes(w))) return;
      combo.setAttribute("aria-describedby", [...want, ...cur.filter((x) => !want.includes(x))].join(" "));
    };
    keep();
    new MutationObserver(keep).observe(combo, { attributes: true, attributeFilter: ["aria-describedby"] });
  }
  if (combo) {
    combo.setAttribute("spellcheck", "false");
    if (hadFocus) /** @type {HTMLElement} */ (combo).focus();
  }
  // Ofsted's data, attributed as its licence asks.
  const note = el.querySelector("#councils-source");
  if (note && !note.textContent.trim()) note.innerHTML = String(councilsNote(d));
  form?.setAttribute("data-picker", "ready");
  // The matcher's indexes, built while the user reads the question rather than on the first key.
  (globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 0)))(() => councils.prepare(d));
}

/** "Did you mean …?": the nearest councils to a name that matched none, then the by-hand route. */
export function didYouMeanPage({ after }) {
  const BY_HAND = "by-hand";
  const nearOf = (ctx) => councils.nearest(councils.loaded(), ctx.a.typed ?? "");
  return {
    id: "council/did-you-mean", custom: true, side: true, field: "council",
    title: "Did you mean one of these councils?",
    available: (ctx) => !!ctx.a.typed,
    prev: () => "council/name",
    render(ctx, { errors = [] } = {}) {
      const near = nearOf(ctx);
      return html`<span class="govuk-caption-l">No council is called ‘${ctx.a.typed}’</span>
      ${C.radios({ name: "council", text: this.title, heading: true, error: errors.find((e) => e.field === "council")?.text,
        hintText: "Choose the council to have its Ofsted reports, visits and the government’s decisions filled in.",
        items: [...near.map((c) => ({ value: c.code, text: c.name })), { divider: "or" },
          { value: BY_HAND, text: `No, check ‘${ctx.a.typed}’`, hint: "You will be asked for its Ofsted inspections, visits and arrangements yourself" }] })}
      <p class="govuk-body"><a class="govuk-link" href="?page=council/name">Type the name again</a></p>`;
    },
    async submit(form, ctx) {
      const v = String(new FormData(form).get("council") ?? "");
      const d = await councils.load();
      if (!v) return { errors: [{ field: "council", text: "Select the council you meant, or select that you want to check the name you typed" }] };
      const keep = { asOfChoice: ctx.a.asOfChoice, asOf: ctx.a.asOf, ruleset: ctx.a.ruleset };
      if (v !== BY_HAND) {
        const c = councils.byCode(d, v);
        if (c) {
          const a = ctx.a.picked?.code === c.code ? structuredClone(ctx.a) : answersFor(c, d, keep);
          delete a.typed;
          return { a, go: "council/confirm" };
        }
      }
      const typed = ctx.a.typed;
      let a;
      if (ctx.a.picked) a = Object.fromEntries(Object.entries(keep).filter(([, x]) => x !== undefined));
      else { a = structuredClone(ctx.a); delete a.code; }
      delete a.typed;
      a.name = typed;
      a.byHand = typed;
      return { a, go: after({ ...ctx, a }) };
    },
  };
}
