// Two short journeys, one of each kind, driven by clicks wherever the checker is: the full page,
// the custom element (inside its shadow root: Playwright's CSS locators pierce open shadow
// roots) or the iframe. Shared by the offline, embed, privacy and README snippet tests; the
// keyboard-only journeys with every error path are council.test.mjs and sponsor.test.mjs.
import assert from "node:assert/strict";
import { rowTitle } from "./helpers.mjs";

/** Where the checker is: `root` to look inside, `marks` the element with data-painted/page. */
export const fullPage = (page) => ({ root: page.locator("body"), marks: page.locator("body") });
export const inElement = (page, selector = "trust-eligibility-check") => {
  const el = page.locator(selector);
  return { root: el, marks: el };
};
export const inFrame = (page, selector = "iframe") => {
  const el = page.frameLocator(selector).locator("trust-eligibility-check");
  return { root: el, marks: el };
};

export async function waitReady(at, timeout = 20_000) {
  const end = Date.now() + timeout;
  while ((await at.marks.getAttribute("data-ready", { timeout })) !== "true") {
    if (Date.now() > end) throw new Error("the checker did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Does `act`, then waits until the checker has painted another page. */
async function painting(at, act) {
  const before = await at.marks.getAttribute("data-painted");
  await act();
  const end = Date.now() + 10_000;
  while ((await at.marks.getAttribute("data-painted")) === before) {
    if (Date.now() > end) throw new Error("no new page was painted");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The page's main heading (an h1, or the level the host asked for with heading-level). */
export const heading = (at) => at.root.locator(":is(h1, h2, h3, h4, h5, h6)[tabindex='-1']").first().innerText();
export const pageId = (at) => at.marks.getAttribute("data-page");

const radio = (at, name, label) => at.root.locator(`input[type=radio][name="${name}"]`).and(at.root.getByLabel(label, { exact: true })).check();
const button = (at, text) => painting(at, () => at.root.getByRole("button", { name: text, exact: true }).click());
const cont = (at) => button(at, "Continue");
async function date(at, id, iso) {
  const [y, m, d] = iso.split("-");
  await at.root.locator(`#${id}-day`).fill(String(Number(d)));
  await at.root.locator(`#${id}-month`).fill(String(Number(m)));
  await at.root.locator(`#${id}-year`).fill(y);
}

/** From the full page's start: choose a journey. The embeds start inside their journey. */
export async function chooseJourney(at, journey) {
  await painting(at, () => at.root.getByRole("button", { name: "Start now" }).click());
  await radio(at, "journey", journey === "council" ? "Which intervention applies to a council"
    : "Whether an organisation can sponsor a children's services trust");
  await cont(at);
}

/** A private company that is not for profit cannot sponsor a trust: three questions, a result. */
export async function sponsorJourney(at) {
  assert.equal(await pageId(at), "sponsor/kind");
  await radio(at, "kind", "Private company");
  await cont(at);
  assert.equal(await pageId(at), "sponsor/name");
  await at.root.locator("#name").fill("Profitco Ltd");
  await cont(at);
  await radio(at, "notForProfit", "No");
  await cont(at);
  assert.equal(await pageId(at), "sponsor/result");
  assert.equal(await heading(at), "Not eligible");
}

/** A council rated inadequate in October 2015, checked on 1 March 2016: its six-month window. */
export async function councilJourney(at) {
  assert.equal(await pageId(at), "council/name");
  await at.root.locator("#name").fill("Westmere");
  await cont(at);
  await radio(at, "add", "Yes");
  await cont(at);
  assert.equal(await pageId(at), "council/inspection/0/published");
  await date(at, "published", "2015-10-01");
  await cont(at);
  await radio(at, "overall", "Inadequate");
  await cont(at);
  await cont(at); // key judgements are optional
  for (let hub = 0; hub < 3; hub++) { // inspections, visits, concerns: no more
    await radio(at, "add", "No");
    await cont(at);
  }
  await at.root.getByLabel("None of these", { exact: true }).check();
  await cont(at);
  await radio(at, "asOfChoice", "Another date");
  await cont(at);
  await date(at, "asOf", "2016-03-01");
  await cont(at);
  await radio(at, "ruleset", "The rules in force on the date you check");
  await cont(at);
  assert.equal(await pageId(at), "council/check");
  await button(at, "See the result");
  assert.equal(await pageId(at), "council/result");
  assert.equal(await at.root.locator(".govuk-panel__title").innerText(), rowTitle("announcement-2015", 4));
}
