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
  const m = window.__mobile = { lcp: null, lcpTag: null, inputAt: null, usableAt: null, steps: [], pending: null, keys: null, menuAt: 0 };
  try {
    new PerformanceObserver((list) => {
      if (m.inputAt !== null) return;
      for (const e of list.getEntries()) { m.lcp = e.startTime; m.lcpTag = e.element ? e.element.tagName : null; }
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch (e) { m.lcpError = String(e); }
  addEventListener("pointerdown", () => { if (m.inputAt === null) m.inputAt = performance.now(); }, true);
  addEventListener("click", (ev) => { if (m.pending) m.pending.clickAt = ev.timeStamp; }, true);
  // A keystroke in the council picker: from its keydown to the frame after its input event (the
  // widget renders its list in a microtask of that event), or after the list's last change if
  // it changed later.
  const frameAfter = (f) => requestAnimationFrame(() => setTimeout(() => f(performance.now()), 0));
  addEventListener("keydown", (ev) => {
    if (m.keys) m.keys.push({ key: ev.key, downAt: ev.timeStamp, inputAt: null, paintedAt: null, menuPaintedAt: null, options: null });
  }, true);
  addEventListener("input", (ev) => {
    const k = m.keys && m.keys[m.keys.length - 1];
    if (!k || k.inputAt !== null) return;
    k.inputAt = ev.timeStamp;
    frameAfter((t) => {
      k.paintedAt = t;
      k.options = [...document.querySelectorAll(".autocomplete__menu--visible .autocomplete__option")].map((o) => o.textContent.trim());
    });
  }, true);
  const inMenu = (n) => n && n.nodeType === 1 && !!n.closest(".autocomplete__menu");
  const check = (list = []) => {
    const b = document.body;
    if (!b) return;
    const k = m.keys && m.keys[m.keys.length - 1];
    if (k && k.inputAt !== null && list.some((r) => inMenu(r.target))) frameAfter((t) => { k.menuPaintedAt = t; });
    if (m.usableAt === null && b.dataset.ready === "true"
      && [...document.querySelectorAll("a, button")].some((x) => x.textContent.trim() === "Start now")) m.usableAt = performance.now();
    const p = m.pending;
    if (p && p.paintedAt === null && b.dataset.painted !== p.before) {
      p.markedAt = performance.now();
      p.paintedAt = -1;
      p.count = b.dataset.painted;
      frameAfter((t) => { p.paintedAt = t; p.page = b.dataset.page; p.heading = document.querySelector("h1") ? document.querySelector("h1").textContent.trim() : null; });
    }
    // The parts a page adds after its first paint (the result's timeline and partners), when the
    // app says so (body[data-settled] equal to data-painted); apps that do not say are settled
    // when painted.
    if (p && p.count && p.settledAt === null && b.dataset.settled === p.count) {
      p.settledAt = -1;
      frameAfter((t) => { p.settledAt = t; });
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
async function visit(browser, server, path, { journey = false, profileSteps = false } = {}) {
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
  if (profileSteps && journey) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    profiler.set(page, cdp);
  }
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
  if (journey) Object.assign(out, await journeys(page));
  await ctx.close();
  if (errors.length) throw new Error(`mobile profile: errors on ${path}: ${errors.join("; ")}`);
  return out;
}

// With --profile (or profileSteps), each timed click runs under CDP's sampling profiler, and
// the functions that ran between the click and the frame after the paint are summed by self time.
const profiler = new WeakMap();

/** Self time by function ("name url:line") of a CDP profile taken from just before the click to
 *  the frame after the paint (the harness's own polling shows as small items; idle time is left
 *  out). */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const sums = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const f = byId.get(profile.samples[i]).callFrame;
    if (f.functionName === "(idle)") continue;
    const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(www|bench)\//, "$1/")}:${f.lineNumber + 1}`;
    sums.set(key, (sums.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  }
  const total = [...sums.values()].reduce((x, y) => x + y, 0);
  return { totalMs: Math.round(total * 10) / 10, top: [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([fn, ms]) => ({ fn, ms: Math.round(ms * 100) / 100 })) };
}

/** Clicks `locator` and times the click to the next page painted (and settled), in the page. */
async function timed(page, label, locator) {
  await page.evaluate(() => {
    const m = window.__mobile;
    m.pending = { before: document.body.dataset.painted ?? null, clickAt: null, markedAt: null, paintedAt: null, settledAt: null, count: null };
  });
  const prof = profiler.get(page);
  if (prof) await prof.send("Profiler.start");
  await locator.click();
  await page.waitForFunction(() => { const p = window.__mobile.pending; return p && p.paintedAt > 0; }, null, { timeout: 60000, polling: 50 });
  // A page that adds parts after its first paint says when they are in (data-settled); wait a
  // little for it, and take the paint when the app does not say.
  await page.waitForFunction(() => { const p = window.__mobile.pending; return p.settledAt > 0 || document.body.dataset.settled === undefined; }, null, { timeout: 60000, polling: 50 });
  const p = await page.evaluate(() => { const p = window.__mobile.pending; window.__mobile.pending = null; return p; });
  const settled = p.settledAt > 0 ? p.settledAt : p.paintedAt;
  const out = { label, page: p.page, heading: p.heading, ms: p.paintedAt - p.clickAt, markedMs: p.markedAt - p.clickAt, settledMs: settled - p.clickAt };
  if (prof) out.profile = selfTimes((await prof.send("Profiler.stop")).profile);
  return out;
}

/** Clicks and waits for the next page, untimed. */
async function untimed(page, locator) {
  const before = await page.evaluate(() => document.body.dataset.painted ?? null);
  await locator.click();
  await page.waitForFunction((b) => document.body.dataset.painted !== b, before, { timeout: 60000, polling: 50 });
}

/** Types `text` into the council picker key by key, timing each keystroke to its list painted. */
async function typeTimed(page, text) {
  const input = page.locator("input#name");
  await input.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.waitForTimeout(300);
  const out = [];
  for (const ch of text) {
    await page.evaluate(() => { window.__mobile.keys = []; });
    const prof = profiler.get(page);
    if (prof) await prof.send("Profiler.start");
    await page.keyboard.press(ch);
    await page.waitForFunction(() => { const k = window.__mobile.keys?.[0]; return k && k.paintedAt > 0; }, null, { timeout: 30000, polling: 20 });
    await page.waitForTimeout(150); // a later change of the list, if any, is caught too
    const k = await page.evaluate(() => { const k = window.__mobile.keys[0]; window.__mobile.keys = null; return k; });
    const end = Math.max(k.paintedAt, k.menuPaintedAt ?? 0);
    out.push({ key: ch, typed: null, ms: end - k.downAt, options: k.options.length, ...(prof ? { profile: selfTimes((await prof.send("Profiler.stop")).profile) } : {}) });
  }
  let typed = "";
  for (const k of out) { typed += k.key; k.typed = typed; }
  return out;
}

const radioOf = (page) => (name, label) => page.locator(`input[type=radio][name="${name}"]`).and(page.getByLabel(label, { exact: true })).check();
const contOf = (page) => (label) => timed(page, label, page.getByRole("button", { name: "Continue", exact: true }));
async function dateInto(page, id, iso) {
  const [y, m, d] = iso.split("-");
  await page.locator(`#${id}-day`).fill(String(Number(d)));
  await page.locator(`#${id}-month`).fill(String(Number(m)));
  await page.locator(`#${id}-year`).fill(y);
}

/** From the start page: Start now (timed), then the journey chosen (timed). */
async function startJourney(page, steps, which, route) {
  steps.push(await timed(page, `Start now (${route})`, page.getByRole("button", { name: "Start now" })));
  await radioOf(page)("journey", which === "council" ? "Which intervention applies to a council" : "Whether an organisation can sponsor a children's services trust");
  steps.push(await contOf(page)(`which check → ${which === "council" ? "council's name" : "kind of organisation"}`));
}

/** From a result page back to an empty start page: "Start again", "Yes, delete my answers". */
async function startAgain(page) {
  await untimed(page, page.getByRole("link", { name: "Start again", exact: true }).first());
  await untimed(page, page.getByRole("button", { name: "Yes, delete my answers", exact: true }));
}

/** The names typed into the picker, key by key, before the one picked. */
export const TYPED = ["birm", "sand", "devon"];
export const PICKED = "Devon"; // in intervention today: its result lists councils that could help

/**
 * The picked-council route of tests/browser/picker.test.mjs: a few names typed into the picker
 * (each keystroke timed), the picked council (PICKED) from the list, its history confirmed, the result.
 */
async function pickedJourney(page) {
  const steps = [];
  await startJourney(page, steps, "council", "picked council");
  await page.waitForSelector("form[data-picker=ready]", { timeout: 60000 });
  const keys = [];
  for (const t of TYPED) keys.push(...await typeTimed(page, t));
  await page.waitForSelector(".autocomplete__menu--visible .autocomplete__option");
  const options = await page.locator(".autocomplete__option").allInnerTexts();
  const k = options.indexOf(PICKED);
  if (k < 0) throw new Error(`mobile profile: ${PICKED} is not offered for "${TYPED.at(-1)}" (${options.join(", ")})`);
  for (let n = 0; n <= k; n++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  steps.push(await contOf(page)("picked name → confirm history"));
  await page.getByLabel("No, nothing else", { exact: true }).check();
  if (await page.locator("input[name=arrangements]").count()) await page.getByLabel("None of these", { exact: true }).check();
  steps.push(await contOf(page)("confirm history → check answers"));
  steps.push(await timed(page, "See the result (picked)", page.getByRole("button", { name: "See the result", exact: true })));
  if (steps.at(-1).page !== "council/result") throw new Error(`mobile profile: the picked journey ended on ${steps.at(-1).page}, not the result`);
  return { steps, keys, result: { title: await page.locator(".govuk-panel__title").innerText(), partners: await page.locator("#partners").count(), timeline: await page.locator(".app-timeline__picture svg").count() } };
}

/**
 * The council journey of tests/browser/journeys.mjs by hand (Westmere, not in Ofsted's data: an
 * inadequate report of October 2015, checked on 1 March 2016), by clicks: every Continue timed.
 */
async function byHandJourney(page) {
  const steps = [];
  const radio = radioOf(page), cont = contOf(page);
  await startJourney(page, steps, "council", "council by hand");
  await page.locator("#name").fill("Westmere");
  steps.push(await cont("typed name → any inspections"));
  await radio("add", "Yes");
  steps.push(await cont("yes → inspection published"));
  await dateInto(page, "published", "2015-10-01");
  steps.push(await cont("published → overall grade"));
  await radio("overall", "Inadequate");
  steps.push(await cont("grade → key judgements"));
  steps.push(await cont("key judgements → inspections"));
  for (const hub of ["inspections → visits", "visits → concerns", "concerns → arrangements"]) {
    await radio("add", "No");
    steps.push(await cont(hub));
  }
  await page.getByLabel("None of these", { exact: true }).check();
  steps.push(await cont("arrangements → date to check"));
  await radio("asOfChoice", "Another date");
  steps.push(await cont("date choice → the date"));
  await dateInto(page, "asOf", "2016-03-01");
  steps.push(await cont("the date → which rules"));
  await radio("ruleset", "The rules in force on the date you check");
  steps.push(await cont("which rules → check answers"));
  steps.push(await timed(page, "See the result (by hand)", page.getByRole("button", { name: "See the result", exact: true })));
  if (steps.at(-1).page !== "council/result") throw new Error(`mobile profile: the by-hand journey ended on ${steps.at(-1).page}, not the result`);
  return { steps };
}

/** The sponsor journey of tests/browser/journeys.mjs: a private company not for profit? No. */
async function sponsorJourney(page) {
  const steps = [];
  const radio = radioOf(page), cont = contOf(page);
  await startJourney(page, steps, "sponsor", "sponsor");
  await radio("kind", "Private company");
  steps.push(await cont("kind → name"));
  await page.locator("#name").fill("Profitco Ltd");
  steps.push(await cont("name → not for profit"));
  await radio("notForProfit", "No");
  steps.push(await cont("not for profit → result"));
  if (steps.at(-1).page !== "sponsor/result") throw new Error(`mobile profile: the sponsor journey ended on ${steps.at(-1).page}, not the result`);
  return { steps };
}

/** The three journeys one after another in the page, "Start again" between them. */
async function journeys(page) {
  const picked = await pickedJourney(page);
  await startAgain(page);
  const byHand = await byHandJourney(page);
  await startAgain(page);
  const sponsor = await sponsorJourney(page);
  return { steps: [...picked.steps, ...byHand.steps], keys: picked.keys, result: picked.result, sponsorSteps: sponsor.steps };
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

/**
 * The journeys only, on two builds of the pages in one run, alternating which goes first run by
 * run: `paths` such as ["/www/index.html", "/bench/out/before/www/index.html"] (bench/before.sh
 * builds a commit's pages there). Returns { [path]: [visit, …] }.
 */
export async function compareJourneys(browser, server, paths, runs, say = () => {}, { profileSteps = false } = {}) {
  say("journeys: warm-up visits (not counted)");
  for (const p of paths) await visit(browser, server, p);
  const out = Object.fromEntries(paths.map((p) => [p, []]));
  for (let r = 0; r < runs; r++) {
    const order = r % 2 ? [...paths].reverse() : paths;
    for (const p of order) {
      say(`journeys run ${r + 1}/${runs}: ${p}`);
      out[p].push(await visit(browser, server, p, { journey: true, profileSteps }));
    }
  }
  return out;
}

/** compareJourneys' result as a Markdown table: each step's and keystroke's median (range) over
 *  runs on each build, and the difference of the medians. */
export function compareTable(res) {
  const paths = Object.keys(res);
  const med = (xs) => { const a = [...xs].sort((x, y) => x - y); const m = a.length >> 1; return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2; };
  const cell = (xs) => `${med(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  const rows = [];
  const row = (label, get) => {
    const per = paths.map((p) => res[p].map(get));
    rows.push(`| ${label} | ${per.map(cell).join(" | ")} | ${per.length > 1 ? (med(per[0]) - med(per[1])).toFixed(0) : ""} |`);
  };
  const first = res[paths[0]][0];
  const steps = [...first.steps.map((s, i) => [s.label, (v) => v.steps[i]]), ...first.sponsorSteps.map((s, i) => [s.label, (v) => v.sponsorSteps[i]])];
  for (const [label, get] of steps) {
    row(`${label} → painted`, (v) => get(v).ms);
    if (get(first).page === "council/result") row(`${label} → settled`, (v) => get(v).settledMs);
  }
  const questions = (v) => [...v.steps, ...v.sponsorSteps].filter((s) => !s.label.startsWith("Start now")).map((s) => s.ms);
  row("**each run's slowest Continue**", (v) => Math.max(...questions(v)));
  row("each run's median Continue", (v) => med(questions(v)));
  first.keys.forEach((k, i) => row(`key “${k.typed}” → list painted`, (v) => v.keys[i].ms));
  row("**each run's slowest keystroke**", (v) => Math.max(...v.keys.map((k) => k.ms)));
  row("each run's median keystroke", (v) => med(v.keys.map((k) => k.ms)));
  return `| ms, median (range) over ${res[paths[0]].length} runs | ${paths.map((p) => `\`${p}\``).join(" | ")} | difference |\n|---|${paths.map(() => "---|").join("")}---|\n${rows.join("\n")}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // node bench/mobile.mjs [--runs N]                       the mobile profile, as bench/run.mjs runs it
  // node bench/mobile.mjs --compare PATH [--runs N]        the journeys on this build and on PATH
  // node bench/mobile.mjs --profile [--compare PATH]       the same with CDP's profiler on each click
  const { chromium } = await import("playwright-core");
  const arg = (n) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1] : null; };
  const runs = Number(arg("--runs") ?? 5);
  const compare = arg("--compare");
  const profileSteps = process.argv.includes("--profile");
  const server = await startServerProcess();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const say = (s) => process.stderr.write(`==> ${s}\n`);
  try {
    const res = compare || profileSteps
      ? await compareJourneys(browser, server, ["/www/index.html", ...(compare ? [compare] : [])], runs, say, { profileSteps })
      : await mobileProfile(browser, server, runs, say);
    process.stdout.write(`${JSON.stringify(res, null, 1)}\n`);
    if (compare) process.stderr.write(compareTable(res));
  } finally {
    await browser.close();
    server.close();
  }
}
