// The demo host page (www/demo/council-site.html): a council's own site with heavy-handed CSS,
// showing the custom element (sponsor journey) and the iframe (council journey). The journeys
// work in both; the host's styles do not reach inside the element, the element's do not reach
// the host; the frame follows its content's height and ignores messages from anyone else.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { startServer, launch, openPage, noProblems, screenshot } from "./helpers.mjs";
import { fullPage, inElement, inFrame, waitReady, chooseJourney, sponsorJourney, councilJourney } from "./journeys.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const STYLE = ["backgroundColor", "color", "fontFamily", "fontSize", "fontWeight", "borderRadius", "paddingTop", "boxShadow"];
/** Computed styles of the first element matching `selector` inside `at`. */
const styles = (locator) => locator.first().evaluate((el, keys) => {
  const cs = getComputedStyle(el);
  return Object.fromEntries(keys.map((k) => [k, cs[k]]));
}, STYLE);

test("the custom element on a council's site: its journey works, and no CSS crosses its edge either way", { timeout: 120_000 }, async () => {
  // The look of GOV.UK's button, text and hint on the checker's own page, to compare with.
  const own = await openPage(browser, server.url);
  await own.page.goto(`${server.url}?page=sponsor/kind`);
  await waitReady(fullPage(own.page));
  const want = {
    button: await styles(own.page.locator("button.govuk-button")),
    label: await styles(own.page.locator(".govuk-radios__label")),
    heading: await styles(own.page.locator("h1")),
  };
  await own.context.close();

  const { context, page } = await openPage(browser, server.url);
  await page.goto(`${server.url}demo/council-site.html`);
  const host = {
    button: await styles(page.locator("#host-button")),
    intro: await styles(page.locator("p.intro")),
    h1: await styles(page.locator("main > h1")),
  };
  const el = inElement(page, "#element");
  await waitReady(el);
  assert.equal(await el.marks.getAttribute("data-page"), "sponsor/kind", "the element starts on its journey's first question");
  assert.equal(await page.evaluate(() => !!document.querySelector("#element").shadowRoot), true, "it renders in a shadow root");

  // Inside: GOV.UK's styles exactly as on the checker's own page, whatever the host's CSS says
  // (Comic Sans and red with !important, hot pink .govuk-button, a 10px root font size).
  assert.deepEqual(await styles(el.root.locator("button.govuk-button")), want.button, "the button is GOV.UK's");
  assert.deepEqual(await styles(el.root.locator(".govuk-radios__label")), want.label, "the labels are GOV.UK's");
  // The demo's host keeps its one h1: the element's main heading is an h3 (heading-level="3"), with GOV.UK's look.
  assert.equal(await el.root.locator("h1").count(), 0);
  assert.deepEqual(await styles(el.root.locator("h3[tabindex='-1']")), want.heading, "the heading is GOV.UK's");
  const inside = await styles(el.root.locator("button.govuk-button"));
  assert.doesNotMatch(inside.fontFamily, /Comic/);
  assert.notEqual(inside.backgroundColor, "rgb(255, 105, 180)");
  assert.notEqual((await styles(el.root.locator(".govuk-radios__label"))).color, "rgb(204, 0, 0)");

  // Outside: the host's own elements keep the host's styles, GOV.UK class names or not.
  await sponsorJourney(el);
  assert.deepEqual(await styles(page.locator("#host-button")), host.button, "the host's .govuk-button is unchanged");
  assert.equal(host.button.backgroundColor, "rgb(255, 105, 180)");
  assert.match(host.button.fontFamily, /Comic Sans/);
  assert.deepEqual(await styles(page.locator("p.intro")), host.intro, "the host's .govuk-body is unchanged");
  assert.equal(host.intro.fontSize, "24px");
  assert.deepEqual(await styles(page.locator("main > h1")), host.h1);
  assert.equal(await page.evaluate(() => document.styleSheets.length), 1, "the element added no stylesheet to the host's document");
  assert.equal(await page.evaluate(() => location.search), "", "the host's address is left alone");

  noProblems(page);

  // Accessibility of what the element shows (axe reaches into open shadow roots).
  const r = await new AxeBuilder({ page }).include("#element").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.help}`), [], "axe inside the element");
  // (After the checks above: Playwright's screenshot puts a <style> of its own in shadow roots.)
  await screenshot(page, "embed-demo-element-result");
  await context.close();
});

test("the iframe on a council's site: its journey works, it takes its content's height, and ignores other senders", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(`${server.url}demo/council-site.html`);
  const frame = inFrame(page, "#frame");
  await waitReady(frame);
  const height = () => page.locator("#frame").evaluate((f) => f.getBoundingClientRect().height);
  const contentHeight = () => frame.root.evaluate(() => document.documentElement.getBoundingClientRect().height);
  const waitHeight = async () => {
    for (let i = 0; i < 100; i++) {
      const [h, c] = [await height(), await contentHeight()];
      if (Math.abs(h - 6 - c) <= 1) return h; // 3px borders
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the frame is ${await height()}px for ${await contentHeight()}px of content`);
  };
  const first = await waitHeight();
  assert.notEqual(first, 306, "not the host's default height");

  // A message from the host page itself (not the frame's window) changes nothing.
  await page.evaluate(() => window.postMessage({ type: "trust-eligibility:height", height: 5000 }, "*"));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await height(), first, "a message from another window is ignored");

  await councilJourney(frame);
  const result = await waitHeight();
  assert.ok(result > first + 300, `the frame grows with the result page (${first}px, then ${result}px)`);
  assert.equal(await page.evaluate(() => location.search), "");
  await screenshot(page, "embed-demo-frame-result");
  noProblems(page);
  await context.close();
});

test("the whole checker in an element without a journey: its start page, then the choice", { timeout: 60_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(`${server.url}demo/council-site.html`);
  await page.evaluate(() => {
    const el = document.createElement("trust-eligibility-check");
    el.id = "whole";
    document.querySelector("main").append(el);
  });
  const el = inElement(page, "#whole");
  await waitReady(el);
  assert.equal(await el.marks.getAttribute("data-page"), "start");
  // A link out of the journey goes to the checker's site (not the host's), in a new tab.
  const rules = el.root.getByRole("link", { name: "Read the rules this service applies (opens in new tab)" });
  assert.equal(await rules.getAttribute("href"), `${server.url}rules.html`);
  assert.equal(await rules.getAttribute("target"), "_blank");
  await chooseJourney(el, "sponsor");
  assert.equal(await el.marks.getAttribute("data-page"), "sponsor/kind");
  noProblems(page);
  await context.close();
});

test("axe finds nothing in either embed on the demo host page at 320px and 1280px: the element, and embed.html in its iframe", { timeout: 120_000 }, async () => {
  const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
  const check = async (page, selector, label) => {
    // axe puts inline styles of its own in the page, which the CSP refuses (and reports): not the checker's.
    const n = page.problems.length;
    const r = await new AxeBuilder({ page }).include(selector).withTags(TAGS).analyze();
    await page.waitForTimeout(300); // (the console messages arrive after)
    page.problems.splice(n);
    assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), [], `axe on ${label}`);
  };
  for (const width of [320, 1280]) {
    const { context, page } = await openPage(browser, server.url, { width, height: width === 320 ? 568 : 800 });
    await page.goto(`${server.url}demo/council-site.html`);
    const el = inElement(page, "#element");
    const frame = inFrame(page, "#frame");
    await waitReady(el);
    await waitReady(frame);
    await check(page, "#element", `the element's first question at ${width}px`);
    await check(page, "#frame", `the iframe's first question at ${width}px`);
    // Continue with nothing answered: each shows its error summary and messages.
    for (const at of [el, frame]) {
      const before = await at.marks.getAttribute("data-painted");
      await at.root.getByRole("button", { name: "Continue", exact: true }).click();
      for (let n = 0; n < 200 && (await at.marks.getAttribute("data-painted")) === before; n++) await new Promise((r) => setTimeout(r, 50));
      await at.root.locator(".govuk-error-summary").waitFor();
    }
    await check(page, "#element", `the element's error at ${width}px`);
    await check(page, "#frame", `the iframe's error at ${width}px`);
    // The frame's page on its own (its landmarks), as a browser opening its address shows it.
    await page.goto(`${server.url}embed.html?journey=sponsor`);
    await waitReady(inElement(page));
    await check(page, "html", `embed.html at ${width}px`);
    assert.equal(await page.locator("main > trust-eligibility-check").count(), 1, "the checker is in embed.html's main landmark");
    noProblems(page);
    await context.close();
  }
});
