// Loads the optimised release build of the Ofsted reader (www/pkg-ofsted, the second wasm
// module) once in Node and reads Ofsted's published file with it: catches an optimiser that
// breaks the module, and a spreadsheet reader (zip, deflate, XML) that misbehaves on wasm32.
// The data is Ofsted's published file, shipped in data/ofsted/ (see its README).
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { initSync, readOfsted, readOfstedFiles } from "../www/pkg-ofsted/ofsted.js";

const fail = (what, value) => {
  throw new Error(`smoke-ofsted: ${what}${value === undefined ? "" : ": " + JSON.stringify(value)}`);
};
const wasmPath = new URL("../www/pkg-ofsted/ofsted_bg.wasm", import.meta.url);
const wasm = readFileSync(wasmPath);
initSync({ module: wasm });

const data = new URL("../data/ofsted/", import.meta.url);
const odsName = "LA_Inspection_Outcomes_as_at_31_March_2025.ods";
const ods = new Uint8Array(readFileSync(new URL(odsName, data)));

const t0 = performance.now();
const list = readOfsted(ods, odsName, "2025-06-30");
const ms = performance.now() - t0;

if (list.source.format !== "spreadsheet") fail("the .ods was not read as a spreadsheet", list.source);
if (list.councils.length !== 153 || list.summary.councils !== 153) fail("expected 153 councils", list.councils.length);
if (list.ruleset.id !== "protocol-2016") fail("unexpected ruleset", list.ruleset);
if (list.warnings.length !== 0) fail("Ofsted's file gave warnings", list.warnings);
const gone = list.noLongerExists.map((c) => c.code).join(" ");
if (gone !== "E06000028 E10000006 E10000021") fail("unexpected councils that no longer exist", gone);
const bradford = list.councils.find((c) => c.code === "E08000032");
if (!bradford || bradford.intervention !== "statutory_direction" || !bradford.persistent
  || bradford.rule !== "protocol-2016/row-2" || bradford.latestPublished !== "2023-01-31"
  || bradford.keyDate?.date !== "2023-04-30") {
  fail("Bradford is not a persistent failure under a statutory direction", bradford);
}
if (bradford.input.asOf !== "2025-06-30" || bradford.input.council.code !== "E08000032"
  || bradford.input.inspections.length < 2) {
  fail("Bradford's input is not the history to prefill", bradford.input);
}
// The visits the file lists are in each council's input, with their date and kind only.
const sandwell = list.councils.find((c) => c.code === "E08000028");
if (JSON.stringify(sandwell?.input.visits) !== JSON.stringify([{ date: "2024-10-30", kind: "focused", progress: null, priorityActions: null }])) {
  fail("Sandwell's focused visit is not in its input", sandwell?.input.visits);
}
if (list.summary.visits.monitoring !== 24 || list.summary.visits.focused !== 36) fail("expected 24 monitoring and 36 focused visits", list.summary.visits);
if (list.summary.asAt !== "2025-03-31") fail("the file's as-at date was not read", list.summary.asAt);
const grades = list.summary.byLatestGrade;
if (grades.inadequate !== 19 || grades.good !== 67 || grades.outstanding !== 36 || grades.requires_improvement !== 31) {
  fail("the latest grades differ from Ofsted's counts", grades);
}

// The CSV exports, given together, give the same councils.
const csvNames = ["latest_as_at_2025-03-31.csv", "ilacs_history_2018-2025.csv", "in_year_2024-25.csv"];
const fromCsv = readOfstedFiles(csvNames.map((name) => ({ name, bytes: readFileSync(new URL(name, data)) })), "2025-06-30");
if (fromCsv.source.format !== "csv" || JSON.stringify(fromCsv.councils) !== JSON.stringify(list.councils)) {
  fail("the CSV exports do not give the same councils as the .ods");
}

// A file that is not Ofsted's throws an Error with code and path; so does a bad date.
const threw = (f) => { try { f(); } catch (e) { return e; } return null; };
let e = threw(() => readOfsted(new TextEncoder().encode("a,b\n1,2\n"), "other.csv", "2025-06-30"));
if (!(e instanceof Error) || e.code !== "no_header" || !/Ofsted/.test(e.message) || !e.detail) fail("a foreign CSV did not throw as expected", String(e));
e = threw(() => readOfsted(ods, odsName, "2025-02-30"));
if (!(e instanceof Error) || e.code !== "invalid_date" || e.path !== "asOf") fail("a bad asOf did not throw as expected", String(e));

// www/ofsted-reader.js, as a page uses it: the module it imports is this one, already started.
const page = await import("../www/ofsted-reader.js");
const viaPage = await page.readOfstedFile(new File([ods], odsName), { asOf: "2025-06-30" });
if (JSON.stringify(viaPage.councils) !== JSON.stringify(list.councils)) fail("ofsted-reader.js read the .ods differently");
const viaBlob = await page.readOfstedFiles(csvNames.map((n) => new File([readFileSync(new URL(n, data))], n)), { asOf: "2019-06-30", ruleset: "protocol-2016" });
if (viaBlob.councils.find((c) => c.code === "E08000032")?.intervention !== "improvement_notice") fail("ofsted-reader.js: Bradford in 2019");
e = await page.readOfstedFile(new Blob(["not a spreadsheet"]), { asOf: "2025-06-30" }).catch((x) => x);
if (!(e instanceof Error) || !e.code) fail("ofsted-reader.js: a foreign file did not reject with an Error", String(e));

const gz = gzipSync(wasm, { level: 9 }).length;
console.error(`==> smoke: Ofsted reader wasm loads and reads Ofsted's .ods in ${ms.toFixed(0)} ms (153 councils; ${statSync(wasmPath).size} bytes raw, ${gz} gzip)`);
