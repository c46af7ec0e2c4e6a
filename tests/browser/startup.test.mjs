// The start page never waits for the engine: the checker's WebAssembly is fetched only after the
// first view is painted, and the service worker (whose precache fetches it again) registers only
// once the page is idle. Checked by watching every request the page makes and every fetch() it
// calls, with the .wasm held back by the server until the start page has been shown and used.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, ready, current, chooseRadio, press, submit, heading, noProblems } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("the start page is painted and usable before the engine is fetched; the precache waits for idle; the journey still works", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.addInitScript(() => {
    window.__log = [];
    const state = () => ({ painted: document.body?.dataset.painted ?? null, fcp: performance.getEntriesByName("first-contentful-paint").length });
    const realFetch = window.fetch;
    window.fetch = function fetch(input, init) {
      const url = String(input?.url ?? input);
      if (url.endsWith(".wasm")) window.__log.push({ what: "wasm", ...state() });
      return realFetch.call(this, input, init);
    };
    const sw = navigator.serviceWorker;
    if (sw) {
      const register = sw.register.bind(sw);
      sw.register = (...args) => { window.__log.push({ what: "sw", ...state() }); return register(...args); };
    }
  });
  // Every request for the .wasm (the page's, a preload's or the worker's) is seen here, and
  // held until the test lets it go.
  const wasmRequests = [];
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route("**/*.wasm", async (route) => {
    // The service worker's precache fetches it too, once registered (checked below).
    if (!route.request().serviceWorker()) wasmRequests.push(route.request().url());
    await held;
    await route.continue();
  });

  await page.goto(server.url);
  await ready(page);
  assert.equal(await current(page), "start");
  assert.equal(await heading(page), "Check children's services intervention and trust sponsorship");
  // Usable while the engine is held back: Start now, then the choice of journey.
  await press(page, "Start now");
  assert.equal(await current(page), "choose");
  const log = await page.evaluate(() => window.__log);
  const wasm = log.filter((e) => e.what === "wasm");
  assert.ok(wasm.length >= 1, "the engine is fetched once the page is up");
  for (const e of wasm) {
    assert.ok(Number(e.painted) >= 1 && e.fcp >= 1, `the .wasm was fetched after the first view was painted: ${JSON.stringify(e)}`);
  }
  assert.equal(wasmRequests.length, wasm.length, "no other request by the page for the .wasm (no preload)");

  // The journey waits for the engine only when it needs it, then works.
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  const continuing = submit(page);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await current(page), "choose", "the next question waits for the engine");
  release();
  await continuing;
  assert.equal(await current(page), "council/name");
  assert.equal(await heading(page), "Which council do you want to check?");

  // The service worker registers only after the page is idle (after the first paint).
  await page.waitForFunction(() => window.__log.some((e) => e.what === "sw"), null, { timeout: 15_000 });
  const sw = (await page.evaluate(() => window.__log)).find((e) => e.what === "sw");
  assert.ok(Number(sw.painted) >= 1, `the worker registered after the first view: ${JSON.stringify(sw)}`);
  noProblems(page);
  await context.close();
});
