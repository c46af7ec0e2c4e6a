// The mobile profile of issue 13: the start page against a static floor, the start button, and
// each page of the council journey after Continue, in headless Chromium on an emulated phone
// connection and CPU. Used by bench/run.mjs; also runs alone, printing its results as JSON:
//   node bench/mobile.mjs [--runs N]        (after a build of www/; serves the repository itself)
//
// Profile: Chrome DevTools Protocol Network.emulateNetworkConditions { latency 150 ms,
// download 200,000 B/s (1.6 Mbps), upload 93,750 B/s (750 kbps) } and
// Emulation.setCPUThrottlingRate { rate 4 }, a 412 × 823 viewport, every navigation in a fresh
// browser context (cold cache, no service worker yet). The server gzips as a static host does.
//
// Each run navigates to the static floor and to the start page, alternating which goes first
// run by run; figures are the medians over runs of per-run values.
//   - LCP: the last largest-contentful-paint entry before any input, from a PerformanceObserver
//     installed by page.addInitScript before any of the page's own script.
//   - Start button usable: the first moment the "Start now" link is in the page and the app has
//     said it is ready (body[data-ready=true], set by www/js/journey/paint.js when it has painted a view;
//     the app's click handler is attached on the app's root before its first paint,
//     www/js/journey/app.js), recorded by a MutationObserver from the same init script.
//   - Bytes moved: the sum of encodedDataLength (body and headers as sent) of every response the
//     page received (CDP Network.loadingFinished), until the network has been quiet for 1 s; and
//     the server's own count of body bytes sent in that time, which includes the service worker's
//     precache (not seen by the page's CDP session).
//   - Continue → next page painted: on the start page once the network is quiet (a visitor who
//     has read the start page: the engine fetched after first paint has arrived), the council
//     journey by clicks, each click timed in the page from the click event's timeStamp to the
//     first frame after the app marks the next page painted (body[data-painted] changes; a
//     requestAnimationFrame callback and then a task: the frame has been produced by then).

import { spawn } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");

export const PROFILE = { latency: 150, downloadThroughput: 200000, uploadThroughput: 93750, cpuRate: 4, viewport: { width: 412, height: 823 } };

/** Writes bench/out/static-start.html: www/index.html with its scripts and preloads taken out. */
export function writeStaticFloor(outDir = join(here, "out")) {
  mkdirSync(outDir, { recursive: true });
  const start = readFileSync(join(root, "www", "index.html"), "utf8");
  const html = start
    .replace(/<!--[\s\S]*?-->\n?/g, "")
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\n?/g, "")
    .replace(/<link rel="(?:preload|modulepreload|manifest)"[^>]*>\n?/g, "")
    .replace(/\b(href|src)="(?![a-z]+:|\/|#)([^"]*)"/g, (_, a, u) => `${a}="/www/${u.replace(/^\.\//, "")}"`);
  if (/<script\b|rel="(?:preload|modulepreload)"/.test(html)) throw new Error("static floor: a script or preload is left");
  writeFileSync(join(outDir, "static-start.html"), html);
  return "/bench/out/static-start.html";
}

const INIT = `(() => {
  const m = window.__mobile = { lcp: null, lcpTag: null, inputAt: null, usableAt: null, steps: [], pending: null };
  try {
    new PerformanceObserver((list) => {
      if (m.inputAt !== null) return;
      for (const e of list.getEntries()) { m.lcp = e.startTime; m.lcpTag = e.element ? e.element.tagName : null; }
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch (e) { m.lcpError = String(e); }
  addEventListener("pointerdown", () => { if (m.inputAt === null) m.inputAt = performance.now(); }, true);
  addEventListener("click", (ev) => { if (m.pending) m.pending.clickAt = ev.timeStamp; }, true);
  const check = () => {
    const b = document.body;
    if (!b) return;
    if (m.usableAt === null && b.dataset.ready === "true"
      && [...document.querySelectorAll("a, button")].some((x) => x.textContent.trim() === "Start now")) m.usableAt = performance.now();
    const p = m.pending;
    if (p && p.paintedAt === null && b.dataset.painted !== p.before) {
      p.markedAt = performance.now();
      p.paintedAt = -1;
      requestAnimationFrame(() => setTimeout(() => { p.paintedAt = performance.now(); p.page = b.dataset.page; p.heading = document.querySelector("h1") ? document.querySelector("h1").textContent.trim() : null; }, 0));
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function quiet(state, ms = 1000, max = 30000) {
  const end = Date.now() + max;
  while (Date.now() < end) {
    if (state.inflight.size === 0 && Date.now() - state.lastAt >= ms) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** One navigation on the mobile profile in a fresh context; `journey` walks the council journey. */
async function visit(browser, server, path, { journey = false } = {}) {
  const ctx = await browser.newContext({ viewport: PROFILE.viewport });
  await ctx.addInitScript(INIT);
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: PROFILE.latency,
    downloadThroughput: PROFILE.downloadThroughput, uploadThroughput: PROFILE.uploadThroughput });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpuRate });
  const state = { inflight: new Set(), lastAt: Date.now(), bytes: 0, responses: [], urls: new Map() };
  cdp.on("Network.requestWillBeSent", (e) => { state.inflight.add(e.requestId); state.urls.set(e.requestId, e.request.url); state.lastAt = Date.now(); });
  const done = (e, failed) => {
    state.inflight.delete(e.requestId); state.lastAt = Date.now();
    if (!failed) {
      state.bytes += e.encodedDataLength;
      state.responses.push({ path: new URL(state.urls.get(e.requestId) || "about:blank").pathname, bytes: e.encodedDataLength });
    }
  };
  cdp.on("Network.loadingFinished", (e) => done(e, false));
  cdp.on("Network.loadingFailed", (e) => done(e, true));
  const logFrom = server.log.length;
  await page.goto(server.origin + path, { waitUntil: "load", timeout: 120000 });
  const wasQuiet = await quiet(state);
  // The server's side too: every body sent since this navigation began (the service worker's
  // precache included), once the server has been quiet for 1 s.
  for (let i = 0; i < 120; i++) {
    const last = server.log[server.log.length - 1];
    if (!last || Date.now() - last.at > 1000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const served = server.log.slice(logFrom);
  const first = await page.evaluate(() => {
    const m = window.__mobile;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    const nav = performance.getEntriesByType("navigation")[0];
    const resources = performance.getEntriesByType("resource").map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
    return { lcp: m.lcp, lcpTag: m.lcpTag, lcpError: m.lcpError ?? null, usableAt: m.usableAt, fcp: fcp ? fcp.startTime : null,
      dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, htmlEnd: nav.responseEnd, resources };
  });
  const out = { path, ...first, bytes: state.bytes, responses: state.responses.slice(), wasQuiet,
    served: { count: served.length, bytes: served.reduce((s, e) => s + e.bytes, 0) }, errors };
  if (journey) out.steps = await councilJourney(page);
  await ctx.close();
  if (errors.length) throw new Error(`mobile profile: errors on ${path}: ${errors.join("; ")}`);
  return out;
}

/** Clicks `locator` and times the click to the next page painted, in the page. */
async function timed(page, label, locator) {
  await page.evaluate(() => {
    const m = window.__mobile;
    m.pending = { before: document.body.dataset.painted ?? null, clickAt: null, markedAt: null, paintedAt: null };
  });
  await locator.click();
  await page.waitForFunction(() => { const p = window.__mobile.pending; return p && p.paintedAt > 0; }, null, { timeout: 60000, polling: 50 });
  const p = await page.evaluate(() => { const p = window.__mobile.pending; window.__mobile.pending = null; return p; });
  return { label, page: p.page, heading: p.heading, ms: p.paintedAt - p.clickAt, markedMs: p.markedAt - p.clickAt };
}

/**
 * The council journey of tests/browser/journeys.mjs (Sandwell, an inadequate report of October
 * 2015, checked on 1 March 2016), by clicks: every Continue timed, and the result.
 */
async function councilJourney(page) {
  const steps = [];
  const radio = (name, label) => page.locator(`input[type=radio][name="${name}"]`).and(page.getByLabel(label, { exact: true })).check();
  const cont = (label) => timed(page, label, page.getByRole("button", { name: "Continue", exact: true }));
  const date = async (id, iso) => {
    const [y, m, d] = iso.split("-");
    await page.locator(`#${id}-day`).fill(String(Number(d)));
    await page.locator(`#${id}-month`).fill(String(Number(m)));
    await page.locator(`#${id}-year`).fill(y);
  };
  steps.push(await timed(page, "Start now", page.getByRole("button", { name: "Start now" })));
  await radio("journey", "Which intervention applies to a council");
  steps.push(await cont("which check → council's name"));
  await page.locator("#name").fill("Sandwell");
  steps.push(await cont("name → any inspections"));
  await radio("add", "Yes");
  steps.push(await cont("yes → inspection published"));
  await date("published", "2015-10-01");
  steps.push(await cont("published → overall grade"));
  await radio("overall", "Inadequate");
  steps.push(await cont("grade → key judgements"));
  steps.push(await cont("key judgements → inspections"));
  for (const hub of ["inspections → visits", "visits → concerns", "concerns → commissioner or trust"]) {
    await radio("add", "No");
    steps.push(await cont(hub));
  }
  await page.getByLabel("Neither of these", { exact: true }).check();
  steps.push(await cont("commissioner or trust → date to check"));
  await radio("asOfChoice", "Another date");
  steps.push(await cont("date choice → the date"));
  await date("asOf", "2016-03-01");
  steps.push(await cont("the date → which rules"));
  await radio("ruleset", "The rules in force on the date you check");
  steps.push(await cont("which rules → check answers"));
  steps.push(await timed(page, "See the result", page.getByRole("button", { name: "See the result", exact: true })));
  const last = steps[steps.length - 1];
  if (last.page !== "council/result") throw new Error(`mobile profile: the journey ended on ${last.page}, not the result`);
  return steps;
}

/**
 * `runs` runs on `browser` against `server` ({ origin, log }): each run visits the static floor and
 * the start page (the start page with the journey), alternating the order.
 */
export async function mobileProfile(browser, server, runs, say = () => {}) {
  const floorPath = writeStaticFloor();
  // One visit of each first, not counted: the browser's first navigation pays for starting a
  // renderer and its caches of compiled code, which would fall on whichever page went first.
  say("mobile profile: warm-up visits (not counted)");
  await visit(browser, server, floorPath);
  await visit(browser, server, "/www/index.html");
  const out = [];
  for (let r = 0; r < runs; r++) {
    say(`mobile profile run ${r + 1}/${runs}`);
    const order = r % 2 ? ["start", "floor"] : ["floor", "start"];
    const run = {};
    for (const which of order) {
      run[which] = which === "floor" ? await visit(browser, server, floorPath) : await visit(browser, server, "/www/index.html", { journey: true });
    }
    out.push(run);
  }
  return out;
}

/** The static server in a process of its own (bench/lib/server.mjs). */
export function startServerProcess() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, "lib", "server.mjs"), root], { stdio: ["ignore", "pipe", "inherit"] });
    const log = [];
    let origin = null;
    createInterface({ input: child.stdout }).on("line", (line) => {
      const e = JSON.parse(line);
      if (e.origin) { origin = e.origin; resolve({ origin, log, close: () => { child.kill("SIGTERM"); } }); } else log.push(e);
    });
    child.on("exit", (code) => { if (!origin) reject(new Error(`static server exited (${code})`)); });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import("playwright-core");
  const i = process.argv.indexOf("--runs");
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 5;
  const server = await startServerProcess();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const res = await mobileProfile(browser, server, runs, (s) => process.stderr.write(`==> ${s}\n`));
    process.stdout.write(`${JSON.stringify(res, null, 1)}\n`);
  } finally {
    await browser.close();
    server.close();
  }
}
