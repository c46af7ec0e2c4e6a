// Painting a view ({ title, body, back, errors }): the document's title, the back link, what
// the page must say about the saved answers, the content, the GOV.UK behaviours and focus.
import * as C from "../govuk/components.js";
import { SERVICE_NAME } from "../engine/wording.js";
import { focusAlert, linksOutside } from "../govuk/govuk-behaviours.js";
import { storeBanners } from "./saving.js";

/** The selector of the page's main heading (an h1, or the level the embed's host asked for). */
export const mainHeading = (A) => `h${A.embed?.headingLevel ?? 1}`;

/** Embedded with heading-level n: each heading n - 1 levels lower (at most h6), its classes
 *  (and so its look) kept. */
function shiftHeadings(app, level) {
  if (!(level > 1)) return;
  for (const h of [...app.querySelectorAll("h1, h2, h3, h4, h5")]) {
    const to = document.createElement(`h${Math.min(6, Number(h.tagName[1]) + level - 1)}`);
    for (const { name, value } of [...h.attributes]) to.setAttribute(name, value);
    to.append(...h.childNodes);
    h.replaceWith(to);
  }
}

export function paint(A, view, { focus }) {
  const { app, before, marks } = A.env;
  const embed = A.embed;
  const suffix = view.title === SERVICE_NAME ? "" : ` - ${SERVICE_NAME}`;
  if (!embed) document.title = `${view.errors?.length ? "Error: " : ""}${view.title}${suffix}`;
  // Embedded, the journey is the whole service: no back link to a start page it does not show.
  const back = embed?.journey && (view.back === "./" || view.back === "?page=choose") ? null : view.back;
  before.innerHTML = back ? String(C.backLink(back)) : "";
  const page = A.route().page;
  app.innerHTML = String(storeBanners(A, page)) + String(view.body);
  A.firstPaint = false;
  shiftHeadings(app, embed?.headingLevel ?? 1);
  focusAlert(app);
  if (embed) linksOutside(app, embed);
  app.querySelector("form[data-form]")?.addEventListener("submit", A.onSubmit);
  view.enhance?.(app);
  if (!view.errors?.length && focus) {
    if (!embed) window.scrollTo(0, 0);
    else if (marks.getBoundingClientRect().top < 0) marks.scrollIntoView();
    app.querySelector(mainHeading(A))?.focus({ preventScroll: !!embed });
  }
  marks.dataset.page = page;
  marks.dataset.painted = String(Number(marks.dataset.painted ?? 0) + 1);
  marks.dataset.ready = "true";
}
