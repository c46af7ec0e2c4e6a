// Every number and money question and every date question of both journeys, with what people
// type and with hostile input: money read as meant ("£12m", "12.5 million", "£750k",
// "12,000,000") and said back; "2,5" refused with a message that explains; each error in the
// GOV.UK pattern, naming the range; a date after today refused where it cannot exist; a date
// after the date being checked warned about at the question, and kept when Continue is pressed
// again. The answers are put in place first (as a returning user's), then each question is
// changed from the keyboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, launch, openPage, ready, current, typeInto, typeDate, submit, text, expectErrors, axe, screenshot, noProblems,
} from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AS_OF = "2016-03-01";
const council = {
  name: "Westmere", inspections: [{ published: "2015-10-01", overall: "inadequate", judgements: {} }], inspectionsDone: true,
  visits: [{ kind: "monitoring", date: "2015-12-01", progress: "some" }], visitsDone: true,
  concerns: [{ kind: "whistleblower", date: "2016-01-10" }], concernsDone: true,
  arrangements: ["commissioner", "trust"], commissionerAppointed: "2015-11-01", trustSince: "2016-01-01",
  asOfChoice: "date", asOf: AS_OF, ruleset: "auto",
};
const sponsor = {
  kind: "charity", name: "Small Steps", basedInEngland: true, regulatory: ["none"], years: 3, leaders: 0, socialWorkers: 6,
  provision: [{ kind: "fostering_agency", grade: "good", published: "2015-02-01" }], provisionDone: true,
  governance: ["none"], independent: 1, income: 800000, reserves: 2.5, asOfChoice: "date", asOf: AS_OF,
};

async function seeded() {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(server.url);
  await ready(page);
  await page.evaluate(({ council, sponsor }) => {
    for (const [j, answers] of Object.entries({ council, sponsor })) {
      localStorage.setItem(`trust-eligibility:v2:site:${j}`, JSON.stringify({ version: 2, journey: j, answers, last: `${j}/check`, updated: new Date().toISOString() }));
    }
  }, { council, sponsor });
  // Loaded again: the release before's records moved into one per council and organisation.
  await page.reload();
  await ready(page);
  return { context, page };
}
async function openQuestion(page, id) {
  await page.goto(`${server.url}?page=${id}&change=1`);
  await ready(page);
  assert.equal(await current(page), id);
}
// The journey's record (one per council or organisation: here the one seeded).
const saved = (page, j) => page.evaluate((p) => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith(p) && !k.endsWith(":unreadable")))).answers, `trust-eligibility:v3:site:${j}:`);

const NUMBERS = [
  // [page, field, noun, range, unit]
  ["sponsor/experience-years", "years", "The number of years", "between 0 and 200 years", "years"],
  ["sponsor/dcs-leaders", "leaders", "The number of leaders", "between 0 and 1,000", null],
  ["sponsor/social-workers", "socialWorkers", "The number of social workers", "between 0 and 100,000", null],
  ["sponsor/independent-board", "independent", "The number of independent board members", "between 0 and 1,000", null],
  ["sponsor/reserves", "reserves", "The number of months", "between 0 and 1,200 months", "months"],
];

test("every number question: what people type, and hostile input, each with a GOV.UK error naming the range", { timeout: 240_000 }, async () => {
  const { context, page } = await seeded();
  for (const [id, field, noun, range] of NUMBERS) {
    await openQuestion(page, id);
    const whole = field !== "reserves";
    const cases = [
      ["", `Enter ${noun.charAt(0).toLowerCase()}${noun.slice(1)}`],
      ["some", `${noun} must be a number, like ${whole ? "12" : "2.5"}`],
      ["-3", `${noun} must be ${range}`],
      ["9".repeat(400), `${noun} must be ${range}`],
      ["1e3", `${noun} must be a number, like ${whole ? "12" : "2.5"}`],
      ["0x1F", `${noun} must be a number, like ${whole ? "12" : "2.5"}`],
      ["NaN", `${noun} must be a number, like ${whole ? "12" : "2.5"}`],
      ["2,5", `${noun} must use a full stop for a decimal point, like 2.5: “2,5” could mean 2.5 or 25`],
      ["<img src=x onerror=alert(1)>", `${noun} must be a number, like ${whole ? "12" : "2.5"}`],
    ];
    if (whole) cases.push(["2.5", `${noun} must be a whole number, like 12`]);
    for (const [typed, message] of cases) {
      await typeInto(page, field, typed);
      await submit(page);
      await expectErrors(page, [message]);
      assert.equal(await page.inputValue(`#${field}`), typed, "what was typed is kept");
    }
    await axe(page, `${id} with an error`);
    await typeInto(page, field, whole ? "1,200".replace("1,200", field === "years" ? "12" : "1,000") : "2.5");
    await submit(page);
    assert.notEqual(await current(page), id, `${id}: a good answer moves on`);
  }
  const a = await saved(page, "sponsor");
  assert.deepEqual([a.years, a.leaders, a.socialWorkers, a.independent, a.reserves], [12, 1000, 1000, 1000, 2.5]);
  noProblems(page);
  await context.close();
});

test("the money question: £12m, 12.5 million, £750k and 12,000,000 read as meant and said back; printed in full", { timeout: 120_000 }, async () => {
  const { context, page } = await seeded();
  await openQuestion(page, "sponsor/income");
  for (const [typed, read, value] of [
    ["12,000,000", "£12,000,000", 12_000_000], ["£12m", "£12,000,000", 12_000_000], ["12.5 million", "£12,500,000", 12_500_000],
    ["£750k", "£750,000", 750_000], ["£1.25bn", "£1,250,000,000", 1_250_000_000],
  ]) {
    await openQuestion(page, "sponsor/income");
    await typeInto(page, "income", typed);
    assert.equal(await page.locator("#income-read").innerText(), `We read this as ${read}`, typed);
    if (typed === "12.5 million") await screenshot(page, "income-read-back");
    await submit(page);
    assert.equal((await saved(page, "sponsor")).income, value, typed);
  }
  await openQuestion(page, "sponsor/check");
  assert.match(await text(page, "main"), /Annual income\s+£1,250,000,000/, "in full, with separators");
  noProblems(page);
  await context.close();
});

const DATES = [
  ["council/inspection/0/published", "published", "The date the report was published"],
  ["council/visit/0/date", "date", "The date of the visit"],
  ["council/concern/0/date", "date", "The date the concern was raised"],
  ["council/commissioner-date", "commissioner", "The date the commissioner was appointed"],
  ["council/trust-date", "trust", "The date the trust started"],
  ["sponsor/service/0/published", "published", "The date the report was published"],
];

test("every date question: after today refused (it cannot exist yet); after the date checked, a warning at the question, kept on Continue", { timeout: 240_000 }, async () => {
  const { context, page } = await seeded();
  for (const [id, field, noun] of DATES) {
    const j = id.split("/")[0];
    const before = await saved(page, j);
    await openQuestion(page, id);
    for (const iso of ["2030-05-01", "2099-12-31"]) {
      await typeDate(page, field, iso);
      await submit(page);
      await expectErrors(page, [`${noun} must be today or in the past`]);
      assert.deepEqual(await saved(page, j), before, `${id}: nothing saved`);
    }
    await axe(page, `${id} in the future`);
    await typeDate(page, field, "2016-06-01");
    await submit(page);
    assert.equal(await current(page), id, `${id}: the question again, with a warning`);
    assert.equal(await page.locator(".govuk-error-summary").count(), 0, "a warning, not an error");
    assert.match(await text(page, ".govuk-warning-text"), /This is after 1 March 2016, the date you are checking\. What happened after that date is not counted/);
    assert.equal(await page.inputValue(`#${field}-year`), "2016");
    if (id === "council/visit/0/date") { await axe(page, "date after the date checked"); await screenshot(page, "date-after-date-checked"); }
    await submit(page);
    assert.notEqual(await current(page), id, `${id}: Continue again keeps it`);
  }
  const c = await saved(page, "council");
  assert.deepEqual([c.inspections[0].published, c.visits[0].date, c.concerns[0].date, c.commissionerAppointed, c.trustSince], Array(5).fill("2016-06-01"));
  assert.equal((await saved(page, "sponsor")).provision[0].published, "2016-06-01");
  // The date to check itself may be in the future (a deadline ahead).
  await openQuestion(page, "council/as-of-date");
  await typeDate(page, "asOf", "2030-05-01");
  await submit(page);
  assert.equal(await page.locator(".govuk-error-summary").count(), 0);
  assert.equal((await saved(page, "council")).asOf, "2030-05-01");
  noProblems(page);
  await context.close();
});
