// Reads Ofsted's "Local authority inspection outcomes" file on this device — nothing is sent
// anywhere — and lists every council with its intervention. The reader is a WebAssembly module
// of its own (./pkg-ofsted/, built from crates/ofsted-wasm/), imported the first time it is needed, so
// pages that never read Ofsted's file never download it.
//
//   import { readOfstedFile } from "./ofsted-reader.js";
//   const list = await readOfstedFile(input.files[0], { asOf: "2025-06-30" });
//   list.councils[0]   // { code, name, region, latestGrade, latestPublished, intervention,
//                      //   rule, keyDate, persistent, systemic, ..., input }
//   assessCouncil(list.councils[0].input)   // the council's full, explained result
//
// The result's shape: Listing in ./pkg-ofsted/ofsted.d.ts. A file that is not Ofsted's,
// a bad date or an unknown ruleset throws an Error with `code` and `path` (as the checker does).

let loading = null;

/** Loads and starts the reader's module once (later calls share it); resolves to the module. */
export function loadOfstedReader() {
  if (!loading) {
    loading = import("./pkg-ofsted/ofsted.js").then(async (reader) => {
      await reader.default();
      return reader;
    });
    // A failed load (offline before the module was ever cached, say) can be tried again.
    loading.catch(() => { loading = null; });
  }
  return loading;
}

async function bytesOf(file) {
  if (file instanceof Uint8Array) return file;
  if (file instanceof ArrayBuffer) return new Uint8Array(file);
  if (file && typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  throw new TypeError("expected a File or Blob");
}

const nameOf = (file) => (file && typeof file.name === "string" ? file.name : "");

/**
 * Reads one file: Ofsted's spreadsheet as published (.ods; .xlsx too).
 * @param {File|Blob} file  chosen or dropped; a Blob without a name is recognised by its contents
 * @param {{asOf: string, ruleset?: string|null, rulesets?: object|null}} options
 *   asOf: the date to assess every council on (YYYY-MM-DD; the page passes today's date);
 *   ruleset: a ruleset id to apply on any date ("announcement-2015", "protocol-2016");
 *   rulesets: a ruleset override, as the checker's functions take.
 */
export async function readOfstedFile(file, { asOf, ruleset = null, rulesets = null } = {}) {
  const [reader, bytes] = await Promise.all([loadOfstedReader(), bytesOf(file)]);
  return reader.readOfsted(bytes, nameOf(file), asOf, ruleset, rulesets);
}

/**
 * Reads several files at once: Ofsted's sheets exported as CSV (each recognised by its header
 * row), or one spreadsheet. `files`: a FileList (an <input multiple>, a drop) or an array.
 */
export async function readOfstedFiles(files, { asOf, ruleset = null, rulesets = null } = {}) {
  const list = Array.from(files);
  if (list.length === 1) return readOfstedFile(list[0], { asOf, ruleset, rulesets });
  const [reader, ...bytes] = await Promise.all([loadOfstedReader(), ...list.map(bytesOf)]);
  const given = list.map((file, i) => ({ name: nameOf(file), bytes: bytes[i] }));
  return reader.readOfstedFiles(given, asOf, ruleset, rulesets);
}
