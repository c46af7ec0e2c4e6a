// Answers saved in this browser (localStorage of this origin only), restored after a reload or
// a closed tab; "Start again" clears them. If storage is unavailable the answers live in memory.
//
// Nothing is lost without the user knowing (store.status() says what the page should tell them):
// saved answers that cannot be read (damaged, another format, a newer version) are kept under
// BACKUP_KEY until the user downloads or discards them; answers that cannot be saved (storage
// full or blocked) stay in memory; answers changed in another tab are neither taken nor
// overwritten until the user chooses.

const KEY = "trust-eligibility:answers:v1";
const LIST_KEY = "trust-eligibility:council-list:v1";
export const BACKUP_KEY = "trust-eligibility:answers:unreadable";
export const VERSION = 1;

const empty = () => ({ journey: null, council: {}, sponsor: {}, last: {} });
let memory = empty();
let memoryList = null;
// unreadable: { text, at, reason: "damaged" | "foreign" | "newer", kept } or null;
// saveFailed: saving failed at least once; saveFailedShown: the page has said so;
// elsewhere: another tab changed the saved answers and this tab has not chosen yet.
const st = { unreadable: null, hold: false, saveFailed: false, saveFailedShown: false, elsewhere: false };

function storage() {
  try { return window.localStorage; } catch { return null; }
}

const plain = (v) => !!v && typeof v === "object" && !Array.isArray(v);

/** The saved text as answers, or { reason } when it cannot be read. */
function parse(s) {
  let v;
  try { v = JSON.parse(s); } catch { return { reason: "damaged" }; }
  if (!plain(v)) return { reason: "damaged" };
  if (v.version !== undefined && !(Number.isInteger(v.version) && v.version >= 1)) return { reason: "foreign" };
  if (v.version > VERSION) return { reason: "newer" };
  const known = ["version", "journey", "council", "sponsor", "last"];
  if (Object.keys(v).some((k) => !known.includes(k))) return { reason: "foreign" };
  if (![undefined, null, "council", "sponsor"].includes(v.journey)) return { reason: "foreign" };
  for (const k of ["council", "sponsor", "last"]) if (v[k] !== undefined && !plain(v[k])) return { reason: "foreign" };
  if (v.last && Object.values(v.last).some((p) => typeof p !== "string")) return { reason: "foreign" };
  const { version, ...answers } = v;
  return { answers: { ...empty(), ...answers } };
}

function readBackup() {
  try {
    const b = JSON.parse(storage()?.getItem(BACKUP_KEY) ?? "null");
    return plain(b) && typeof b.text === "string" ? b : null;
  } catch { return null; }
}

export function load() {
  let s = null;
  try { s = storage()?.getItem(KEY) ?? null; } catch { /* blocked: what is in memory */ }
  if (s) {
    const r = parse(s);
    if (r.answers) memory = r.answers;
    else {
      // Kept, never deleted silently: under the backup key, or (if that cannot be written) left
      // where it is, with this page's answers in memory only, until the user chooses.
      const b = { text: s, at: new Date().toISOString(), reason: r.reason };
      try {
        storage().setItem(BACKUP_KEY, JSON.stringify(b));
        storage().removeItem(KEY);
        st.unreadable = { ...b, kept: true };
      } catch {
        st.unreadable = { ...b, kept: false };
        st.hold = true;
      }
      memory = empty();
    }
  }
  if (!st.unreadable) {
    const b = readBackup();
    if (b) st.unreadable = { ...b, kept: true };
  }
  return structuredClone(memory);
}

function write(state) {
  const s = storage();
  if (!s) throw new Error("no storage");
  s.setItem(KEY, JSON.stringify({ version: VERSION, ...state }));
}

export function save(state) {
  memory = structuredClone(state);
  if (st.hold || st.elsewhere) return false;
  try { write(state); return true; } catch { st.saveFailed = true; return false; }
}

export function clear() {
  memory = empty();
  memoryList = null;
  try { storage()?.removeItem(KEY); storage()?.removeItem(LIST_KEY); } catch { /* nothing to clear */ }
}

export function hasAnswers(state) {
  return ["council", "sponsor"].some((j) => Object.keys(state[j] ?? {}).length > 0);
}

// ---- what the page must tell the user ---------------------------------------------------------

/** { unreadable, saveFailed (true once, the first time it is asked after a failure), elsewhere } */
export function status({ peek = false } = {}) {
  const saveFailed = st.saveFailed && !st.saveFailedShown;
  if (saveFailed && !peek) st.saveFailedShown = true;
  return { unreadable: st.unreadable, saveFailed, elsewhere: st.elsewhere };
}

/** The user discarded the unreadable answers. */
export function discardUnreadable() {
  try { storage()?.removeItem(BACKUP_KEY); } catch { /* gone with the storage */ }
  if (st.hold) {
    st.hold = false;
    try { storage()?.removeItem(KEY); } catch { /* as above */ }
    save(memory);
  }
  st.unreadable = null;
}

/** Calls onChange() when another tab changes the saved answers to something else than this
 *  tab's (the answers themselves, not only the page it is on). */
export function watch(onChange) {
  window.addEventListener("storage", (e) => {
    if (e.key !== KEY && e.key !== null) return;
    if (st.hold) return;
    const other = e.newValue ? parse(e.newValue).answers ?? null : empty();
    const same = other && ["council", "sponsor"].every((j) => JSON.stringify(other[j] ?? {}) === JSON.stringify(memory[j] ?? {}));
    if (same) return;
    st.elsewhere = true;
    onChange();
  });
}

/** Resolve a change in another tab: take its answers ("theirs") or write this tab's back. */
export function resolveElsewhere(choice) {
  st.elsewhere = false;
  if (choice === "theirs") {
    memory = empty();
    return load();
  }
  save(memory);
  return structuredClone(memory);
}

// ---- the list of councils from a file --------------------------------------------------------

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
