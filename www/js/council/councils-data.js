// Ofsted's published outcomes for every council (www/data/councils.json, built from Ofsted's
// file: { source, councils: [{ name, code, region, former, inspections, visits }] }), fetched
// when the council journey starts (never by the start page) and kept for the page's life. The
// service worker precaches it (build/sw.mjs), so it is there offline after the first visit.
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

// ---- the forgiving matcher -------------------------------------------------------------------
// Until the engine's own matcher is exported from the checker's wasm (matchCouncils), names are
// matched here: ignoring case, accents and punctuation, "&"/"and", "St"/"St."/"Saint", the words
// councils put around their names ("Council", "City of", "County", "Borough", "Metropolitan
// Borough", "Royal Borough of", "London Borough of" …), the data's other names for a council
// (the lookup's "also known as") and a few well-known short forms, ONS codes, and small typos.

/** Well-known short forms, used beside the data's own other names (which win when present). */
const SHORT_FORMS = {
  E06000058: ["BCP", "Bournemouth Christchurch and Poole"],
  E06000010: ["Hull", "Hull City"],
  E06000047: ["County Durham"],
  E06000019: ["Hereford"],
  E06000033: ["Southend"],
  E06000004: ["Stockton"],
  E06000021: ["Stoke"],
  E08000032: ["City of Bradford", "Bradford Metropolitan District"],
  E06000023: ["Bristol City"],
  E09000001: ["Corporation of London"],
  E06000053: ["Scilly"],
};
const FILLER = new Set(["council", "city", "county", "borough", "metropolitan", "royal", "london", "district", "of", "the", "corporation", "unitary", "authority", "mbc", "cc", "dc", "bc", "lb", "rb", "rbkc"]);

/** A name reduced to the words that tell councils apart. */
export function key(s) {
  const words = String(s ?? "")
    .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim().split(" ").filter(Boolean)
    .map((w) => (w === "st" ? "saint" : w));
  const kept = words.filter((w) => !FILLER.has(w));
  // "City of London", "London": a name that is nothing but filler keeps its words.
  return (kept.length ? kept : words.filter((w) => w !== "council" && w !== "the")).join(" ");
}
/** Without "and" and spaces, for "Brighton & Hove" / "brightonhove" and hyphen variants. */
const squash = (k) => k.replace(/\b(and|upon|on)\b/g, "").replace(/ /g, "");

function namesOf(c) {
  const other = c.otherNames ?? c.alsoKnownAs ?? c.names ?? [];
  return [c.name, ...(Array.isArray(other) ? other : [other]), ...(SHORT_FORMS[c.code] ?? [])].filter(Boolean);
}

// The keys of each council, worked out once per data set.
const keysFor = new WeakMap();
function keyed(d) {
  let k = keysFor.get(d);
  if (!k) {
    k = d.councils.map((c) => {
      const names = namesOf(c).map(key);
      return { c, names, squashed: names.map(squash) };
    });
    keysFor.set(d, k);
  }
  return k;
}

/** Edit distance (Levenshtein), stopping early above `max`. */
export function distance(a, b, max = 3) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}
/** Typos forgiven: none in a short name, one in up to 7 letters, two beyond. */
const allowed = (n) => (n < 4 ? 0 : n <= 7 ? 1 : 2);

// Current councils before former ones, then by name in English order: each council's place in
// that order is worked out once per data set, so that a keystroke's list sorts by numbers (a
// collator's first use, and localeCompare with a locale, cost milliseconds on a phone).
const ranksFor = new WeakMap();
function ranks(d) {
  let r = ranksFor.get(d);
  if (!r) {
    const collator = new Intl.Collator("en-GB");
    r = new Map([...d.councils].sort((x, y) => (Number(x.former) - Number(y.former)) || collator.compare(x.name, y.name)).map((c, k) => [c, k]));
    ranksFor.set(d, r);
  }
  return r;
}
/** The comparator of that order for items { c } of data set d. */
const byRank = (d) => { const r = ranks(d); return (x, y) => r.get(x.c) - r.get(y.c); };

/** The matcher's indexes of a data set (names reduced, the order, the engine's candidates), built
 *  ahead of the first keystroke: the picker calls it once the list is shown. */
export function prepare(d) {
  if (!d) return;
  keyed(d);
  ranks(d);
  candidates(d);
}
const CODE = /^[EW]\d{8}$/i;

/**
 * Councils matching what was typed, best first: [{ c, how }] where how is "exact" (a name,
 * another name, or the ONS code), "prefix" (a name starting with it: for the list as one types)
 * or "typo". The engine's matcher, once exported (engine.matchCouncils), is used instead.
 */
export function match(d, typed, { prefixes = true } = {}) {
  if (!d) return [];
  const current = byRank(d);
  const e = engineFind(d, typed);
  if (e) {
    const out = e.exact !== null && d.councils[e.exact] ? [{ c: d.councils[e.exact], how: "exact" }] : [];
    if (!prefixes) return out;
    const q = key(typed);
    const seen = new Set(out.map((x) => x.c));
    const starts = q ? keyed(d).filter((x) => !seen.has(x.c) && x.names.some((n) => n.startsWith(q) || n.split(" ").some((w) => w.startsWith(q)))).sort(current) : [];
    out.push(...starts.map((x) => ({ c: x.c, how: "prefix" })));
    if (out.length) return out;
    return e.nearest.map((k) => d.councils[k]).filter(Boolean).map((c) => ({ c, how: "typo" }));
  }
  const raw = String(typed ?? "").trim();
  if (!raw) return [];
  if (CODE.test(raw)) {
    const c = d.councils.find((x) => x.code.toUpperCase() === raw.toUpperCase());
    return c ? [{ c, how: "exact" }] : [];
  }
  const q = key(raw);
  const qs = squash(q);
  if (!q) return [];
  const all = keyed(d);
  const exact = all.filter((x) => x.names.includes(q) || (qs && x.squashed.includes(qs))).sort(current);
  const out = exact.map((x) => ({ c: x.c, how: "exact" }));
  if (out.length && !prefixes) return out;
  if (prefixes) {
    const starts = all.filter((x) => !exact.includes(x) && x.names.some((n) => n.startsWith(q) || n.split(" ").some((w) => w.startsWith(q)))).sort(current);
    out.push(...starts.map((x) => ({ c: x.c, how: "prefix" })));
  }
  if (!out.length) {
    const near = all.map((x) => ({ x, n: Math.min(...x.names.map((k) => distance(q, k, 2))) }))
      .filter(({ n }) => n <= allowed(q.length)).sort((p, r) => (p.n - r.n) || current(p.x, r.x));
    out.push(...near.map(({ x }) => ({ c: x.c, how: "typo" })));
  }
  return out;
}

// The engine's matcher (src/names.rs, matchCouncils(query, candidates) -> { exact, nearest }),
// when the page has it (set by app-boot.js once the engine is in): it decides which council a
// name is and which are nearest; the list shown while typing adds the names that start with what
// is typed, and "Did you mean …?" adds the councils sharing a word with it.
let engineMatcher = null;
export function useEngineMatcher(f) { engineMatcher = typeof f === "function" ? f : null; }
const candidatesFor = new WeakMap();
/** The councils as the engine's matcher reads them, once per data set. */
function candidates(d) {
  let c = candidatesFor.get(d);
  if (!c) {
    c = d.councils.map((x) => ({ name: x.name, code: x.code, aliases: namesOf(x).slice(1) }));
    candidatesFor.set(d, c);
  }
  return c;
}
/** The engine's { exact, nearest } (indexes into d.councils), or null to match here. */
function engineFind(d, typed) {
  if (!engineMatcher) return null;
  try {
    const m = engineMatcher(String(typed ?? ""), candidates(d));
    if (!m || !Array.isArray(m.nearest)) return null;
    return { exact: Number.isInteger(m.exact) ? m.exact : null, nearest: m.nearest.filter(Number.isInteger) };
  } catch (e) {
    console.warn(`The engine's name matcher failed: ${e.message}`);
    return null;
  }
}

/** The councils near a name that matched none, for "Did you mean …?" (at most `n`): those that
 *  share a word with it (“Bradford Children’s Services”) or are a few letters from it (about a
 *  third of its length: “Birmingum City”), nearest first. A name like none of them gets none, and
 *  goes straight to the by-hand route. */
export function nearest(d, typed, n = 3) {
  if (!d) return [];
  const e = engineFind(d, typed);
  if (e) {
    const mine = nearestHere(d, typed, n);
    const theirs = e.nearest.map((k) => d.councils[k]).filter((c) => c && !c.former);
    // Sharing a word with what was typed first ("Bradford Children's Services"), then the engine's.
    return [...new Set([...mine.filter((c) => sharesWord(typed, c)), ...theirs, ...mine])].slice(0, n);
  }
  return nearestHere(d, typed, n);
}
const sharesWord = (typed, c) => {
  const q = key(typed).split(" ").filter((w) => w.length > 2 && w !== "and");
  return namesOf(c).some((nm) => key(nm).split(" ").some((w) => q.includes(w)));
};
function nearestHere(d, typed, n) {
  const current = byRank(d);
  const q = key(typed);
  if (!q || q.length > 60) return [];
  const qWords = q.split(" ").filter((w) => w.length > 2 && w !== "and");
  const limit = Math.max(2, Math.floor(q.length / 4));
  const score = (k) => {
    const kWords = k.split(" ");
    // Words shared, or nearly (a typo in a long word: “Hamersmith”).
    const same = qWords.filter((w) => kWords.includes(w)).length;
    const near = qWords.filter((w) => !kWords.includes(w) && w.length >= 6 && kWords.some((x) => x.length >= 6 && distance(w, x, 2) <= 2)).length;
    const dist = distance(q, k, limit);
    if (!same && !near && dist > limit) return null;
    return -same * 200 - near * 100 + Math.min(dist, 99);
  };
  return keyed(d).filter((x) => !x.c.former)
    .map((x) => ({ c: x.c, s: Math.min(...x.names.map(score).filter((v) => v !== null), Infinity) }))
    .filter((x) => x.s !== Infinity)
    .sort((p, r) => (p.s - r.s) || current(p, r))
    .slice(0, n).map((x) => x.c);
}

/** The council a typed or chosen name is, or null: its label, a name, another name, its ONS
 *  code, or a small typo of one, when exactly one council (current before former) fits. */
export function find(d, typed) {
  const t = norm(typed);
  if (!t || !d) return null;
  const byLabel = d.councils.find((c) => norm(labelOf(c)) === t);
  if (byLabel) return byLabel;
  const m = match(d, typed, { prefixes: false });
  if (!m.length) return null;
  const cur = m.filter((x) => !x.c.former);
  const pick = cur.length ? cur : m;
  if (pick[0].how === "typo" && pick.length > 1) return null;
  return pick[0].c;
}

export const byCode = (d, code) => d?.councils.find((c) => c.code === code) ?? null;

/** The picker's suggestions for what is typed: exact names (and other names, codes), then names
 *  with a word starting with it, then near spellings; current councils before former ones. */
export function suggest(d, query) {
  const seen = new Set();
  return match(d, query).map((x) => labelOf(x.c)).filter((l) => !seen.has(l) && seen.add(l));
}
