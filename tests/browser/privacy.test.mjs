// Privacy on the checker's own pages, under the strict CSP sent as a real header (with
// frame-ancestors): both journeys, every request recorded, none to another origin; no cookie;
// no CSP violation; and only what README's "Privacy" says is stored on the device.
// (The element and the iframe on another site: snippets.test.mjs and embed.test.mjs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, noProblems } from "./helpers.mjs";
import { fullPage, waitReady, chooseJourney, sponsorJourney, councilJourney } from "./journeys.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("both journeys on the full page: every request to the origin, no cookie, no CSP violation, only the answers stored", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  const csp = [];
  // Each header read as its response comes (and all awaited before they are checked).
  page.on("response", (r) => { if (r.request().resourceType() === "document") csp.push(r.headerValue("content-security-policy")); });
  await page.goto(server.url);
  const at = fullPage(page);
  await waitReady(at);
  await chooseJourney(at, "sponsor");
  await sponsorJourney(at);
  await page.goto(server.url);
  await waitReady(at);
  await chooseJourney(at, "council");
  await councilJourney(at);
  await page.goto(`${server.url}rules.html`);

  const headers = await Promise.all(csp);
  assert.ok(headers.length >= 3 && headers.every((h) => /script-src 'self' 'wasm-unsafe-eval'; style-src 'self';.*frame-ancestors 'self'/.test(h)), `the CSP header: ${headers}`);
  assert.ok(page.requests.length > 20, "requests were recorded");
  const foreign = page.requests.filter((u) => new URL(u).origin !== server.origin);
  assert.deepEqual(foreign, [], "no request leaves the origin");
  assert.equal(await page.evaluate(() => document.cookie), "");
  assert.deepEqual(await context.cookies(), []);
  const stored = await page.evaluate(async () => ({
    local: Object.keys(localStorage).sort(),
    session: sessionStorage.length,
    caches: await caches.keys(),
    databases: (await indexedDB.databases()).length,
  }));
  assert.equal(stored.local.length, 2, stored.local.join());
  assert.match(stored.local[0], /^trust-eligibility:v3:site:council:(code|name):/, "the council's answers under its own key");
  assert.match(stored.local[1], /^trust-eligibility:v3:site:sponsor:name:/, "the organisation's under its own");
  assert.equal(stored.session, 1, "which council and organisation this tab is on");
  assert.equal(stored.databases, 0);
  assert.ok(stored.caches.every((c) => /^trust-eligibility-[0-9a-f]{16}$/.test(c)), stored.caches.join());
  noProblems(page);
  await context.close();
});
