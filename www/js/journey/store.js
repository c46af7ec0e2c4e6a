// Answers saved in this browser (localStorage of this origin only), restored after a reload or
// a closed tab; "Start again" clears them. If storage is unavailable the answers live in memory.
//
// Answers are kept per council (and per sponsor organisation), per journey and per place the
// checker runs, so that an officer can check many councils, in many tabs, and lose nothing:
//
//   trust-eligibility:v3:<scope>:<journey>:<record>   { version: 3, journey, id, answers, last, updated }
//
// scope: "site" for the checker's own pages; "element:<host path>:<id, name or position>" for
// a <trust-eligibility-check> on a host's page; "frame:<address>:<frame name>" for the iframe
// embed (see embed/element.js). record (recordId): "code:<council code>" for a council from
// Ofsted's data, "name:<the name, lower case>" for one named by hand or an organisation, and ""
// for answers not yet given a name. Each tab remembers which record of each journey it is on (in
// sessionStorage, so a reload stays there); a new tab starts on the one saved last. Naming
// answers moves them to their name; answering for another council starts its own record and
// leaves the first as it was. Answers saved by the releases before (one record per journey,
// trust-eligibility:v2:<scope>:<journey>; before that one key for everything,
// trust-eligibility:answers:v1) are moved into the new keys the first time a journey is opened,
// never discarded.
//
// Nothing is lost without the user knowing (status() says what the page should tell them):
// saved answers that cannot be read (damaged, another format, a newer version) are kept under
// "<key>:unreadable" until the user downloads or discards them; answers that cannot be saved
// (storage full or blocked) stay in memory, until a save works again; a change made in another
// tab to the same council's (or organisation's) answers is merged answer by answer (an answer
// changed in only one tab is taken from that tab), and where both tabs changed the same answer,
// this tab's is kept and the other's is offered (resolve()). Another council's answers, saved in
// another tab, change nothing here.

export const V1_KEY = "trust-eligibility:answers:v1";
export const V1_BACKUP_KEY = "trust-eligibility:answers:unreadable";
const LIST_KEY = "trust-eligibility:council-list:v1";
export const VERSION = 3;
export const JOURNEYS = ["council", "sponsor"];
/** The key of one record: `record` is recordId's. */
export const keyFor = (scope, journey, record = "") => `trust-eligibility:v${VERSION}:${scope}:${journey}:${record}`;
const v2Key = (scope, journey) => `trust-eligibility:v2:${scope}:${journey}`;
const tabKey = (scope) => `trust-eligibility:v${VERSION}:${scope}:tab`;
const backupKey = (key) => (key === V1_KEY ? V1_BACKUP_KEY : `${key}:unreadable`);

/** Which record a journey's answers belong to: the council's code, else its (or the
 *  organisation's) name, any case and spacing; "" before a name is given. */
export function recordId(journey, a) {
  if (journey === "council" && typeof a?.code === "string" && a.code.trim()) return `code:${encodeURIComponent(a.code.trim().toUpperCase())}`;
  const name = typeof a?.name === "string" ? a.name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase() : "";
  return name ? `name:${encodeURIComponent(name)}` : "";
}
const withoutName = (a) => Object.fromEntries(Object.entries(a ?? {}).filter(([k]) => k !== "name" && k !== "code"));

function storage() {
  try { return window.localStorage; } catch { return null; }
}
function session() {
  try { return window.sessionStorage; } catch { return null; }
}
const plain = (v) => !!v && typeof v === "object" && !Array.isArray(v);
const same = (x, y) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
const get = (k) => { try { return storage()?.getItem(k) ?? null; } catch { return null; } };
function keys() {
  const s = storage();
  const out = [];
  try { for (let i = 0; s && i < s.length; i++) out.push(s.key(i)); } catch { /* none to read */ }
  return out;
}

/** A saved record as { answers, last, updated }, or { reason } when it cannot be read. */
function parseRecord(s, journey, id) {
  let v;
  try { v = JSON.parse(s); } catch { return { reason: "damaged" }; }
  if (!plain(v)) return { reason: "damaged" };
  if (!Number.isInteger(v.version) || v.version < 1) return { reason: "foreign" };
  if (v.version > VERSION) return { reason: "newer" };
  const known = ["version", "journey", "id", "answers", "last", "updated"];
  if (v.version !== VERSION || Object.keys(v).some((k) => !known.includes(k)) || v.journey !== journey || v.id !== id
    || !plain(v.answers) || !(v.last === undefined || v.last === null || typeof v.last === "string")) return { reason: "foreign" };
  return { answers: v.answers, last: v.last ?? null, updated: typeof v.updated === "string" ? v.updated : null };
}

/** The release before's record (one per journey): { answers, last, updated } or { reason }. */
function parseV2(s, journey) {
  let v;
  try { v = JSON.parse(s); } catch { return { reason: "damaged" }; }
  if (!plain(v)) return { reason: "damaged" };
  if (!Number.isInteger(v.version) || v.version < 1) return { reason: "foreign" };
  if (v.version > 2) return { reason: "newer" };
  const known = ["version", "journey", "answers", "last", "updated"];
  if (v.version !== 2 || Object.keys(v).some((k) => !known.includes(k)) || v.journey !== journey
    || !plain(v.answers) || !(v.last === undefined || v.last === null || typeof v.last === "string")) return { reason: "foreign" };
  return { answers: v.answers, last: v.last ?? null, updated: typeof v.updated === "string" ? v.updated : null };
}

/** The first release's record (every journey under one key), or { reason }. */
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
 * The app's state: { journey, council, sponsor, last: { council, sponsor } }: the answers of the
 * record this tab is on, for each journey.
 */
export function createStore({ scope, journeys = JOURNEYS }) {
  const empty = () => ({ journey: null, council: {}, sponsor: {}, last: {} });
  let memory = empty();
  const cur = {}; // journey -> the record this tab is on (recordId)
  // journey -> true once this tab has saved to or opened its record (kept for a reload); until
  // then a tab is on the record saved last without changing it by just showing its pages.
  const pinned = {};
  const base = {}; // journey -> the answers last read from or written to storage
  const updated = {}; // journey -> when they were saved
  const st = {
    unreadable: [], // [{ key, text, at, reason, kept }]
    hold: new Set(), // keys holding unreadable text that could not be moved: not written over
    failing: false, // the last save failed (storage full or blocked)
    blocked: false, // the browser gives this page no storage at all (a frame on another site, most often)
    conflicts: {}, // journey -> { answer key: the other tab's value }
  };
  // journey -> its records as last read (records()), until this store writes or removes one or
  // another tab changes storage: the pages that list them read them on every paint.
  const cache = new Map();
  try { window.addEventListener("storage", () => cache.clear()); } catch { /* no window: nothing shared */ }
  const key = (j, id = cur[j] ?? "") => keyFor(scope, j, id);
  const prefix = (j) => keyFor(scope, j, "");

  function keepUnreadable(k, text, reason) {
    cache.clear();
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

  function writeRecord(j, id, answers, last, at = new Date().toISOString()) {
    const s = storage();
    if (!s) { st.blocked = true; throw new Error("no storage"); }
    cache.clear();
    try {
      s.setItem(keyFor(scope, j, id), JSON.stringify({ version: VERSION, journey: j, id, answers, last: last ?? null, updated: at }));
    } catch (e) {
      // Full (QuotaExceededError), or refused outright (SecurityError: storage turned off).
      st.blocked = e?.name !== "QuotaExceededError";
      throw e;
    }
    st.blocked = false;
    if (id === cur[j]) updated[j] = at;
  }
  const remove = (k) => { cache.clear(); try { storage()?.removeItem(k); } catch { /* gone with the storage */ } };

  /** Which record of each journey this tab is on (kept for a reload). */
  function readTab() {
    try {
      const v = JSON.parse(session()?.getItem(tabKey(scope)) ?? "null");
      return plain(v) ? v : null;
    } catch { return null; }
  }
  function writeTab() {
    try { session()?.setItem(tabKey(scope), JSON.stringify({ journey: memory.journey, ...Object.fromEntries(journeys.filter((j) => pinned[j]).map((j) => [j, cur[j] ?? ""])) })); } catch { /* this tab only */ }
  }

  /** A record of the releases before, moved to its own record (not over one already there). */
  function moveIn(j, rec) {
    if (!Object.keys(rec.answers).length) return true;
    const id = recordId(j, rec.answers);
    if (get(keyFor(scope, j, id)) !== null) return true; // saved since by this release: the later answers
    try { writeRecord(j, id, rec.answers, rec.last, rec.updated ?? new Date().toISOString()); return true; } catch { return false; }
  }

  /** The answers of journey j saved by the releases before, moved into records of their own. */
  function migrate(j) {
    const k2 = v2Key(scope, j);
    const s2 = st.hold.has(k2) ? null : get(k2);
    if (s2 !== null) {
      const r = parseV2(s2, j);
      if (r.reason) keepUnreadable(k2, s2, r.reason);
      else if (moveIn(j, r)) remove(k2);
    }
    const s1 = get(V1_KEY);
    if (!s1) return;
    const r = parseV1(s1);
    if (r.reason) { keepUnreadable(V1_KEY, s1, r.reason); return; }
    const old = r.v;
    if (!Object.keys(old[j]).length) return;
    // The journey the old record was on counts as the one saved last.
    const now = Date.now();
    const at = new Date(old.journey === j ? now : now - 1).toISOString();
    if (!moveIn(j, { answers: old[j], last: old.last[j] ?? null, updated: at })) return;
    const rest = { ...old, [j]: {}, last: Object.fromEntries(Object.entries(old.last).filter(([k]) => k !== j)) };
    try {
      if (JOURNEYS.some((x) => Object.keys(rest[x]).length)) storage().setItem(V1_KEY, JSON.stringify({ version: 1, ...rest }));
      else storage().removeItem(V1_KEY);
    } catch { /* not moved: read from the old key again next time */ }
  }

  /** Every record of journey j, the one saved last first: [{ id, answers, last, updated }]. */
  function records(j) {
    if (!cache.has(j)) cache.set(j, readRecords(j));
    return cache.get(j).slice();
  }
  function readRecords(j) {
    const p = prefix(j);
    const out = [];
    for (const k of keys()) {
      if (!k.startsWith(p) || k.endsWith(":unreadable") || st.hold.has(k)) continue;
      const id = k.slice(p.length);
      const s = get(k);
      if (s === null) continue;
      const r = parseRecord(s, j, id);
      if (r.reason) { keepUnreadable(k, s, r.reason); continue; }
      out.push({ id, ...r });
    }
    return out.sort((x, y) => ((x.updated ?? "") < (y.updated ?? "") ? 1 : -1));
  }

  function load() {
    memory = empty();
    st.unreadable = st.unreadable.filter((u) => !u.kept);
    const tab = readTab();
    for (const j of journeys) {
      migrate(j);
      const all = records(j);
      // This tab's record (after a reload), or in a new tab the one saved last.
      pinned[j] = typeof tab?.[j] === "string";
      const r = pinned[j] ? all.find((x) => x.id === tab[j]) ?? null : all[0] ?? null;
      cur[j] = r?.id ?? (pinned[j] ? tab[j] : "");
      memory[j] = structuredClone(r?.answers ?? {});
      if (r?.last) memory.last[j] = r.last;
      base[j] = structuredClone(memory[j]);
      updated[j] = r?.updated ?? null;
    }
    // The journey the user was on: this tab's, or the one saved last.
    const dated = journeys.filter((j) => updated[j]).sort((x, y) => (updated[x] < updated[y] ? 1 : -1));
    memory.journey = tab && journeys.includes(tab.journey) ? tab.journey : dated[0] ?? null;
    const backups = [V1_BACKUP_KEY, ...journeys.map((j) => backupKey(v2Key(scope, j))),
      ...keys().filter((k) => journeys.some((j) => k.startsWith(prefix(j))) && k.endsWith(":unreadable"))];
    for (const k of backups) {
      if (st.unreadable.some((u) => backupKey(u.key) === k)) continue;
      try {
        const b = JSON.parse(get(k) ?? "null");
        if (plain(b) && typeof b.text === "string") st.unreadable.push({ ...b, key: k === V1_BACKUP_KEY ? V1_KEY : k.replace(/:unreadable$/, ""), kept: true });
      } catch { /* not ours */ }
    }
    return structuredClone(memory);
  }

  /** Saves the journeys whose answers (or last page) changed, each in its record: answers
   *  given a name (or renamed) move with it; answers for another council go to a record of their
   *  own and the record left stays as it was. Returns false if any save failed. */
  function save(state) {
    const before = memory;
    memory = structuredClone(state);
    let ok = true;
    for (const j of journeys) {
      const id = recordId(j, memory[j]);
      const moved = id !== (cur[j] ?? "");
      if (!moved && same(before[j], memory[j]) && (same(before.last?.[j], memory.last?.[j]) || !pinned[j]) && !st.failing) continue;
      // Nothing answered yet, and nothing saved to update: nothing to save (so a page that
      // cannot save says so only once there is an answer to keep).
      if (!moved && !Object.keys(memory[j] ?? {}).length && !Object.keys(base[j] ?? {}).length) continue;
      if (moved) {
        const old = cur[j] ?? "";
        // Moved with its name only when this tab's own answers are carried over.
        const renamed = Object.keys(before[j] ?? {}).length > 0 && (old === "" || same(withoutName(before[j]), withoutName(memory[j])));
        cur[j] = id;
        if (renamed && get(keyFor(scope, j, id)) === null && !st.hold.has(keyFor(scope, j, old))) remove(keyFor(scope, j, old));
        delete st.conflicts[j];
      }
      if (st.hold.has(key(j))) { ok = false; continue; }
      try {
        writeRecord(j, id, memory[j] ?? {}, memory.last?.[j]);
        base[j] = structuredClone(memory[j] ?? {});
      } catch { ok = false; }
      pinned[j] = true;
    }
    writeTab();
    st.failing = !ok;
    return ok;
  }

  /** The records of journey j saved in this browser (councils or organisations checked; their
   *  answers are read only). */
  function checked(j) {
    if (!journeys.includes(j)) return [];
    return records(j).map((r) => ({ id: r.id, name: r.answers.name ?? null, answers: r.answers, last: r.last, updated: r.updated, current: r.id === cur[j] }));
  }

  /** Whether a record is saved (another council's, before this tab goes to it). */
  const has = (j, id) => get(keyFor(scope, j, id)) !== null;
  const current = (j) => cur[j] ?? "";

  /** This tab goes to a saved record of journey j ("" and no answers: a new council or
   *  organisation). Returns the state. */
  function open(j, id) {
    const r = id ? records(j).find((x) => x.id === id) ?? null : null;
    cur[j] = r ? id : "";
    pinned[j] = true;
    const last = { ...memory.last };
    if (r?.last) last[j] = r.last; else delete last[j];
    memory = { ...memory, journey: j, [j]: structuredClone(r?.answers ?? {}), last };
    base[j] = structuredClone(memory[j]);
    updated[j] = r?.updated ?? null;
    delete st.conflicts[j];
    writeTab();
    return structuredClone(memory);
  }

  function clear() {
    memory = empty();
    st.conflicts = {};
    for (const j of journeys) {
      base[j] = {};
      cur[j] = "";
      pinned[j] = false;
      for (const k of keys()) if (k.startsWith(prefix(j)) && !k.endsWith(":unreadable")) remove(k);
      remove(v2Key(scope, j));
    }
    try { session()?.removeItem(tabKey(scope)); } catch { /* nothing to clear */ }
    clearList();
  }

  /** { unreadable: [..] or null, saveFailed, blocked (no storage at all, rather than full), conflicts } */
  function status() {
    return { unreadable: st.unreadable.length ? st.unreadable : null, saveFailed: st.failing || st.hold.size > 0, blocked: st.failing && st.blocked, conflicts: st.conflicts };
  }

  function discardUnreadable() {
    for (const u of st.unreadable) {
      remove(backupKey(u.key));
      if (st.hold.has(u.key)) {
        st.hold.delete(u.key);
        remove(u.key);
      }
    }
    st.unreadable = [];
    st.failing = false;
    for (const j of journeys) {
      if (!Object.keys(memory[j] ?? {}).length) continue;
      try { writeRecord(j, cur[j] ?? "", memory[j] ?? {}, memory.last?.[j]); base[j] = structuredClone(memory[j] ?? {}); } catch { st.failing = true; }
    }
  }

  /** Calls onChange({ journey, before, state, conflicts }) when another tab changes the answers
   *  of the record this tab is on: state is this tab's answers with theirs merged in; and
   *  onOther({ journey }) when it saves another record (a council or organisation checked).
   *  @param {(change: any) => void} onChange @param {(other: { journey: string }) => void} [onOther] */
  function watch(onChange, onOther = (_other) => {}) {
    window.addEventListener("storage", (e) => {
      if (e.storageArea && e.storageArea !== storage()) return;
      const j = journeys.find((x) => e.key?.startsWith(prefix(x)));
      if (!j || e.key.endsWith(":unreadable")) return;
      const id = e.key.slice(prefix(j).length);
      if (id !== (cur[j] ?? "") || st.hold.has(e.key)) { onOther({ journey: j }); return; }
      // Removed in another tab (renamed there, or started again): this tab keeps its answers,
      // saved again with its next answer.
      if (!e.newValue) return;
      const r = parseRecord(e.newValue, j, id);
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
  function resolve(j, choice, ks = null) {
    const c = st.conflicts[j] ?? {};
    const next = { ...memory, [j]: { ...memory[j] } };
    for (const k of ks ?? Object.keys(c)) {
      if (choice === "theirs") {
        if (c[k] === undefined) delete next[j][k]; else next[j][k] = structuredClone(c[k]);
      }
      delete c[k];
    }
    if (!Object.keys(c).length) delete st.conflicts[j];
    save(next);
    return structuredClone(memory);
  }

  return { scope, journeys, key, load, save, clear, status, discardUnreadable, watch, resolve, checked, has, current, open };
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
