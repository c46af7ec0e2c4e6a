// The one place a page (or the generated rules page) turns a published source into a link: only
// an address on the web (https:, or http: for the few old pages that have no other) becomes a
// link; any other address (javascript:, data:, a relative path, nothing) leaves the source named
// in words, without a link.
import { html } from "./html.js";

/** The address to link to, or null when it must not be a link. */
export function sourceHref(url) {
  if (typeof url !== "string" || !url.trim()) return null;
  let u;
  try { u = new URL(url.trim()); } catch { return null; }
  return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
}

/** A source ({ title, url }) as a link, or its title alone. `text`: the words to show (its title). */
export function sourceLink(source, text = source?.title) {
  if (!source) return "";
  const href = sourceHref(source.url);
  return href ? html`<a class="govuk-link" href="${href}" rel="noreferrer">${text}</a>` : html`${text}`;
}
