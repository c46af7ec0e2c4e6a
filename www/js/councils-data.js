// Ofsted's published outcomes for every council (www/data/councils.json, built from Ofsted's
// file: { source, councils: [{ name, code, region, former, inspections, visits }] }), fetched
// when the council journey starts (never by the start page) and kept for the page's life. The
// service worker precaches it (www/build-sw.mjs), so it is there offline after the first visit.
const URL_OF = new URL("../data/councils.json", import.meta.url);

let data = null;
let loading = null;
let failed = null;

/** Starts loading (once); resolves to the data, or null when it cannot be had. */
export function load() {
  loading ??= fetch(URL_OF).then((r) => {
    if (!r.ok) throw new Error(`data/councils.json: ${r.status}`);
    return r.json();
  }).then((d) => {
    if (!d || !Array.isArray(d.councils) || !d.source) throw new Error("data/councils.json: not a list of councils");
    data = d;
    return d;
  }, (e) => {
    console.warn(`The list of councils could not be loaded: ${e.message}`);
    failed = e;
    return null;
  });
  return loading;
}

/** The data if it has arrived (else null). */
export const loaded = () => data;
/** Whether loading was tried and failed. */
export const unavailable = () => !!failed;

export const FORMER = " (former council)";
/** What the picker shows for a council: former councils marked as such. */
export const labelOf = (c) => (c.former ? `${c.name}${FORMER}` : c.name);

const norm = (s) => String(s ?? "").trim().replace(/\s+/g, " ").toLowerCase();

/** The council a typed or chosen name is, or null: its label or its name, any case; a current
 *  council before a former one of the same name. */
export function find(d, typed) {
  const t = norm(typed);
  if (!t || !d) return null;
  return d.councils.find((c) => norm(labelOf(c)) === t)
    ?? d.councils.find((c) => !c.former && norm(c.name) === t)
    ?? d.councils.find((c) => norm(c.name) === t)
    ?? null;
}

export const byCode = (d, code) => d?.councils.find((c) => c.code === code) ?? null;

/** The picker's suggestions for what is typed: names starting with it first, then names with
 *  a word starting with it, then names containing it; current councils before former ones. */
export function suggest(d, query) {
  const q = norm(query);
  if (!d || !q) return [];
  const rank = (c) => {
    const n = norm(c.name);
    if (n.startsWith(q)) return 0;
    if (n.split(/[\s,-]+/).some((w) => w.startsWith(q))) return 1;
    if (n.includes(q)) return 2;
    return -1;
  };
  return d.councils
    .map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r >= 0)
    .sort((x, y) => (x.r - y.r) || (Number(x.c.former) - Number(y.c.former)) || x.c.name.localeCompare(y.c.name, "en-GB"))
    .map((x) => labelOf(x.c));
}
