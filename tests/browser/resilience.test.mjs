// Browser state that goes wrong, and hostile input through the page: saved answers that are
// damaged, foreign or from a newer version (kept, offered for download, never silently deleted);
// storage that is full (answers kept in memory, said once); two tabs editing at once (neither
// overwritten silently); and a too-long name, a far-future date and a newer version's file of
// answers (the GOV.UK error summary, the other answers kept). Keyboard only where it interacts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  startServer, launch, openPage, ready, current, typeInto, chooseRadio, typeDate, press, submit, tabTo,
  heading, text, expectErrors, axe, noProblems, outDir,
} from "./helpers.mjs";
import { fullPage, councilJourney } from "./journeys.mjs";

const KEY = "trust-eligibility:answers:v1";
const BACKUP = "trust-eligibility:answers:unreadable";

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
  assert.equal(JSON.parse(await saved(page)).council.name, "Westmere");
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
  assert.equal(JSON.parse(await saved(page)).council.name, "Westmere", "the new answers are untouched");
  assert.ok((await text(page, "main")).includes("You have answers saved in this browser."));
  noProblems(page);
  await context.close();
}

test("damaged saved answers (not JSON): kept, offered for download or discard, the journey works", { timeout: 120_000 }, async () => {
  await unreadable('{"journey":"council","council":{"name":"Sand', "They are damaged.", "damaged");
});

test("saved answers in a foreign format: kept, offered for download or discard, the journey works", { timeout: 120_000 }, async () => {
  await unreadable(JSON.stringify({ format: "someone-else", items: [1, 2, 3] }), "not in a format this service recognises", "foreign");
});

test("saved answers from a newer version: kept, offered for download or discard, the journey works", { timeout: 120_000 }, async () => {
  await unreadable(JSON.stringify({ version: 2, journey: "council", council: { name: "Futureshire", inspections: [] }, sponsor: {}, last: {} }),
    "saved by a newer version of this service", "newer");
});

test("storage full: the answers stay in memory, the page says so once, the journey reaches a result", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
  });
  await page.goto(`${server.url}?page=choose`);
  await ready(page);
  assert.equal((await banners(page)).length, 0, "nothing to say before anything is saved");
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
  assert.equal(await current(page), "council/name");
  const b = await bannerNamed(page, "Your answers could not be saved on this device");
  assert.ok(b, "the page says the answers could not be saved");
  assert.equal(b.role, "region");
  assert.ok(b.text.includes("Download your answers"));
  await axe(page, "question with the not-saved banner");
  await typeInto(page, "name", "Westmere");
  await submit(page);
  assert.equal(await current(page), "council/inspections", "the next page still shows");
  assert.equal(await bannerNamed(page, "Your answers could not be saved on this device"), undefined, "said once, not on every page");
  await press(page, "Back");
  assert.equal(await current(page), "council/name");
  assert.equal(await page.inputValue("#name"), "Westmere", "the answer is kept in memory");
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing was saved");

  // "Download your answers" still has them.
  const downloading = page.waitForEvent("download");
  await press(page, "download your answers", { wait: false });
  const path = join(outDir, "not-saved.json");
  await mkdir(outDir, { recursive: true });
  await (await downloading).saveAs(path);
  assert.equal(JSON.parse(await readFile(path, "utf8")).answers.council.name, "Westmere");
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

/** Two tabs of one browser profile (they share the saved answers), both on the name question. */
async function twoTabs() {
  const { context, page: a } = await openPage(browser, server.url);
  const b = await context.newPage();
  b.problems = [];
  b.on("console", (m) => { if (m.type() === "error") b.problems.push(`console: ${m.text()}`); });
  b.on("pageerror", (e) => b.problems.push(`pageerror: ${e.message}`));
  for (const p of [a, b]) {
    await p.goto(`${server.url}?page=council/name`);
    await ready(p);
    assert.equal(await current(p), "council/name");
  }
  return { context, a, b };
}
const CHANGED = "Your answers were changed in another tab";
const waitBanner = (page) => page.waitForSelector("#store-elsewhere-title", { timeout: 5_000 });

test("two tabs: the other tab's change is shown, and “Use the other tab’s answers” takes them", { timeout: 120_000 }, async () => {
  const { context, a, b } = await twoTabs();
  assert.equal((await banners(b)).length, 0, "opening a page in another tab is not a change of answers");
  await typeInto(a, "name", "Westmere");
  await submit(a);
  await waitBanner(b);
  const banner = await bannerNamed(b, CHANGED);
  assert.equal(banner.role, "region");
  assert.ok(banner.labelled);
  await axe(b, "tab with the changed-in-another-tab banner");
  assert.equal(await b.inputValue("#name"), "", "this tab's page is left as it was until the user chooses");
  await press(b, "Use the other tab’s answers");
  assert.equal(await current(b), "council/name");
  assert.equal(await b.inputValue("#name"), "Westmere", "the other tab's answer is shown");
  assert.equal(await bannerNamed(b, CHANGED), undefined);
  assert.equal(JSON.parse(await saved(b)).council.name, "Westmere");
  noProblems(a);
  assert.deepEqual(b.problems, []);
  await context.close();
});

test("two tabs: this tab's answers are not saved over the other's until “Keep mine”, which the other tab is told of", { timeout: 120_000 }, async () => {
  const { context, a, b } = await twoTabs();
  await typeInto(a, "name", "Westmere");
  await submit(a);
  await waitBanner(b);
  // B answers without choosing: kept in B, not saved over A's, and B keeps saying so.
  await typeInto(b, "name", "Eastshire");
  await submit(b);
  assert.equal(await current(b), "council/inspections");
  assert.ok(await bannerNamed(b, CHANGED), "still asked on the next page");
  assert.equal(JSON.parse(await saved(b)).council.name, "Westmere", "the other tab's answers were not overwritten");
  assert.equal((await banners(a)).length, 0, "nothing changed for the other tab yet");
  await press(b, "Keep mine");
  assert.equal(await bannerNamed(b, CHANGED), undefined);
  assert.equal(JSON.parse(await saved(b)).council.name, "Eastshire", "this tab's answers written back");
  // A is told, and can take B's answers.
  await waitBanner(a);
  await press(a, "Use the other tab’s answers");
  await press(a, "Back");
  assert.equal(await current(a), "council/name");
  assert.equal(await a.inputValue("#name"), "Eastshire", "the other tab sees this tab's answers");
  noProblems(a);
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
  const before = await saved(page);
  const answers = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).council, KEY);
  const kept = JSON.parse(before).council;
  assert.equal(kept.inspections.length, 1);

  // A 10,000-character council name: the engine says it is too long.
  await page.goto(`${server.url}?page=council/name`);
  await ready(page);
  await tabTo(page, "#name", () => document.activeElement?.id === "name");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText("x".repeat(10_000));
  await submit(page);
  assert.equal(await current(page), "council/name");
  await expectErrors(page, ["The council name must be 200 characters or fewer"]);
  await axe(page, "name too long");
  assert.deepEqual(await answers(), kept, "the other answers (and the old name) are kept");

  // A date far in the future.
  await page.goto(`${server.url}?page=council/inspection/0/published`);
  await ready(page);
  await typeDate(page, "published", "2150-01-01");
  await submit(page);
  assert.equal(await current(page), "council/inspection/0/published");
  await expectErrors(page, ["The date the report was published must be between 1 January 1990 and 31 December 2100"]);
  await axe(page, "date far in the future");
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
