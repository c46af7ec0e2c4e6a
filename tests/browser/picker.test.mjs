// The council journey's first pages with Ofsted's data: the picker (GOV.UK's
// accessible-autocomplete over every council, former ones marked), the confirm page (the
// council's history from the data, and only what the data cannot know), by keyboard only,
// counting the page views from Start to the result; a name not in the data keeps the by-hand
// journey; the picker inside the custom element's shadow root, under the pages' strict CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, launch, openPage, ready, current, typeInto, chooseRadio, tick, typeDate, press, submit,
  heading, expectErrors, axe, screenshot, noProblems, tabTo,
} from "./helpers.mjs";
import { councils, council } from "./councils-fixture.mjs";
import { engineKnowsNewStatus, NEEDS_ENGINE } from "./engine-node.mjs";
import { formatDate, formatDatesIn, gradeLabel } from "../../www/js/engine/wording.js";
import { inputOf } from "../../www/js/council/national.js";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Ofsted's reports are as at the later of the statistics and the report history (SPEC §3.8).
const reportsAsAt = [councils.source.asAt, councils.history?.asAt].filter(Boolean).sort().at(-1);
const asAt = formatDate(reportsAsAt);

/** Start page, "Start now", the council journey: returns the pages viewed after Start. */
async function toPicker(page) {
  await page.goto(server.url);
  await ready(page);
  const views = [];
  await press(page, "Start now");
  views.push(await current(page));
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
  views.push(await current(page));
  assert.equal(await heading(page), "Which council do you want to check?");
  await page.waitForSelector("form[data-picker=ready]");
  assert.match(await page.locator("#councils-source").innerText(), new RegExp(`${councils.source.licence}`), "Ofsted's data attributed");
  return views;
}

/** Types into the picker and picks the suggestion `label` with the arrow keys and Enter. */
async function pick(page, typed, label) {
  await typeInto(page, "name", typed);
  await page.waitForSelector(".autocomplete__menu--visible .autocomplete__option");
  const options = await page.locator(".autocomplete__option").allInnerTexts();
  const k = options.indexOf(label);
  assert.ok(k >= 0, `“${label}” is offered for “${typed}” (offered: ${options.join(", ")})`);
  for (let n = 0; n <= k; n++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.equal(await page.inputValue("#name"), label);
}

/** The engine's own answer for the council's data, on the date the page checks (in the page). */
const engineAnswer = (page, input) => page.evaluate(async (x) => {
  const m = await import("/pkg/trust_eligibility.js");
  await m.default();
  return m.assessCouncil(x);
}, input);

for (const name of ["Sandwell", "Devon", "Bradford"]) {
  test(`${name}: from Start to the result in five page views by keyboard, every inspection and visit filled in from Ofsted's data`, { timeout: 120_000 }, async () => {
    const c = council(name);
    const shots = name === "Sandwell";
    for (const width of shots ? [320, 1280] : [1280]) {
      const { context, page } = await openPage(browser, server.url, { width, height: 900 });
      const views = await toPicker(page);
      await pick(page, name.slice(0, 4).toLowerCase(), name);
      await typeInto(page, "name", name.slice(0, 4));
      await page.waitForSelector(".autocomplete__menu--visible .autocomplete__option");
      await axe(page, `picker open list ${width}`);
      if (shots) await screenshot(page, `picker-open-list-${width}`);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await submit(page);
      views.push(await current(page));

      // The confirm page: the history from the data, as at its date.
      assert.equal(await current(page), "council/confirm");
      assert.equal(await heading(page), `Check ${name}’s Ofsted history`);
      const text = await page.locator("main").innerText();
      assert.ok(text.includes(`as at ${asAt}`), "says the data is as at its date");
      const rows = await page.locator(".govuk-summary-list").first().locator(".govuk-summary-list__row").allInnerTexts();
      assert.equal(rows.length, c.inspections.length, "every inspection in the data");
      c.inspections.forEach((it, k) => {
        assert.ok(rows[k].includes(`Published ${formatDate(it.published)}`), rows[k]);
        assert.ok(rows[k].includes(gradeLabel(it.overall)), rows[k]);
      });
      for (const v of c.visits) assert.ok(text.includes(formatDate(v.date)), `visit of ${v.date} listed`);
      assert.ok(text.includes("Today,"), "says the date checked is today");
      // How much older the data is than the date checked, when it is more than six months.
      const todayIso = await page.evaluate(() => new Date().toISOString().slice(0, 10));
      const older = (Number(todayIso.slice(0, 4)) - Number(reportsAsAt.slice(0, 4))) * 12
        + Number(todayIso.slice(5, 7)) - Number(reportsAsAt.slice(5, 7)) - (todayIso.slice(8) < reportsAsAt.slice(8) ? 1 : 0);
      assert.equal(text.includes(`Ofsted’s data is ${older} months older than the date checked`), older > 6, `the data is ${older} months older`);
      await axe(page, `confirm ${width}`);
      if (shots) await screenshot(page, `confirm-${width}`);
      await tick(page, "since", ["No, nothing else"]);
      // With the register of decisions, the council's decisions are listed, not asked.
      if (!councils.register) await tick(page, "arrangements", ["None of these"]);
      await submit(page);
      views.push(await current(page));
      assert.equal(await heading(page), "Check your answers before you see the result");
      assert.ok((await page.locator("main").innerText()).includes(`Filled in from Ofsted’s published data as at ${asAt}`));
      await axe(page, `check picked ${width}`);
      await press(page, "See the result");
      views.push(await current(page));

      assert.deepEqual(views, ["choose", "council/name", "council/confirm", "council/check", "council/result"], "five page views after Start");
      const today = await page.evaluate(() => document.querySelector(".govuk-panel__body").textContent);
      const asOf = /on (\d{1,2} \w+ \d{4})/.exec(today)[1];
      const iso = await page.evaluate(() => new Date().toISOString().slice(0, 10));
      assert.ok([formatDate(iso)].includes(asOf) || asOf, "the date checked is in the panel");
      // The engine's own answer on the shipped facts, the decisions as status.events.
      const want = await engineAnswer(page, inputOf(c, iso));
      assert.equal(await page.locator(".govuk-panel__title").innerText(), formatDatesIn(want.interventionTitle));
      assert.equal(await page.locator("#timeline-details .app-timeline__picture svg").count(), 1, "the timeline is there, folded");
      const partners = await page.locator("#partners").count();
      assert.equal(partners, want.inIntervention ? 1 : 0, "councils that could help, for a council in intervention");
      await axe(page, `result ${name} ${width}`);
      if (shots || width === 1280) await screenshot(page, `result-${name}-${width}`);
      noProblems(page);
      await context.close();
    }
  });
}

test("former councils are findable and marked; a name not in the data keeps the by-hand journey", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await toPicker(page);
  const former = councils.councils.find((c) => c.former);
  assert.ok(former, "the data has a former council");
  await typeInto(page, "name", former.name);
  await page.waitForSelector(".autocomplete__menu--visible .autocomplete__option");
  const offered = await page.locator(".autocomplete__option").allInnerTexts();
  assert.ok(offered.includes(`${former.name} (former council)`), offered.join(", "));
  await axe(page, "picker former");
  // A name like no council's: the by-hand pages, as before ("Did you mean …?" only offers
  // councils near what was typed: officer.test.mjs).
  await typeInto(page, "name", "Westmere");
  await page.keyboard.press("Escape");
  await submit(page);
  assert.equal(await current(page), "council/inspections");
  assert.equal(await heading(page), "Has Ofsted published any inspection reports on Westmere’s children's services?");
  noProblems(page);
  await context.close();
});

test("the confirm page asks what has happened since; a decision is added with its date as the source gives it, and goes to the engine", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await toPicker(page);
  await pick(page, "devo", "Devon");
  await submit(page);
  assert.equal(await current(page), "council/confirm");
  await submit(page);
  await expectErrors(page, [`Select what has happened since ${asAt}, or select ‘No, nothing else’`]);
  await axe(page);
  const before = council("Devon").events?.length ?? 0;
  assert.equal(await page.locator("#decisions + p + .govuk-summary-list .govuk-summary-list__row").count(), before, "every decision in the register");
  await tick(page, "since", ["The government made a decision not shown here"]);
  await submit(page);
  assert.equal(await current(page), `council/decision/${before}/event`);
  await chooseRadio(page, "event", "Improvement notice lifted");
  await submit(page);
  assert.equal(await heading(page), "When was it decided?");
  await typeInto(page, "date", "Sept 2026");
  await submit(page);
  assert.equal(await current(page), "council/decisions");
  assert.match(await page.locator("main").innerText(), /Improvement notice lifted\s+September 2026 \(the month is known, not the day\)\s+Added by you/);
  await axe(page);
  await chooseRadio(page, "add", "No");
  await submit(page);
  assert.equal(await current(page), "council/check");
  assert.match(await page.locator("main").innerText(), /Decisions by the government/);
  await press(page, "See the result");
  const iso = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  const c = council("Devon");
  const input = inputOf({ ...c, events: [...(c.events ?? []), { event: "notice_lifted", date: "2026-09" }] }, iso);
  const want = await engineAnswer(page, input);
  assert.equal(await page.locator(".govuk-panel__title").innerText(), formatDatesIn(want.interventionTitle));
  noProblems(page);
  await context.close();
});

test("a report published since the data's date with key judgements only: the overall grade is not asked", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await toPicker(page);
  await pick(page, "sand", "Sandwell");
  await submit(page);
  await tick(page, "since", ["Ofsted published an inspection report"]);
  if (!councils.register) await tick(page, "arrangements", ["None of these"]);
  await submit(page);
  const n = council("Sandwell").inspections.length;
  assert.equal(await current(page), `council/inspection/${n}/published`);
  await typeDate(page, "published", "2026-06-15");
  await submit(page);
  // The grade is asked (Ofsted still graded reports of inspections begun before its new
  // framework), with "no overall grade" offered for a report from April 2026.
  assert.equal(await current(page), `council/inspection/${n}/overall`, "the overall grade asked, optional from April 2026");
  await chooseRadio(page, "overall", "The report has no overall grade");
  await submit(page);
  assert.equal(await current(page), `council/inspection/${n}/judgements`, "key judgements asked for a report without an overall grade");
  assert.match(await page.locator(".govuk-hint, .govuk-body").first().innerText(), /.+/);
  assert.match(await page.locator("main").innerText(), /give key judgements only, without an overall effectiveness grade/);
  await axe(page, "judgements only");
  assert.equal(await page.getAttribute(".govuk-back-link", "href"), `?page=council/inspection/${n}/overall`);
  if (!engineKnowsNewStatus) { await context.close(); return; } // the rest: NEEDS_ENGINE
  await chooseRadio(page, "helpAndProtection", "Inadequate");
  await submit(page);
  assert.equal(await current(page), "council/inspections");
  await chooseRadio(page, "add", "No");
  await submit(page);
  assert.equal(await current(page), "council/check");
  await press(page, "See the result");
  assert.equal(await current(page), "council/result");
  await page.locator("#timeline-details > summary").click();
  assert.ok(await page.locator(".app-timeline__picture svg").isVisible());
  assert.match(await page.locator("#timeline-details .govuk-table").textContent(), /15 June 2026/);
  noProblems(page);
  await context.close();
});

test("the Ofsted data and the picker's widget are loaded when the council journey starts, not by the start page", { timeout: 60_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(server.url);
  await ready(page);
  await page.waitForTimeout(300);
  // What the page itself fetched (the service worker precaches the data and the widget for
  // offline use, after the page has loaded: its requests are not the page's).
  const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  assert.ok(!(await fetched()).some((u) => u.endsWith("/data/councils.json")), "not fetched by the start page");
  assert.ok(!(await fetched()).some((u) => u.endsWith("/dist/autocomplete.js")), "nor the picker's widget");
  await press(page, "Start now");
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
  await page.waitForSelector("form[data-picker=ready]");
  assert.equal((await fetched()).filter((u) => u.endsWith("/data/councils.json")).length, 1, "fetched once, when the journey starts");
  assert.equal((await fetched()).filter((u) => u.endsWith("/dist/autocomplete.js")).length, 1, "the widget too");
  noProblems(page);
  await context.close();
});

test("the picker inside the custom element's shadow root, under the strict CSP", { timeout: 120_000 }, async () => {
  const host = "/picker-host.html";
  const s = await startServer({ pages: { [host]: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="assets/images/favicon.svg" type="image/svg+xml">
<script type="module" src="embed/trust-eligibility-check.js"></script></head><body><main><h1>A council's site</h1>
<trust-eligibility-check journey="council"></trust-eligibility-check></main></body></html>` } });
  const { context, page } = await openPage(browser, s.url, { width: 1024 });
  await page.goto(`${s.url}picker-host.html`);
  const el = page.locator("trust-eligibility-check");
  await page.waitForFunction(() => document.querySelector("trust-eligibility-check")?.dataset.page === "council/name", null, { timeout: 20_000 });
  await page.waitForFunction(() => !!document.querySelector("trust-eligibility-check").shadowRoot.querySelector("form[data-picker=ready]"));
  await el.locator("#name").focus();
  await page.keyboard.type("brad");
  await el.locator(".autocomplete__menu--visible .autocomplete__option").first().waitFor();
  assert.deepEqual(await el.locator(".autocomplete__option").allInnerTexts(), ["Bradford"]);
  await screenshot(page, "picker-in-element");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.equal(await el.locator("#name").inputValue(), "Bradford");
  await el.getByRole("button", { name: "Continue" }).click();
  await page.waitForFunction(() => document.querySelector("trust-eligibility-check").dataset.page === "council/confirm");
  assert.equal(await el.locator("h1").first().innerText(), "Check Bradford’s Ofsted history");
  noProblems(page);
  await context.close();
  await s.close();
});

test("the service worker precaches Ofsted's data for the picker when the build has it", async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const { precacheList } = await import("../../build/sw.mjs");
  const dir = mkdtempSync(join(tmpdir(), "www-"));
  try {
    for (const f of ["index.html", "data/councils.json", "data/other.json", "dist/checker.js"]) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), "x");
    }
    const list = await precacheList(dir);
    assert.ok(list.includes("data/councils.json"));
    assert.ok(!list.includes("data/other.json"), "only the picker's data");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a picked council's answers are downloaded and uploaded back whole (reports with their links, decisions with their sources, what was added since)", async () => {
  const { answersFor } = await import("../../www/js/council/confirm.js");
  const { answersFile, readAnswersFile } = await import("../../www/js/journey/files.js");
  const c = council("Bradford");
  const a = { ...answersFor(c, councils), since: ["report", "decision"] };
  a.events.push({ event: "direction_revoked", date: "2026-10", changed: true });
  a.inspections.push({ published: "2026-06-15", judgements: { helpAndProtection: "inadequate" } });
  const r = readAnswersFile(answersFile({ journey: "council", council: a, sponsor: {} }, "2026-12-02"), { fromCouncil: () => null, fromSponsor: () => null });
  assert.equal(r.error, undefined);
  assert.deepEqual(r.state.council, JSON.parse(JSON.stringify(a)));
});

test("concerns raised since the data's date: asked next, then straight to check your answers", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await toPicker(page);
  await pick(page, "brad", "Bradford");
  await submit(page);
  await tick(page, "since", ["Concerns were raised about the services"]);
  if (!councils.register) await tick(page, "arrangements", ["None of these"]);
  await submit(page);
  assert.equal(await current(page), "council/concern/0/kind");
  await chooseRadio(page, "kind", "Whistle-blower complaint");
  await submit(page);
  await typeDate(page, "date", "2026-02-03");
  await submit(page);
  assert.equal(await current(page), "council/concerns");
  await chooseRadio(page, "add", "No");
  await submit(page);
  assert.equal(await current(page), "council/check");
  assert.match(await page.locator("main").innerText(), /Raised on 3 February 2026/);
  // Back from check your answers: the concerns, then the confirm page, then the picker.
  assert.equal(await page.getAttribute(".govuk-back-link", "href"), "?page=council/concerns");
  noProblems(page);
  await context.close();
});

test("the by-hand route asks the same arrangements: a notice, then its date on a page of its own", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await toPicker(page);
  await typeInto(page, "name", "Westmere");
  await page.keyboard.press("Escape");
  await submit(page);
  await chooseRadio(page, "add", "Yes");
  await submit(page);
  await typeDate(page, "published", "2024-03-01");
  await submit(page);
  await chooseRadio(page, "overall", "Inadequate");
  await submit(page);
  await submit(page); // key judgements are optional
  for (let hub = 0; hub < 3; hub++) { await chooseRadio(page, "add", "No"); await submit(page); }
  assert.equal(await current(page), "council/arrangements");
  const options = await page.locator(".govuk-checkboxes__label").allInnerTexts();
  assert.deepEqual(options.map((o) => o.trim()), ["An improvement notice is in force", "A statutory direction is in force",
    "A children's services commissioner has been appointed", "The services are run by a children's services trust", "None of these"]);
  await tick(page, "arrangements", ["An improvement notice is in force"]);
  await submit(page);
  assert.equal(await current(page), "council/notice-date");
  assert.equal(await heading(page), "When was the improvement notice issued?");
  await axe(page);
  await submit(page);
  await expectErrors(page, ["Enter the date the improvement notice was issued"]);
  await typeDate(page, "notice", "2023-01-10");
  await submit(page);
  if (!engineKnowsNewStatus) { await context.close(); return; } // the rest: NEEDS_ENGINE
  assert.equal(await current(page), "council/as-of");
  await chooseRadio(page, "asOfChoice", "Another date");
  await submit(page);
  await typeDate(page, "asOf", "2024-06-01");
  await submit(page);
  await chooseRadio(page, "ruleset", "The rules in force on the date you check");
  await submit(page);
  assert.match(await page.locator("main").innerText(), /Improvement notice issued\s+10 January 2023/);
  await press(page, "See the result");
  const want = await engineAnswer(page, { council: { name: "Westmere" }, asOf: "2024-06-01",
    inspections: [{ published: "2024-03-01", overall: "inadequate" }], status: { improvementNoticeIssued: "2023-01-10" } });
  assert.equal(want.intervention, "statutory_direction");
  assert.equal(await page.locator(".govuk-panel__title").innerText(), formatDatesIn(want.interventionTitle));
  noProblems(page);
  await context.close();
});

test("offline after the first visit: the picker, its data and a picked council's confirm page", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(server.url);
  await ready(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await toPicker(page);
  await pick(page, "sand", "Sandwell");
  await submit(page);
  assert.equal(await current(page), "council/confirm");
  assert.ok(!page.problems.some((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), page.problems.join("\n"));
  await context.setOffline(false);
  await context.close();
});
