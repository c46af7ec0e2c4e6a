// GOV.UK Frontend component markup (as in govuk-frontend's own templates), built as safe HTML.
import { html, raw } from "./html.js";

const cls = (...c) => c.filter(Boolean).join(" ");

export function errorMessage(id, text) {
  if (!text) return "";
  return html`<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${text}</p>`;
}

export function hint(id, text) {
  return text ? html`<div id="${id}-hint" class="govuk-hint">${text}</div>` : "";
}

const describedBy = (id, hintText, error, extra = []) =>
  [...extra, hintText ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
const attr = (name, value) => (value ? raw(` ${name}="${String(value).replace(/"/g, "&quot;")}"`) : "");

/** A form field's options (each component reads those it has).
 * @typedef {{ id?: string, name?: string, idPrefix?: string, text?: any, heading?: boolean, size?: string,
 *   caption?: any, hintText?: any, value?: any, error?: any, items?: any[], inline?: boolean, small?: boolean,
 *   width?: any, inputmode?: string, autocomplete?: string, spellcheck?: boolean, prefix?: string, suffix?: string,
 *   type?: string, errorParts?: string[], accept?: string, describedByExtra?: string[] }} Field */

/** The question as the page heading: inside a legend (fieldsets) or wrapping a label.
 * @param {any} text @param {Field} [o] */
function legend(text, { heading, size = "l", caption } = {}) {
  if (heading) {
    return html`<legend class="govuk-fieldset__legend govuk-fieldset__legend--${size}">
      ${caption ? html`<span class="govuk-caption-${size}">${caption}</span>` : ""}
      <h1 class="govuk-fieldset__heading" tabindex="-1">${text}</h1></legend>`;
  }
  return html`<legend class="govuk-fieldset__legend govuk-fieldset__legend--${size}">${text}</legend>`;
}
/** @param {string} forId @param {any} text @param {Field} [o] */
function label(forId, text, { heading, size = "l", caption } = {}) {
  if (heading) {
    return html`${caption ? html`<span class="govuk-caption-${size}">${caption}</span>` : ""}
      <h1 class="govuk-label-wrapper" tabindex="-1"><label class="govuk-label govuk-label--${size}" for="${forId}">${text}</label></h1>`;
  }
  return html`<label class="govuk-label${size ? ` govuk-label--${size}` : ""}" for="${forId}">${text}</label>`;
}

export function errorSummary(errors) {
  if (!errors?.length) return "";
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary">
  <div role="alert">
    <h2 class="govuk-error-summary__title">There is a problem</h2>
    <div class="govuk-error-summary__body">
      <ul class="govuk-list govuk-error-summary__list">
        ${errors.map((e) => html`<li>${e.href ? html`<a href="${e.href}">${e.text}</a>` : e.text}</li>`)}
      </ul>
    </div>
  </div>
</div>`;
}

/** @param {Field} o */
export function textInput({ id, name = id, text, heading, size, caption, hintText, value, error,
  width, inputmode, autocomplete, spellcheck, prefix, suffix, type = "text" }) {
  const input = html`<input class="${cls("govuk-input", width && `govuk-input--width-${width}`, error && "govuk-input--error")}" id="${id}" name="${name}" type="${type}"
    value="${value ?? ""}"${attr("aria-describedby", describedBy(id, hintText, error))}${attr("inputmode", inputmode)}${attr("autocomplete", autocomplete)}${spellcheck === false ? raw(' spellcheck="false"') : ""}>`;
  return html`<div class="${cls("govuk-form-group", error && "govuk-form-group--error")}">
  ${label(id, text, { heading, size, caption })}
  ${hint(id, hintText)}
  ${errorMessage(id, error)}
  ${prefix || suffix ? html`<div class="govuk-input__wrapper">
    ${prefix ? html`<div class="govuk-input__prefix" aria-hidden="true">${prefix}</div>` : ""}${input}${suffix ? html`<div class="govuk-input__suffix" aria-hidden="true">${suffix}</div>` : ""}
  </div>` : input}
</div>`;
}

/** items: [{ value, text, hint, conditional (safe html), divider, exclusive }] */
/** @param {string} kind @param {Field} o */
function choices(kind, { name, idPrefix = name, text, heading, size, caption, hintText, items, value, error, inline, small, describedByExtra = [] }) {
  const values = Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
  let n = 0;
  const itemsHtml = items.map((item) => {
    if (item.divider) return html`<div class="govuk-${kind}__divider">${item.divider}</div>`;
    n += 1;
    const id = n === 1 ? idPrefix : `${idPrefix}-${n}`;
    const checked = values.includes(String(item.value));
    const condId = item.conditional ? `conditional-${id}` : null;
    const type = kind === "radios" ? "radio" : "checkbox";
    return html`<div class="govuk-${kind}__item">
      <input class="govuk-${kind}__input" id="${id}" name="${name}" type="${type}" value="${item.value}"${checked ? raw(" checked") : ""}${attr("data-aria-controls", condId)}${item.exclusive ? raw(' data-behaviour="exclusive"') : ""}${attr("aria-describedby", item.hint ? `${id}-item-hint` : "")}>
      <label class="govuk-label govuk-${kind}__label" for="${id}">${item.text}</label>
      ${item.hint ? html`<div id="${id}-item-hint" class="govuk-hint govuk-${kind}__hint">${item.hint}</div>` : ""}
    </div>
    ${item.conditional ? html`<div class="${cls(`govuk-${kind}__conditional`, !checked && `govuk-${kind}__conditional--hidden`)}" id="${condId}">${item.conditional}</div>` : ""}`;
  });
  return html`<div class="${cls("govuk-form-group", error && "govuk-form-group--error")}">
  <fieldset class="govuk-fieldset"${attr("aria-describedby", describedBy(idPrefix, hintText, error, describedByExtra))}>
    ${legend(text, { heading, size, caption })}
    ${hint(idPrefix, hintText)}
    ${errorMessage(idPrefix, error)}
    <div class="${cls(`govuk-${kind}`, inline && `govuk-${kind}--inline`, small && `govuk-${kind}--small`)}" data-module="govuk-${kind}">
      ${itemsHtml}
    </div>
  </fieldset>
</div>`;
}
export const radios = (o) => choices("radios", o);
export const checkboxes = (o) => choices("checkboxes", o);

/** value: { day, month, year }; errorParts: which of day/month/year to mark. */
/** @param {Field} o */
export function dateInput({ id, text, heading, size, caption, hintText, value = {}, error, errorParts = [] }) {
  const part = (p, labelText, width) => html`<div class="govuk-date-input__item">
    <div class="govuk-form-group">
      <label class="govuk-label govuk-date-input__label" for="${id}-${p}">${labelText}</label>
      <input class="${cls("govuk-input govuk-date-input__input", `govuk-input--width-${width}`, error && (errorParts.length === 0 || errorParts.includes(p)) && "govuk-input--error")}" id="${id}-${p}" name="${id}-${p}" type="text"${p === "month" ? "" : raw(' inputmode="numeric"')} value="${value[p] ?? ""}">
    </div>
  </div>`;
  return html`<div class="${cls("govuk-form-group", error && "govuk-form-group--error")}">
  <fieldset class="govuk-fieldset" role="group"${attr("aria-describedby", describedBy(id, hintText, error))}>
    ${legend(text, { heading, size, caption })}
    ${hint(id, hintText)}
    ${errorMessage(id, error)}
    <div class="govuk-date-input" id="${id}">
      ${part("day", "Day", 2)}${part("month", "Month", 2)}${part("year", "Year", 4)}
    </div>
  </fieldset>
</div>`;
}

/** @param {Field} o */
export function select({ id, name = id, text, heading, size, caption, hintText, items, value, error }) {
  return html`<div class="${cls("govuk-form-group", error && "govuk-form-group--error")}">
  ${label(id, text, { heading, size, caption })}
  ${hint(id, hintText)}
  ${errorMessage(id, error)}
  <select class="${cls("govuk-select", error && "govuk-select--error")}" id="${id}" name="${name}"${attr("aria-describedby", describedBy(id, hintText, error))}>
    ${items.map((i) => html`<option value="${i.value}"${String(i.value) === String(value ?? "") ? raw(" selected") : ""}>${i.text}</option>`)}
  </select>
</div>`;
}

/** @param {Field} o */
export function fileUpload({ id, name = id, text, heading, size, caption, hintText, error, accept }) {
  return html`<div class="${cls("govuk-form-group", error && "govuk-form-group--error")}">
  ${label(id, text, { heading, size, caption })}
  ${hint(id, hintText)}
  ${errorMessage(id, error)}
  <input class="${cls("govuk-file-upload", error && "govuk-file-upload--error")}" id="${id}" name="${name}" type="file"${attr("accept", accept)}${attr("aria-describedby", describedBy(id, hintText, error))}>
</div>`;
}

/** @param {any} text
 * @param {{ secondary?: boolean, warning?: boolean, start?: boolean, href?: string, action?: string, name?: string, value?: string }} [o] */
export function button(text, { secondary, warning, start, href, action, name, value } = {}) {
  const c = cls("govuk-button", secondary && "govuk-button--secondary", warning && "govuk-button--warning", start && "govuk-button--start");
  const icon = start ? raw(`<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>`) : "";
  if (href) return html`<a href="${href}" role="button" draggable="false" class="${c}" data-module="govuk-button"${attr("data-action", action)}>${text}${icon}</a>`;
  return html`<button type="${action ? "button" : "submit"}" class="${c}" data-module="govuk-button"${attr("data-action", action)}${attr("name", name)}${attr("value", value)}>${text}${icon}</button>`;
}

/** rows: [{ key, value, actions: [{ href, text, hidden }] }] */
/** @param {any[]} rows @param {{ noBorder?: boolean }} [o] */
export function summaryList(rows, { noBorder } = {}) {
  const anyActions = rows.some((r) => r.actions?.length);
  return html`<dl class="${cls("govuk-summary-list", noBorder && "govuk-summary-list--no-border")}">
  ${rows.map((r) => html`<div class="${cls("govuk-summary-list__row", anyActions && !r.actions?.length && "govuk-summary-list__row--no-actions")}">
    <dt class="govuk-summary-list__key">${r.key}</dt>
    <dd class="govuk-summary-list__value">${r.value}</dd>
    ${r.actions?.length ? html`<dd class="govuk-summary-list__actions">${r.actions.length === 1 ? actionLink(r.actions[0])
      : html`<ul class="govuk-summary-list__actions-list">${r.actions.map((a) => html`<li class="govuk-summary-list__actions-list-item">${actionLink(a)}</li>`)}</ul>`}</dd>` : ""}
  </div>`)}
</dl>`;
}
const actionLink = (a) => html`<a class="govuk-link" href="${a.href}">${a.text}<span class="govuk-visually-hidden"> ${a.hidden}</span></a>`;

/** @param {any} title @param {any[]} rows @param {{ id?: string, actions?: any[], headingLevel?: number }} [o] */
export function summaryCard(title, rows, { id, actions = [], headingLevel = 2 } = {}) {
  return html`<div class="govuk-summary-card"${attr("id", id)}>
  <div class="govuk-summary-card__title-wrapper">
    ${raw(`<h${headingLevel} class="govuk-summary-card__title">`)}${title}${raw(`</h${headingLevel}>`)}
    ${actions.length ? html`<ul class="govuk-summary-card__actions">${actions.map((a) => html`<li class="govuk-summary-card__action">${actionLink(a)}</li>`)}</ul>` : ""}
  </div>
  <div class="govuk-summary-card__content">${summaryList(rows)}</div>
</div>`;
}

/** @param {{ title: any, body?: any, confirmation?: boolean }} o */
export function panel({ title, body, confirmation }) {
  return html`<div class="${cls("govuk-panel", confirmation ? "govuk-panel--confirmation" : "govuk-panel--interruption")}">
  <h1 class="govuk-panel__title" tabindex="-1">${title}</h1>
  ${body ? html`<div class="govuk-panel__body">${body}</div>` : ""}
</div>`;
}

export function warningText(text) {
  return html`<div class="govuk-warning-text">
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${text}</strong>
</div>`;
}

export const insetText = (body) => html`<div class="govuk-inset-text">${body}</div>`;

/** @param {any} text @param {{ success?: boolean }} [o] */
export function notificationBanner(text, { success } = {}) {
  return html`<div class="${cls("govuk-notification-banner", success && "govuk-notification-banner--success")}" role="${success ? "alert" : "region"}" aria-labelledby="govuk-notification-banner-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">${success ? "Success" : "Important"}</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${text}</p></div>
</div>`;
}

export const backLink = (href) => html`<a href="${href}" class="govuk-back-link">Back</a>`;

export const tag = (text, colour) => html`<strong class="${cls("govuk-tag", colour && `govuk-tag--${colour}`)}">${text}</strong>`;

/** items: [{ id, title, href, hint, status (safe html) }] */
export function taskList(items) {
  return html`<ul class="govuk-task-list">
  ${items.map((t) => html`<li class="${cls("govuk-task-list__item", t.href && "govuk-task-list__item--with-link")}">
    <div class="govuk-task-list__name-and-hint">
      ${t.href ? html`<a class="govuk-link govuk-task-list__link" href="${t.href}" aria-describedby="${t.hint ? `${t.id}-hint ` : ""}${t.id}-status">${t.title}</a>` : html`<div>${t.title}</div>`}
      ${t.hint ? html`<div id="${t.id}-hint" class="govuk-task-list__hint">${t.hint}</div>` : ""}
    </div>
    <div class="govuk-task-list__status" id="${t.id}-status">${t.status}</div>
  </li>`)}
</ul>`;
}
