// Browser state that goes wrong, and hostile input through the page: saved answers that are
// damaged, foreign or from a newer version (kept, offered for download, never silently deleted);
// storage that is full (answers kept in memory, said on every page with the download, until a
// save works again); answers saved by the release before (moved to the new keys, not lost); two
// tabs, one journey each or the same one, and both embeds on the demo host page, answering in
// turn (every answer from every tab and embed kept; where two tabs changed the same answer,
// "Keep mine" or "Use the other tab’s answers"); and a too-long name, a date that cannot exist
// and a newer version's file of answers (the GOV.UK error summary, the other answers kept).
// Keyboard only where a person would use it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  startServer, launch, openPage, ready, current, typeInto, chooseRadio, typeDate, press, submit, tabTo, tick,
  heading, text, expectErrors, axe, noProblems, outDir,
} from "./helpers.mjs";
import { fullPage, councilJourney, inElement, inFrame, waitReady } from "./journeys.mjs";

const KEY = "trust-eligibility:v2:site:council";
const SPONSOR_KEY = "trust-eligibility:v2:site:sponsor";
const BACKUP = `${KEY}:unreadable`;
const V1 = "trust-eligibility:answers:v1";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const banners = (page) => page.evaluate(() => [...document.querySelectorAll(".govuk-notification-banner")].map((b) => ({
  role: b.getAttribute("role"),
  labelled: !!document.getElementById(b.getAttribute("aria-labelledby") ?? ""),
  heading: b.querySelector(".govuk-notification-banner__heading")?.textContent.trim(),
  text: b.textContent.replace(/\s+/g, " ").trim(),
})));
const bannerNamed = async (page, heading) => (await banners(page)).find((b) => b.heading === heading);
const saved = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);
/** The record saved for a journey's council or organisation (KEY: the council's, SPONSOR_KEY:
 *  the organisation's; these tests answer for one of each): its answers. */
const RECORDS = { [KEY]: "trust-eligibility:v3:site:council:", [SPONSOR_KEY]: "trust-eligibility:v3:site:sponsor:" };
const answersIn = async (page, key = KEY) => JSON.parse(await page.evaluate((p) => {
  const k = Object.keys(localStorage).find((x) => x.startsWith(p) && !x.endsWith(":unreadable"));
  return k ? localStorage.getItem(k) : null;
}, RECORDS[key] ?? key))?.answers;

/** Puts `raw` in the saved answers, then loads the start page as a returning user would. */
async function startWith(page, raw) {
  await page.goto(server.url);
  await ready(page);
  await page.evaluate(({ k, raw }) => localStorage.setItem(k, raw), { k: KEY, raw });
  await page.reload();
  await ready(page);
}

async function unreadable(raw, words, label) {
  const { context, page } = await openPage(browser, server.url);
  await startWith(page, raw);
  assert.equal(await current(page), "start");
  const b = await bannerNamed(page, "Your saved answers could not be read");
  assert.ok(b, "the start page says the saved answers could not be read");
  assert.equal(b.role, "region");
  assert.ok(b.labelled, "the banner is labelled by its title");
  assert.ok(b.text.includes(words), `the banner says why: ${words}`);
  assert.ok(b.text.includes("They have been kept"));
  // Kept under the backup key, with when; no longer where the answers are saved.
  const backup = JSON.parse(await saved(page, BACKUP));
  assert.equal(backup.text, raw, "the unreadable text is kept exactly");
  assert.match(backup.at, /^\d{4}-\d{2}-\d{2}T/);
  assert.equal(await saved(page), null);
  assert.ok(!(await text(page, "main")).includes("You have answers saved"), "started fresh");
  await axe(page, `start with unreadable answers (${label})`);

  // The journey works, and saves as it goes.
  await press(page, "Start now");
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
  assert.equal(await current(page), "council/name");
  await typeInto(page, "name", "Westmere");
  await submit(page);
  assert.equal(await current(page), "council/inspections");
  assert.equal((await answersIn(page)).name, "Westmere");
  assert.equal(await bannerNamed(page, "Your saved answers could not be read"), undefined, "said on the start page, not on every question");

  // Still offered after a reload, until the user decides: download them, then discard them.
  await page.goto(server.url);
  await ready(page);
  assert.ok(await bannerNamed(page, "Your saved answers could not be read"), "still offered on the start page");
  const downloading = page.waitForEvent("download");
  await press(page, "Download the unreadable answers", { wait: false });
  const file = await downloading;
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, `unreadable-${label}.txt`);
  await file.saveAs(path);
  assert.equal(await readFile(path, "utf8"), raw, "the download is the unreadable text");
  await press(page, "Discard them");
  assert.equal(await bannerNamed(page, "Your saved answers could not be read"), undefined);
  assert.equal(await saved(page, BACKUP), null, "discarded only when the user says so");
  assert.equal((await answersIn(page)).name, "Westmere", "the new answers are untouched");
  assert.ok((await text(page, "main")).includes("You have answers saved in this browser."));
  noProblems(page);
  await context.close();
}

test("damaged saved answers (not JSON): kept, offered for download or discard, the journey works", { timeout: 120_000 }, async () => {
  await unreadable('{"version":2,"journey":"council","answers":{"name":"Sand', "They are damaged.", "damaged");
});

test("saved answers in a foreign format: kept, offered for download or discard, the journey works", { timeout: 120_000 }, async () => {
  await unreadable(JSON.stringify({ format: "someone-else", items: [1, 2, 3] }), "not in a format this service recognises", "foreign");
});

test("saved answers from a newer version: kept, offered for download or discard, the journey works", { timeout: 120_000 }, async () => {
  await unreadable(JSON.stringify({ version: 3, journey: "council", answers: { name: "Futureshire" }, last: null }),
    "saved by a newer version of this service", "newer");
});

test("answers saved by the release before: moved into a key per journey, nothing lost, in the page and in an embed", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  const v1 = { version: 1, journey: "sponsor", council: { name: "Oldshire", inspections: [{ published: "2015-06-10", overall: "inadequate" }], inspectionsDone: true },
    sponsor: { kind: "charity", name: "Old Friends" }, last: { council: "council/visits", sponsor: "sponsor/england" } };
  await page.goto(`${server.url}rules.html`);
  await page.evaluate(({ k, v }) => { localStorage.clear(); localStorage.setItem(k, JSON.stringify(v)); }, { k: V1, v: v1 });
  await page.goto(server.url);
  await ready(page);
  assert.ok((await text(page, "main")).includes("You have answers saved in this browser."));
  assert.deepEqual(await answersIn(page, KEY), v1.council, "the council answers, moved");
  assert.deepEqual(await answersIn(page, SPONSOR_KEY), v1.sponsor, "the sponsor answers, moved");
  assert.equal(await saved(page, V1), null, "the old key is gone once everything in it has moved");
  await page.goto(`${server.url}?page=council/name`);
  await ready(page);
  assert.equal(await page.inputValue("#name"), "Oldshire");

  // An embed takes its own journey's answers from the old key; the other journey's stay there.
  await page.evaluate(({ k, v }) => { localStorage.clear(); localStorage.setItem(k, JSON.stringify(v)); }, { k: V1, v: v1 });
  await page.goto(`${server.url}demo/council-site.html`);
  const el = inElement(page, "#element");
  await waitReady(el);
  await page.waitForFunction(() => document.querySelector("#element").dataset.page === "sponsor/england");
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.ok(keys.includes("trust-eligibility:v3:element:/demo/council-site.html:#element:sponsor:name:old%20friends"), keys.join());
  const frameKey = keys.find((k) => k.startsWith("trust-eligibility:v3:frame:/embed.html?journey=council:"));
  assert.ok(frameKey, keys.join());
  assert.equal(JSON.parse(await saved(page, frameKey)).answers.name, "Oldshire", "the iframe took the council answers");
  noProblems(page);
  await context.close();
});

test("storage full: the answers stay in memory, every page says so with the download, and saving resumes when it can", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(k, v) {
      if (sessionStorage.getItem === undefined || window.__full !== false) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return real.call(this, k, v);
    };
  });
  await page.goto(`${server.url}?page=choose`);
  await ready(page);
  assert.equal((await banners(page)).length, 0, "nothing to say before anything is saved");
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
  assert.equal(await current(page), "council/name");
  assert.equal((await banners(page)).length, 0, "nothing to say before there is an answer to keep");
  await typeInto(page, "name", "Westmere");
  await submit(page);
  assert.equal(await current(page), "council/inspections", "the next page still shows");
  const b = await bannerNamed(page, "Your answers could not be saved on this device");
  assert.ok(b, "the page says the answers could not be saved");
  assert.equal(b.role, "region");
  assert.ok(b.text.includes("Download your answers"));
  assert.ok(b.text.includes("storage is full"));
  await axe(page, "question with the not-saved banner");
  await press(page, "Back");
  assert.equal(await current(page), "council/name");
  assert.equal(await page.inputValue("#name"), "Westmere", "the answer is kept in memory");
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing was saved");

  // "Download your answers" still has them.
  const downloading = page.waitForEvent("download");
  await press(page, "Download your answers", { wait: false });
  const path = join(outDir, "not-saved.json");
  await mkdir(outDir, { recursive: true });
  await (await downloading).saveAs(path);
  assert.equal(JSON.parse(await readFile(path, "utf8")).answers.council.name, "Westmere");

  // Room again: the next answer saves everything, and the banner goes.
  await page.evaluate(() => { window.__full = false; });
  await submit(page);
  assert.equal(await current(page), "council/inspections");
  assert.equal(await bannerNamed(page, "Your answers could not be saved on this device"), undefined);
  assert.equal((await answersIn(page)).name, "Westmere");
  noProblems(page);
  await context.close();

  // A full journey with storage full reaches its result.
  const second = await openPage(browser, server.url);
  await second.page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
  });
  await second.page.goto(`${server.url}?page=choose`);
  await ready(second.page);
  await chooseRadio(second.page, "journey", "Which intervention applies to a council");
  await submit(second.page);
  await councilJourney(fullPage(second.page));
  noProblems(second.page);
  await second.context.close();
});

/** A second tab of the same browser profile (they share the saved answers). */
async function secondTab(context) {
  const b = await context.newPage();
  b.problems = [];
  b.jsEnabled = true;
  b.on("console", (m) => { if (m.type() === "error") b.problems.push(`console: ${m.text()}`); });
  b.on("pageerror", (e) => b.problems.push(`pageerror: ${e.message}`));
  return b;
}
async function open(p, where) {
  await p.goto(`${server.url}?page=${where}`);
  await ready(p);
  assert.equal(await current(p), where);
}
const CHANGED = "Your answers were changed in another tab";
const waitBanner = (page) => page.waitForSelector("#store-elsewhere-title", { timeout: 5_000 });

test("two tabs, one journey each, answering in turn: every answer from both kept, nothing to choose", { timeout: 120_000 }, async () => {
  const { context, page: a } = await openPage(browser, server.url);
  const b = await secondTab(context);
  await open(a, "council/name");
  await open(b, "sponsor/kind");
  await typeInto(a, "name", "Westmere");
  await submit(a);
  await chooseRadio(b, "kind", "Charity");
  await submit(b);
  await chooseRadio(a, "add", "No");
  await submit(a);
  await typeInto(b, "name", "Small Steps");
  await submit(b);
  await chooseRadio(b, "basedInEngland", "Yes");
  await submit(b);
  for (const p of [a, b]) assert.equal(await bannerNamed(p, CHANGED), undefined, "another journey's answers are no change to this one");
  assert.deepEqual(await answersIn(a, KEY), { name: "Westmere", inspectionsDone: true });
  assert.deepEqual(await answersIn(a, SPONSOR_KEY), { kind: "charity", name: "Small Steps", basedInEngland: true });
  // Each tab's own later saves have not undone the other's.
  await open(a, "sponsor/check");
  assert.match(await text(a, "main"), /Name\s+Small Steps/);
  await open(b, "council/inspections");
  assert.match(await heading(b), /You have added 0 inspections|Has Ofsted published/);
  await open(b, "council/name");
  assert.equal(await b.inputValue("#name"), "Westmere");
  noProblems(a);
  assert.deepEqual(b.problems, []);
  await context.close();
});

test("two tabs, the same council: answers to different questions merged; the same answer changed: “Use the other tab’s answers” or “Keep mine”; another council in either changes nothing", { timeout: 120_000 }, async () => {
  const { context, page: a } = await openPage(browser, server.url);
  const b = await secondTab(context);
  await open(a, "council/name");
  await open(b, "council/name");
  // A names a council; B, not on any council yet, is not told (it is not B's council).
  await typeInto(a, "name", "Westmere");
  await submit(a);
  await b.waitForTimeout(300);
  assert.equal((await banners(b)).length, 0, "another tab's council is no change to this one");
  // B, reloaded, is on the council saved last: Westmere, the same as A.
  await open(b, "council/name");
  assert.equal(await b.inputValue("#name"), "Westmere");
  assert.equal((await banners(b)).length, 0, "opening a page in another tab is not a change of answers");

  // Different questions in turn: merged, without a word. (The lists' pages ask nothing that can
  // conflict: the arrangements question does.)
  await submit(b); // council/inspections
  await chooseRadio(b, "add", "No");
  await submit(b);
  assert.equal(await current(b), "council/visits");
  await chooseRadio(b, "add", "No");
  await submit(b);
  await chooseRadio(b, "add", "No");
  await submit(b);
  assert.equal(await current(b), "council/arrangements");
  await open(a, "council/arrangements");
  assert.equal(await bannerNamed(a, CHANGED), undefined);

  // B answers the question A has open: A is told, and takes B's.
  await tick(b, "arrangements", ["None of these"]);
  await submit(b);
  await waitBanner(a);
  const banner = await bannerNamed(a, CHANGED);
  assert.equal(banner.role, "region");
  assert.ok(banner.labelled);
  await axe(a, "tab with the changed-in-another-tab banner");
  assert.equal(await a.isChecked("input[name=arrangements][value=none]"), false, "this tab's page is left as it was until the user chooses");
  await press(a, "Use the other tab’s answers");
  assert.equal(await current(a), "council/arrangements");
  assert.equal(await a.isChecked("input[name=arrangements][value=none]"), true, "the other tab's answer is shown");
  assert.equal(await bannerNamed(a, CHANGED), undefined);

  // A changes it while B has it open again; B keeps its own, and the other answers stay.
  await open(b, "council/arrangements");
  await tick(a, "arrangements", ["A statutory direction is in force"]);
  await submit(a); // (a council named by hand: the direction's date is asked on a page of its own)
  await waitBanner(b);
  await press(b, "Keep mine", { wait: false });
  await b.waitForFunction(() => !document.querySelector("#store-elsewhere-title"));
  const kept = await answersIn(b);
  assert.deepEqual(kept.arrangements, ["none"], "this tab's answer written back");
  assert.equal(kept.inspectionsDone, true, "the other answers kept");
  assert.equal(kept.visitsDone, true);
  assert.equal(kept.name, "Westmere");
  noProblems(a);
  assert.deepEqual(b.problems, []);
  await context.close();
});

test("both embeds on the demo host page, answering in turn, and the full page beside them: none touches another's answers", { timeout: 180_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(`${server.url}demo/council-site.html`);
  const el = inElement(page, "#element");
  const fr = inFrame(page, "#frame");
  await waitReady(el);
  await waitReady(fr);
  const painted = async (at, act) => {
    const before = await at.marks.getAttribute("data-painted");
    await act();
    await page.waitForFunction(() => true);
    for (let n = 0; n < 200 && (await at.marks.getAttribute("data-painted")) === before; n++) await new Promise((r) => setTimeout(r, 50));
  };
  const cont = (at) => painted(at, () => at.root.getByRole("button", { name: "Continue", exact: true }).click());
  await el.root.getByLabel("Charity", { exact: true }).check();
  await cont(el);
  await fr.root.locator("#name").fill("Westmere");
  await cont(fr);
  await el.root.locator("#name").fill("Small Steps");
  await cont(el);
  await fr.root.locator("input[name=add][value=no]").check();
  await cont(fr);
  await el.root.locator("input[name=basedInEngland][value=yes]").check();
  await cont(el);
  for (const at of [el, fr]) assert.equal(await at.root.locator("#store-elsewhere-title").count(), 0, "no banner in either embed");

  // A full page of the checker in another tab, same origin: its own answers, its own keys.
  const other = await secondTab(context);
  await open(other, "sponsor/kind");
  await chooseRadio(other, "kind", "Private company");
  await submit(other);

  const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, JSON.parse(localStorage.getItem(k)).answers])));
  const frameKey = Object.keys(stored).find((k) => k.startsWith("trust-eligibility:v3:frame:/embed.html?journey=council:"));
  assert.deepEqual(stored["trust-eligibility:v3:element:/demo/council-site.html:#element:sponsor:name:small%20steps"], { kind: "charity", name: "Small Steps", basedInEngland: true });
  assert.deepEqual(stored[frameKey], { name: "Westmere", inspectionsDone: true });
  assert.deepEqual(stored["trust-eligibility:v3:site:sponsor:"], { kind: "private_company" }, "not yet named: the record without a name");

  // Reloaded, each embed carries on with its own answers.
  await page.reload();
  await waitReady(el);
  await waitReady(fr);
  await page.waitForFunction(() => document.querySelector("#element").dataset.page === "sponsor/regulatory");
  assert.equal(await fr.marks.getAttribute("data-page"), "council/visits");
  noProblems(page);
  assert.deepEqual(other.problems, []);
  await context.close();
});

test("one embed open in two tabs: the element and the iframe each offer “Use the other tab’s answers” and “Keep mine”, and keep every answer", { timeout: 180_000 }, async () => {
  const { context, page: a } = await openPage(browser, server.url);
  const b = await secondTab(context);
  for (const p of [a, b]) {
    await p.goto(`${server.url}demo/council-site.html`);
    await waitReady(inElement(p, "#element"));
    await waitReady(inFrame(p, "#frame"));
  }
  const at = (p) => ({ el: inElement(p, "#element"), fr: inFrame(p, "#frame") });
  const painted = async (x, act) => {
    const before = await x.marks.getAttribute("data-painted");
    await act();
    for (let n = 0; n < 200 && (await x.marks.getAttribute("data-painted")) === before; n++) await new Promise((r) => setTimeout(r, 50));
  };
  const click = (x, name) => painted(x, () => x.root.getByRole("button", { name, exact: true }).click());
  const banner = (x) => x.root.locator("#store-elsewhere-title");
  // (Answers are kept per council: a conflict is only about the same council's answers.)
  const waitFor = async (x) => { for (let n = 0; n < 100 && !(await banner(x).count()); n++) await new Promise((r) => setTimeout(r, 50)); assert.equal(await banner(x).count(), 1); };

  // The iframe: A names a council; B, on no council yet, is not told (it is not B's council).
  await at(a).fr.root.locator("#name").fill("Westmere");
  await click(at(a).fr, "Continue");
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await banner(at(b).fr).count(), 0, "another tab's council is no change to this one");
  // B, reloaded, is on the council saved last (Westmere); both tabs on its inspections page.
  await b.reload();
  await waitReady(inElement(b, "#element"));
  await waitReady(inFrame(b, "#frame"));
  // (The embed opens where its answers were left: the question after the name.)
  assert.equal(await at(b).fr.marks.getAttribute("data-page"), "council/inspections");
  assert.equal(await at(a).fr.marks.getAttribute("data-page"), "council/inspections");
  // A answers the list's question B has open: merged into B's answers without a word (a list's
  // page has no single answer to compare; the full page's test has the banner on the iframe's
  // kind of question, and the element below has it too).
  await at(a).fr.root.locator("input[name=add][value=no]").check();
  await click(at(a).fr, "Continue");
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await banner(at(b).fr).count(), 0);

  // The element: B answers the kind A has open; A keeps its own (a charity), B's other answers stay.
  await at(a).el.root.getByLabel("Charity", { exact: true }).check();
  await click(at(a).el, "Continue");
  await at(b).el.root.getByLabel("Expert team", { exact: true }).check();
  await waitFor(at(b).el); // B's open question was answered in A meanwhile
  await click(at(b).el, "Keep mine");
  await click(at(b).el, "Continue");
  await waitFor(at(a).el).catch(() => {}); // A is on the name question now: nothing of its own changed there
  await at(b).el.root.locator("#name").fill("Experts Together");
  await click(at(b).el, "Continue");

  const stored = await a.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, JSON.parse(localStorage.getItem(k)).answers])));
  const frameKey = Object.keys(stored).find((k) => k.startsWith("trust-eligibility:v3:frame:"));
  assert.deepEqual(stored[frameKey], { name: "Westmere", inspectionsDone: true }, "both tabs' answers in the iframe's journey");
  assert.deepEqual(stored["trust-eligibility:v3:element:/demo/council-site.html:#element:sponsor:name:experts%20together"], { kind: "expert_team", name: "Experts Together" },
    "B kept its kind and added its name");
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
  await context.close();
});

test("hostile answers through the page: error summary, the other answers kept", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(`${server.url}?page=choose`);
  await ready(page);
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
  await typeInto(page, "name", "Westmere");
  await submit(page);
  await chooseRadio(page, "add", "Yes");
  await submit(page);
  await typeDate(page, "published", "2015-10-01");
  await submit(page);
  await chooseRadio(page, "overall", "Inadequate");
  await submit(page);
  const answers = () => answersIn(page);
  const kept = await answers();
  assert.equal(kept.inspections.length, 1);

  // A 10,000-character council name: the engine says it is too long.
  await page.goto(`${server.url}?page=council/name`);
  await ready(page);
  await tabTo(page, "#name", () => document.activeElement?.id === "name");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText("x".repeat(10_000));
  await submit(page);
  assert.equal(await current(page), "council/name");
  // (The engine's error carries its limit from the next engine on; until then the page says it is too long.)
  await expectErrors(page, [(await page.evaluate(() => document.querySelector(".govuk-error-summary a").textContent.trim())).includes("200")
    ? "The council name must be 200 characters or fewer" : "The council name is too long: make it shorter"]);
  await axe(page, "name too long");
  assert.deepEqual(await answers(), kept, "the other answers (and the old name) are kept");

  // A report published in the future cannot exist.
  await page.goto(`${server.url}?page=council/inspection/0/published`);
  await ready(page);
  for (const iso of ["2150-01-01", "2030-06-01"]) {
    await typeDate(page, "published", iso);
    await submit(page);
    assert.equal(await current(page), "council/inspection/0/published");
    await expectErrors(page, ["The date the report was published must be today or in the past"]);
  }
  await axe(page, "date in the future");
  assert.deepEqual(await answers(), kept, "the other answers are kept");

  // A file of answers saved by a newer version.
  const future = join(outDir, "future-version.json");
  await mkdir(outDir, { recursive: true });
  await writeFile(future, JSON.stringify({ format: "trust-eligibility-answers", version: 2, savedOn: "2030-01-01", journey: "council",
    answers: { council: { name: "Futureshire" }, sponsor: {} } }));
  await page.goto(`${server.url}?page=upload`);
  await ready(page);
  const chooser = page.waitForEvent("filechooser");
  await tabTo(page, "file input", () => document.activeElement?.type === "file");
  await page.keyboard.press("Space");
  await (await chooser).setFiles(future);
  await press(page, "Upload answers");
  await expectErrors(page, ["The selected file was saved by a newer version of this service (version 2) and cannot be read by this version, which reads version 1. Your answers have not been changed"]);
  assert.deepEqual(await answers(), kept, "the answers are unchanged");
  await page.goto(`${server.url}?page=council/name`);
  await ready(page);
  assert.equal(await page.inputValue("#name"), "Westmere");
  noProblems(page);
  await context.close();
});
