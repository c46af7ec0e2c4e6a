// The council journey, as a person would do it with the keyboard only: every page scanned with
// axe-core, error paths on every kind of question, and the result pages read for their outcome.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  startServer, launch, openPage, ready, current, typeInto, chooseRadio, tick, typeDate, press, submit,
  heading, text, expectErrors, axe, screenshot, noProblems, rowTitle, fixtures, tabTo,
} from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function start(page) {
  await page.goto(server.url);
  await ready(page);
  await axe(page);
  await press(page, "Start now");
  assert.equal(await heading(page), "What do you want to check?");
  await axe(page);
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
}

/** Answers an inspection's pages (publication date, grade, optional judgements). */
async function addInspection(page, published, grade, judgements = {}) {
  assert.equal(await heading(page), "When was the Ofsted report published?");
  await typeDate(page, "published", published);
  await submit(page);
  assert.equal(await heading(page), "What was the overall effectiveness grade?");
  await chooseRadio(page, "overall", grade);
  await submit(page);
  assert.equal(await heading(page), "What were the key judgements?");
  for (const [name, label] of Object.entries(judgements)) await chooseRadio(page, name, label);
  await axe(page);
  await submit(page);
}

async function hub(page, answer) {
  await axe(page);
  await chooseRadio(page, "add", answer);
  await submit(page);
}

async function dateAndRules(page, asOf, rules = "The rules in force on the date you check") {
  assert.equal(await heading(page), "What date do you want to check?");
  await axe(page);
  await chooseRadio(page, "asOfChoice", "Another date");
  await submit(page);
  assert.equal(await heading(page), "Which date do you want to check?");
  await axe(page);
  await typeDate(page, "asOf", asOf);
  await submit(page);
  assert.equal(await heading(page), "Which rules do you want to apply?");
  await axe(page);
  await chooseRadio(page, "ruleset", rules);
  await submit(page);
  assert.equal(await heading(page), "Check your answers before you see the result");
  await axe(page);
  await press(page, "See the result");
  assert.equal(await current(page), "council/result");
}

test("a council in its six-month window under the December 2015 announcement, with every error path", { timeout: 300_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page);

  // Text question: empty, then too long for the engine (its error mapped back to this field).
  assert.equal(await heading(page), "Which council do you want to check?");
  await axe(page);
  await submit(page);
  await expectErrors(page, ["Enter the name of the council"]);
  await axe(page);
  await typeInto(page, "name", "S".repeat(201));
  await submit(page);
  // The limit comes with the engine's error (its detail, from the next engine on).
  await expectErrors(page, [(await page.locator(".govuk-error-summary a").first().innerText()).includes("200")
    ? "The council name must be 200 characters or fewer" : "The council name is too long: make it shorter"]);
  assert.equal((await page.inputValue("#name")).length, 201, "the answer is kept");
  await typeInto(page, "name", "Westmere");
  await submit(page);

  // "Add another" with nothing chosen.
  assert.equal(await heading(page), "Has Ofsted published any inspection reports on Westmere’s children's services?");
  await submit(page);
  await expectErrors(page, ["Select yes if Ofsted has published an inspection report"]);
  await axe(page);
  await hub(page, "Yes");

  // Date question: not a real date, a missing part, then right.
  await typeDate(page, "published", "2015-02-31"); // 31 February
  await submit(page);
  await expectErrors(page, ["The date the report was published must be a real date"]);
  assert.equal(await page.inputValue("#published-day"), "31", "what was typed is kept");
  await axe(page);
  await typeInto(page, "published-year", "");
  await submit(page);
  await expectErrors(page, ["The date the report was published must include a year"]);
  await typeDate(page, "published", "2015-10-01");
  await submit(page);

  // Radios with nothing chosen.
  await submit(page);
  await expectErrors(page, ["Select the overall effectiveness grade"]);
  await axe(page);
  await chooseRadio(page, "overall", "Inadequate");
  await submit(page);
  await submit(page); // judgements are optional

  assert.equal(await heading(page), "You have added 1 inspection");
  await hub(page, "No");

  // A monitoring visit that found only some progress (so the window still runs).
  assert.match(await heading(page), /monitoring or focused visits/);
  await hub(page, "Yes");
  assert.equal(await heading(page), "What kind of visit was it?");
  await submit(page);
  await expectErrors(page, ["Select the kind of visit"]);
  await axe(page);
  await chooseRadio(page, "kind", "Monitoring visit");
  await submit(page);
  assert.equal(await heading(page), "When was the monitoring visit?");
  await axe(page);
  await typeDate(page, "date", "2015-12-01");
  await submit(page);
  assert.equal(await heading(page), "What progress did the monitoring visit find?");
  await axe(page);
  await chooseRadio(page, "outcome", "Some progress");
  await submit(page);
  assert.equal(await heading(page), "You have added 1 visit");
  await hub(page, "No");

  // Two concerns, one removed again.
  assert.match(await heading(page), /concerns been raised/);
  for (const [kind, date] of [["Whistle-blower complaint", "2016-01-20"], ["Serious incident", "2016-02-02"]]) {
    await hub(page, "Yes");
    assert.equal(await heading(page), "What kind of concern was raised?");
    await axe(page);
    await chooseRadio(page, "kind", kind);
    await submit(page);
    assert.equal(await heading(page), "When was the concern raised?");
    await axe(page);
    await typeDate(page, "date", date);
    await submit(page);
  }
  assert.equal(await heading(page), "You have added 2 concerns");
  await press(page, "Remove the serious incident raised on 2 February 2016");
  assert.equal(await heading(page), "Are you sure you want to remove the serious incident raised on 2 February 2016?");
  await submit(page);
  await expectErrors(page, ["Select yes if you want to remove the concern"]);
  await axe(page);
  await chooseRadio(page, "remove", "Yes");
  await submit(page);
  assert.equal(await heading(page), "You have added 1 concern");
  await hub(page, "No");

  // Checkboxes with nothing ticked.
  assert.match(await heading(page), /Do any of these apply to Westmere’s children's services now\?/);
  await submit(page);
  await expectErrors(page, ["Select the arrangements that apply, or select ‘None of these’"]);
  await axe(page);
  await tick(page, "arrangements", ["None of these"]);
  await submit(page);

  // The date to check: nothing chosen; then a date before any ruleset (the engine's error).
  assert.equal(await heading(page), "What date do you want to check?");
  assert.ok((await text(page, "form")).includes("Today, "), "today is offered by default");
  await submit(page);
  await expectErrors(page, ["Select the date to check"]);
  await chooseRadio(page, "asOfChoice", "Another date");
  await submit(page);
  await typeDate(page, "asOf", "2014-01-01");
  await submit(page);
  await expectErrors(page, ["The date to check must be on or after 14 December 2015, when the rules this service applies begin"]);
  await axe(page);
  assert.equal(await page.inputValue("#asOf-year"), "2014");
  await typeDate(page, "asOf", "2016-03-01");
  await submit(page);

  assert.equal(await heading(page), "Which rules do you want to apply?");
  await submit(page);
  await expectErrors(page, ["Select the rules to apply"]);
  await axe(page);
  await chooseRadio(page, "ruleset", "The rules in force on the date you check");
  await submit(page);

  assert.equal(await heading(page), "Check your answers before you see the result");
  const check = await text(page, "main");
  for (const s of ["Westmere", "Published 1 October 2015", "Inadequate", "Monitoring visit on 1 December 2015", "Some progress",
    "Whistle-blower complaint", "Raised on 20 January 2016", "None of these", "1 March 2016"]) assert.ok(check.includes(s), s);
  assert.ok(!check.includes("Serious incident"), "the removed concern is gone");
  await axe(page);
  await press(page, "See the result");

  assert.equal(await text(page, ".govuk-panel__title"), rowTitle("announcement-2015", 4));
  const panel = await text(page, ".govuk-panel__body");
  assert.match(panel, /Westmere, on 1 March 2016/);
  assert.match(panel, /1 April 2016/);
  assert.match(panel, /31 days left/);
  await page.evaluate(() => document.querySelectorAll("main details").forEach((d) => { d.open = true; })); // the folded parts of the result, opened to read
  const main = await text(page, "main");
  assert.ok(main.includes("December 2015 announcement"), "which ruleset");
  assert.ok(main.includes("These rules were in force on 1 March 2016"), "why that ruleset");
  assert.ok(main.includes("Source: Prime Minister's Office"), "reasons cite their source");
  assert.match(main, /Concerns since the latest report\s+Whistle-blower complaint, 20 January 2016/);
  assert.match(await page.title(), /^Six-month improvement window: Westmere - /);
  await axe(page);
  await screenshot(page, "council-2015-improvement-window");
  noProblems(page);
  await context.close();
});

test("a persistent failure under the 2016 protocol, changing an answer from check your answers", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page);
  await typeInto(page, "name", "Northshire");
  await submit(page);
  await hub(page, "Yes");
  await addInspection(page, "2014-05-01", "Inadequate");
  await hub(page, "Yes");
  // Same publication day as the first: the engine refuses it, on the date's own page.
  await typeDate(page, "published", "2014-05-01");
  await submit(page);
  await expectErrors(page, ["Inspection 1 was also published on 1 May 2014: two inspections cannot be published on the same day"]);
  await typeDate(page, "published", "2017-03-01");
  await submit(page);
  await chooseRadio(page, "overall", "Requires improvement to be good");
  await submit(page);
  await submit(page);
  assert.equal(await heading(page), "You have added 2 inspections");
  await hub(page, "No");
  await hub(page, "No");
  await hub(page, "No");
  await tick(page, "arrangements", ["None of these"]);
  await submit(page);
  await dateAndRules(page, "2017-05-01");
  assert.equal(await text(page, ".govuk-panel__title"), rowTitle("protocol-2016", 9), "requires improvement first");

  // Change the second inspection's grade to inadequate: persistent failure.
  await press(page, "Check or change your answers");
  await tabTo(page, "Change inspection 2", () => document.activeElement?.textContent.includes("Change") && document.activeElement.textContent.includes("published 1 March 2017"));
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.body.dataset.page === "council/inspection/1/published");
  await submit(page); // date unchanged
  assert.equal(await heading(page), "What was the overall effectiveness grade?");
  await chooseRadio(page, "overall", "Inadequate");
  await submit(page);
  assert.equal(await heading(page), "What were the key judgements?");
  await submit(page);
  assert.equal(await heading(page), "You have added 2 inspections");
  await hub(page, "No");
  assert.equal(await heading(page), "Check your answers before you see the result");
  await press(page, "See the result");

  assert.equal(await text(page, ".govuk-panel__title"), rowTitle("protocol-2016", 2));
  const panel = await text(page, ".govuk-panel__body");
  assert.match(panel, /Commissioner's review due: 1 June 2017/);
  assert.match(panel, /31 days left/);
  await page.evaluate(() => document.querySelectorAll("main details").forEach((d) => { d.open = true; })); // the folded parts of the result, opened to read
  const main = await text(page, "main");
  assert.match(main, /Persistent failure\s+Yes/);
  assert.ok(main.includes("Also inadequate in the report published 1 May 2014"));
  assert.ok(main.includes("Intervention protocol (Putting children first)"));
  await axe(page);
  await screenshot(page, "council-2016-persistent-failure");
  noProblems(page);
  await context.close();
});

test("a high-performing council picked from a loaded file of council histories", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page);
  await press(page, "upload a file and pick a council from it");
  assert.equal(await heading(page), "Upload a file of council histories");
  await axe(page);
  // No file chosen, then a file that is not a list of councils.
  await press(page, "Upload file");
  await expectErrors(page, ["Select a file of council histories"]);
  await axe(page);
  const choose = async (file) => {
    const chooser = page.waitForEvent("filechooser");
    await tabTo(page, "file input", () => document.activeElement?.id === "file");
    await page.keyboard.press("Space");
    await (await chooser).setFiles(file);
  };
  await choose(join(fixtures, "not-councils.json"));
  await press(page, "Upload file");
  await expectErrors(page, ["The selected file must contain a list of councils, each with its Ofsted inspections"]);
  await choose(join(fixtures, "councils.json"));
  await press(page, "Upload file");

  assert.equal(await heading(page), "Which council do you want to check?");
  await submit(page);
  await expectErrors(page, ["Select the council you want to check"]);
  await axe(page);
  await chooseRadio(page, "council", "Eastbrook (E99000002)");
  await submit(page);
  assert.equal(await heading(page), "You have added 2 inspections");
  await hub(page, "No");
  assert.equal(await heading(page), "You have added 1 visit");
  await hub(page, "No");
  await hub(page, "No");
  await submit(page); // arrangements from the file
  await dateAndRules(page, "2019-01-01");

  assert.equal(await text(page, ".govuk-panel__title"), rowTitle("protocol-2016", 10));
  await page.evaluate(() => document.querySelectorAll("main details").forEach((d) => { d.open = true; })); // the folded parts of the result, opened to read
  const main = await text(page, "main");
  assert.match(main, /High-performing\s+Yes/);
  assert.ok(main.includes("Eastbrook"));
  await axe(page);
  await screenshot(page, "council-2016-high-performing");
  // On to the sponsor checker, with the council's own record carried over.
  await press(page, "Check whether Eastbrook can sponsor a children's services trust");
  assert.equal(await heading(page), "Is Eastbrook subject to any of these?", "a council is in England: not asked");
  noProblems(page);
  await context.close();
});
