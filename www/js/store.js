// Answers saved in this browser (localStorage of this origin only), restored after a reload or
// a closed tab; "Start again" clears them. If storage is unavailable the answers live in memory.
//
// Each journey of each place the checker runs keeps its answers under a key of its own, so two
// journeys, two tabs or two embeds on one host page cannot overwrite each other:
//
//   trust-eligibility:v2:<scope>:<journey>    { version: 2, journey, answers, last, updated }
//
// scope: "site" for the checker's own pages; "element:<host path>:<id, name or position>" for
// a <trust-eligibility-check> on a host's page; "frame:<address>:<frame name>" for the iframe
// embed (see embed/element.js). Answers saved by the release before (one key for everything,
// trust-eligibility:answers:v1) are moved into the new keys the first time a journey is opened,
// never discarded.
//
// Nothing is lost without the user knowing (status() says what the page should tell them):
// saved answers that cannot be read (damaged, another format, a newer version) are kept under
// "<key>:unreadable" until the user downloads or discards them; answers that cannot be saved
// (storage full or blocked) stay in memory and every page says so, with the download, until a
// save works again; a change made in another tab to the same journey is merged answer by answer
// (an answer changed in only one tab is taken from that tab), and where both tabs changed the
// same answer, this tab's is kept and the other's is offered (resolve()).

export const V1_KEY = "trust-eligibility:answers:v1";
export const V1_BACKUP_KEY = "trust-eligibility:answers:unreadable";
const LIST_KEY = "trust-eligibility:council-list:v1";
export const VERSION = 2;
export const JOURNEYS = ["council", "sponsor"];
export const keyFor = (scope, journey) => `trust-eligibility:v${VERSION}:${scope}:${journey}`;
const backupKey = (key) => (key === V1_KEY ? V1_BACKUP_KEY : `${key}:unreadable`);

function storage() {
  try { return window.localStorage; } catch { return null; }
}
const plain = (v) => !!v && typeof v === "object" && !Array.isArray(v);
const same = (x, y) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
const get = (k) => { try { return storage()?.getItem(k) ?? null; } catch { return null; } };

/** A saved journey record as { answers, last, updated }, or { reason } when it cannot be read. */
function parseRecord(s, journey) {
  let v;
  try { v = JSON.parse(s); } catch { return { reason: "damaged" }; }
  if (!plain(v)) return { reason: "damaged" };
  if (!Number.isInteger(v.version) || v.version < 1) return { reason: "foreign" };
  if (v.version > VERSION) return { reason: "newer" };
  const known = ["version", "journey", "answers", "last", "updated"];
  if (v.version !== VERSION || Object.keys(v).some((k) => !known.includes(k)) || v.journey !== journey
    || !plain(v.answers) || !(v.last === undefined || v.last === null || typeof v.last === "string")) return { reason: "foreign" };
  return { answers: v.answers, last: v.last ?? null, updated: typeof v.updated === "string" ? v.updated : null };
}

/** The release before's record (every journey under one key), or { reason }. */
function parseV1(s) {
  let v;
  try { v = JSON.parse(s); } catch { return { reason: "damaged" }; }
  if (!plain(v)) return { reason: "damaged" };
  if (v.version !== undefined && !(Number.isInteger(v.version) && v.version >= 1)) return { reason: "foreign" };
  if (v.version > 1) return { reason: "newer" };
  const known = ["version", "journey", "council", "sponsor", "last"];
  if (Object.keys(v).some((k) => !known.includes(k))) return { reason: "foreign" };
  if (![undefined, null, ...JOURNEYS].includes(v.journey)) return { reason: "foreign" };
  for (const k of ["council", "sponsor", "last"]) if (v[k] !== undefined && !plain(v[k])) return { reason: "foreign" };
  if (v.last && Object.values(v.last).some((p) => typeof p !== "string")) return { reason: "foreign" };
  return { v: { journey: v.journey ?? null, council: v.council ?? {}, sponsor: v.sponsor ?? {}, last: v.last ?? {} } };
}

/** Per answer: an answer changed in one tab only is taken from it; changed in both, this tab's
 *  is kept and the other's returned in `theirs`. base: what both last had in common. */
export function merge(base, mine, theirs) {
  const out = {};
  const conflicts = {};
  for (const k of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    const b = base[k], m = mine[k], t = theirs[k];
    let v;
    if (same(m, b)) v = t;
    else if (same(t, b) || same(t, m)) v = m;
    else { v = m; conflicts[k] = t; }
    if (v !== undefined) out[k] = structuredClone(v);
  }
  return { answers: out, conflicts };
}

/**
 * A store for one place the checker runs (scope) and the journeys it offers there.
 * The app's state: { journey, council, sponsor, last: { council, sponsor } }.
 */
export function createStore({ scope, journeys = JOURNEYS }) {
  const empty = () => ({ journey: null, council: {}, sponsor: {}, last: {} });
  let memory = empty();
  const base = {}; // journey -> the answers last read from or written to storage
  const updated = {}; // journey -> when they were saved
  const st = {
    unreadable: [], // [{ key, text, at, reason, kept }]
    hold: new Set(), // keys holding unreadable text that could not be moved: not written over
    failing: false, // the last save failed (storage full or blocked)
    conflicts: {}, // journey -> { answer key: the other tab's value }
  };
  const key = (j) => keyFor(scope, j);

  function keepUnreadable(k, text, reason) {
    const b = { text, at: new Date().toISOString(), reason };
    try {
      storage().setItem(backupKey(k), JSON.stringify(b));
      storage().removeItem(k);
      st.unreadable.push({ ...b, key: k, kept: true });
    } catch {
      st.unreadable.push({ ...b, key: k, kept: false });
      st.hold.add(k);
    }
  }

  function writeRecord(j, answers, last) {
    const s = storage();
    if (!s) throw new Error("no storage");
    const at = new Date().toISOString();
    s.setItem(key(j), JSON.stringify({ version: VERSION, journey: j, answers, last: last ?? null, updated: at }));
    updated[j] = at;
  }

  /** The release before's answers for journey j, moved into this scope (and out of the old key). */
  function migrate(j) {
    const s = get(V1_KEY);
    if (!s) return null;
    const r = parseV1(s);
    if (r.reason) { keepUnreadable(V1_KEY, s, r.reason); return null; }
    const old = r.v;
    if (!Object.keys(old[j]).length) return null;
    const rec = { answers: old[j], last: old.last[j] ?? null, updated: null };
    try {
      writeRecord(j, rec.answers, rec.last);
      // The journey the old record was on counts as the one saved last.
      rec.updated = old.journey === j ? updated[j] : new Date(Date.parse(updated[j]) - 1).toISOString();
      const rest = { ...old, [j]: {}, last: Object.fromEntries(Object.entries(old.last).filter(([k]) => k !== j)) };
      if (JOURNEYS.some((x) => Object.keys(rest[x]).length)) storage().setItem(V1_KEY, JSON.stringify({ version: 1, ...rest }));
      else storage().removeItem(V1_KEY);
    } catch { /* not moved: read from the old key again next time */ }
    return rec;
  }

  function readJourney(j) {
    const k = key(j);
    if (st.hold.has(k)) return null;
    const s = get(k);
    if (!s) return migrate(j);
    const r = parseRecord(s, j);
    if (r.reason) { keepUnreadable(k, s, r.reason); return null; }
    return r;
  }

  function load() {
    memory = empty();
    st.unreadable = st.unreadable.filter((u) => !u.kept);
    for (const j of journeys) {
      const r = readJourney(j);
      memory[j] = r?.answers ?? {};
      if (r?.last) memory.last[j] = r.last;
      base[j] = structuredClone(memory[j]);
      updated[j] = r?.updated ?? null;
    }
    // The journey the user was on: the one saved last.
    const dated = journeys.filter((j) => updated[j]).sort((x, y) => (updated[x] < updated[y] ? 1 : -1));
    memory.journey = dated[0] ?? null;
    for (const k of [V1_BACKUP_KEY, ...journeys.map((j) => backupKey(key(j)))]) {
      if (st.unreadable.some((u) => backupKey(u.key) === k)) continue;
      try {
        const b = JSON.parse(get(k) ?? "null");
        if (plain(b) && typeof b.text === "string") st.unreadable.push({ ...b, key: k === V1_BACKUP_KEY ? V1_KEY : k.replace(/:unreadable$/, ""), kept: true });
      } catch { /* not ours */ }
    }
    return structuredClone(memory);
  }

  /** Saves the journeys whose answers (or last page) changed. Returns false if any save failed. */
  function save(state) {
    const before = memory;
    memory = structuredClone(state);
    let ok = true;
    for (const j of journeys) {
      if (same(before[j], memory[j]) && same(before.last?.[j], memory.last?.[j]) && !st.failing) continue;
      if (st.hold.has(key(j))) { ok = false; continue; }
      try {
        writeRecord(j, memory[j] ?? {}, memory.last?.[j]);
        base[j] = structuredClone(memory[j] ?? {});
      } catch { ok = false; }
    }
    st.failing = !ok;
    return ok;
  }

  function clear() {
    memory = empty();
    st.conflicts = {};
    for (const j of journeys) {
      base[j] = {};
      try { storage()?.removeItem(key(j)); } catch { /* nothing to clear */ }
    }
    clearList();
  }

  /** { unreadable: [..] or null, saveFailed, conflicts } */
  function status() {
    return { unreadable: st.unreadable.length ? st.unreadable : null, saveFailed: st.failing || st.hold.size > 0, conflicts: st.conflicts };
  }

  function discardUnreadable() {
    for (const u of st.unreadable) {
      try { storage()?.removeItem(backupKey(u.key)); } catch { /* gone with the storage */ }
      if (st.hold.has(u.key)) {
        st.hold.delete(u.key);
        try { storage()?.removeItem(u.key); } catch { /* as above */ }
      }
    }
    st.unreadable = [];
    st.failing = false;
    for (const j of journeys) {
      try { writeRecord(j, memory[j] ?? {}, memory.last?.[j]); base[j] = structuredClone(memory[j] ?? {}); } catch { st.failing = true; }
    }
  }

  /** Calls onChange({ journey, before, state, conflicts }) when another tab changes this
   *  scope's saved answers of a journey: state is this tab's answers with theirs merged in. */
  function watch(onChange) {
    window.addEventListener("storage", (e) => {
      const j = journeys.find((x) => e.key === key(x) || e.key === null);
      if (!j || st.hold.has(key(j))) return;
      const r = e.newValue ? parseRecord(e.newValue, j) : { answers: {}, last: null };
      if (r.reason) return; // written by something else: read (and kept) on the next load
      if (same(r.answers, memory[j])) { base[j] = structuredClone(r.answers); return; }
      const before = structuredClone(memory);
      const m = merge(base[j] ?? {}, memory[j] ?? {}, r.answers);
      memory = { ...memory, [j]: m.answers };
      base[j] = structuredClone(r.answers);
      const conflicts = { ...(st.conflicts[j] ?? {}), ...m.conflicts };
      if (Object.keys(conflicts).length) st.conflicts[j] = conflicts;
      // What this tab adds to theirs is written back, so every tab has both.
      if (!same(m.answers, r.answers)) save(memory);
      onChange({ journey: j, before, state: structuredClone(memory), conflicts: m.conflicts });
    });
  }

  /** Where both tabs changed an answer: keep this tab's ("mine") or take the other's ("theirs"),
   *  for the given answer keys (all the journey's conflicts when none are given). */
  function resolve(j, choice, keys = null) {
    const c = st.conflicts[j] ?? {};
    const ks = keys ?? Object.keys(c);
    const next = { ...memory, [j]: { ...memory[j] } };
    for (const k of ks) {
      if (choice === "theirs") {
        if (c[k] === undefined) delete next[j][k]; else next[j][k] = structuredClone(c[k]);
      }
      delete c[k];
    }
    if (!Object.keys(c).length) delete st.conflicts[j];
    save(next);
    return structuredClone(memory);
  }

  return { scope, journeys, key, load, save, clear, status, discardUnreadable, watch, resolve };
}

export function hasAnswers(state) {
  return JOURNEYS.some((j) => Object.keys(state[j] ?? {}).length > 0);
}

// ---- the list of councils from a file --------------------------------------------------------

let memoryList = null;

/** The councils loaded from a file of council histories (to pick one from). */
export function loadList() {
  if (memoryList) return memoryList;
  try {
    const s = storage()?.getItem(LIST_KEY);
    if (s) memoryList = JSON.parse(s);
  } catch { memoryList = null; }
  return Array.isArray(memoryList?.councils) ? memoryList : null;
}

export function saveList(list) {
  memoryList = list;
  try { storage()?.setItem(LIST_KEY, JSON.stringify(list)); } catch { /* too big: kept for this visit */ }
}

function clearList() {
  memoryList = null;
  try { storage()?.removeItem(LIST_KEY); } catch { /* nothing to clear */ }
}
