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
  assert.match(script, /<trust-eligibility-check journey="council">/);
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
