// Every council from Ofsted's published outcomes file, by keyboard only: the reader's module is
// loaded only on its page, a foreign file or an .xls gives the error summary, the table's summary,
// sorting and filtering (with the live region), each council's link to its full result, the
// loaded file offered to the council journey, and 320px. Ofsted's file is the copy
// the project ships in data/ofsted/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, basename } from "node:path";
import { crc32 } from "node:zlib";
import {
  startServer, launch, openPage, ready, current, typeDate, press, submit, tabTo, typeInto, chooseRadio,
  heading, text, expectErrors, axe, screenshot, noProblems, rowTitle, root,
} from "./helpers.mjs";

const ODS = join(root, "data", "ofsted", "LA_Inspection_Outcomes_as_at_31_March_2025.ods");
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

/** Chooses a file with the keyboard: Tab to the file input, Space, then the chooser. */
async function chooseFile(page, path) {
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

test("the start and choose pages never load the spreadsheet reader; its page does", { timeout: 60_000 }, async () => {
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
  const wasm = page.waitForRequest((r) => /\/pkg-ofsted\/ofsted_bg\.wasm$/.test(r.url()), { timeout: 15_000 });
  await page.waitForLoadState("networkidle");
  assert.deepEqual(requested.filter((u) => READER.test(u)), [], "nor does the choose page");
  await chooseRadio(page, "journey", OFSTED_OPTION);
  await submit(page);
  assert.equal(await heading(page), "Check every council from Ofsted’s published outcomes file");
  await wasm; // the reader starts loading while the user chooses the file
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

  // Nothing chosen; a text file; an .xls; a date that is not real.
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
  await chooseFile(page, ODS);
  await typeDate(page, "asOf", "2025-02-30");
  await submit(page);
  await expectErrors(page, ["The date to check must be a real date"]);
  assert.equal(await page.inputValue("#asOf-day"), "30", "what was typed is kept");
  await axe(page, "ofsted form, bad date");

  // Ofsted's file, assessed on 30 June 2025.
  const t0 = Date.now();
  await readOfsted(page);
  const readMs = Date.now() - t0;
  assert.equal(await heading(page), "Every council on 30 June 2025");
  const main = await text(page, "main");
  assert.ok(main.includes("From LA_Inspection_Outcomes_as_at_31_March_2025.ods"));
  assert.ok(main.includes("nothing was uploaded"));
  // The visits are read with their dates; what the file does not give of them is said.
  assert.match(main, /The file lists 24 monitoring and 36 focused visits\. Each visit is part of its council.s history, with its date\./);
  assert.match(main, /no rule that depends on a visit.s outcome applies from the file alone/);
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
  assert.match(panel, /Commissioner's review due: 30 April 2023/);
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
