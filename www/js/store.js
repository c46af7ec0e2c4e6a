// Answers saved in this browser (localStorage of this origin only), restored after a reload or
// a closed tab; "Start again" clears them. If storage is unavailable the answers live in memory.

const KEY = "trust-eligibility:answers:v1";
const LIST_KEY = "trust-eligibility:council-list:v1";

const empty = () => ({ journey: null, council: {}, sponsor: {}, last: {} });
let memory = empty();
let memoryList = null;

function storage() {
  try { return window.localStorage; } catch { return null; }
}

export function load() {
  try {
    const s = storage()?.getItem(KEY);
    if (s) {
      const v = JSON.parse(s);
      if (v && typeof v === "object") memory = { ...empty(), ...v };
    }
  } catch { /* a damaged entry: start with what is in memory */ }
  return structuredClone(memory);
}

export function save(state) {
  memory = structuredClone(state);
  try { storage()?.setItem(KEY, JSON.stringify(state)); } catch { /* full or blocked: kept in memory */ }
}

export function clear() {
  memory = empty();
  memoryList = null;
  try { storage()?.removeItem(KEY); storage()?.removeItem(LIST_KEY); } catch { /* nothing to clear */ }
}

export function hasAnswers(state) {
  return ["council", "sponsor"].some((j) => Object.keys(state[j] ?? {}).length > 0);
}

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
