// The sponsor journey with the keyboard only: the kind of organisation first, then only the
// questions that apply to it (what the service can work out is not asked, and the check answers
// page says what was assumed); numbers and amounts as people write them; dates that cannot be
// right refused or warned about at the question; the result read for its status, what to do
// (most important first, each with its threshold, basis and source), the criteria met, the
// routes and how trusts have been set up; 320 px and print.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, launch, openPage, ready, current, typeInto, chooseRadio, tick, typeDate, press, submit,
  heading, text, expectErrors, axe, screenshot, noProblems, rules, criterion, outDir, tabTo,
} from "./helpers.mjs";
import { writeFile, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); await mkdir(outDir, { recursive: true }); });
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

/** The result's numbered actions: [{ title, text }] in order. */
const actions = (page) => page.evaluate(() => [...document.querySelectorAll("ol.app-actions > li")].map((li) => ({
  title: li.querySelector("h3").firstChild.textContent.trim(), text: li.textContent.replace(/\s+/g, " ").trim() })));
const metCriteria = (page) => page.evaluate(() => [...document.querySelectorAll("details.govuk-details li")].map((li) => li.textContent.trim()));
const title = (c) => fill(c.title, c.params);
const readBack = (page, field) => page.locator(`#${field}-read`).innerText();

test("an eligible charity: not asked what it can be assumed, error paths on radios, numbers and dates", { timeout: 180_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page);
  await submit(page);
  await expectErrors(page, ["Select the kind of organisation"]);
  await axe(page);
  await chooseRadio(page, "kind", "Charity");
  await submit(page);

  await answer(page, "What is the organisation’s name?", () => typeInto(page, "name", "Brightside Children's Charity"));
  // A charity is not for profit: not asked.
  await answer(page, "Is Brightside Children's Charity based in England?", () => chooseRadio(page, "basedInEngland", "Yes"));
  await answer(page, "Is Brightside Children's Charity subject to any of these?", () => tick(page, "regulatory", ["None of these"]));

  // Numbers: words, below zero, a fraction of a year, then right.
  assert.equal(await heading(page), "For how many years has Brightside Children's Charity delivered children's services?");
  for (const [typed, message] of [
    ["twelve", "The number of years must be a number, like 12"],
    ["-1", "The number of years must be between 0 and 200 years"],
    ["2.5", "The number of years must be a whole number, like 12"],
    ["2,5", "The number of years must use a full stop for a decimal point, like 2.5: “2,5” could mean 2.5 or 25"],
    ["1e3", "The number of years must be a number, like 12"],
    ["Infinity", "The number of years must be a number, like 12"],
    ["9999", "The number of years must be between 0 and 200 years"],
  ]) {
    await typeInto(page, "years", typed);
    await submit(page);
    await expectErrors(page, [message]);
    assert.equal(await page.inputValue("#years"), typed, "what was typed is kept");
  }
  await axe(page);
  await typeInto(page, "years", "12");
  await submit(page);

  await answer(page, "How many of Brightside Children's Charity’s leaders have been a director of children's services or a commissioner?", () => typeInto(page, "leaders", "1"));
  await answer(page, "How many qualified social workers does Brightside Children's Charity employ?", () => typeInto(page, "socialWorkers", "1,200"));
  await answer(page, "Does Brightside Children's Charity run any services registered with Ofsted?", () => chooseRadio(page, "add", "Yes"));
  await answer(page, "What kind of service is it?", () => chooseRadio(page, "kind", "Fostering agency"));
  await answer(page, "What was the service's latest Ofsted grade?", () => chooseRadio(page, "grade", "Good"));
  // An optional date: empty is fine, part of one is not, one after today cannot exist.
  assert.equal(await heading(page), "When was that report published? (optional)");
  await typeInto(page, "published-day", "1");
  await submit(page);
  await expectErrors(page, ["The date the report was published must include a month and year"]);
  await axe(page);
  await typeDate(page, "published", "2030-02-01");
  await submit(page);
  await expectErrors(page, ["The date the report was published must be today or in the past"]);
  await typeDate(page, "published", "2015-02-01");
  await submit(page);
  await answer(page, "You have added 1 service", () => chooseRadio(page, "add", "No"));
  await answer(page, "Which of these does Brightside Children's Charity have?", () => tick(page, "governance", ["A safeguarding lead on the board", "A conflict of interest policy", "A whistle-blowing policy"]));
  await answer(page, "How many independent members are on Brightside Children's Charity’s board?", () => typeInto(page, "independent", "3"));

  // Money as people write it, said back as it is read.
  assert.equal(await heading(page), "What is Brightside Children's Charity’s annual income?");
  for (const [typed, read] of [["12,000,000", "£12,000,000"], ["£12m", "£12,000,000"], ["12.5 million", "£12,500,000"], ["£750k", "£750,000"], ["£25m", "£25,000,000"]]) {
    await typeInto(page, "income", typed);
    assert.equal(await readBack(page, "income"), `We read this as ${read}`, typed);
  }
  for (const [typed, message] of [
    ["lots", "The annual income must be an amount of money, like £12,000,000 or £12m"],
    ["£12 quid", "The annual income must be an amount of money, like £12,000,000 or £12m"],
    ["£-5", "The annual income must be between £0 and £1,000,000,000,000"],
    ["£2,000,000,000,000", "The annual income must be between £0 and £1,000,000,000,000"],
    ["12,00", "The annual income must use a full stop for a decimal point, like 12.00: “12,00” could mean 12.00 or 1200"],
    ["<script>alert(1)</script>", "The annual income must be an amount of money, like £12,000,000 or £12m"],
    ["9".repeat(400), "The annual income must be between £0 and £1,000,000,000,000"],
  ]) {
    await typeInto(page, "income", typed);
    await submit(page);
    await expectErrors(page, [message]);
    assert.equal(await readBack(page, "income"), "", "nothing is said back for what cannot be read");
  }
  await typeInto(page, "income", "£25m");
  await submit(page);
  assert.equal(await heading(page), "How many months of running costs do Brightside Children's Charity’s reserves cover?");
  await typeInto(page, "reserves", "2,5");
  await submit(page);
  await expectErrors(page, ["The number of months must use a full stop for a decimal point, like 2.5: “2,5” could mean 2.5 or 25"]);
  await axe(page);
  await typeInto(page, "reserves", "4.5");
  await submit(page);
  await dateToCheck(page, "2016-03-01");

  assert.equal(await heading(page), "Eligible");
  assert.ok((await text(page, "main")).includes("Checked for Brightside Children's Charity (charity) on 1 March 2016."));
  const main = await text(page, "main");
  assert.ok(main.includes("Brightside Children's Charity meets every criterion that applies to it."));
  // SPEC 4.4: what it may do now first, then what the 2015 announcement intended, each in the
  // ruleset's words.
  const at = (id) => main.indexOf(rules.sponsor.routes[id].title);
  assert.ok(at("service_provider") >= 0 && at("trust_sponsor") > at("service_provider"), "service provider, then trust sponsor");
  assert.ok(main.includes(rules.sponsor.routes.trust_sponsor.text), "what has happened, below the role it describes");
  assert.equal((await actions(page)).length, 0, "nothing to do");
  const applicable = rules.sponsor.criteria.filter((c) => c.appliesTo.includes("charity"));
  const met = await metCriteria(page);
  assert.equal(met.length, applicable.length, "every criterion that applies to a charity, met, folded away");
  assert.ok(met.some((m) => m.includes("£25,000,000")), "the income in full, with separators");
  assert.ok(main.includes("not asked, because the service worked it out".replace("not", "Not")), "the result says what was assumed");
  assert.ok(!main.includes("Intervention protocol") && !main.includes("December 2015 announcement:"), "no intervention protocol text on a sponsor result");
  await axe(page);
  await screenshot(page, "sponsor-eligible-charity");

  // Check answers says what was assumed; a report date after the date checked is warned about
  // at the question, and Continue again keeps it.
  await press(page, "Check or change your answers");
  const check = await text(page, "main");
  assert.match(check, /Not for profit\s+Yes\s+Not asked: assumed, because a charity is a not-for-profit organisation/);
  assert.match(check, /Annual income\s+£25,000,000/);
  assert.match(check, /Qualified social workers\s+1,200/);
  await page.goto(`${server.url}?page=sponsor/service/0/published&change=1`);
  await ready(page);
  await typeDate(page, "published", "2016-06-01");
  await submit(page);
  assert.equal(await current(page), "sponsor/service/0/published", "the question again, with a warning");
  assert.match(await text(page, ".govuk-warning-text"), /This is after 1 March 2016, the date you are checking/);
  assert.equal(await page.inputValue("#published-month"), "6", "what was typed is kept");
  await axe(page, "date after the date checked");
  await submit(page);
  assert.notEqual(await current(page), "sponsor/service/0/published", "Continue again keeps it");
  noProblems(page);
  await context.close();
});

test("a for-profit company is not eligible: an outcome page that leads with what to do", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page, "Private company");
  await answer(page, "What is the organisation’s name?", () => typeInto(page, "name", "Profitco Ltd"));
  await answer(page, "Is Profitco Ltd a not-for-profit organisation?", () => chooseRadio(page, "notForProfit", "No"));

  assert.equal(await current(page), "sponsor/result", "straight to the outcome");
  assert.equal(await heading(page), "Not eligible");
  assert.equal(await page.locator(".govuk-error-summary").count(), 0);
  const main = await text(page, "main");
  assert.ok(main.includes("Profitco Ltd cannot sponsor a trust: 1 requirement not met."));
  const todo = await actions(page);
  assert.deepEqual(todo.map((a) => a.title), [criterion("not_for_profit").title]);
  assert.ok(todo[0].text.includes(criterion("not_for_profit").whatToDo), "what to do, from the ruleset data");
  assert.ok(todo[0].text.includes(`Threshold: ${criterion("not_for_profit").threshold}.`));
  assert.ok(todo[0].text.includes("Published rule."));
  assert.ok(todo[0].text.includes(`Source: ${rules.sources[criterion("not_for_profit").source].title}`));
  assert.match(main, /We did not ask about \d+ other criteria, because they cannot change this result/);
  assert.match(await page.title(), /^Not eligible: Profitco Ltd - /);
  await axe(page);
  await screenshot(page, "sponsor-for-profit-ineligible");
  noProblems(page);
  await context.close();
});

test("a small charity that falls short: status and first action on the first screen at 320 px, two printed pages", { timeout: 180_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page, "Charity");
  await answer(page, "What is the organisation’s name?", () => typeInto(page, "name", "Small Steps"));
  await answer(page, "Is Small Steps based in England?", () => chooseRadio(page, "basedInEngland", "Yes"));
  await answer(page, "Is Small Steps subject to any of these?", () => tick(page, "regulatory", ["None of these"]));
  await answer(page, "For how many years has Small Steps delivered children's services?", () => typeInto(page, "years", "3"));
  await answer(page, "How many of Small Steps’s leaders have been a director of children's services or a commissioner?", () => typeInto(page, "leaders", "0"));
  await answer(page, "How many qualified social workers does Small Steps employ?", () => typeInto(page, "socialWorkers", "6"));
  await answer(page, "Does Small Steps run any services registered with Ofsted?", () => chooseRadio(page, "add", "No"));
  await answer(page, "Which of these does Small Steps have?", () => tick(page, "governance", ["A whistle-blowing policy"]));
  await answer(page, "How many independent members are on Small Steps’s board?", () => typeInto(page, "independent", "1"));
  await answer(page, "What is Small Steps’s annual income?", async () => {
    await typeInto(page, "income", "£800k");
    assert.equal(await readBack(page, "income"), "We read this as £800,000");
  });
  await answer(page, "How many months of running costs do Small Steps’s reserves cover?", () => typeInto(page, "reserves", "2.5"));
  await dateToCheck(page, "2016-03-01");

  assert.equal(await heading(page), "Not yet ready");
  const main = await text(page, "main");
  assert.ok(main.includes("Small Steps is not ready yet: 5 things to do, then 3 conditions."),
    "the summary names the unmet conditions too");
  const todo = await actions(page);
  const ids = ["experience_years", "registered_provision", "dcs_leadership", "social_workers", "financial_capacity", "safeguarding_board", "independent_board", "reserves"];
  const want = rules.sponsor.criteria.filter((c) => ids.includes(c.id))
    .sort((a, b) => ["gate", "readiness", "condition"].indexOf(a.level) - ["gate", "readiness", "condition"].indexOf(b.level));
  assert.deepEqual(todo.map((a) => a.title), want.map(title), "readiness first, then conditions");
  for (const [k, c] of want.entries()) {
    assert.ok(todo[k].text.includes(fill(c.whatToDo, c.params).split("{")[0]), `${c.id}: what to do`);
    assert.ok(todo[k].text.includes(`Threshold: ${fill(c.threshold, c.params)}.`), `${c.id}: its threshold`);
    assert.ok(todo[k].text.includes(c.basis === "design" ? `Design choice ${c.rationale ? fill(c.rationale, c.params) : "no published rule sets this threshold: this service chose it."}` : "Published rule."), `${c.id}: its basis`);
  }
  assert.ok(todo.find((a) => a.title === title(criterion("financial_capacity"))).text.includes("£800,000"), "the income in full");
  assert.ok((await metCriteria(page)).some((m) => m.startsWith(criterion("not_for_profit").title)), "met criteria folded in the details");
  assert.ok(!main.includes("None yet"));
  assert.ok(main.includes("Roles Small Steps could take on once it meets the criteria"));
  assert.ok(main.indexOf(rules.sponsor.routes.service_provider.title) < main.indexOf(rules.sponsor.routes.trust_sponsor.title));
  await axe(page);

  // The first screen of a small phone: the status and the first thing to do.
  await page.setViewportSize({ width: 320, height: 568 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const seen = await page.evaluate(() => {
    const inView = (el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; };
    return { status: inView(document.querySelector("h1")), first: inView(document.querySelector("ol.app-actions > li h3")),
      scroll: document.documentElement.scrollWidth <= 320 };
  });
  await page.screenshot({ path: `${outDir}/sponsor-small-charity-320-first-screen.png` });
  assert.deepEqual(seen, { status: true, first: true, scroll: true }, "status and first action on the first screen, no sideways scrolling");
  await screenshot(page, "sponsor-small-charity-320");
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, "sponsor-small-charity-1280");

  // Printed on A4: two pages at most.
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  await page.emulateMedia({ media: "screen" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  await writeFile(`${outDir}/sponsor-small-charity.pdf`, pdf);
  assert.ok(pages >= 1 && pages <= 2, `printed on ${pages} pages`);
  noProblems(page);
  await context.close();
});

test("a council as sponsor: not asked whether it is in England; its own Ofsted record, with the engine's error for a missing inspection", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page, "Council (local authority)");
  await answer(page, "Which council is it?", () => typeInto(page, "name", "Eastbrook"));
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
  await answer(page, "What date do you want to check?", () => chooseRadio(page, "asOfChoice", "Another date"));
  await answer(page, "Which date do you want to check?", () => typeDate(page, "asOf", "2019-01-01"));
  assert.match(await text(page, "main"), /Based in England\s+Yes\s+Not asked: assumed, because this service checks councils in England/);
  await press(page, "See the result");
  assert.equal(await heading(page), "Eligible");
  const main = await text(page, "main");
  assert.ok(main.includes(rules.sponsor.routes.improvement_partner.title));
  await axe(page);
  await screenshot(page, "sponsor-council-eligible");
  noProblems(page);
  await context.close();
});

/** The pages the PDF of this page has, printed on A4. */
async function printedPages(page, name) {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  await page.emulateMedia({ media: "screen" });
  await writeFile(`${outDir}/${name}.pdf`, pdf);
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The headings of the result, in order. */
const headings = (page) => page.evaluate(() => [...document.querySelectorAll("main h1, main h2")].map((h) => h.textContent.trim()));

test("a charity that does not know: ‘I do not know’ by keyboard, sent to the engine as null, a result that leads with what to find out and reads as one story", { timeout: 240_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page, "Charity");
  await answer(page, "What is the organisation’s name?", () => typeInto(page, "name", "Open Doors"));
  // A yes/no question: "I do not know" is a third radio, reached with the arrow keys.
  await answer(page, "Is Open Doors based in England?", () => chooseRadio(page, "basedInEngland", "I do not know"));
  await answer(page, "Is Open Doors subject to any of these?", () => tick(page, "regulatory", ["None of these"]));
  await answer(page, "For how many years has Open Doors delivered children's services?", () => typeInto(page, "years", "30"));
  // A number question: a number or "I do not know", not both.
  assert.equal(await heading(page), "How many of Open Doors’s leaders have been a director of children's services or a commissioner?");
  await typeInto(page, "leaders", "2");
  await tick(page, "leaders-unknown", ["I do not know"]);
  await submit(page);
  await expectErrors(page, ["Enter the number of leaders or select ‘I do not know’, not both"]);
  await axe(page);
  await typeInto(page, "leaders", "");
  await submit(page);
  await answer(page, "How many qualified social workers does Open Doors employ?", () => tick(page, "socialWorkers-unknown", ["I do not know"]));
  // The Ofsted-registered services: "I do not know" (left out: not known), not "No" (none).
  assert.equal(await heading(page), "Does Open Doors run any services registered with Ofsted?");
  await submit(page);
  await expectErrors(page, ["Select yes if the organisation runs any services registered with Ofsted, or ‘I do not know’"]);
  await axe(page);
  await chooseRadio(page, "add", "I do not know");
  await submit(page);
  await answer(page, "Which of these does Open Doors have?", () => tick(page, "governance", ["I do not know"]));
  await answer(page, "How many independent members are on Open Doors’s board?", () => tick(page, "independent-unknown", ["I do not know"]));
  await answer(page, "What is Open Doors’s annual income?", () => tick(page, "income-unknown", ["I do not know"]));
  await answer(page, "How many months of running costs do Open Doors’s reserves cover?", () => tick(page, "reserves-unknown", ["I do not know"]));
  await answer(page, "What date do you want to check?", () => chooseRadio(page, "asOfChoice", "Another date"));
  await answer(page, "Which date do you want to check?", () => typeDate(page, "asOf", "2017-01-01"));

  // Check answers says "I do not know" for each, and going back shows the answer chosen.
  const check = await text(page, "main");
  for (const key of ["Based in England", "Qualified social workers", "Ofsted-registered services", "Governance", "Independent board members", "Annual income", "Reserves"]) {
    assert.match(check, new RegExp(`${key}\\s+I do not know`), key);
  }
  assert.match(check, /Years delivering children's services\s+30 years/);

  // The answers as the engine gets them: "I do not know" is null, the services list left out.
  const answers = await page.evaluate(() => {
    for (let k = 0; k < localStorage.length; k++) {
      const key = localStorage.key(k);
      // (One record per organisation: trust-eligibility:v3:site:sponsor:<its name>.)
      if (key.startsWith("trust-eligibility:v3:site:sponsor:") && !key.endsWith(":unreadable")) return JSON.parse(localStorage.getItem(key)).answers;
    }
    return null;
  });
  assert.ok(answers, "the answers are saved");
  const input = await page.evaluate(async ({ a, data }) => (await import("/js/sponsor/sponsor.js")).toInput(a, "2026-12-07", { data }), { a: answers, data: rules });
  assert.equal(input.organisation.basedInEngland, null);
  assert.deepEqual(input.experience, { yearsDeliveringChildrensServices: 30, leadersWithDcsExperience: null, qualifiedSocialWorkers: null });
  assert.ok(!("registeredProvision" in input.experience), "services not known: left out, not [] (none)");
  assert.deepEqual(input.governance, { safeguardingLeadOnBoard: null, conflictOfInterestPolicy: null, whistleblowingPolicy: null, independentBoardMembers: null });
  assert.deepEqual(input.finances, { annualIncomeGbp: null, reservesMonths: null });

  await press(page, "See the result");
  assert.equal(await current(page), "sponsor/result");
  assert.equal(await heading(page), "More to find out");
  const main = await text(page, "main");
  assert.ok(main.includes("Nothing known rules Open Doors out, but 8 things need finding out before the answer is known."));
  // What to find out comes straight after the lead, before anything else, in the engine's words.
  const h = await headings(page);
  assert.equal(h[1], "What to find out", `the first section: ${h.join(" | ")}`);
  const findOut = await page.evaluate(() => [...document.querySelectorAll("ul.app-find-out > li")].map((li) => li.textContent.trim()));
  const unknownIds = ["based_in_england", "registered_provision", "dcs_leadership", "social_workers", "financial_capacity", "safeguarding_board", "independent_board", "reserves"];
  assert.equal(findOut.length, unknownIds.length);
  for (const id of unknownIds) assert.ok(findOut.some((t) => t.startsWith("Find")), id);
  assert.equal((await actions(page)).length, 0, "nothing not known is listed as failed");
  assert.ok(!main.includes("not ready yet") && !main.includes("cannot sponsor"), "not known is not failed");

  // One story (SPEC 4.4): what it may do now (service provider) first, then what the 2015
  // announcement intended (trust sponsor) and that no outside organisation has done it; no
  // role followed by a sentence that contradicts it; no intervention protocol text.
  const sp = rules.sponsor.routes.service_provider;
  const ts = rules.sponsor.routes.trust_sponsor;
  assert.ok(main.indexOf(sp.title) >= 0 && main.indexOf(ts.title) > main.indexOf(sp.title), "service provider, then trust sponsor");
  assert.ok(main.includes(ts.text), "the trust sponsor role says no outside organisation has done it so far");
  assert.match(ts.title, /intended/);
  assert.ok(main.indexOf(ts.text) > main.indexOf(ts.title), "what has happened, below the role it describes");
  const roles = await page.evaluate(() => [...document.querySelectorAll("ul.app-roles > li")].map((li) => li.textContent.replace(/\s+/g, " ").trim()));
  assert.equal(roles.length, 2, "two roles for a charity");
  assert.ok(roles[1].includes("Community Care, 24 September 2024"), "the source of ‘wholly owned since 2021’ is named, even without an address");
  assert.ok(main.includes("Roles Open Doors could take on if what is found out meets the criteria"), "roles not offered as open while facts are not known");
  assert.ok(!/Eligible: sponsor or form/i.test(main), "no role offered with a sentence below that contradicts it");
  for (const t of ["Intervention protocol", "December 2015 announcement:", "improvement notice", "statutory direction"]) {
    assert.ok(!main.includes(t), `no intervention protocol text: ${t}`);
  }
  await axe(page);

  // At 320 px: the status and what to find out first, no sideways scrolling; at 1280 px; printed
  // on two A4 pages at most.
  await page.setViewportSize({ width: 320, height: 568 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const seen = await page.evaluate(() => {
    const inView = (el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; };
    return { status: inView(document.querySelector("h1")), findOut: inView(document.querySelector("#find-out")),
      scroll: document.documentElement.scrollWidth <= 320 };
  });
  await page.screenshot({ path: `${outDir}/sponsor-incomplete-charity-320-first-screen.png` });
  assert.deepEqual(seen, { status: true, findOut: true, scroll: true }, "status and what to find out on the first screen, no sideways scrolling");
  await screenshot(page, "sponsor-incomplete-charity-320");
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, "sponsor-incomplete-charity-1280");
  const printed = await printedPages(page, "sponsor-incomplete-charity");
  assert.ok(printed >= 1 && printed <= 2, `printed on ${printed} pages`);

  // The answers file keeps "I do not know", and reads back.
  const downloading = page.waitForEvent("download");
  await press(page, "Download your answers", { wait: false });
  const saved = join(outDir, "sponsor-unknown-answers.json");
  await (await downloading).saveAs(saved);
  const file = JSON.parse(await readFile(saved, "utf8"));
  assert.equal(file.answers.sponsor.socialWorkers, "unknown");
  assert.equal(file.answers.sponsor.provisionUnknown, true);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.url}?page=upload`);
  await ready(page);
  const chooser = page.waitForEvent("filechooser");
  await tabTo(page, "file input", () => document.activeElement?.type === "file");
  await page.keyboard.press("Space");
  await (await chooser).setFiles(saved);
  await press(page, "Upload answers");
  assert.equal(await page.locator(".govuk-error-summary").count(), 0, "a file with ‘I do not know’ is read");
  await page.goto(`${server.url}?page=sponsor/provision`);
  await ready(page);
  assert.equal(await page.locator("input[name=add][value=unknown]").isChecked(), true, "the services question shows ‘I do not know’ chosen");
  noProblems(page);
  await context.close();
});
