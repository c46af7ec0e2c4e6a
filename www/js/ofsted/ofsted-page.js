// Every council at once, from Ofsted's "Local authority inspection outcomes": a page to choose
// the data (the copy this service ships, or a newer file of the user's own) and the date to
// check, then a sortable, filterable table of every council with its intervention, each linked
// to its full, explained result (the council journey's result page, with the council's history
// filled in), how old the data is against the date checked, and, for each council in
// intervention, the councils of its region that could help.
//
// The shipped data (../data/councils.json: every council's name, code, region, inspections and
// visits, generated from Ofsted's file at build time) is assessed by the engine itself
// (assessCouncils), so the page works offline and without the spreadsheet reader. A file of the
// user's own is read on this device by a WebAssembly module of its own (../ofsted-reader.js
// imports ../pkg-ofsted/ the first time it is needed), which the service worker keeps once used.
// Both give the same listing (the reader's Listing shape), kept as the loaded list of
// councils (store.saveList), so the council journey can also offer "pick a council from the
// file you loaded".
//
// app.js routes ?page=ofsted and ?page=ofsted/councils here (view, submit, openCouncil). The
// table's sorting and filtering work in place, by event delegation, without repainting the page.
//
// This module is imported by app.js the first time one of its pages is shown, so the start page
// neither downloads nor parses it (the service worker precaches it, with the shipped data, for
// offline use). It imports nothing itself: app.js hands it what it uses from the app's modules
// (connect), so that, bundled, it holds only its own code and the app's stays in the one chunk
// the full page and the element share (build/js.mjs).
let html, C, store, parseDateParts, isoToParts, formatDate, gradeLabel, GRADES, DATE_KINDS, daysInWords, inForce, fromInput,
  possiblePartners;

/** deps: { html, C (components.js), store, parseDateParts, isoToParts, formatDate, gradeLabel,
 *  GRADES, DATE_KINDS, daysInWords, inForce, fromInput (council.js), possiblePartners (partners.js) }. */
export function connect(deps) {
  ({ html, C, store, parseDateParts, isoToParts, formatDate, gradeLabel, GRADES, DATE_KINDS, daysInWords, inForce, fromInput,
    possiblePartners } = deps);
}

export const PAGES = ["ofsted", "ofsted/councils"];

const FILE_ID = "ofsted-file";
const SOURCE_ID = "source";
const MAX_BYTES = 20_000_000;
const ASOF_NOUN = "the date to check";
/** Ofsted's sheets, as the reader recognises their CSV exports. */
const SHEETS = ["ILACS_inspection_history", "Inspections_as_at_31_March", "In-year_inspections"];
/** Data more than this many months older than the date checked gets a warning. */
const STALE_MONTHS = 6;
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n, one, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
/** "A, B and C"; "A; B; C and D" when a name has "and" in it ("Westmorland and Furness"). */
const listInWords = (xs) => {
  if (xs.length < 2) return xs.join("");
  const sep = xs.some((x) => / and /.test(x)) ? "; " : ", ";
  return `${xs.slice(0, -1).join(sep)}${sep === "; " ? "; and " : " and "}${xs.at(-1)}`;
};

// The table's sort and filter, kept while the user goes to a council and comes back; the form's
// last answers, and the file chosen (kept through an error in the date, as a person would expect).
let sort = { key: "name", dir: "ascending" };
let filter = { text: "", rule: "" };
let lastAsOf = null;
let lastSource = null;
let chosenFiles = [];

// --------------------------------------------------------------------------------------------
// The shipped data, read when this module is first imported (the import waits for it): a fetch of
// the same origin, kept by the service worker, so it works offline. Without it (a broken
// deployment), the page still reads a file of the user's own and says the copy is missing.

const DATA_URL = new URL("../data/councils.json", import.meta.url);
const READER_WASM = new URL("../pkg-ofsted/ofsted_bg.wasm", import.meta.url);

/** The shipped data, checked for the shape the page relies on; throws naming what is wrong. */
function checkedData(d) {
  const s = d?.source;
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s.asAt ?? "") || typeof s.licence !== "string") throw new Error("councils.json: source.asAt or source.licence missing");
  if (!Array.isArray(d.councils) || !d.councils.length) throw new Error("councils.json: no councils");
  d.councils.forEach((c, i) => {
    if (typeof c.name !== "string" || typeof c.code !== "string" || !Array.isArray(c.inspections)) {
      throw new Error(`councils.json: councils[${i}] lacks a name, code or inspections`);
    }
  });
  return d;
}

async function loadShipped() {
  try {
    const r = await fetch(DATA_URL);
    if (!r.ok) throw new Error(`${DATA_URL.pathname}: ${r.status}`);
    return { data: checkedData(await r.json()), error: null };
  } catch (e) {
    console.warn(`The Ofsted data included with this service could not be read: ${e.message}`);
    return { data: null, error: e };
  }
}
const shipped = await loadShipped();

/** Whether the spreadsheet reader is on this device (in the service worker's cache). */
let readerCached = false;
async function checkReaderCached() {
  try { readerCached = !!(globalThis.caches && await caches.match(READER_WASM.href)); } catch { readerCached = false; }
  return readerCached;
}
await checkReaderCached();

// --------------------------------------------------------------------------------------------
// The reader, imported on this page only, once a file of the user's own is wanted.

let readerModule = null;
function reader() {
  readerModule ??= import("../../ofsted-reader.js").catch((e) => { readerModule = null; throw e; });
  return readerModule;
}
/** Starts downloading the reader's module while the user chooses the file. */
function preload() {
  if (globalThis.navigator?.onLine === false && !readerCached) return;
  reader().then((m) => m.loadOfstedReader()).then(() => { readerCached = true; }, () => { /* tried again on Continue */ });
}

// --------------------------------------------------------------------------------------------
// Dates and the age of the data, in words.

const parts = (iso) => iso.split("-").map(Number);
function addMonths(iso, n) {
  const [y, m, d] = parts(iso);
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}
const utc = (iso) => { const [y, m, d] = parts(iso); return Date.UTC(y, m - 1, d); };
const daysBetween = (a, b) => Math.round((utc(b) - utc(a)) / 86_400_000);

/** How long from `from` to `to` (from ≤ to): "1 year and 8 months", "3 months", "12 days". */
export function ageInWords(from, to) {
  let months = 0;
  while (addMonths(from, months + 1) <= to) months += 1;
  if (months === 0) {
    const days = daysBetween(from, to);
    return days === 0 ? "the same day" : plural(days, "day");
  }
  const y = Math.floor(months / 12), m = months % 12;
  return [y && plural(y, "year"), m && plural(m, "month")].filter(Boolean).join(" and ");
}

/** The "as at" date of a user's file: from the reader when it says, else from Ofsted's file name. */
function asAtOf(listing, fileName) {
  const said = listing?.summary?.asAt ?? listing?.source?.asAt ?? "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(said)) return said;
  const m = /as_at_(\d{1,2})_([A-Za-z]+)_(\d{4})/.exec(fileName ?? "") ?? /(\d{4})-(\d{2})-(\d{2})/.exec(fileName ?? "");
  if (!m) return null;
  const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  const iso = m[2].length === 2 && /^\d+$/.test(m[2]) ? `${m[1]}-${m[2]}-${m[3]}`
    : `${m[3]}-${String(MONTHS.indexOf(m[2].toLowerCase()) + 1).padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return /^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(iso) && formatDate(iso) !== iso ? iso : null;
}

/** What the page says about the data's age against the date checked: { text, stale }. */
export function dataAge(origin, asOf) {
  const asAt = origin.asAt;
  if (!asAt) {
    return origin.latestPublished
      ? { text: `The file does not say its date. The latest report in it was published on ${formatDate(origin.latestPublished)}.`, stale: addMonths(origin.latestPublished, STALE_MONTHS) < asOf }
      : { text: "The file does not say its date.", stale: false };
  }
  if (asAt > asOf) {
    return { text: `The data is as at ${formatDate(asAt)}, after the date checked: reports published after ${formatDate(asOf)} are not counted.`, stale: false };
  }
  const age = ageInWords(asAt, asOf);
  const text = asAt === asOf ? `The data is as at ${formatDate(asAt)}, the date checked.`
    : `The data is as at ${formatDate(asAt)}: ${age} before the date checked, ${formatDate(asOf)}.`;
  return { text, stale: addMonths(asAt, STALE_MONTHS) < asOf, age };
}

/** A key date as it stands on the date checked: past dates said as past. */
function keyDateWords(k) {
  const kind = DATE_KINDS[k.kind] ?? k.kind;
  const n = k.daysFromAsOf;
  if (n < 0) return { kind, when: `was due on ${formatDate(k.date)}, ${plural(-n, "day")} ago`, past: true };
  if (n === 0) return { kind, when: `${formatDate(k.date)}, ${daysInWords(0)}`, past: false };
  return { kind, when: `${formatDate(k.date)} (${daysInWords(n)})`, past: false };
}

// --------------------------------------------------------------------------------------------
// The loaded listing (in the list store, so the council journey can pick from it too).

/** The Ofsted listing last read, or null (a JSON list of councils is not one). */
function loaded() {
  const list = store.loadList();
  return list?.ofsted && Array.isArray(list.ofsted.rows) ? list : null;
}

function keep(listing, origin) {
  const rows = listing.councils.map(({ input, ...row }) => row);
  store.saveList({
    fileName: origin.label,
    councils: listing.councils.map((c) => ({ label: `${c.name} (${c.code})`, input: c.input })),
    ofsted: {
      fileName: origin.label, origin, asOf: listing.asOf, ruleset: listing.ruleset, summary: listing.summary, rows,
      noLongerExists: listing.noLongerExists, notAssessed: listing.notAssessed, warnings: listing.warnings,
    },
  });
}

// --------------------------------------------------------------------------------------------
// The shipped data assessed by the engine: the same listing the reader gives for a file.

// Ofsted's outcomes alone, as the file gives them (the same table from the file and from the
// shipped copy); every council with its public decisions too is the page ?page=councils.
const inputOf = (c, asOf) => ({
  council: { name: c.name, code: c.code }, asOf, inspections: c.inspections, visits: c.visits ?? [],
});
const gradeOf = (a) => a.findings?.grade ?? a.latestInspection?.overall ?? null;

/** Every council of the shipped data on `asOf`. Throws the engine's error (code, path "asOf")
 *  when the date cannot be assessed at all. */
export function listingFromData(d, asOf, assessCouncils) {
  const current = d.councils.filter((c) => !c.former);
  const inputs = current.map((c) => inputOf(c, asOf));
  let answers;
  try {
    answers = assessCouncils(inputs);
  } catch (e) {
    if (/^\[\d+\]\.asOf$/.test(e?.path ?? "")) throw Object.assign(e, { path: "asOf" });
    answers = null; // one council's record the engine refuses: the others are still listed
  }
  const councils = [], notAssessed = [];
  const summary = {
    councils: 0, byIntervention: {}, byLatestGrade: {}, persistent: 0, systemic: 0, notAssessed: 0,
    noLongerExists: 0, inspectionsAfterAsOf: 0, latestPublishedInFile: null,
    visits: { monitoring: 0, focused: 0 }, engineWarnings: {},
  };
  const count = (o, k) => { o[k] = (o[k] ?? 0) + 1; };
  current.forEach((c, i) => {
    let a = answers?.[i];
    if (!a) {
      try { [a] = assessCouncils([inputs[i]]); } catch (e) {
        if (/^\[\d+\]\.asOf$/.test(e?.path ?? "")) throw Object.assign(e, { path: "asOf" });
        notAssessed.push({ code: c.code, name: c.name, error: { code: e?.code ?? "error", path: e?.path ?? "", detail: String(e?.detail ?? e?.message ?? e) } });
        return;
      }
    }
    const grade = gradeOf(a);
    for (const v of c.visits ?? []) if (v.kind in summary.visits) summary.visits[v.kind] += 1;
    for (const x of c.inspections) {
      if (x.published > asOf) summary.inspectionsAfterAsOf += 1;
      if (!summary.latestPublishedInFile || x.published > summary.latestPublishedInFile) summary.latestPublishedInFile = x.published;
    }
    count(summary.byIntervention, a.intervention);
    count(summary.byLatestGrade, grade ?? "none");
    for (const w of a.warnings) count(summary.engineWarnings, w.code);
    summary.persistent += a.findings.persistent ? 1 : 0;
    summary.systemic += a.findings.systemic ? 1 : 0;
    councils.push({
      code: c.code, name: c.name, region: c.region ?? null,
      latestGrade: grade, latestPublished: a.latestInspection?.published ?? null,
      intervention: a.intervention, inIntervention: a.inIntervention, rule: a.reasons[0]?.rule ?? null, row: a.reasons[0]?.row ?? null,
      keyDate: a.dates[0] ?? null,
      persistent: a.findings.persistent, systemic: a.findings.systemic, highPerforming: a.findings.highPerforming,
      inspections: c.inspections.length, visits: (c.visits ?? []).length,
      warnings: a.warnings.map((w) => w.code), input: inputs[i],
    });
  });
  const noLongerExists = d.councils.filter((c) => c.former).map((c) => ({
    code: c.code, name: c.name, region: c.region ?? null,
    latestInspection: [...c.inspections].filter((x) => x.published <= asOf).sort((x, y) => (x.published < y.published ? -1 : 1)).at(-1) ?? null,
    inspections: c.inspections.length,
  }));
  summary.councils = councils.length;
  summary.notAssessed = notAssessed.length;
  summary.noLongerExists = noLongerExists.length;
  const ruleset = answers?.[0]?.ruleset ?? (councils.length ? assessCouncils([councils[0].input])[0].ruleset : null);
  return { asOf, ruleset, councils, summary, noLongerExists, notAssessed, warnings: [] };
}

/** The loaded list's councils in the shipped data's shape (what possiblePartners reads). */
function councilsDataOf(list) {
  const inputs = new Map(list.councils.map((c) => [c.input?.council?.code, c.input]));
  return {
    councils: list.ofsted.rows.filter((r) => inputs.has(r.code)).map((r) => ({
      name: r.name, code: r.code, region: r.region, former: false,
      inspections: inputs.get(r.code).inspections ?? [], visits: inputs.get(r.code).visits ?? [],
    })),
  };
}

// --------------------------------------------------------------------------------------------
// Wording from the engine's ruleset data.

/** The title of the decision row (`row`: the engine's {ruleset, row}), else of the intervention. */
function ruleTitle(data, row, intervention) {
  const r = data.rulesets.find((x) => x.id === row?.ruleset);
  const found = r?.rows.find((x) => x.row === row?.row);
  if (found) return found.title;
  for (const x of data.rulesets) {
    const byCode = x.rows.find((y) => y.intervention === intervention);
    if (byCode) return byCode.title;
  }
  return intervention ?? "Not assessed";
}

const gradeText = (g) => (g ? gradeLabel(g) : "No inspection");
const yesNo = (b) => (b ? "Yes" : "No");

// --------------------------------------------------------------------------------------------
// The first page: which data, and the date.

const shippedLabel = (s) => `Ofsted’s outcomes as at ${formatDate(s.asAt)}, included with this service`;

/** The licence and where the shipped data comes from, as Ofsted's licence asks. */
function attribution(s) {
  return html`<p class="govuk-body-s">Data: Ofsted, <a class="govuk-link" href="${s.url}" rel="noreferrer">‘${s.title}’</a>, as at ${formatDate(s.asAt)}. Contains public sector information licensed under the <a class="govuk-link" href="${s.licenceUrl}" rel="license noreferrer">${s.licence}</a>.</p>`;
}

const readerMissingError = (hasShipped) => `The spreadsheet reader cannot be downloaded while you are offline: connect to the internet and continue again${hasShipped ? ", or use Ofsted’s outcomes included with this service" : ""}`;
const readerMissingText = (hasShipped) => `The spreadsheet reader is not on this device yet, and it cannot be downloaded while you are offline. It is downloaded the first time you read a file of your own, and then kept for offline use. Connect to the internet to read your file${hasShipped ? ", or use Ofsted’s outcomes included with this service" : ""}.`;

// The plain file input (keyboard: Tab, then Space or Enter opens the chooser), inside a zone a
// file can also be dropped on: the drop fills the same input (see listen()).
function fileUpload({ error, offlineNote }) {
  const hintText = `The spreadsheet as Ofsted publishes it on GOV.UK, for example LA_Inspection_Outcomes_as_at_31_March_2025.ods (an .xlsx copy works too), or its sheets exported as CSV files, selected together: ${SHEETS.join(", ")}. You can also select Data to Insight’s report history (ofsted_csc_ilacs_history.csv) with it, or on its own: its reports are added where Ofsted’s statistics lack them. It is read on this device: it is not uploaded or sent anywhere.`;
  const said = chosenFiles.length ? `Chosen: ${chosenFiles.map((f) => f.name).join(", ")}` : "";
  return html`<div class="govuk-form-group${error ? " govuk-form-group--error" : ""}">
  <label class="govuk-label govuk-label--s" for="${FILE_ID}">Ofsted’s local authority inspection outcomes file</label>
  <div id="${FILE_ID}-hint" class="govuk-hint">${hintText}</div>
  ${offlineNote ? html`<p class="govuk-body" id="${FILE_ID}-offline">${offlineNote}</p>` : ""}
  ${C.errorMessage(FILE_ID, error)}
  <div class="app-drop-zone" data-drop-zone>
    <input class="govuk-file-upload${error ? " govuk-file-upload--error" : ""}" id="${FILE_ID}" name="file" type="file" multiple
      accept=".ods,.xlsx,.csv,application/vnd.oasis.opendocument.spreadsheet,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
      aria-describedby="${FILE_ID}-hint${offlineNote ? ` ${FILE_ID}-offline` : ""}${error ? ` ${FILE_ID}-error` : ""}">
    <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">Or drag the file here and drop it.</p>
    <p class="govuk-body govuk-!-margin-bottom-0 govuk-!-font-weight-bold" id="${FILE_ID}-dropped" aria-live="polite">${said}</p>
  </div>
</div>`;
}

/** GOV.UK radios' conditional reveal (GOV.UK Frontend's JavaScript is not loaded: see app.js):
 *  each radio's conditional part shown only while it is checked. (No aria-expanded: it is not an
 *  attribute a radio may have, and the revealed part follows the radio in reading order.) */
function conditionals(form) {
  for (const radio of form?.querySelectorAll?.("input[type=radio][data-aria-controls]") ?? []) {
    const target = document.getElementById(radio.dataset.ariaControls);
    if (!target) continue;
    radio.setAttribute("aria-controls", target.id);
    target.classList.toggle("govuk-radios__conditional--hidden", !radio.checked);
  }
}

/** Once the form is painted: its conditional parts, and the files kept through an error put
 *  back in the (new) file input. */
function afterPaint() {
  conditionals(document.querySelector("form[data-form=page]"));
  const input = /** @type {HTMLInputElement | null} */ (document.getElementById(FILE_ID));
  if (!input || !chosenFiles.length || input.files?.length) return;
  try {
    const t = new DataTransfer();
    for (const f of chosenFiles) t.items.add(f);
    input.files = t.files;
  } catch { /* the zone still says which file is kept; submit uses it */ }
}

function formView(p, api) {
  const errors = p.errors ?? [];
  const fileError = errors.find((e) => e.field === FILE_ID);
  const sourceError = errors.find((e) => e.field === SOURCE_ID);
  const dateError = errors.find((e) => e.field?.startsWith("asOf"));
  const value = p.raw ?? isoToParts(lastAsOf ?? api.today());
  const source = p.raw?.source ?? lastSource ?? (shipped.data ? null : "file");
  if (source === "file") preload();
  const offline = globalThis.navigator?.onLine === false;
  const offlineNote = offline && !readerCached ? readerMissingText(!!shipped.data) : "";
  const s = shipped.data?.source;
  queueMicrotask(afterPaint);
  const upload = html`${fileUpload({ error: fileError?.text, offlineNote })}
    ${fileError?.detail ? html`<details class="govuk-details">
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">What the checker found in the file</span></summary>
      <div class="govuk-details__text">${fileError.detail}</div>
    </details>` : ""}`;
  return {
    title: "Check every council from Ofsted’s published outcomes file", back: "?page=choose", errors,
    body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${C.errorSummary(errors.map((e) => ({ href: `#${e.field}`, text: e.text })))}
  <h1 class="govuk-heading-l" tabindex="-1">Check every council from Ofsted’s published outcomes file</h1>
  <p class="govuk-body">Ofsted publishes the grades of every council’s children’s services, ‘Local authority inspection outcomes’. The checker lists every council with the intervention that applies to it on the date you choose, and links to each council’s full result.</p>
  <form novalidate data-form="page">
    ${s ? C.radios({ name: SOURCE_ID, text: "Which of Ofsted’s outcomes do you want to check?", size: "m", value: source,
      error: sourceError?.text,
      items: [
        { value: "shipped", text: `Use ${shippedLabel(s)}`, hint: "No download needed. It works offline." },
        { value: "file", text: "Choose a newer file of your own", hint: "Ofsted updates the file after each year’s inspections",
          conditional: upload },
      ] })
    : html`${C.insetText(html`<p class="govuk-body">Ofsted’s outcomes included with this service could not be read on this device. You can still choose Ofsted’s file.</p>`)}
      <input type="hidden" name="${SOURCE_ID}" value="file">${upload}`}
    ${C.dateInput({ id: "asOf", text: "Date to check", size: "m", value,
      hintText: "The checker works out what applied to each council on this date, counting only reports published by then. For example, 30 6 2025",
      error: dateError?.text, errorParts: dateError?.parts ?? [] })}
    ${C.button("Continue")}
    <p class="govuk-body" role="status" id="ofsted-progress"></p>
  </form>
  ${s ? attribution(s) : ""}
</div></div>`,
  };
}

/** An error thrown by the reader or the engine, as the field it belongs to and GOV.UK words. */
function readerError(e, data, csv) {
  const code = e?.code ?? "";
  const path = e?.path ?? "";
  if (path === "asOf") {
    if (code === "no_ruleset") {
      const from = data.rulesets.map((r) => r.inForceFrom).sort()[0];
      return { field: "asOf-day", text: `The date to check must be on or after ${formatDate(from)}, when the rules this service applies begin` };
    }
    return { field: "asOf-day", text: "The date to check must be a real date" };
  }
  // The reader's own words (they may start with the file's name), without the path.
  const detail = e?.detail ?? String(e?.message ?? e);
  const text = readerErrorText(code, path, csv);
  return { field: FILE_ID, text, detail };
}

/** The reader's error codes (ErrorCode in the engine's types) in GOV.UK words. */
function readerErrorText(code, path, csv) {
  const sheet = SHEETS.includes(path) ? path : null;
  switch (code) {
    case "unsupported_format":
      return "The selected file must be an .ods or .xlsx spreadsheet: open it in a spreadsheet program, save it as .ods, then select it again";
    case "mixed_files":
      return "Select either Ofsted’s spreadsheet on its own, or its sheets exported as CSV files, not both";
    case "missing_sheet":
      return csv ? csvText(sheet) : `The selected file does not have Ofsted’s sheet ‘${path}’: select the file as Ofsted published it`;
    case "no_header":
      if (csv) return csvText(sheet);
    // falls through: a spreadsheet's sheet without Ofsted's header row lacks its columns
    case "missing_column":
      if (path) return `The selected file’s sheet ‘${path}’ does not have Ofsted’s columns: select the file as Ofsted published it`;
  }
  return "The selected file must be Ofsted’s local authority inspection outcomes file";
}

/** The error for CSV files that are not all of Ofsted's sheet exports (`missing`: the sheet not found). */
const csvText = (missing) => `The selected CSV files must be Ofsted’s sheets exported as CSV, selected together: ${SHEETS[0]}, ${SHEETS[1]} and, if you have it, ${SHEETS[2]}${missing ? ` (${missing} is missing)` : ""}. Or select the spreadsheet itself`;

const isCsv = (f) => /\.csv$/i.test(f.name) || f.type === "text/csv";

/** Reads the user's file(s); resolves to the listing, or rejects with a field error. */
async function readFiles(files, asOf, api) {
  let m;
  try {
    m = await reader();
    await m.loadOfstedReader();
    readerCached = true;
  } catch (e) {
    console.warn(e);
    const offline = globalThis.navigator?.onLine === false;
    throw {
      field: FILE_ID,
      text: offline ? readerMissingError(!!shipped.data)
        : `The spreadsheet reader could not be downloaded. Check your internet connection and continue again${shipped.data ? ", or use Ofsted’s outcomes included with this service" : ""}`,
      keepFiles: true,
    };
  }
  try {
    return files.length === 1 && !isCsv(files[0]) ? await m.readOfstedFile(files[0], { asOf }) : await m.readOfstedFiles(files, { asOf });
  } catch (e) {
    if (!("code" in Object(e))) console.error(e);
    const err = "code" in Object(e) ? readerError(e, api.data(), files.some(isCsv))
      : { field: FILE_ID, text: "The selected file could not be read. Try again." };
    throw { ...err, keepFiles: err.field !== FILE_ID };
  }
}

export async function submit(form, api) {
  const page = "ofsted";
  const fd = new FormData(form);
  const source = fd.get(SOURCE_ID) ?? null;
  const raw = { day: fd.get("asOf-day"), month: fd.get("asOf-month"), year: fd.get("asOf-year"), source };
  const errors = [];
  const input = form.querySelector('input[type="file"]');
  const picked = input?.files?.length ? [...input.files] : chosenFiles;
  if (source === "file") chosenFiles = picked;
  if (!source) errors.push({ field: SOURCE_ID, text: "Select which of Ofsted’s outcomes to check" });
  else if (source === "file") {
    if (!picked.length) errors.push({ field: FILE_ID, text: "Select Ofsted’s local authority inspection outcomes file" });
    else if (picked.reduce((n, f) => n + f.size, 0) > MAX_BYTES) { errors.push({ field: FILE_ID, text: "The selected file must be smaller than 20 MB" }); chosenFiles = []; }
    else if (picked.filter((f) => !isCsv(f)).length > 1) { errors.push({ field: FILE_ID, text: "Select either Ofsted’s spreadsheet on its own, or its sheets exported as CSV files, not both" }); chosenFiles = []; }
  }
  const date = parseDateParts(raw, ASOF_NOUN);
  if (date.error) errors.push({ field: `asOf-${date.parts[0] ?? "day"}`, text: date.error, parts: date.parts });
  if (errors.length) return api.showErrors(page, errors, raw);

  lastAsOf = date.iso;
  lastSource = source;
  const progress = form.querySelector("#ofsted-progress");
  let listing, origin;
  if (source === "shipped") {
    const s = shipped.data.source;
    try {
      listing = listingFromData(shipped.data, date.iso, api.assessCouncils);
    } catch (e) {
      return api.showErrors(page, [readerError(e, api.data())], raw);
    }
    // The reports are as at the later of Ofsted's statistics and the report history merged in.
    const reportsAsAt = [s.asAt, shipped.data.history?.asAt].filter(Boolean).sort().at(-1);
    origin = { kind: "shipped", label: shippedLabel(s), asAt: reportsAsAt, title: s.title, publisher: s.publisher,
      licence: s.licence, licenceUrl: s.licenceUrl, url: s.url, file: s.file };
  } else {
    const name = picked.map((f) => f.name).join(", ");
    if (progress) progress.textContent = `Reading ${name} on this device…`;
    try {
      listing = await readFiles(picked, date.iso, api);
    } catch (err) {
      if (!err.keepFiles) chosenFiles = [];
      const { keepFiles, ...e } = err;
      return api.showErrors(page, [e], raw);
    }
    origin = { kind: "file", label: name, asAt: asAtOf(listing, picked[0].name), latestPublished: listing.summary.latestPublishedInFile ?? null };
  }
  keep(listing, origin);
  filter = { text: "", rule: "" };
  return api.go("ofsted/councils");
}

// --------------------------------------------------------------------------------------------
// The table of councils.

const COLUMNS = [
  { key: "name", label: "Council" },
  { key: "region", label: "Region" },
  { key: "grade", label: "Latest grade" },
  { key: "published", label: "Published" },
  { key: "intervention", label: "Intervention" },
  { key: "keyDate", label: "Key date" },
  { key: "persistent", label: "Persistent failure" },
  { key: "systemic", label: "Systemic failure" },
];

function sortValue(row, key) {
  switch (key) {
    case "name": return row.name;
    case "region": return row.region;
    case "grade": return row.latestGrade ? GRADES.findIndex(([code]) => code === row.latestGrade) : null;
    case "published": return row.latestPublished;
    case "intervention": return row.title;
    case "keyDate": return row.keyDate?.date ?? null;
    case "persistent": return row.persistent ? 1 : 0;
    case "systemic": return row.systemic ? 1 : 0;
    default: return null;
  }
}

function sorted(rows) {
  const sign = sort.dir === "descending" ? -1 : 1;
  const cmp = (a, b) => (typeof a === "number" ? a - b : String(a).localeCompare(String(b), "en-GB"));
  return [...rows].sort((x, y) => {
    const a = sortValue(x, sort.key), b = sortValue(y, sort.key);
    if (a !== b) {
      if (a === null || a === undefined) return 1; // no value: last either way
      if (b === null || b === undefined) return -1;
      const c = cmp(a, b);
      if (c) return sign * c;
    }
    return x.name.localeCompare(y.name, "en-GB");
  });
}

function matches(row) {
  const t = filter.text.trim().toLowerCase();
  if (t && !row.name.toLowerCase().includes(t) && !row.code.toLowerCase().includes(t)) return false;
  return !filter.rule || row.ruleKey === filter.rule;
}

function tableRows(rows) {
  if (!rows.length) {
    return html`<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="${COLUMNS.length}">No councils match the filter</td></tr>`;
  }
  return rows.map((r) => html`<tr class="govuk-table__row" data-code="${r.code}">
    <th scope="row" class="govuk-table__header"><a class="govuk-link" href="?page=council/result" data-action="ofsted-council" data-code="${r.code}">${r.name}</a></th>
    <td class="govuk-table__cell">${r.region ?? "Not given"}</td>
    <td class="govuk-table__cell">${gradeText(r.latestGrade)}</td>
    <td class="govuk-table__cell">${r.latestPublished ? formatDate(r.latestPublished) : "None"}</td>
    <td class="govuk-table__cell">${r.title}</td>
    <td class="govuk-table__cell">${r.keyDate ? keyDateCell(r.keyDate) : "None"}</td>
    <td class="govuk-table__cell">${yesNo(r.persistent)}</td>
    <td class="govuk-table__cell">${yesNo(r.systemic)}</td>
  </tr>`);
}

function keyDateCell(k) {
  const w = keyDateWords(k);
  return w.past
    ? html`${w.kind}<br><span class="govuk-!-font-size-14">${w.when}</span>`
    : html`${w.when}<br><span class="govuk-!-font-size-14">${w.kind}</span>`;
}

const shownText = (n, total) => (n === total ? `Showing all ${total} councils` : `Showing ${n} of ${total} ${total === 1 ? "council" : "councils"}`);
const sortText = () => `Sorted by ${COLUMNS.find((c) => c.key === sort.key).label.toLowerCase()}, ${sort.dir}`;

/** Rows with the words the table shows and sorts by. */
function prepared(o, data) {
  return o.rows.map((r) => ({ ...r, title: ruleTitle(data, r.row, r.intervention), ruleKey: r.rule ?? r.intervention }));
}

function summaryTable(caption, head, rows) {
  return html`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row">
    <th scope="col" class="govuk-table__header">${head}</th>
    <th scope="col" class="govuk-table__header govuk-table__header--numeric">Councils</th>
  </tr></thead>
  <tbody class="govuk-table__body">${rows.map(([k, n]) => html`<tr class="govuk-table__row">
    <th scope="row" class="govuk-table__header">${k}</th><td class="govuk-table__cell govuk-table__cell--numeric">${n}</td>
  </tr>`)}</tbody>
</table>`;
}

function councilsView(api) {
  const list = loaded();
  if (!list) return { redirect: "?page=ofsted" };
  const o = list.ofsted;
  const data = api.data();
  const rows = prepared(o, data);
  const total = rows.length;
  const shown = sorted(rows.filter(matches));

  // Counts by intervention (the row that applies, in the ruleset's order) and by latest grade.
  const byRule = new Map();
  for (const r of rows) {
    const e = byRule.get(r.ruleKey) ?? { title: r.title, n: 0, order: r.row?.row ?? 99 };
    e.n += 1;
    byRule.set(r.ruleKey, e);
  }
  const rules = [...byRule.entries()].sort((a, b) => a[1].order - b[1].order);
  const order = GRADES.map(([code]) => code);
  const gradeAt = (g) => (order.includes(g) ? order.indexOf(g) : order.length);
  const grades = Object.entries(o.summary.byLatestGrade).sort((a, b) => gradeAt(a[0]) - gradeAt(b[0]));
  const full = data.rulesets.find((r) => r.id === o.ruleset?.id);
  // Older lists (kept in this browser by an earlier release) have no origin: a file of the user's.
  const origin = o.origin ?? { kind: "file", label: o.fileName, asAt: asAtOf(null, o.fileName), latestPublished: o.summary.latestPublishedInFile ?? null };
  const age = dataAge(origin, o.asOf);
  const visits = visitCounts(list);
  const unread = o.summary.visitsNotUsed ?? { monitoring: 0, focused: 0 };
  const helpers = partnersFor(list, api);

  return {
    title: `Every council on ${formatDate(o.asOf)}`, back: "?page=ofsted",
    body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-full">
  <span class="govuk-caption-l">From ${origin.label}</span>
  <h1 class="govuk-heading-l" tabindex="-1">Every council on ${formatDate(o.asOf)}</h1>
  ${age.stale ? C.warningText(`${age.text} Reports Ofsted has published since are not in it, so a council inspected since then may now have a different answer. Check the council’s latest reports on Ofsted’s website${origin.kind === "shipped" ? ", or choose a newer file of your own" : ", or choose a newer file"}.`)
    : html`<p class="govuk-body" id="data-age">${age.text}</p>`}
  <p class="govuk-body">${origin.kind === "shipped" ? "The councils were assessed on this device." : "The file was read on this device: nothing was uploaded."} ${o.ruleset ? `Rules applied: ${o.ruleset.title}${full ? `, ${inForce(full)}` : ""}.` : ""}
    Select a council to see its full result: why the intervention applies and what happens next.</p>
  <h2 class="govuk-heading-m">Summary</h2>
  <div class="govuk-grid-row">
    <div class="govuk-grid-column-one-half">${summaryTable("Councils by intervention", "Intervention", rules.map(([, e]) => [e.title, e.n]))}</div>
    <div class="govuk-grid-column-one-half">${summaryTable("Councils by latest Ofsted grade", "Latest grade", grades.map(([g, n]) => [g === "none" ? "No inspection" : gradeText(g), n]))}
      ${C.summaryList([
        { key: "Councils", value: String(o.summary.councils) },
        { key: "Persistent failure", value: String(o.summary.persistent) },
        { key: "Systemic failure", value: String(o.summary.systemic) },
        { key: "Monitoring visits", value: String(visits.monitoring) },
        { key: "Focused visits", value: String(visits.focused) },
      ])}</div>
  </div>
  ${visits.monitoring + visits.focused ? html`<p class="govuk-body" id="visits-note">${visitsText(visits)}</p>` : ""}
  ${unread.monitoring + unread.focused ? C.insetText(html`<p class="govuk-body">The file also lists ${plural(unread.monitoring, "monitoring visit")} and ${plural(unread.focused, "focused visit")} that this version of the reader does not read: they are not counted.</p>`) : ""}

  <h2 class="govuk-heading-m" id="councils-heading">All councils</h2>
  <form novalidate role="search" aria-label="Filter councils" data-ofsted-filter class="govuk-!-margin-bottom-4">
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-half">
        ${C.textInput({ id: "filter-name", text: "Council name or code", size: "s", value: filter.text, autocomplete: "off", spellcheck: false })}
      </div>
      <div class="govuk-grid-column-one-half">
        ${C.select({ id: "filter-intervention", text: "Intervention", size: "s", value: filter.rule,
          items: [{ value: "", text: "All interventions" }, ...rules.map(([k, e]) => ({ value: k, text: `${e.title} (${e.n})` }))] })}
      </div>
    </div>
  </form>
  <p class="govuk-body govuk-!-font-weight-bold" role="status" id="councils-shown">${shownText(shown.length, total)}</p>
  <p class="govuk-visually-hidden" aria-live="polite" id="councils-sorted"></p>
  <div class="app-table-scroll" role="region" aria-labelledby="councils-caption" tabindex="0">
    <table class="govuk-table govuk-!-font-size-16 app-sortable" id="councils">
      <caption class="govuk-table__caption govuk-table__caption--s" id="councils-caption">Councils and the intervention that applies on ${formatDate(o.asOf)} (select a column heading to sort)</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        ${COLUMNS.map((c) => html`<th scope="col" class="govuk-table__header" aria-sort="${sort.key === c.key ? sort.dir : "none"}"><button type="button" class="app-sort-button" data-sort="${c.key}">${c.label}</button></th>`)}
      </tr></thead>
      <tbody class="govuk-table__body" id="councils-body">${tableRows(shown)}</tbody>
    </table>
  </div>
  ${helpers.length ? partnersSection(helpers, o, data) : ""}
  ${o.noLongerExists.length ? html`<h2 class="govuk-heading-m" id="no-longer-exist">Councils that no longer exist</h2>
    <p class="govuk-body">Ofsted’s file marks these councils ‘No longer exists’: they are listed here and not assessed.</p>
    <div class="app-table-scroll" role="region" aria-labelledby="former-caption" tabindex="0"><table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s" id="former-caption">Councils that no longer exist, with their last inspection</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Council</th><th scope="col" class="govuk-table__header">Code</th>
        <th scope="col" class="govuk-table__header">Region</th><th scope="col" class="govuk-table__header">Last inspection</th>
      </tr></thead>
      <tbody class="govuk-table__body">${o.noLongerExists.map((c) => html`<tr class="govuk-table__row">
        <th scope="row" class="govuk-table__header">${c.name}</th><td class="govuk-table__cell">${c.code}</td>
        <td class="govuk-table__cell">${c.region ?? "Not given"}</td>
        <td class="govuk-table__cell">${c.latestInspection ? `${gradeText(c.latestInspection.overall)}, published ${formatDate(c.latestInspection.published)}` : "None"}</td>
      </tr>`)}</tbody>
    </table></div>` : ""}
  ${o.notAssessed.length ? html`<h2 class="govuk-heading-m" id="not-assessed">Councils that could not be assessed</h2>
    <ul class="govuk-list govuk-list--bullet">${o.notAssessed.map((c) => html`<li>${c.name} (${c.code}): ${cap(c.error.detail)}</li>`)}</ul>` : ""}
  ${o.warnings.length ? html`<h2 class="govuk-heading-m" id="file-warnings">Rows of the file that could not be read</h2>
    <ul class="govuk-list govuk-list--bullet">${o.warnings.map((w) => html`<li>${w.place ? `${w.place}: ` : ""}${w.text}</li>`)}</ul>` : ""}
  <p class="govuk-body"><a class="govuk-link" href="?page=ofsted">Check another file or date</a></p>
  ${origin.kind === "shipped" && origin.licenceUrl ? attribution({ ...origin }) : ""}
</div></div>`,
  };
}

/** Monitoring and focused visits in the loaded list's council records. */
function visitCounts(list) {
  const out = { monitoring: 0, focused: 0, withoutOutcome: 0 };
  for (const c of list.councils) {
    for (const v of c.input?.visits ?? []) {
      if (!(v.kind in out)) continue;
      out[v.kind] += 1;
      if ((v.kind === "monitoring" ? v.progress : v.priorityActions) == null) out.withoutOutcome += 1;
    }
  }
  return out;
}

/** What the page says of the visits in the data, and of their outcomes when the data lacks them. */
function visitsText(v) {
  const all = v.monitoring + v.focused;
  const first = "Each council’s monitoring and focused visits are part of its record, and are filled in when you open the council’s result.";
  if (!v.withoutOutcome) return first;
  const which = v.withoutOutcome === all ? "The data gives each visit’s date and kind, not its outcome"
    : `The data gives ${plural(v.withoutOutcome, "visit")} without its outcome`;
  return `${first} ${which} (a monitoring visit’s progress, or whether a focused visit set priority actions), so no rule that depends on a visit’s outcome applies from the data alone: add the outcome from the visit’s published letter in the council’s answers.`;
}

// For each council in intervention, the high-performing councils of its region (possiblePartners,
// from partners.js, asks the engine about each), worked out once per loaded list.
let partnersMemo = { key: null, value: [] };
function partnersFor(list, api) {
  const o = list.ofsted;
  const key = `${o.origin?.label ?? o.fileName}|${o.asOf}|${o.rows.length}`;
  if (partnersMemo.key === key) return partnersMemo.value;
  const councilsData = councilsDataOf(list);
  const value = o.rows.filter((r) => r.inIntervention).map((r) => {
    let partners = null;
    if (r.region) {
      try { partners = possiblePartners(councilsData, api.assessCouncils, o.asOf, r.region, r.code); } catch (e) { console.warn(e); }
    }
    return { council: r, partners };
  });
  partnersMemo = { key, value };
  return value;
}

function partnersSection(helpers, o, data) {
  const title = (r) => ruleTitle(data, r.row, r.intervention);
  return html`<h2 class="govuk-heading-m" id="partners">Councils that could help</h2>
  <p class="govuk-body">For each council in intervention on ${formatDate(o.asOf)}, the councils in the same Ofsted region that are high-performing then (as <a class="govuk-link" href="rules.html#definitions">the rules this service applies</a> define it). The Department for Education chooses improvement partners: this is a starting list from Ofsted’s grades, not a recommendation, and partners are not always in the same region.</p>
  ${C.summaryList(helpers.map(({ council: r, partners }) => ({
    key: html`${r.name}<br><span class="govuk-!-font-size-16 govuk-!-font-weight-regular">${title(r)}</span>`,
    value: partners === null ? (r.region ? "Could not be worked out" : "The data does not give this council’s region")
      : partners.length ? `${plural(partners.length, "council")}: ${listInWords(partners.map((c) => c.name))}`
        : `No council in ${r.region} is high-performing on this date`,
  })))}`;
}

export function view(page, p, api) {
  return page === "ofsted/councils" ? councilsView(api) : formView(p, api);
}

/** A council's link: its history into the council journey's answers, then its result page. */
export function openCouncil(el, api) {
  const list = loaded();
  const code = el.dataset.code;
  const picked = list?.councils.find((c) => c.input?.council?.code === code);
  if (!picked) return api.go("ofsted");
  const a = { ...fromInput(picked.input, { withDate: true }), ruleset: picked.input.ruleset ?? "auto" };
  return api.openCouncil(a);
}

// --------------------------------------------------------------------------------------------
// Sorting and filtering in place.

function refresh({ announceSort = false } = {}) {
  const body = document.getElementById("councils-body");
  const list = loaded();
  if (!body || !list) return;
  const { api } = refresh;
  const rows = prepared(list.ofsted, api.data());
  const shown = sorted(rows.filter(matches));
  body.innerHTML = String(html`${tableRows(shown)}`);
  for (const th of document.querySelectorAll("#councils thead th")) {
    const key = th.querySelector("button")?.dataset.sort;
    th.setAttribute("aria-sort", key === sort.key ? sort.dir : "none");
  }
  const status = document.getElementById("councils-shown");
  const text = shownText(shown.length, rows.length);
  if (status && status.textContent !== text) status.textContent = text;
  if (announceSort) document.getElementById("councils-sorted").textContent = sortText();
}

/** Listens (once) for the table's sort buttons and filter fields. */
export function listen(root, api) {
  refresh.api = api;
  root.addEventListener("click", (ev) => {
    const b = ev.target.closest?.("button[data-sort]");
    if (!b) return;
    const key = b.dataset.sort;
    sort = { key, dir: sort.key === key && sort.dir === "ascending" ? "descending" : "ascending" };
    refresh({ announceSort: true });
  });
  root.addEventListener("input", (ev) => {
    if (ev.target.id === "filter-name") { filter = { ...filter, text: ev.target.value }; refresh(); }
  });
  root.addEventListener("change", (ev) => {
    if (ev.target.id === "filter-intervention") { filter = { ...filter, rule: ev.target.value }; refresh(); }
    if (ev.target.name === SOURCE_ID) {
      conditionals(ev.target.form);
      if (ev.target.value === "file") preload();
    }
    if (ev.target.id === FILE_ID) {
      // A new choice replaces the file kept through an error.
      chosenFiles = [...ev.target.files];
      const said = document.getElementById(`${FILE_ID}-dropped`);
      if (said) said.textContent = "";
    }
  });
  root.addEventListener("submit", (ev) => {
    if (ev.target.matches?.("form[data-ofsted-filter]")) ev.preventDefault();
  });
  // The drop zone around the file input.
  const zoneOf = (ev) => ev.target.closest?.("[data-drop-zone]");
  const hasFiles = (ev) => [...(ev.dataTransfer?.types ?? [])].includes("Files");
  for (const type of ["dragenter", "dragover"]) {
    root.addEventListener(type, (ev) => {
      const zone = zoneOf(ev);
      if (!zone || !hasFiles(ev)) return;
      ev.preventDefault();
      ev.dataTransfer.dropEffect = "copy";
      zone.classList.add("app-drop-zone--dragging");
    });
  }
  root.addEventListener("dragleave", (ev) => {
    const zone = zoneOf(ev);
    if (zone && !zone.contains(ev.relatedTarget)) zone.classList.remove("app-drop-zone--dragging");
  });
  root.addEventListener("drop", (ev) => {
    const zone = zoneOf(ev);
    if (!zone) return;
    ev.preventDefault();
    zone.classList.remove("app-drop-zone--dragging");
    const files = ev.dataTransfer?.files;
    const input = zone.querySelector('input[type="file"]');
    const said = zone.querySelector(`#${FILE_ID}-dropped`);
    if (!files?.length || !input) return;
    if ([...files].filter((f) => !isCsv(f)).length > 1) { said.textContent = "Drop one file, Ofsted’s spreadsheet, or its sheets exported as CSV files"; return; }
    input.files = files;
    chosenFiles = [...files];
    said.textContent = `Chosen: ${[...files].map((f) => f.name).join(", ")}`;
    const fileRadio = input.form?.querySelector(`input[name="${SOURCE_ID}"][value="file"]`);
    if (fileRadio && !fileRadio.checked) { fileRadio.checked = true; conditionals(input.form); preload(); }
  });
}

