// README's "Embedding" snippets, exactly as written there (the checker's example address
// replaced by the test server's): a host page on another origin, with its own strict CSP as the
// README gives it, runs the script-tag element (council journey) and the iframe (sponsor
// journey). Only the two origins are ever asked for anything; no cookie; no CSP violation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, openPage, noProblems, readmeSnippet } from "./helpers.mjs";
import { inElement, inFrame, waitReady, sponsorJourney, councilJourney } from "./journeys.mjs";

const EXAMPLE = "https://checker.example.gov.uk/";
let checker, host, browser;
const pages = {};
before(async () => {
  checker = await startServer();
  const c = checker.origin;
  host = await startServer({
    dir: mkdtempSync(join(tmpdir(), "host-")), pages,
    csp: `default-src 'self'; script-src 'self' ${c} 'wasm-unsafe-eval'; style-src 'self' ${c}; connect-src 'self' ${c}; frame-src ${c}; img-src 'self' data:; object-src 'none'; base-uri 'none'`,
  });
  checker.allowFrameAncestor(host.origin);
  browser = await launch();
});
after(async () => { await browser?.close(); await host?.close(); await checker?.close(); });

test("README's script tag and iframe on another site: both journeys, only the two origins, no cookie, no CSP violation", { timeout: 120_000 }, async () => {
  const script = readmeSnippet("html embed-script");
  const iframe = readmeSnippet("html embed-iframe");
  assert.match(script, /<trust-eligibility-check journey="council" heading-level="2">/);
  pages["/"] = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A council's page</title><link rel="icon" href="data:,"></head>
<body><h1>A council's page</h1>
${script.replaceAll(EXAMPLE, checker.url)}
${iframe.replaceAll(EXAMPLE, checker.url)}
</body></html>`;
  const { context, page } = await openPage(browser, host.url, { also: [checker.url] });
  await page.goto(host.url);
  const el = inElement(page);
  const frame = inFrame(page);
  await waitReady(el);
  await waitReady(frame);
  // The host keeps its one h1: the element's and the frame's main headings are h2s.
  const headings = async () => ({
    host: await page.locator("h1").count(),
    element: await page.locator("trust-eligibility-check").evaluate((e) => [...e.shadowRoot.querySelectorAll("h1, h2")].map((h) => h.tagName)),
    frame: await page.frameLocator("iframe").locator("body").evaluate(() => [...document.querySelector("trust-eligibility-check").shadowRoot.querySelectorAll("h1, h2")].map((h) => h.tagName)),
  });
  for (let n = 0; n < 50 && (await headings()).frame[0] !== "H2"; n++) await new Promise((r) => setTimeout(r, 50));
  const h = await headings();
  assert.equal(h.host, 1, "one h1 on the host page (the element's and the frame's are not counted by the host's light DOM)");
  assert.equal(h.element[0], "H2", `the element's main heading is an h2 (${h.element})`);
  assert.ok(!h.element.includes("H1") && !h.frame.includes("H1"), `no h1 inside either (${h.element} / ${h.frame})`);
  assert.equal(h.frame[0], "H2", "the frame's main heading is an h2 (data-heading-level)");
  // The fallback link inside the element is not shown once the element has loaded.
  assert.equal(await page.locator("trust-eligibility-check > a").isVisible(), false, "the fallback is hidden by the element");
  // The frame is as wide as the page's content, not the 300px an iframe is by default.
  const widths = await page.evaluate(() => ({ frame: document.querySelector("iframe").getBoundingClientRect().width, body: document.body.clientWidth }));
  assert.ok(Math.abs(widths.frame - widths.body + 16) <= 16 && widths.frame > 600, `the frame is full width: ${JSON.stringify(widths)}`);
  await councilJourney(el);
  await sponsorJourney(frame);
  const height = await page.locator("iframe").evaluate((f) => f.style.height);
  assert.match(height, /^\d+px$/, "frame.js sized the frame from the other origin's message");
  assert.ok(parseInt(height, 10) > 400, height);

  assert.ok(page.requests.some((u) => u === `${checker.url}pkg/trust_eligibility_bg.wasm`), "the engine came from the checker's origin");
  assert.ok(page.requests.every((u) => u.startsWith(host.url) || u.startsWith(checker.url) || u.startsWith("data:")), page.requests.join("\n"));
  assert.equal(await page.evaluate(() => document.cookie), "");
  assert.equal(await page.frameLocator("iframe").locator("body").evaluate(() => document.cookie), "");
  assert.deepEqual(await context.cookies(), []);
  noProblems(page);
  await context.close();
});

/** The README's host page for the snippets, the checker at `c`. */
const hostPage = (c) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A council's page</title><link rel="icon" href="data:,"></head>
<body><h1>A council's page</h1>
${readmeSnippet("html embed-script").replaceAll(EXAMPLE, c)}
${readmeSnippet("html embed-iframe").replaceAll(EXAMPLE, c)}
</body></html>`;

test("README's element against a checker served without the CORS header: its fallback link to the checker shows", { timeout: 60_000 }, async () => {
  const bare = await startServer({ cors: false });
  const c = bare.origin;
  const other = await startServer({
    dir: mkdtempSync(join(tmpdir(), "host-")), pages: { "/": hostPage(bare.url) },
    csp: `default-src 'self'; script-src 'self' ${c} 'wasm-unsafe-eval'; style-src 'self' ${c}; connect-src 'self' ${c}; frame-src ${c}; img-src 'self' data:; object-src 'none'; base-uri 'none'`,
  });
  bare.allowFrameAncestor(other.origin);
  const { context, page } = await openPage(browser, other.url, { also: [bare.url] });
  try {
    await page.goto(other.url);
    const link = page.locator("trust-eligibility-check > a");
    await link.waitFor({ state: "visible", timeout: 10_000 });
    assert.equal(await link.getAttribute("href"), bare.url, "the link goes to the checker");
    assert.equal(await link.innerText(), "Check which intervention applies to a council");
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => !!customElements.get("trust-eligibility-check")), false, "the element's script was refused");
    assert.equal(await link.isVisible(), true, "still shown");
  } finally {
    await context.close();
    await other.close();
    await bare.close();
  }
});

test("README's iframe where the browser blocks the checker's storage: nothing said before an answer, then that answers cannot be kept here, with the download", { timeout: 120_000 }, async () => {
  pages["/"] = hostPage(checker.url);
  const { context, page } = await openPage(browser, host.url, { also: [checker.url] });
  // As Chromium does for a frame from another site when third-party storage is blocked.
  await context.addInitScript(() => {
    if (window.top === window) return;
    for (const name of ["localStorage", "sessionStorage"]) {
      Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException("Access is denied for this document.", "SecurityError"); } });
    }
  });
  await page.goto(host.url);
  const frame = inFrame(page);
  await waitReady(frame);
  const notSaved = frame.root.locator("#store-not-saved-title");
  assert.equal(await frame.marks.getAttribute("data-page"), "sponsor/kind");
  assert.equal(await notSaved.count(), 0, "nothing said before there is an answer to keep");
  assert.doesNotMatch(await frame.root.locator(".app-embed").innerText(), /storage is full|turned off|could not be saved/);
  const before = await frame.marks.getAttribute("data-painted");
  await frame.root.getByLabel("Charity", { exact: true }).check();
  await frame.root.getByRole("button", { name: "Continue", exact: true }).click();
  for (let n = 0; n < 200 && (await frame.marks.getAttribute("data-painted")) === before; n++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(await frame.marks.getAttribute("data-page"), "sponsor/name", "the journey goes on");
  const banner = frame.root.locator(".govuk-notification-banner:has(#store-not-saved-title)");
  assert.equal(await banner.locator(".govuk-notification-banner__heading").innerText(), "Your answers cannot be kept here");
  const words = await banner.innerText();
  assert.match(words, /does not let this checker save answers on this page/);
  assert.doesNotMatch(words, /full/);
  assert.equal(await banner.getByRole("link", { name: "download your answers" }).count(), 1, "the download offered");
  noProblems(page);
  await context.close();
});
