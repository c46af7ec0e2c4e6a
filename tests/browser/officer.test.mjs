// An answer an officer can act on, on 7 December 2026 (the page's today pinned with Playwright's
// clock): councils picked by their everyday names (and "Did you mean …?" when nothing matches),
// the confirm page's facts each with its source, Bradford, Trafford and Devon from Start to their
// answer by keyboard in at most five page views with their public decisions flowing to the
// engine as status.events, the result short and printable on two A4 pages with what could happen
// next, and every council today at a glance (axe at 320 and 1280 px).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, launch, openPage, ready, current, typeInto, chooseRadio, tick, press, submit, heading, axe, screenshot, noProblems,
} from "./helpers.mjs";
import { councils, council } from "./councils-fixture.mjs";
import * as data from "../../www/js/council/councils-data.js";
import { assessCouncil } from "./engine-node.mjs";
import { formatDate, formatDatesIn } from "../../www/js/engine/wording.js";
import { inputOf } from "../../www/js/council/national.js";

const TODAY = "2026-12-07";
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A page whose clock says 7 December 2026, midday in London. */
async function openOn(width = 1280) {
  const o = await openPage(browser, server.url, { width, height: 900 });
  await o.context.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
  return o;
}

const SPELLINGS = {
  "Stoke on Trent": "Stoke-on-Trent", "County Durham": "Durham", BCP: "Bournemouth, Christchurch & Poole",
  "Bradford Council": "Bradford", "City of Bradford": "Bradford", E08000032: "Bradford", Bradfrod: "Bradford",
  "St. Helens": "St Helens", "Saint Helens": "St Helens", "Brighton & Hove": "Brighton and Hove", Hull: "Kingston upon Hull",
  "London Borough of Hackney": "Hackney", "Royal Borough of Kensington and Chelsea": "Kensington and Chelsea",
  "Telford and Wrekin": "Telford & Wrekin", "Southend on Sea": "Southend-on-Sea", trafford: "Trafford", "DEVON COUNTY COUNCIL": "Devon",
};

test("everyday names find the council; every current council by its own name and code", () => {
  for (const [typed, name] of Object.entries(SPELLINGS)) assert.equal(data.find(councils, typed)?.name, name, typed);
  for (const c of councils.councils.filter((x) => !x.former)) {
    assert.equal(data.find(councils, c.name)?.code, c.code, c.name);
    assert.equal(data.find(councils, c.code)?.code, c.code, c.code);
    assert.equal(data.find(councils, `${c.name} Council`)?.code, c.code, `${c.name} Council`);
    assert.ok(data.suggest(councils, c.name.slice(0, 5)).includes(c.name), `${c.name} offered as it is typed`);
  }
  assert.equal(data.find(councils, "Westmere"), null);
  assert.deepEqual(data.nearest(councils, "Westmere"), [], "nothing near: straight to the by-hand route");
  assert.equal(data.nearest(councils, "Bradford Children's Services")[0]?.name, "Bradford");
  assert.equal(data.nearest(councils, "Hamersmith")[0]?.name, "Hammersmith & Fulham");
});

/** Start, "Start now", the council journey, the picker: returns the pages viewed after Start. */
async function toPicker(page) {
  await page.goto(server.url);
  await ready(page);
  const views = [];
  await press(page, "Start now");
  views.push(await current(page));
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
  views.push(await current(page));
  await page.waitForSelector("form[data-picker=ready]");
  return views;
}

test("the picker: everyday names in the list as typed, and “Did you mean …?” before the by-hand route", { timeout: 120_000 }, async () => {
  const { context, page } = await openOn();
  await toPicker(page);
  for (const [typed, name] of [["Stoke on Trent", "Stoke-on-Trent"], ["E08000032", "Bradford"], ["BCP", "Bournemouth, Christchurch & Poole"]]) {
    await typeInto(page, "name", typed);
    await page.waitForSelector(".autocomplete__menu--visible .autocomplete__option");
    const offered = await page.locator(".autocomplete__option").allInnerTexts();
    assert.equal(offered[0], name, `${typed}: ${offered.join(", ")}`);
  }
  await typeInto(page, "name", "Bradford Children's Services");
  await page.keyboard.press("Escape");
  await submit(page);
  assert.equal(await current(page), "council/did-you-mean");
  assert.equal(await heading(page), "Did you mean one of these councils?");
  const offered = await page.locator("input[name=council] + label").allInnerTexts();
  assert.equal(offered[0].trim(), "Bradford", offered.join(", "));
  assert.equal(offered.at(-1).trim(), "No, check ‘Bradford Children's Services’", "the by-hand route after the councils");
  await axe(page, "did you mean");
  await chooseRadio(page, "council", "Bradford");
  await submit(page);
  assert.equal(await current(page), "council/confirm");
  assert.equal(await heading(page), "Check Bradford’s Ofsted history");
  // A name like no council's goes straight to the by-hand route.
  await page.goto(`${server.url}?page=council/name`);
  await ready(page);
  await page.waitForSelector("form[data-picker=ready]");
  await typeInto(page, "name", "Westmere");
  await page.keyboard.press("Escape");
  await submit(page);
  assert.equal(await current(page), "council/inspections");
  noProblems(page);
  await context.close();
});

const NAMES = { Bradford: "Bradford Council", Trafford: "trafford", Devon: "Devon County Council" };

for (const [name, typed] of Object.entries(NAMES)) {
  test(`${name}, typed “${typed}”: from Start to the engine's answer on ${TODAY} in five page views by keyboard, each fact with its source`, { timeout: 150_000 }, async () => {
    const c = council(name);
    const { context, page } = await openOn();
    const views = await toPicker(page);
    await typeInto(page, "name", typed);
    await page.keyboard.press("Escape");
    await submit(page);
    views.push(await current(page));
    assert.equal(await current(page), "council/confirm");
    // Every report with its date, grade and a link to it; every decision with its date and source.
    const main = page.locator("main");
    const text = await main.innerText();
    for (const it of c.inspections) {
      assert.ok(text.includes(`Published ${formatDate(it.published)}`), `report of ${it.published}`);
      if (it.report) assert.equal(await page.locator(`main a[href="${it.report}"]`).count(), 1, `link to the report of ${it.published}`);
    }
    for (const v of c.visits ?? []) assert.ok(text.includes(formatDate(v.date)), `visit of ${v.date}`);
    for (const e of c.events ?? []) {
      if (e.source?.url && /^https?:/.test(e.source.url)) assert.ok(await page.locator(`main a[href="${e.source.url}"]`).count() >= 1, `source of ${e.event} ${e.date}`);
    }
    if ((c.events ?? []).some((e) => /^\d{4}-\d{2}$/.test(e.date))) assert.ok(text.includes("the month is known, not the day"), "month-only dates said in words");
    assert.ok(await page.locator('main a[href="https://www.gov.uk/government/collections/improvement-notices-and-directions"]').count(), "the DfE's collection linked");
    assert.match(text, /known to be incomplete/);
    await axe(page, `confirm ${name}`);
    await tick(page, "since", ["No, nothing else"]);
    await submit(page);
    views.push(await current(page));
    assert.equal(await current(page), "council/check");
    await press(page, "See the result");
    views.push(await current(page));
    assert.deepEqual(views, ["choose", "council/name", "council/confirm", "council/check", "council/result"], "five page views after Start");
    // The engine's own answer for the shipped facts, the decisions as status.events.
    const want = assessCouncil(inputOf(c, TODAY));
    assert.equal(await page.locator(".govuk-panel__title").innerText(), formatDatesIn(want.interventionTitle));
    assert.ok((await page.locator(".govuk-panel__body").innerText()).includes(formatDate(TODAY)));
    if (want.statusInForce) assert.equal(await page.locator("#status").count(), 1, "the decisions in force, as the engine worked them out");
    if (want.outlook) assert.equal(await page.locator("table.app-outlook tbody tr").count(), want.outlook.length, "the outlook table");
    await axe(page, `result ${name}`);
    if (name === "Bradford") {
      await screenshot(page, "officer-result-bradford-1280");
      const pdf = await page.pdf({ format: "A4" });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 1 && pages <= 2, `printed on ${pages} A4 pages`);
    }
    noProblems(page);
    await context.close();
  });
}

for (const width of [320, 1280]) {
  test(`every council today at a glance, ${width} px: counts, filter, chart and table, axe-clean`, { timeout: 120_000 }, async () => {
    const { context, page } = await openOn(width);
    await page.goto(`${server.url}?page=councils`);
    await ready(page);
    assert.equal(await heading(page), "Every council today");
    await page.waitForSelector("#national-status[data-state=done]", { timeout: 30_000 });
    const current = councils.councils.filter((x) => !x.former);
    assert.equal(await page.locator("#national-table tbody tr").count(), current.length);
    const years = await page.locator("#national-status").getAttribute("data-assessments");
    assert.equal(Number(years), current.length * (2026 - 2016 + 1), "each year end from 2016, and today");
    assert.ok(await page.locator("figure[aria-labelledby=national-chart-caption] svg[role=img]").isVisible(), "the chart");
    assert.match(await page.locator("main").innerText(), /as at/);
    // The filter: one intervention, and the count says so.
    const option = await page.locator("#national-filter option").nth(1);
    const value = await option.getAttribute("value");
    const n = Number(/\((\d+)\)/.exec(await option.innerText())[1]);
    await page.selectOption("#national-filter", value);
    assert.equal(await page.locator("#national-table tbody tr:not([hidden])").count(), n);
    assert.match(await page.locator("#national-shown").innerText(), new RegExp(`Showing ${n} of ${current.length}`));
    // Each council as the engine answers it on the shipped facts.
    const row = page.locator('#national-table tbody tr[data-name="trafford"]');
    if (value !== assessCouncil(inputOf(council("Trafford"), TODAY)).intervention) await page.selectOption("#national-filter", "");
    assert.equal((await row.locator("td").first().innerText()).trim(), formatDatesIn(assessCouncil(inputOf(council("Trafford"), TODAY)).interventionTitle));
    await page.locator("details summary").filter({ hasText: "The chart as a table" }).click();
    await axe(page, `councils ${width}`);
    await screenshot(page, `officer-councils-${width}`);
    console.log(`every council at each year end: ${await page.locator("#national-status").getAttribute("data-ms")} ms`);
    noProblems(page);
    await context.close();
  });
}
