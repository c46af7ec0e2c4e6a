// The council result's timeline (www/js/results/timeline.js): what it shows, from the engine's answer
// and the ruleset data (in Node), and the picture on the result page: readable at 320 px and at
// 1280 px, with its caption and table, in the print view, and no axe violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { timelineModel, timelineSvg, keyDateText } from "../../www/js/results/timeline.js";
import { formatDate } from "../../www/js/engine/wording.js";
import { assessCouncil, rulesets } from "./engine-node.mjs";
import { council } from "./councils-fixture.mjs";
import { startServer, launch, openPage, ready, axe, screenshot, noProblems, current } from "./helpers.mjs";

const data = rulesets();
const inputOf = (name, asOf) => {
  const c = council(name);
  return { council: { name: c.name, code: c.code }, asOf, inspections: c.inspections, visits: c.visits };
};
const param = (r, k) => data.rulesets.find((x) => x.id === r.ruleset.id).parameters[k].value;

test("Bradford on 2 March 2026: both inadequate reports in red with their grade, the persistence window, the passed review said as past", () => {
  // Before its report of May 2026 (requires improvement), which the data now has.
  const input = inputOf("Bradford", "2026-03-02");
  const r = assessCouncil(input);
  const m = timelineModel(r, input, data);
  const reports = m.events.filter((e) => e.type === "inspection");
  assert.deepEqual(reports.map((e) => e.date), input.inspections.filter((i) => i.published <= input.asOf).map((i) => i.published));
  for (const e of reports) { assert.equal(e.grade, "inadequate"); assert.match(e.text, /Inadequate/); }
  assert.equal(m.events.filter((e) => e.type === "visit").length, input.visits.length);
  const persistent = m.windows.find((w) => w.id === "persistent");
  assert.equal(persistent.to, r.latestInspection.published);
  const years = param(r, "persistentWindowYears");
  assert.equal(persistent.from, `${Number(persistent.to.slice(0, 4)) - years}${persistent.to.slice(4)}`);
  assert.deepEqual(m.windows.map(({ id, from, to }) => ({ id, from, to })), r.windows, "the engine's windows, drawn as it gives them");
  assert.ok(!m.windows.some((w) => w.id === "improvement"), "no six-month window under the 2016 protocol");
  for (const d of r.dates) {
    const e = m.events.find((x) => x.type === "key" && x.date === d.date);
    assert.ok(e, `key date ${d.kind} shown`);
    if (d.daysFromAsOf < 0) {
      assert.match(e.long, /was (due on )?\d/, "a past date is said as past");
      assert.match(e.long, new RegExp(`${formatDate(d.date)}, [\\d,]+ days? ago$`));
      assert.doesNotMatch(e.long, /left|due:/);
    }
  }
  assert.ok(r.dates.some((d) => d.daysFromAsOf < 0), "Bradford's review date has passed by March 2026");
  assert.equal(m.asOf, "2026-03-02");
  assert.deepEqual(m.boundaries, [], "no ruleset begins between 2018 and 2027");
  const svg = timelineSvg(m);
  for (const e of m.events) assert.ok(svg.includes(formatDate(e.date)), `${e.date} written on the picture`);
  assert.ok(svg.includes('fill="#d4351c"'), "inadequate in GOV.UK red");
});

test("a 2015 inadequate report checked on 1 March 2016: the six months to improve end on the answer's deadline; both rulesets' starts are marked", () => {
  const input = { council: { name: "Westmere" }, asOf: "2016-03-01",
    inspections: [{ published: "2015-10-01", overall: "inadequate" }],
    visits: [{ date: "2015-12-01", kind: "monitoring", progress: "some" }],
    concerns: [{ date: "2016-01-20", kind: "whistleblower" }] };
  const r = assessCouncil(input);
  assert.equal(r.ruleset.id, "announcement-2015");
  const m = timelineModel(r, input, data);
  const improve = m.windows.find((w) => w.id === "improvement");
  assert.equal(improve.from, "2015-10-01");
  assert.equal(improve.to, "2016-04-01");
  assert.equal(improve.to, r.dates.find((d) => d.kind === "improvement_deadline").date);
  assert.match(improve.text, /^6 months to show significant improvement$/);
  const persistent = m.windows.find((w) => w.id === "persistent");
  assert.deepEqual([persistent.from, persistent.to], ["2010-10-01", "2015-10-01"]);
  assert.deepEqual(m.boundaries.map((b) => b.date), data.rulesets.map((x) => x.inForceFrom).filter((d) => d > m.from && d < m.to).sort());
  assert.ok(m.boundaries.length >= 2);
  assert.ok(m.events.some((e) => e.type === "concern" && /whistle-blower/.test(e.text)));
  assert.ok(m.events.some((e) => e.type === "visit" && /some progress/.test(e.text)));
  const k = r.dates.find((d) => d.kind === "improvement_deadline");
  assert.ok(k.daysFromAsOf > 0);
  assert.match(keyDateText(k), new RegExp(`^.+: ${formatDate(k.date)} \\(\\d+ days left\\)$`));
});

test("what was published after the date checked is not drawn; a good council shows the high-performing window", () => {
  const input = inputOf("Sandwell", "2024-01-01");
  const r = assessCouncil(input);
  const m = timelineModel(r, input, data);
  assert.ok(m.events.every((e) => e.date <= "2024-01-01"), "nothing after the date checked");
  const good = { asOf: "2026-12-02", inspections: [{ published: "2024-07-23", overall: "good" }] };
  const rg = assessCouncil(good);
  const mg = timelineModel(rg, good, data);
  const high = mg.windows.find((w) => w.id === "high_performing");
  assert.equal(high.to, "2026-12-02");
  assert.equal(high.from, "2021-12-02");
  assert.match(high.text, /^5 years before the date checked/);
});

// ---- on the page --------------------------------------------------------------------------

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A result page for Bradford, its answers put in the browser's store as the journey saves them. */
async function bradfordResult(width) {
  const { context, page } = await openPage(browser, server.url, { width, height: 900 });
  await page.goto(`${server.url}?page=choose`);
  await ready(page);
  await page.getByLabel("Which intervention applies to a council").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForSelector("form[data-picker=ready]");
  await page.locator("#name").fill("Bradford");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForSelector("#since");
  await page.getByLabel("No, nothing else").check();
  // The four arrangements are asked only when the data has no register of decisions.
  if (await page.getByLabel("None of these").count()) await page.getByLabel("None of these").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForFunction(() => document.body.dataset.page === "council/check");
  await page.getByRole("button", { name: "See the result" }).click();
  await page.waitForFunction(() => document.body.dataset.page === "council/result");
  // The timeline is folded on the short result: opened to read it.
  await page.waitForSelector(".app-timeline svg", { state: "attached" });
  await page.locator("#timeline-details > summary").click();
  await page.waitForSelector(".app-timeline svg");
  return { context, page };
}

for (const width of [320, 1280]) {
  test(`the timeline on Bradford's result at ${width} px: caption, picture, table, print view, axe`, { timeout: 120_000 }, async () => {
    const { context, page } = await bradfordResult(width);
    assert.equal(await current(page), "council/result");
    const fig = await page.evaluate(() => {
      const svg = document.querySelector(".app-timeline__picture svg");
      const cap = document.getElementById(svg.getAttribute("aria-labelledby"));
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll("text")].map((t) => t.getBoundingClientRect().height);
      return { role: svg.getAttribute("role"), caption: cap?.textContent ?? "", width: box.width, right: box.right,
        minText: Math.min(...texts), scroll: document.documentElement.scrollWidth, view: innerWidth,
        rows: document.querySelectorAll(".govuk-details .govuk-table__body .govuk-table__row").length,
        tableText: document.querySelector(".govuk-details .govuk-table").textContent };
    });
    assert.equal(fig.role, "img");
    assert.match(fig.caption, /Bradford’s Ofsted reports/);
    assert.ok(fig.scroll <= fig.view, `no sideways scrolling (${fig.scroll} > ${fig.view})`);
    assert.ok(fig.right <= fig.view, "the picture fits the screen");
    assert.ok(fig.minText >= 11, `its text is at least 11 px high (${fig.minText})`);
    assert.ok(fig.rows >= 5, "the table lists the reports, visits, key date, window and date checked");
    assert.match(fig.tableText, /Inadequate/);
    if (/review/.test(fig.tableText)) assert.match(fig.tableText, /was due on .*days ago/); // a key date past, said as past
    await axe(page, `timeline ${width}`);
    await page.locator(".govuk-details__summary").filter({ hasText: "The timeline as a table" }).click();
    await axe(page, `timeline table open ${width}`);
    await screenshot(page, `timeline-result-${width}`);
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator(".app-timeline__picture svg").isVisible(), "the timeline, opened, is in the print view");
    await page.emulateMedia({ media: "screen" });
    noProblems(page);
    await context.close();
  });
}
