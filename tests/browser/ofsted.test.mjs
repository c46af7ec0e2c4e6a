// Every council from Ofsted's published outcomes, by keyboard only: the reader's module is loaded
// only once a file of the user's own is wanted, a foreign file, an .xls or a CSV gives the error
// summary (and a chosen file survives an error in the date), the table's summary, sorting and
// filtering (with the live region), each council's link to its full result, the loaded file
// offered to the council journey, the data shipped with the service giving the same table as
// Ofsted's file, past key dates said as past, the councils that could help, and 320px. Ofsted's
// file is the project's copy in data/ofsted/. Offline: tests/browser/offline.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, basename } from "node:path";
import { readFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import {
  startServer, launch, openPage, ready, current, typeDate, press, submit, tabTo, typeInto, chooseRadio,
  heading, text, expectErrors, axe, screenshot, noProblems, rowTitle, root,
} from "./helpers.mjs";
import { visibleText, problems } from "./text-scan.mjs";

const DATA = join(root, "data", "ofsted");
const ODS = join(DATA, "LA_Inspection_Outcomes_as_at_31_March_2025.ods");
const CSVS = ["ilacs_history_2018-2025.csv", "latest_as_at_2025-03-31.csv", "in_year_2024-25.csv"].map((f) => join(DATA, f));
const SHIPPED = JSON.parse(readFileSync(join(root, "www", "data", "councils.json"), "utf8"));
const SHIPPED_OPTION = "Use Ofsted’s outcomes as at 31 March 2025, included with this service";
const FILE_OPTION = "Choose a newer file of your own";
const READER = /\/(pkg-ofsted\/|ofsted-reader\.js)/;
const OFSTED_OPTION = "Every council’s intervention, from Ofsted’s published outcomes file";

/** A minimal OpenDocument spreadsheet (stored, uncompressed zip) with the named sheets. */
function tinyOds(sheetNames) {
  const sheets = sheetNames.map((n) => `<table:table table:name="${n}"><table:table-row><table:table-cell office:value-type="string"><text:p>${n}</text:p></table:table-cell></table:table-row></table:table>`).join("");
  const files = [
    ["mimetype", "application/vnd.oasis.opendocument.spreadsheet"],
    ["META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`],
    ["content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>${sheets}</office:spreadsheet></office:body></office:document-content>`],
  ];
  const local = [], central = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text), n = Buffer.from(name), crc = crc32(data);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(data.length, 18); h.writeUInt32LE(data.length, 22); h.writeUInt16LE(n.length, 26);
    local.push(h, n, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20); c.writeUInt32LE(data.length, 24); c.writeUInt16LE(n.length, 28); c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

let server, browser, tmp;
before(async () => {
  server = await startServer();
  browser = await launch();
  tmp = await mkdtemp(join(tmpdir(), "ofsted-test-"));
  await writeFile(join(tmp, "notes.txt"), "Not Ofsted's file: a shopping list.\n");
  // An old Excel file (its OLE2 signature), which the page does not read.
  await writeFile(join(tmp, "outcomes.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  // A spreadsheet without Ofsted's sheet of latest inspections.
  await writeFile(join(tmp, "outcomes.ods"), tinyOds(["Cover", "Notes"]));
});
after(async () => { await browser?.close(); await server?.close(); if (tmp) await rm(tmp, { recursive: true, force: true }); });

/** Chooses a file (or several) with the keyboard: the option for a file of one's own, then Tab
 *  to the file input, Space, then the chooser. */
async function chooseFile(page, path) {
  const radio = await page.$("input[type=radio][name=source][value=file]");
  if (radio && !(await radio.isChecked())) await chooseRadio(page, "source", FILE_OPTION);
  const chooser = page.waitForEvent("filechooser");
  await tabTo(page, "the file upload", () => document.activeElement?.id === "ofsted-file");
  await page.keyboard.press("Space");
  await (await chooser).setFiles(path);
}

/** Drags Ofsted's file onto the drop zone and drops it there (as a file manager would). */
async function dropFile(page, path) {
  const b64 = (await readFile(path)).toString("base64");
  const dt = await page.evaluateHandle(({ b64, name }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const t = new DataTransfer();
    t.items.add(new File([bytes], name, { type: "application/vnd.oasis.opendocument.spreadsheet" }));
    return t;
  }, { b64, name: basename(path) });
  for (const type of ["dragenter", "dragover"]) await page.dispatchEvent("[data-drop-zone]", type, { dataTransfer: dt });
  assert.ok(await page.$(".app-drop-zone--dragging"), "the drop zone shows a file is over it");
  await page.dispatchEvent("[data-drop-zone]", "drop", { dataTransfer: dt });
  assert.equal(await text(page, "#ofsted-file-dropped"), `Chosen: ${basename(path)}`);
  assert.equal(await page.$eval("#ofsted-file", (i) => i.files[0]?.name), basename(path), "the drop fills the file input");
  assert.ok(!(await page.$(".app-drop-zone--dragging")));
}

async function readOfsted(page, asOf = "2025-06-30", { drop = false } = {}) {
  if (drop) await dropFile(page, ODS); else await chooseFile(page, ODS);
  await typeDate(page, "asOf", asOf);
  await submit(page);
  assert.equal(await current(page), "ofsted/councils");
}

const rows = (page) => page.$$eval("#councils-body tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
const shownText = (page) => text(page, "#councils-shown");

test("the start, choose and Ofsted pages never load the spreadsheet reader; choosing a file of one's own does", { timeout: 60_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  // What the page itself requests. (The service worker, once installed, precaches the whole
  // site for offline use, the reader included: those are its own fetches, not the page's.)
  const requested = [];
  page.on("request", (r) => requested.push(r.url()));
  await page.goto(server.url);
  await ready(page);
  await page.waitForLoadState("networkidle");
  assert.deepEqual(requested.filter((u) => READER.test(u)), [], "the start page requests nothing of the reader");
  assert.ok(requested.some((u) => u.includes("/pkg/trust_eligibility_bg.wasm")), "requests were recorded");
  await press(page, "Start now");
  await axe(page);
  await page.waitForLoadState("networkidle");
  assert.deepEqual(requested.filter((u) => READER.test(u)), [], "nor does the choose page");
  await chooseRadio(page, "journey", OFSTED_OPTION);
  await submit(page);
  assert.equal(await heading(page), "Check every council from Ofsted’s published outcomes file");
  await page.waitForLoadState("networkidle");
  assert.ok(requested.some((u) => u.endsWith("/data/councils.json")), "the page reads the data shipped with the service");
  assert.deepEqual(requested.filter((u) => READER.test(u)), [], "nor does the Ofsted page, until a file of one's own is wanted");
  const wasm = page.waitForRequest((r) => /\/pkg-ofsted\/ofsted_bg\.wasm$/.test(r.url()), { timeout: 15_000 });
  await chooseRadio(page, "source", FILE_OPTION);
  await wasm; // the reader starts loading while the user chooses the file
  assert.equal(await page.getAttribute("input[name=source][value=file]", "aria-controls"), "conditional-source-2");
  assert.ok(await page.isVisible("#ofsted-file"), "the file upload is revealed");
  await axe(page, "ofsted form, file of one's own");
  noProblems(page);
  await context.close();
});

test("every council from Ofsted's file: errors, summary, sorting, filtering and each council's result", { timeout: 180_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(server.url);
  await ready(page);
  await press(page, "Check every council from Ofsted’s published outcomes file");
  assert.equal(await current(page), "ofsted");
  assert.equal(await heading(page), "Check every council from Ofsted’s published outcomes file");
  assert.ok(await page.$("[data-drop-zone] input[type=file]#ofsted-file"), "the plain file input, in its drop zone");
  await axe(page, "ofsted form");

  assert.ok(!(await page.isVisible("#ofsted-file")), "the file upload is hidden until a file of one's own is chosen");
  assert.match(await text(page, "main"), /Contains public sector information licensed under the Open Government Licence v3\.0/);
  assert.equal(await page.getAttribute("a[rel~=license]", "href"), SHIPPED.source.licenceUrl);

  // Nothing chosen; no file; a text file; an .xls; a CSV alone; a date that is not real.
  await submit(page);
  await expectErrors(page, ["Select which of Ofsted’s outcomes to check"]);
  await chooseRadio(page, "source", FILE_OPTION);
  await submit(page);
  await expectErrors(page, ["Select Ofsted’s local authority inspection outcomes file"]);
  await axe(page, "ofsted form, no file");
  await chooseFile(page, join(tmp, "notes.txt"));
  await submit(page);
  await expectErrors(page, ["The selected file must be Ofsted’s local authority inspection outcomes file"]);
  assert.match(await page.$eval(".govuk-details__text", (e) => e.textContent), /notes\.txt is not one of Ofsted's sheets/, "the reader's own explanation is there too");
  await axe(page, "ofsted form, foreign file");
  await chooseFile(page, join(tmp, "outcomes.xls"));
  await submit(page);
  await expectErrors(page, ["The selected file must be an .ods or .xlsx spreadsheet: open it in a spreadsheet program, save it as .ods, then select it again"]);
  await chooseFile(page, join(tmp, "outcomes.ods"));
  await submit(page);
  await expectErrors(page, ["The selected file does not have Ofsted’s sheet ‘Inspections_as_at_31_March’: select the file as Ofsted published it"]);
  assert.match(await page.$eval(".govuk-details__text", (e) => e.textContent), /^outcomes\.ods has no sheet Inspections_as_at_31_March \(its sheets: Cover, Notes\)/);
  await chooseFile(page, CSVS[1]);
  await submit(page);
  const csvError = "The selected CSV files must be Ofsted’s sheets exported as CSV, selected together: ILACS_inspection_history, Inspections_as_at_31_March and, if you have it, In-year_inspections (ILACS_inspection_history is missing). Or select the spreadsheet itself";
  await expectErrors(page, [csvError]);
  await axe(page, "ofsted form, one CSV");
  await chooseFile(page, ODS);
  await typeDate(page, "asOf", "2025-02-30");
  await submit(page);
  await expectErrors(page, ["The date to check must be a real date"]);
  assert.equal(await page.inputValue("#asOf-day"), "30", "what was typed is kept");
  assert.equal(await page.$eval("#ofsted-file", (i) => i.files[0]?.name), basename(ODS), "the chosen file survives the date error");
  assert.equal(await text(page, "#ofsted-file-dropped"), `Chosen: ${basename(ODS)}`, "and the page says so");
  await axe(page, "ofsted form, bad date");
  await typeDate(page, "asOf", "2014-02-03");
  await submit(page);
  await expectErrors(page, ["The date to check must be on or after 14 December 2015, when the rules this service applies begin"]);
  assert.equal(await page.$eval("#ofsted-file", (i) => i.files[0]?.name), basename(ODS), "the file survives the reader's date error too");

  // Ofsted's file, assessed on 30 June 2025 (the file kept through the errors: not chosen again).
  const t0 = Date.now();
  await typeDate(page, "asOf", "2025-06-30");
  await submit(page);
  assert.equal(await current(page), "ofsted/councils");
  const readMs = Date.now() - t0;
  assert.equal(await heading(page), "Every council on 30 June 2025");
  await page.evaluate(() => document.querySelectorAll("main details").forEach((d) => { d.open = true; })); // the folded parts of the result, opened to read
  const main = await text(page, "main");
  assert.ok(main.includes("From LA_Inspection_Outcomes_as_at_31_March_2025.ods"));
  assert.ok(main.includes("nothing was uploaded"));
  const grades = Object.fromEntries(await page.$$eval("table", (ts) => {
    const t = ts.find((x) => x.caption?.textContent.includes("by latest Ofsted grade"));
    return [...t.tBodies[0].rows].map((r) => [r.cells[0].textContent.trim(), Number(r.cells[1].textContent)]);
  }));
  assert.deepEqual(grades, { Outstanding: 36, Good: 67, "Requires improvement to be good": 31, Inadequate: 19 });
  const byIntervention = Object.fromEntries(await page.$$eval("table", (ts) => {
    const t = ts.find((x) => x.caption?.textContent.includes("by intervention"));
    return [...t.tBodies[0].rows].map((r) => [r.cells[0].textContent.trim(), Number(r.cells[1].textContent)]);
  }));
  assert.equal(byIntervention[rowTitle("protocol-2016", 2)], 6);
  assert.equal(Object.values(byIntervention).reduce((a, b) => a + b, 0), 153);
  let all = await rows(page);
  assert.equal(all.length, 153);
  assert.equal(await shownText(page), "Showing all 153 councils");
  const bradford = all.find((r) => r[0] === "Bradford");
  assert.equal(bradford[4], rowTitle("protocol-2016", 2), "Bradford: statutory direction");
  assert.equal(bradford[6], "Yes", "Bradford: persistent failure");
  assert.match(bradford[5], /30 April 2023/);
  assert.equal(await page.getAttribute("#councils thead th:first-child", "aria-sort"), "ascending");
  const former = await text(page, "#no-longer-exist + p + .app-table-scroll");
  for (const name of ["Bournemouth", "Cumbria"]) assert.ok(former.includes(name), `${name} listed apart`);
  assert.ok(!all.some((r) => r[0] === "Cumbria"), "a council that no longer exists is not in the table");
  await axe(page, "ofsted councils");
  await screenshot(page, "ofsted-councils");

  // Sort by publication date with the keyboard: ascending, then descending.
  const isSort = (key) => new Function(`return document.activeElement?.dataset?.sort === ${JSON.stringify(key)}`);
  await tabTo(page, "the Published column's sort button", isSort("published"), { max: 120 });
  await page.keyboard.press("Enter");
  const publishedTh = "#councils thead th:nth-child(4)";
  assert.equal(await page.$$eval("#councils-body > *", (xs) => xs.every((x) => x.tagName === "TR")), true, "only rows in the table's body");
  assert.equal(await page.$eval("#councils-body", (b) => [...b.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim()), "", "no stray text between the rows once sorted");
  assert.equal(await page.getAttribute(publishedTh, "aria-sort"), "ascending");
  assert.equal(await page.getAttribute("#councils thead th:first-child", "aria-sort"), "none");
  const dates = async () => (await rows(page)).map((r) => new Date(r[3]).getTime());
  let d = await dates();
  assert.ok(d.every((x, k) => k === 0 || d[k - 1] <= x), "oldest first");
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute(publishedTh, "aria-sort"), "descending");
  d = await dates();
  assert.ok(d.every((x, k) => k === 0 || d[k - 1] >= x), "newest first");
  assert.equal((await rows(page))[0][3], "14 May 2025", "the latest report in the file comes first");
  assert.equal(await text(page, "#councils-sorted"), "Sorted by published, descending");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.sort), "published", "focus stays on the button");
  await page.keyboard.press("Shift+Tab"); // back to the latest grade's button
  await page.keyboard.press("Enter");
  const g = (await rows(page)).map((r) => r[2]);
  assert.equal(g[0], "Outstanding");
  assert.equal(g.at(-1), "Inadequate");

  // Filter: the intervention (a select, by keyboard), then the name; the live region counts.
  await tabTo(page, "the intervention filter", () => document.activeElement?.id === "filter-intervention", { back: true, max: 40 });
  await page.keyboard.type("Statutory");
  await page.waitForFunction(() => document.querySelectorAll("#councils-body tr").length === 6);
  assert.equal(await shownText(page), "Showing 6 of 153 councils");
  assert.ok((await rows(page)).every((r) => r[4] === rowTitle("protocol-2016", 2)));
  await tabTo(page, "the name filter", () => document.activeElement?.id === "filter-name", { back: true });
  await page.keyboard.type("Bradford");
  await page.waitForFunction(() => document.querySelectorAll("#councils-body tr").length === 1);
  assert.equal(await shownText(page), "Showing 1 of 153 councils");
  assert.equal(await page.getAttribute("#councils-shown", "role"), "status");
  assert.equal((await rows(page))[0][0], "Bradford");
  await axe(page, "ofsted councils, filtered");
  await typeInto(page, "filter-name", "Nowhere");
  await page.waitForFunction(() => document.getElementById("councils-shown").textContent === "Showing 0 of 153 councils");
  assert.equal(await text(page, "#councils-body"), "No councils match the filter");
  await typeInto(page, "filter-name", "bradf");
  await page.waitForFunction(() => document.querySelectorAll("#councils-body tr").length === 1);

  // Bradford's full, explained result: the council journey's result page, prefilled.
  await press(page, "Bradford");
  assert.equal(await current(page), "council/result");
  assert.equal(await text(page, ".govuk-panel__title"), rowTitle("protocol-2016", 2));
  const panel = await text(page, ".govuk-panel__body");
  assert.match(panel, /Bradford, on 30 June 2025/);
  assert.match(panel, /The commissioner's review was due on 30 April 2023, [\d,]+ days ago/);
  await page.evaluate(() => document.querySelectorAll("main details").forEach((d) => { d.open = true; })); // the folded parts of the result, opened to read
  const result = await text(page, "main");
  assert.match(result, /Persistent failure\s+Yes/);
  assert.ok(result.includes("Also inadequate in the report published 29 October 2018"));
  await axe(page, "council result from Ofsted's file");

  // Back to the table: the filter is kept.
  await page.goBack();
  await page.waitForFunction(() => document.body.dataset.page === "ofsted/councils" && document.getElementById("councils-body"));
  assert.equal(await page.inputValue("#filter-name"), "bradf");
  assert.equal((await rows(page)).length, 1);

  // The council journey offers the loaded file's councils.
  await page.goto(`${server.url}?page=council/name`);
  await ready(page);
  await press(page, "pick a council from the file you loaded");
  assert.equal(await current(page), "council/pick");
  assert.match(await text(page, "main"), /From LA_Inspection_Outcomes_as_at_31_March_2025\.ods/);
  assert.equal(await page.$$eval("#council option", (o) => o.length), 154, "every council, and ‘Choose a council’");
  await axe(page, "council pick from Ofsted's file");
  noProblems(page);
  console.log(`# read Ofsted's file in the page in ${readMs} ms`);
  await context.close();
});

/** The page's Back link, by keyboard (Shift+Tab from the heading, as a person would). */
async function backLink(page) {
  const before = await page.evaluate(() => document.body.dataset.painted);
  await page.focus("h1");
  await tabTo(page, "the Back link", () => document.activeElement?.classList.contains("govuk-back-link"), { back: true });
  await page.keyboard.press("Enter");
  await page.waitForFunction((b) => document.body.dataset.painted !== b, before);
}

/** Days from one ISO date to another. */
const days = (from, to) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
/** The page's text, scanned for placeholders and internal references. */
async function noInternalText(page) {
  assert.deepEqual(problems(visibleText(await page.content())), [], "no placeholder or internal reference in the page");
}

test("the outcomes shipped with the service: the table Ofsted's file gives, their age, visits, past dates as past, councils that could help", { timeout: 180_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(`${server.url}?page=ofsted`);
  await ready(page);
  await readOfsted(page, "2025-06-30");
  const fromFile = await rows(page);
  await backLink(page);
  assert.equal(await current(page), "ofsted");

  // The same date from the data shipped with the service: no file, no reader.
  await chooseRadio(page, "source", SHIPPED_OPTION);
  await typeDate(page, "asOf", "2025-06-30");
  await submit(page);
  assert.equal(await current(page), "ofsted/councils");
  assert.equal(await text(page, ".govuk-caption-l"), "From Ofsted’s outcomes as at 31 March 2025, included with this service");
  const shipped = await rows(page);
  const current_ = SHIPPED.councils.filter((c) => !c.former);
  assert.equal(shipped.length, current_.length);
  assert.deepEqual(shipped.map((r) => r[0]).sort(), current_.map((c) => c.name).sort(), "every council of the shipped data");
  assert.deepEqual(shipped, fromFile, "the same table as Ofsted's file gives on the same date");
  assert.equal(await text(page, "#data-age"), "The data is as at 31 March 2025: 3 months before the date checked, 30 June 2025.");
  assert.ok(!(await page.$(".govuk-warning-text")), "data 3 months old: no warning");
  const summary = Object.fromEntries(await page.$$eval(".govuk-summary-list__row", (rs) => rs.map((r) => [r.children[0].textContent.trim(), r.children[1].textContent.trim()])));
  const visits = (kind) => current_.reduce((n, c) => n + (c.visits ?? []).filter((v) => v.kind === kind).length, 0);
  assert.equal(summary["Monitoring visits"], String(visits("monitoring")));
  assert.equal(summary["Focused visits"], String(visits("focused")));
  assert.ok(visits("monitoring") + visits("focused") > 0, "the shipped data carries visits");
  assert.match(await text(page, "#visits-note"), /^Each council’s monitoring and focused visits are part of its record, and are filled in when you open the council’s result\. The data gives each visit’s date and kind, not its outcome/);
  const former = await text(page, "#no-longer-exist + p + .app-table-scroll");
  for (const c of SHIPPED.councils.filter((x) => x.former)) assert.ok(former.includes(c.name), `${c.name} listed apart`);
  assert.match(await text(page, "main"), /Contains public sector information licensed under the Open Government Licence v3\.0/);
  await axe(page, "ofsted councils, shipped data");
  await noInternalText(page);

  // A council's visits go with it into its result.
  const withVisit = current_.find((c) => c.name === "Sandwell" && c.visits?.length) ?? current_.find((c) => c.visits?.length);
  await typeInto(page, "filter-name", withVisit.name);
  await page.waitForFunction((n) => [...document.querySelectorAll("#councils-body th")].some((th) => th.textContent.trim() === n), withVisit.name);
  await press(page, withVisit.name);
  assert.equal(await current(page), "council/result");
  // The answers saved in this browser (not the loaded list, which holds every council's record).
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => /^trust-eligibility:(answers|v2:|v3:site:council:)/.test(k) && !/unreadable/.test(k)).map((k) => localStorage.getItem(k)).join("\n"));
  assert.ok(saved.includes(withVisit.visits[0].date), `${withVisit.name}'s visit is in the council journey's answers`);
  await page.goBack();
  await page.waitForFunction(() => document.body.dataset.page === "ofsted/councils" && document.getElementById("councils-body"));
  await typeInto(page, "filter-name", "");

  // Checked on 2 December 2026: the data is 20 months old (a warning), and dates long past are past.
  await backLink(page);
  await typeDate(page, "asOf", "2026-12-02");
  await submit(page);
  assert.match(await text(page, ".govuk-warning-text"), /The data is as at 31 March 2025: 1 year and 8 months before the date checked, 2 December 2026\. Reports Ofsted has published since are not in it/);
  const late = await rows(page);
  const bradford = late.find((r) => r[0] === "Bradford");
  const due = "2023-04-30";
  assert.equal(bradford[5], `Commissioner's review due\nwas due on 30 April 2023, ${days(due, "2026-12-02").toLocaleString("en-GB")} days ago`);
  const keyDates = late.filter((r) => r[5] !== "None");
  assert.ok(keyDates.length >= 6);
  for (const r of keyDates) assert.match(r[5], /was due on \d+ \w+ \d{4}, [\d,]+ days? ago$/, `${r[0]}: a past date said as past`);

  // Councils that could help: for each council in intervention, the high-performing councils of
  // its region (here, with no concerns in the data, exactly the table's high-performing rows).
  const region = Object.fromEntries(late.map((r) => [r[0], r[1]]));
  const HP = rowTitle("protocol-2016", 10);
  const partners = await page.$$eval("#partners ~ .govuk-summary-list .govuk-summary-list__row", (rs) => rs.map((r) => ({
    name: r.children[0].childNodes[0].textContent.trim(), intervention: r.children[0].querySelector("span").textContent.trim(), value: r.children[1].textContent.trim(),
  })));
  const inIntervention = late.filter((r) => [2, 3, 4, 5, 6, 7].map((n) => rowTitle("protocol-2016", n)).includes(r[4]));
  assert.deepEqual(partners.map((p) => p.name), inIntervention.map((r) => r[0]), "every council in intervention, in the table's order");
  for (const p of partners) {
    const expected = late.filter((r) => r[1] === region[p.name] && r[4] === HP && r[0] !== p.name).map((r) => r[0]);
    const n = expected.length;
    if (n === 0) assert.equal(p.value, `No council in ${region[p.name]} is high-performing on this date`);
    else {
      assert.match(p.value, new RegExp(`^${n} councils?: `), `${p.name}: ${n} councils`);
      for (const name of expected) assert.ok(p.value.includes(name), `${p.name}: ${name} could help`);
    }
  }
  assert.match(await text(page, "#partners + p"), /The Department for Education chooses improvement partners: this is a starting list/);
  await axe(page, "ofsted councils, shipped data, stale, partners");
  await noInternalText(page);
  await screenshot(page, "ofsted-councils-shipped-2026");
  noProblems(page);
  await context.close();
});

test("CSV exports of Ofsted's sheets, chosen together, give the same table as the spreadsheet", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(`${server.url}?page=ofsted`);
  await ready(page);
  await readOfsted(page, "2025-06-30");
  const fromOds = await rows(page);
  await backLink(page);
  await chooseFile(page, CSVS);
  await typeDate(page, "asOf", "2025-06-30");
  await submit(page);
  assert.equal(await current(page), "ofsted/councils");
  assert.deepEqual(await rows(page), fromOds);
  await noInternalText(page);
  noProblems(page);
  await context.close();
});

test("at 320px: the file dropped on the drop zone, the table scrolling inside a labelled, focusable region", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url, { width: 320, height: 640 });
  await page.goto(`${server.url}?page=ofsted`);
  await ready(page);
  await axe(page, "ofsted form 320px");
  await readOfsted(page, "2025-06-30", { drop: true });
  const m = await page.evaluate(() => {
    const region = document.querySelector(".app-table-scroll");
    return {
      pageWidth: document.documentElement.scrollWidth,
      scrolls: region.scrollWidth > region.clientWidth,
      tabindex: region.getAttribute("tabindex"),
      role: region.getAttribute("role"),
      label: document.getElementById(region.getAttribute("aria-labelledby"))?.textContent ?? "",
    };
  });
  assert.ok(m.pageWidth <= 320, `the page does not scroll sideways (${m.pageWidth}px)`);
  assert.ok(m.scrolls, "the table scrolls inside its region");
  assert.equal(m.tabindex, "0");
  assert.equal(m.role, "region");
  assert.match(m.label, /^Councils and the intervention that applies on 30 June 2025/);
  await tabTo(page, "the table's region", () => document.activeElement?.classList.contains("app-table-scroll"), { max: 80 });
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".app-table-scroll").scrollLeft > 0);
  await axe(page, "ofsted councils 320px");
  await screenshot(page, "ofsted-councils-320px");
  noProblems(page);
  await context.close();
});

test("without the shipped data (a damaged copy), the page says so and still reads Ofsted's file", { timeout: 120_000 }, async () => {
  const broken = await startServer({ pages: { "/data/councils.json": "{ not the data" } });
  try {
    const { context, page } = await openPage(browser, broken.url);
    await page.goto(`${broken.url}?page=ofsted`);
    await ready(page);
    assert.equal(await page.$("input[name=source][type=radio]"), null, "no choice of data to offer");
    assert.match(await text(page, ".govuk-inset-text"), /Ofsted’s outcomes included with this service could not be read on this device\. You can still choose Ofsted’s file\./);
    assert.ok(await page.isVisible("#ofsted-file"));
    await axe(page, "ofsted form, no shipped data");
    await chooseFile(page, ODS);
    await typeDate(page, "asOf", "2025-06-30");
    await submit(page);
    assert.equal(await current(page), "ofsted/councils");
    assert.equal((await rows(page)).length, 153);
    // The page warned in the console that the copy could not be read: that, and nothing else.
    assert.deepEqual(page.problems, []);
    await context.close();
  } finally {
    await broken.close();
  }
});
