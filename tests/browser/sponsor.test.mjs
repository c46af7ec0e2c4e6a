// The sponsor journey with the keyboard only: the kind of organisation first, then only the
// questions that apply to it; the result read for its status, routes, criteria and what to do.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, launch, openPage, ready, current, typeInto, chooseRadio, tick, typeDate, press, submit,
  heading, text, expectErrors, axe, screenshot, noProblems, rules, criterion,
} from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const fill = (t, p = {}) => t.replace(/\{(\w+)\}/g, (a, k) => (k in p ? (typeof p[k] === "number" ? p[k].toLocaleString("en-GB") : p[k]) : a));

async function start(page, kind) {
  await page.goto(`${server.url}?page=choose`);
  await ready(page);
  await chooseRadio(page, "journey", "Whether an organisation can sponsor a children's services trust");
  await submit(page);
  assert.equal(await heading(page), "What kind of organisation is it?");
  await axe(page);
  if (kind) {
    await chooseRadio(page, "kind", kind);
    await submit(page);
  }
}

async function answer(page, expectHeading, act) {
  assert.equal(await heading(page), expectHeading);
  await axe(page);
  await act();
  await submit(page);
}
const number = (field, v) => (page) => typeInto(page, field, v);

async function dateToCheck(page, iso) {
  await answer(page, "What date do you want to check?", () => chooseRadio(page, "asOfChoice", "Another date"));
  await answer(page, "Which date do you want to check?", () => typeDate(page, "asOf", iso));
  assert.equal(await heading(page), "Check your answers before you see the result");
  await axe(page);
  await press(page, "See the result");
  assert.equal(await current(page), "sponsor/result");
}

async function taskStatuses(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll(".govuk-task-list__item")].map((li) => [
    li.querySelector(".govuk-task-list__link").textContent.trim(), li.querySelector(".govuk-task-list__status").textContent.trim()])));
}

test("an eligible charity, with error paths on radios, yes/no, numbers and an optional date", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page);
  await submit(page);
  await expectErrors(page, ["Select the kind of organisation"]);
  await axe(page);
  await chooseRadio(page, "kind", "Charity");
  await submit(page);

  await answer(page, "What is the organisation’s name?", () => typeInto(page, "name", "Brightside Children's Charity"));
  assert.equal(await heading(page), "Is Brightside Children's Charity a not-for-profit organisation?");
  assert.ok((await text(page, "form")).includes(criterion("not_for_profit").threshold), "the hint is the criterion's threshold, from the ruleset data");
  await submit(page);
  await expectErrors(page, ["Select yes if the organisation is not for profit"]);
  await axe(page);
  await chooseRadio(page, "notForProfit", "Yes");
  await submit(page);
  await answer(page, "Is Brightside Children's Charity based in England?", () => chooseRadio(page, "basedInEngland", "Yes"));
  await answer(page, "Is Brightside Children's Charity subject to any of these?", () => tick(page, "regulatory", ["None of these"]));

  // Numbers: not a number, below zero, then right.
  assert.equal(await heading(page), "For how many years has Brightside Children's Charity delivered children's services?");
  await typeInto(page, "years", "twelve");
  await submit(page);
  await expectErrors(page, ["The number of years must be a number, like 12"]);
  assert.equal(await page.inputValue("#years"), "twelve", "what was typed is kept");
  await axe(page);
  await typeInto(page, "years", "-1");
  await submit(page);
  await expectErrors(page, ["The number of years must be 0 or more"]);
  await typeInto(page, "years", "12");
  await submit(page);

  await answer(page, "How many of Brightside Children's Charity’s leaders have been a director of children's services or a commissioner?", () => typeInto(page, "leaders", "1"));
  await answer(page, "How many qualified social workers does Brightside Children's Charity employ?", () => typeInto(page, "socialWorkers", "40"));
  await answer(page, "Does Brightside Children's Charity run any services registered with Ofsted?", () => chooseRadio(page, "add", "Yes"));
  await answer(page, "What kind of service is it?", () => chooseRadio(page, "kind", "Fostering agency"));
  await answer(page, "What was the service's latest Ofsted grade?", () => chooseRadio(page, "grade", "Good"));
  // An optional date: empty is fine, part of one is not.
  assert.equal(await heading(page), "When was that report published? (optional)");
  await typeInto(page, "published-day", "1");
  await submit(page);
  await expectErrors(page, ["The date the report was published must include a month and year"]);
  await axe(page);
  await typeDate(page, "published", "2015-02-01");
  await submit(page);
  await answer(page, "You have added 1 service", () => chooseRadio(page, "add", "No"));
  await answer(page, "Which of these does Brightside Children's Charity have?", () => tick(page, "governance", ["A safeguarding lead on the board", "A conflict of interest policy", "A whistle-blowing policy"]));
  await answer(page, "How many independent members are on Brightside Children's Charity’s board?", () => typeInto(page, "independent", "3"));
  await answer(page, "What is Brightside Children's Charity’s annual income?", () => typeInto(page, "income", "25,000,000"));
  await answer(page, "How many months of running costs do Brightside Children's Charity’s reserves cover?", () => typeInto(page, "reserves", "4"));
  await dateToCheck(page, "2016-03-01");

  assert.equal(await text(page, ".govuk-panel__title"), "Eligible");
  assert.match(await text(page, ".govuk-panel__body"), /Brightside Children's Charity \(Charity\), on 1 March 2016/);
  const main = await text(page, "main");
  assert.ok(main.includes(rules.sponsor.routes.trust_sponsor), "the route open to it, in the ruleset's words");
  const tasks = await taskStatuses(page);
  const applicable = rules.sponsor.criteria.filter((c) => c.appliesTo.includes("charity"));
  assert.equal(Object.keys(tasks).length, applicable.length, "one task per criterion that applies to a charity");
  for (const c of applicable) assert.equal(tasks[fill(c.title, c.params)], "Met", c.id);
  assert.ok(main.includes("Thresholds that are design choices"));
  assert.ok(main.includes(fill(criterion("social_workers").threshold, criterion("social_workers").params)));
  await axe(page);
  await screenshot(page, "sponsor-eligible-charity");
  noProblems(page);
  await context.close();
});

test("a for-profit company is not eligible: an outcome page, not a validation error", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page, "Private company");
  await answer(page, "What is the organisation’s name?", () => typeInto(page, "name", "Profitco Ltd"));
  await answer(page, "Is Profitco Ltd a not-for-profit organisation?", () => chooseRadio(page, "notForProfit", "No"));

  assert.equal(await current(page), "sponsor/result", "straight to the outcome");
  assert.equal(await text(page, ".govuk-panel__title"), "Not eligible");
  assert.equal(await page.locator(".govuk-error-summary").count(), 0);
  const main = await text(page, "main");
  assert.ok(main.includes("Why it is not eligible"));
  assert.ok(main.includes(criterion("not_for_profit").whatToDo), "what to do, from the ruleset data");
  assert.ok(main.includes("We did not ask about the other criteria"));
  const tasks = await taskStatuses(page);
  assert.equal(tasks[criterion("not_for_profit").title], "Not met");
  assert.equal(tasks[criterion("based_in_england").title], "Not asked");
  assert.match(await page.title(), /^Not eligible: Profitco Ltd - /);
  await axe(page);
  await screenshot(page, "sponsor-for-profit-ineligible");
  noProblems(page);
  await context.close();
});

test("a charity not yet ready, told what to do for each criterion it does not meet", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page, "Charity");
  await answer(page, "What is the organisation’s name?", () => typeInto(page, "name", "Small Steps"));
  await answer(page, "Is Small Steps a not-for-profit organisation?", () => chooseRadio(page, "notForProfit", "Yes"));
  await answer(page, "Is Small Steps based in England?", () => chooseRadio(page, "basedInEngland", "Yes"));
  await answer(page, "Is Small Steps subject to any of these?", () => tick(page, "regulatory", ["None of these"]));
  await answer(page, "For how many years has Small Steps delivered children's services?", () => typeInto(page, "years", "3"));
  await answer(page, "How many of Small Steps’s leaders have been a director of children's services or a commissioner?", () => typeInto(page, "leaders", "0"));
  await answer(page, "How many qualified social workers does Small Steps employ?", () => typeInto(page, "socialWorkers", "6"));
  await answer(page, "Does Small Steps run any services registered with Ofsted?", () => chooseRadio(page, "add", "No"));
  await answer(page, "Which of these does Small Steps have?", () => tick(page, "governance", ["A whistle-blowing policy"]));
  await answer(page, "How many independent members are on Small Steps’s board?", () => typeInto(page, "independent", "1"));
  await answer(page, "What is Small Steps’s annual income?", () => typeInto(page, "income", "800000"));
  await answer(page, "How many months of running costs do Small Steps’s reserves cover?", () => typeInto(page, "reserves", "2.5"));
  await dateToCheck(page, "2016-03-01");

  assert.equal(await text(page, ".govuk-panel__title"), "Not yet ready");
  const tasks = await taskStatuses(page);
  for (const id of ["experience_years", "dcs_leadership", "social_workers", "registered_provision", "financial_capacity", "safeguarding_board", "independent_board"]) {
    assert.equal(tasks[fill(criterion(id).title, criterion(id).params)], "Not met", id);
  }
  assert.equal(tasks[criterion("not_for_profit").title], "Met");
  const card = await text(page, "#criterion-experience_years");
  assert.match(card, /What to do/);
  assert.match(card, /Build a track record: at least 5 years/);
  assert.match(card, /3 year/);
  assert.match(await text(page, "main"), /What Small Steps can do\s+None yet/);
  await axe(page);
  await screenshot(page, "sponsor-charity-not-yet-ready");
  noProblems(page);
  await context.close();
});

test("a council as sponsor: its own Ofsted record, with the engine's error for a missing inspection", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page, "Council (local authority)");
  await answer(page, "Which council is it?", () => typeInto(page, "name", "Eastbrook"));
  await answer(page, "Is Eastbrook based in England?", () => chooseRadio(page, "basedInEngland", "Yes"));
  await answer(page, "Is Eastbrook subject to any of these?", () => tick(page, "regulatory", ["None of these"]));
  assert.equal(await heading(page), "Has Ofsted published any inspection reports on Eastbrook’s children's services?");
  await chooseRadio(page, "add", "No");
  await submit(page);
  await expectErrors(page, [`Add at least one inspection of the council published on or before ${await page.evaluate(() => document.querySelector(".govuk-error-summary a").textContent.match(/\d+ \w+ \d{4}/)[0])}`]);
  await axe(page);
  await chooseRadio(page, "add", "Yes");
  await submit(page);
  await answer(page, "When was the Ofsted report published?", () => typeDate(page, "published", "2018-03-01"));
  await answer(page, "What was the overall effectiveness grade?", () => chooseRadio(page, "overall", "Good"));
  await submit(page);
  await answer(page, "You have added 1 inspection", () => chooseRadio(page, "add", "No"));
  await answer(page, "Is Eastbrook under either of these for its children's services?", () => tick(page, "intervention", ["Neither of these"]));
  await dateToCheck(page, "2019-01-01");
  assert.equal(await text(page, ".govuk-panel__title"), "Eligible");
  const main = await text(page, "main");
  assert.ok(main.includes(rules.sponsor.routes.improvement_partner));
  await axe(page);
  await screenshot(page, "sponsor-council-eligible");
  noProblems(page);
  await context.close();
});
