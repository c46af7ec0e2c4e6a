// Every council at once, from Ofsted's "Local authority inspection outcomes" file: a page to
// choose (or drop) the file and the date to check, then a sortable, filterable table of every
// council with its intervention, each linked to its full, explained result (the council
// journey's result page, with the council's history filled in).
//
// The file is read on this device by a WebAssembly module of its own (../ofsted-reader.js
// imports ../pkg-ofsted/ the first time it is needed): it is imported only from this page, so
// the checker's other pages never download it. What was read is kept as the loaded list of
// councils (store.saveList), the same list a JSON file of council histories gives, so the
// council journey can also offer "pick a council from the file you loaded".
//
// app.js routes ?page=ofsted and ?page=ofsted/councils here (view, submit, openCouncil). The
// table's sorting and filtering work in place, by event delegation, without repainting the page.
//
// This module is imported by app.js the first time one of its pages is shown, so the start page
// neither downloads nor parses it. It imports nothing itself: app.js hands it what it uses from
// the app's modules (connect), so that, bundled, it holds only its own code and the app's stays
// in the one chunk the full page and the element share (www/build-js.mjs).
let html, C, store, parseDateParts, isoToParts, formatDate, gradeLabel, DATE_KINDS, daysInWords, inForce, fromInput;

/** deps: { html, C (components.js), store, parseDateParts, isoToParts, formatDate, gradeLabel,
 *  DATE_KINDS, daysInWords, inForce, fromInput (council.js) }. */
export function connect(deps) {
  ({ html, C, store, parseDateParts, isoToParts, formatDate, gradeLabel, DATE_KINDS, daysInWords, inForce, fromInput } = deps);
}

export const PAGES = ["ofsted", "ofsted/councils"];

const FILE_ID = "ofsted-file";
const MAX_BYTES = 20_000_000;
const ASOF_NOUN = "the date to check";
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// The table's sort and filter, kept while the user goes to a council and comes back.
let sort = { key: "name", dir: "ascending" };
let filter = { text: "", rule: "" };
let lastAsOf = null;

// --------------------------------------------------------------------------------------------
// The reader, imported on this page only.

let readerModule = null;
function reader() {
  readerModule ??= import("../ofsted-reader.js").catch((e) => { readerModule = null; throw e; });
  return readerModule;
}
/** Starts downloading the reader's module while the user chooses the file. */
function preload() {
  reader().then((m) => m.loadOfstedReader()).catch(() => { /* tried again on Continue */ });
}

// --------------------------------------------------------------------------------------------
// The loaded listing (in the list store, so the council journey can pick from it too).

/** The Ofsted listing last read, or null (a JSON list of councils is not one). */
function loaded() {
  const list = store.loadList();
  return list?.ofsted && Array.isArray(list.ofsted.rows) ? list : null;
}

function keep(listing, fileName) {
  const rows = listing.councils.map(({ input, ...row }) => row);
  store.saveList({
    fileName,
    councils: listing.councils.map((c) => ({ label: `${c.name} (${c.code})`, input: c.input })),
    ofsted: {
      fileName, asOf: listing.asOf, ruleset: listing.ruleset, summary: listing.summary, rows,
      noLongerExists: listing.noLongerExists, notAssessed: listing.notAssessed, warnings: listing.warnings,
    },
  });
}

// --------------------------------------------------------------------------------------------
// Wording from the engine's ruleset data.

function ruleTitle(data, rule, intervention) {
  const [id, row] = String(rule ?? "").split("/row-");
  const r = data.rulesets.find((x) => x.id === id);
  const found = r?.rows.find((x) => String(x.row) === row);
  if (found) return found.title;
  for (const x of data.rulesets) {
    const byCode = x.rows.find((y) => y.intervention === intervention);
    if (byCode) return byCode.title;
  }
  return intervention ?? "Not assessed";
}

const GRADE_ORDER = ["outstanding", "good", "requires_improvement", "inadequate"];
const gradeText = (g) => (g ? gradeLabel(g) : "No inspection");
const yesNo = (b) => (b ? "Yes" : "No");

// --------------------------------------------------------------------------------------------
// The first page: the file and the date.

// The plain file input (keyboard: Tab, then Space or Enter opens the chooser), inside a zone a
// file can also be dropped on: the drop fills the same input (see listen()).
function fileUpload({ error }) {
  const hintText = "The spreadsheet as Ofsted publishes it on GOV.UK, for example LA_Inspection_Outcomes_as_at_31_March_2025.ods (an .xlsx copy works too). It is read on this device: it is not uploaded or sent anywhere.";
  return html`<div class="govuk-form-group${error ? " govuk-form-group--error" : ""}">
  <label class="govuk-label govuk-label--m" for="${FILE_ID}">Ofsted’s local authority inspection outcomes file</label>
  <div id="${FILE_ID}-hint" class="govuk-hint">${hintText}</div>
  ${C.errorMessage(FILE_ID, error)}
  <div class="app-drop-zone" data-drop-zone>
    <input class="govuk-file-upload${error ? " govuk-file-upload--error" : ""}" id="${FILE_ID}" name="file" type="file"
      accept=".ods,.xlsx,application/vnd.oasis.opendocument.spreadsheet,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      aria-describedby="${FILE_ID}-hint${error ? ` ${FILE_ID}-error` : ""}">
    <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">Or drag the file here and drop it.</p>
    <p class="govuk-body govuk-!-margin-bottom-0 govuk-!-font-weight-bold" id="${FILE_ID}-dropped" aria-live="polite"></p>
  </div>
</div>`;
}

function formView(p, api) {
  preload();
  const errors = p.errors ?? [];
  const fileError = errors.find((e) => e.field === FILE_ID);
  const dateError = errors.find((e) => e.field?.startsWith("asOf"));
  const value = p.raw ?? isoToParts(lastAsOf ?? api.today());
  return {
    title: "Check every council from Ofsted’s published outcomes file", back: "?page=choose", errors,
    body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${C.errorSummary(errors.map((e) => ({ href: `#${e.field}`, text: e.text })))}
  <h1 class="govuk-heading-l" tabindex="-1">Check every council from Ofsted’s published outcomes file</h1>
  <p class="govuk-body">Ofsted publishes the grades of every council’s children’s services in a spreadsheet, ‘Local authority inspection outcomes’. Choose that file and the checker lists every council with the intervention that applies to it, and links to each council’s full result.</p>
  <form novalidate data-form="page">
    ${fileUpload({ error: fileError?.text })}
    ${fileError?.detail ? html`<details class="govuk-details">
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">What the checker found in the file</span></summary>
      <div class="govuk-details__text">${fileError.detail}</div>
    </details>` : ""}
    ${C.dateInput({ id: "asOf", text: "Date to check", size: "m", value,
      hintText: "The checker works out what applied to each council on this date, counting only reports published by then. For example, 30 6 2025",
      error: dateError?.text, errorParts: dateError?.parts ?? [] })}
    ${C.button("Continue")}
    <p class="govuk-body" role="status" id="ofsted-progress"></p>
  </form>
</div></div>`,
  };
}

/** An error thrown by the reader, as the field it belongs to and GOV.UK words. */
function readerError(e, data) {
  const code = e?.code ?? "";
  const path = e?.path ?? "";
  const message = String(e?.message ?? e);
  if (path === "asOf") {
    if (code === "no_ruleset") {
      const from = data.rulesets.map((r) => r.inForceFrom).sort()[0];
      return { field: "asOf-day", text: `The date to check must be on or after ${formatDate(from)}, when the rules this service applies begin` };
    }
    return { field: "asOf-day", text: "The date to check must be a real date" };
  }
  // The reader's own words (they may start with the file's name), without the leading path.
  const detail = path && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
  if (/format is not read here/.test(message)) {
    return { field: FILE_ID, text: "The selected file must be an .ods or .xlsx spreadsheet: open it in a spreadsheet program, save it as .ods, then select it again", detail };
  }
  if (code === "missing_field" && /has no sheet/.test(message) && path) {
    return { field: FILE_ID, text: `The selected file does not have Ofsted’s sheet ‘${path}’: select the file as Ofsted published it`, detail };
  }
  if (code === "missing_field" && path) {
    return { field: FILE_ID, text: `The selected file’s sheet ‘${path}’ does not have Ofsted’s columns: select the file as Ofsted published it`, detail };
  }
  return { field: FILE_ID, text: "The selected file must be Ofsted’s local authority inspection outcomes file", detail };
}

export async function submit(form, api) {
  const page = "ofsted";
  const fd = new FormData(form);
  const raw = { day: fd.get("asOf-day"), month: fd.get("asOf-month"), year: fd.get("asOf-year") };
  const errors = [];
  const file = form.querySelector('input[type="file"]')?.files?.[0];
  if (!file) errors.push({ field: FILE_ID, text: "Select Ofsted’s local authority inspection outcomes file" });
  else if (file.size > MAX_BYTES) errors.push({ field: FILE_ID, text: "The selected file must be smaller than 20 MB" });
  const date = parseDateParts(raw, ASOF_NOUN);
  if (date.error) errors.push({ field: `asOf-${date.parts[0] ?? "day"}`, text: date.error, parts: date.parts });
  if (errors.length) return api.showErrors(page, errors, raw);

  lastAsOf = date.iso;
  const progress = form.querySelector("#ofsted-progress");
  if (progress) progress.textContent = `Reading ${file.name} on this device…`;
  let listing;
  try {
    const { readOfstedFile } = await reader();
    listing = await readOfstedFile(file, { asOf: date.iso });
  } catch (e) {
    if (!("code" in Object(e))) console.error(e);
    const err = "code" in Object(e) ? readerError(e, api.data())
      : { field: FILE_ID, text: "The selected file could not be read. Try again." };
    return api.showErrors(page, [err], raw);
  }
  keep(listing, file.name);
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
    case "grade": return row.latestGrade ? GRADE_ORDER.indexOf(row.latestGrade) : null;
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
    <td class="govuk-table__cell">${r.keyDate ? html`${formatDate(r.keyDate.date)}<br><span class="govuk-!-font-size-14">${DATE_KINDS[r.keyDate.kind] ?? r.keyDate.kind} (${daysInWords(r.keyDate.daysFromAsOf)})</span>` : "None"}</td>
    <td class="govuk-table__cell">${yesNo(r.persistent)}</td>
    <td class="govuk-table__cell">${yesNo(r.systemic)}</td>
  </tr>`);
}

const shownText = (n, total) => (n === total ? `Showing all ${total} councils` : `Showing ${n} of ${total} ${total === 1 ? "council" : "councils"}`);
const sortText = () => `Sorted by ${COLUMNS.find((c) => c.key === sort.key).label.toLowerCase()}, ${sort.dir}`;

/** Rows with the words the table shows and sorts by. */
function prepared(o, data) {
  return o.rows.map((r) => ({ ...r, title: ruleTitle(data, r.rule, r.intervention), ruleKey: r.rule ?? r.intervention }));
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
    const e = byRule.get(r.ruleKey) ?? { title: r.title, n: 0, order: Number(String(r.rule).split("/row-")[1] ?? 99) };
    e.n += 1;
    byRule.set(r.ruleKey, e);
  }
  const rules = [...byRule.entries()].sort((a, b) => a[1].order - b[1].order);
  const gradeAt = (g) => (GRADE_ORDER.includes(g) ? GRADE_ORDER.indexOf(g) : GRADE_ORDER.length);
  const grades = Object.entries(o.summary.byLatestGrade).sort((a, b) => gradeAt(a[0]) - gradeAt(b[0]));
  const full = data.rulesets.find((r) => r.id === o.ruleset.id);
  const visits = o.summary.visits;

  return {
    title: `Every council on ${formatDate(o.asOf)}`, back: "?page=ofsted",
    body: html`<div class="govuk-grid-row"><div class="govuk-grid-column-full">
  <span class="govuk-caption-l">From ${o.fileName}</span>
  <h1 class="govuk-heading-l" tabindex="-1">Every council on ${formatDate(o.asOf)}</h1>
  <p class="govuk-body">The file was read on this device: nothing was uploaded. Rules applied: ${o.ruleset.title}${full ? `, ${inForce(full)}` : ""}.
    Select a council to see its full result: why the intervention applies and what happens next.</p>
  <h2 class="govuk-heading-m">Summary</h2>
  <div class="govuk-grid-row">
    <div class="govuk-grid-column-one-half">${summaryTable("Councils by intervention", "Intervention", rules.map(([, e]) => [e.title, e.n]))}</div>
    <div class="govuk-grid-column-one-half">${summaryTable("Councils by latest Ofsted grade", "Latest grade", grades.map(([g, n]) => [g === "none" ? "No inspection" : gradeText(g), n]))}
      ${C.summaryList([
        { key: "Councils", value: String(o.summary.councils) },
        { key: "Persistent failure", value: String(o.summary.persistent) },
        { key: "Systemic failure", value: String(o.summary.systemic) },
      ])}</div>
  </div>
  ${visits.monitoring + visits.focused ? C.insetText(html`<p class="govuk-body">The file lists ${visits.monitoring} monitoring and ${visits.focused} focused visits. ${o.summary.visitsNote}</p>`) : ""}

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
    <ul class="govuk-list govuk-list--bullet">${o.notAssessed.map((c) => html`<li>${c.name} (${c.code}): ${cap(String(c.error.message))}</li>`)}</ul>` : ""}
  ${o.warnings.length ? html`<h2 class="govuk-heading-m" id="file-warnings">Rows of the file that could not be read</h2>
    <ul class="govuk-list govuk-list--bullet">${o.warnings.map((w) => html`<li>${w.place ? `${w.place}: ` : ""}${w.text}</li>`)}</ul>` : ""}
  <p class="govuk-body"><a class="govuk-link" href="?page=ofsted">Check another file or date</a></p>
</div></div>`,
  };
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
    if (files.length > 1) { said.textContent = "Drop one file: Ofsted’s spreadsheet"; return; }
    input.files = files;
    said.textContent = `Chosen: ${files[0].name}`;
  });
}

