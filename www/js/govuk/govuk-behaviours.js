// What GOV.UK Frontend's JavaScript does for these pages, done here inside the app's own root;
// its JavaScript is not loaded at all: embedded it cannot run (it needs its class on the host's
// <body> and looks elements up in the document, not in a shadow root), and for the pages'
// components (error summary, notification banner, button, exclusive checkboxes; no conditional
// reveals) this is all it would do. The full page's skip link: main.js.

/** Focus as GOV.UK Frontend gives it: the error summary, or a banner that is an alert. */
export function focusAlert(app) {
  const focusable = app.querySelector(".govuk-error-summary") ?? app.querySelector(".govuk-notification-banner[role=alert]");
  if (focusable) {
    focusable.tabIndex = -1;
    focusable.addEventListener("blur", () => focusable.removeAttribute("tabindex"), { once: true });
    focusable.focus();
  }
}

/** Links that leave the journey, embedded: to the checker's own site, opened in a new tab. */
export function linksOutside(app, embed) {
  for (const a of app.querySelectorAll("a[href]")) {
    const h = a.getAttribute("href");
    if (h.startsWith("?") || h.startsWith("#") || h === "./" || a.dataset.action) continue;
    // The rules page and sources: the checker's own site (not the host's), in a new tab.
    a.href = new URL(h, embed.base).href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.append(" (opens in new tab)");
  }
}

/** A link that looks like a button works with the space bar, as a button does (GOV.UK's button). */
export function spaceOnLinkButtons(ev) {
  const el = ev.target;
  if (ev.key !== " " || el?.tagName !== "A" || el.getAttribute("role") !== "button") return;
  ev.preventDefault();
  el.click();
}

/** "None of these" unticks the others, and the others untick it (GOV.UK's exclusive checkboxes). */
export function exclusiveCheckboxes(ev) {
  const input = ev.target;
  if (input?.type !== "checkbox" || !input.checked || !input.form) return;
  const exclusive = input.dataset.behaviour === "exclusive";
  for (const other of input.form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(input.name)}"]`)) {
    if (other !== input && (exclusive || other.dataset.behaviour === "exclusive")) other.checked = false;
  }
}

/** An error summary's link to its field: as GOV.UK Frontend's error summary does, the question
 *  (its legend or label) scrolled to the top and the field focused. Returns whether it acted. */
export function errorSummaryLink(ev, el, root, embed) {
  if (el.tagName !== "A" || !el.getAttribute("href")?.startsWith("#")) return false;
  if (!embed && !el.closest(".govuk-error-summary")) return false;
  const target = root.getElementById(el.getAttribute("href").slice(1));
  if (!target) return embed; // embedded, a fragment link never leaves the element
  ev.preventDefault();
  if (embed) {
    target.focus();
    target.scrollIntoView({ block: "center" });
    return true;
  }
  const legend = target.closest("fieldset")?.querySelector("legend");
  const label = root.querySelector(`label[for="${CSS.escape(target.id)}"]`);
  (legend ?? label ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
  return true;
}

/** The GOV.UK behaviours, listening in the app's root. */
export function listen(root) {
  root.addEventListener("change", exclusiveCheckboxes);
  root.addEventListener("keydown", spaceOnLinkButtons);
}
