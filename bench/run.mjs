// The measuring harness (issue 6). Run by `bash bench/run`, which first builds the release wasm
// and runs the native criterion benches; this script then measures sizes, the peers in Node,
// everything in headless Chromium, and writes BENCHMARKS.md at the repository root.
//
//   node bench/run.mjs [--runs N] [--passes N] [--out FILE] [--nav-only]
//
// --nav-only: only the navigations (the empty page and the start page, measured exactly as in a
// full run), printing the ready difference and the whole first load; writes no file. For quick
// iteration on the site; BENCHMARKS.md comes from a full run.
//
// Nothing here is a test: no timing fails the run. The one gate (the wasm's gzip size) is
// scripts/size-gate.mjs, run by the test command.

import { execFileSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zc, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { protocolCouncils, mixedCouncils, sponsors } from "./lib/generate.mjs";
import { protocolFacts, protocolParams } from "./lib/facts.mjs";
import { councilsFromOfsted } from "./lib/ofsted.mjs";
import { median } from "./lib/measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt("--runs", process.env.BENCH_RUNS || 5));
const PASSES = Number(opt("--passes", process.env.BENCH_PASSES || 5));
const BATCH_REPS = 30;
const NAV_REPS = Number(process.env.BENCH_NAV_REPS || 5); // navigations of each page per run (6 pages: noisy on a shared machine)
const N = 10000;
const OUT = opt("--out", join(root, "BENCHMARKS.md"));
const NAV_ONLY = args.includes("--nav-only");
const OFSTED = process.env.TRUST_BENCH_OFSTED_DIR || join(root, "data", "ofsted");
const TARGET = process.env.CARGO_TARGET_DIR || join(root, "target");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const budget = JSON.parse(readFileSync(join(here, "budget.json"), "utf8"));
const TARGETS = {
  perCallRatio: 1.0, // ours / json-logic-js, per call in Chromium
  batchUsPerCouncil: 2,
  wasmGzipBytes: budget.wasmGzipBytes,
  firstLoadGzipBytes: budget.firstLoadGzipBytes,
  readyWithinMs: 30,
};

const say = (s) => process.stderr.write(`==> bench: ${s}\n`);
const loadAtStart = loadavg();
const outDir = join(here, "out");
mkdirSync(outDir, { recursive: true });

// ---------------------------------------------------------------------------------------------
// Inputs: generated (seeded), and Ofsted's 153 councils read from data/ofsted/ at run time.
say("generating inputs");
const rulesetFile = JSON.parse(readFileSync(join(root, "rulesets", "rulesets.json"), "utf8"));
const params = protocolParams(rulesetFile);
const protocol = protocolCouncils(20160704, N);
const facts = protocol.map((x) => protocolFacts(x, params));
const mixed = mixedCouncils(20151214, N);
const sponsorInputs = sponsors(2014, N);
const ofsted = councilsFromOfsted(OFSTED);
const jsonLogicRule = JSON.parse(readFileSync(join(here, "peers", "protocol-2016.jsonlogic.json"), "utf8"));
const zenExpression = readFileSync(join(here, "peers", "protocol-2016.zen-expression.txt"), "utf8").trim();
const snippets = join(root, "www", "pkg", "snippets");
let boundary = null;
if (existsSync(snippets)) {
  for (const d of readdirSync(snippets)) {
    for (const f of readdirSync(join(snippets, d))) {
      if (/export function toJson\b/.test(readFileSync(join(snippets, d, f), "utf8"))) {
        boundary = `/www/pkg/snippets/${d}/${f}`;
      }
    }
  }
}
// The engine-only page: the start page's stylesheet and engine, preloaded as the start page
// preloads them (every module of the engine's glue named up front, so nothing waits on an
// import), instantiated, with none of the app. Written here because the glue's snippet path
// carries a hash of the build.
{
  const snippetFiles = existsSync(snippets)
    ? readdirSync(snippets).flatMap((d) => readdirSync(join(snippets, d)).map((f) => `/www/pkg/snippets/${d}/${f}`)) : [];
  writeFileSync(join(outDir, "engine-only.html"), `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>The checker's stylesheet and engine, no app</title>
<link rel="stylesheet" href="/www/dist/checker.css">
<link rel="preload" href="/www/pkg/trust_eligibility_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<link rel="modulepreload" href="/www/pkg/trust_eligibility.js">
${snippetFiles.map((f) => `<link rel="modulepreload" href="${f}">`).join("\n")}
<script type="module" src="/bench/engine-only.mjs"></script>
</head>
<body>
</body>
</html>
`);
}
// Three more floor pages, each the empty page plus one part of the start page, written here
// beside engine-only.html: one tiny module script (the least any page that runs a script pays),
// the start page's stylesheet alone, and the start page's own HTML and stylesheet with its
// scripts and the preloads of its code and engine taken out (its text laid out and painted, no
// JavaScript; relative URLs made absolute, as the page is served from bench/out/).
const emptyHtml = readFileSync(join(here, "empty.html"), "utf8");
writeFileSync(join(outDir, "one-script.html"), emptyHtml
  .replace(/<title>[^<]*<\/title>/, "<title>The empty page and one tiny module script</title>\n<script type=\"module\" src=\"/bench/one-script.mjs\"></script>"));
writeFileSync(join(outDir, "stylesheet-only.html"), emptyHtml
  .replace(/<title>[^<]*<\/title>/, "<title>The empty page and the start page's stylesheet</title>\n<link rel=\"stylesheet\" href=\"/www/dist/checker.css\">"));
{
  const start = readFileSync(join(root, "www", "index.html"), "utf8");
  const staticHtml = start
    .replace(/<!--[\s\S]*?-->\n?/g, "")
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\n?/g, "")
    .replace(/<link rel="(?:preload|modulepreload)"[^>]*>\n?/g, "")
    .replace(/\b(href|src)="(?![a-z]+:|\/|#)([^"]*)"/g, (_, a, u) => `${a}="/www/${u.replace(/^\.\//, "")}"`);
  if (/<script\b|rel="(?:preload|modulepreload)"/.test(staticHtml)) throw new Error("static start page: a script or preload is left");
  writeFileSync(join(outDir, "static-start.html"), staticHtml);
}
const inputs = { protocol, facts, mixed, sponsors: sponsorInputs, ofsted, jsonLogicRule, zenExpression, boundary };
const inputsPath = join(outDir, "inputs.json"); // the page fetches it as /bench/out/inputs.json
writeFileSync(inputsPath, JSON.stringify(inputs));

// ---------------------------------------------------------------------------------------------
// Sizes.
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, {
  params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: b.length },
}).length;
const file = (p) => readFileSync(join(root, p));
const wasmPath = "www/pkg/trust_eligibility_bg.wasm";
const wasm = file(wasmPath);
const glue = file("www/pkg/trust_eligibility.js");
const sizes = {
  wasm: { raw: wasm.length, gzip: gz(wasm), brotli: br(wasm) },
  glue: { raw: glue.length, gzip: gz(glue), brotli: br(glue) },
  jsonLogic: (() => { const b = file("node_modules/json-logic-js/logic.js"); return { raw: b.length, gzip: gz(b), brotli: br(b) }; })(),
  zenWasm: (() => { const b = file("node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm"); return { raw: b.length, gzip: gz(b), brotli: br(b) }; })(),
  sections: wasmSections(wasm),
};

/** The sections of a wasm binary, each with its raw and gzip size (gzip of the section alone). */
function wasmSections(buf) {
  const NAMES = ["custom", "type", "import", "function", "table", "memory", "global", "export",
    "start", "element", "code", "data", "datacount", "tag"];
  const out = [];
  let p = 8;
  const leb = () => {
    let v = 0, shift = 0, b;
    do { b = buf[p++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return v;
  };
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const start = p;
    let name = NAMES[id] || `section ${id}`;
    if (id === 0) {
      const len = leb();
      name = `custom "${buf.subarray(p, p + len).toString()}"`;
      p = start;
    }
    const body = buf.subarray(start, start + size);
    out.push({ name, raw: size, gzip: gz(body) });
    p = start + size;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Native: criterion's samples (bench/run runs `cargo bench --bench engine` first).
function criterionResults() {
  const base = join(TARGET, "criterion");
  const out = [];
  if (!existsSync(base)) return out;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const d = join(dir, e.name);
      if (e.name === "new" && existsSync(join(d, "sample.json"))) {
        const meta = JSON.parse(readFileSync(join(d, "benchmark.json"), "utf8"));
        const s = JSON.parse(readFileSync(join(d, "sample.json"), "utf8"));
        const perIter = s.iters.map((n, i) => s.times[i] / n / 1000); // µs
        out.push({ id: meta.full_id, samples: perIter.length, iters: s.iters.reduce((a, b) => a + b, 0),
          median: median(perIter), min: Math.min(...perIter), max: Math.max(...perIter) });
      } else walk(d);
    }
  };
  walk(base);
  const order = ["council/realistic", "council/largest-real", "council/realistic/json", "sponsor/charity", "sponsor/council", "sponsor/charity/json"];
  return out.sort((a, b) => (order.indexOf(a.id) + 99 * (order.indexOf(a.id) < 0)) - (order.indexOf(b.id) + 99 * (order.indexOf(b.id) < 0)));
}
const native = criterionResults();
if (!native.length) say("no criterion results found (run `cargo bench --bench engine` first, or use bash bench/run)");
const largestReal = (() => {
  try { return readFileSync(join(outDir, "largest-real.txt"), "utf8").trim(); } catch { return null; }
})();

// ---------------------------------------------------------------------------------------------
// Node: the peers, several fresh processes.
const nodeRuns = [];
for (let r = 0; r < (NAV_ONLY ? 0 : RUNS); r++) {
  say(`node peers run ${r + 1}/${RUNS}`);
  const text = execFileSync(process.execPath, [join(here, "node-peers.mjs"), inputsPath, String(PASSES)],
    { cwd: root, maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] });
  nodeRuns.push(JSON.parse(text));
}

// ---------------------------------------------------------------------------------------------
// Chromium.
// The static server runs in a process of its own. The bench page is cross-origin isolated (finer
// timers); the start page and the empty page are served as a plain static host would serve them.
const server = await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [join(here, "lib", "server.mjs"), root], { stdio: ["ignore", "pipe", "inherit"] });
  const log = [];
  let origin = null;
  createInterface({ input: child.stdout }).on("line", (line) => {
    const e = JSON.parse(line);
    if (e.origin) { origin = e.origin; resolve({ origin, log, close: () => { child.kill("SIGTERM"); } }); } else log.push(e);
  });
  child.on("exit", (code) => { if (!origin) reject(new Error(`static server exited (${code})`)); });
});
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const chromiumVersion = browser.version();

// Installed before any script of a navigated page: records when each wasm instantiation
// resolves and when the page's "Loading the checker…" line (#loading) goes away.
const READY_HOOK = `(() => {
  const rec = window.__benchReady = { wasm: [], loadingSeen: false, loadingGoneAt: null };
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const orig = WebAssembly[name];
    if (!orig) continue;
    WebAssembly[name] = function (...a) {
      const start = performance.now();
      return orig.apply(this, a).then((r) => { rec.wasm.push({ api: name, start, end: performance.now() }); return r; });
    };
  }
  const check = () => {
    const el = document.getElementById("loading");
    const visible = el && el.isConnected && !el.hidden && el.offsetParent !== null;
    if (el) rec.loadingSeen = true;
    if (rec.loadingSeen && !visible && rec.loadingGoneAt === null) rec.loadingGoneAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/**
 * One navigation in a fresh context. `rule` says when the page is ready: "app" (the checker's
 * rule, for the start page and every page measured against it), "load" (also wait for the load
 * event: a stylesheet alone does not hold back DOMContentLoaded) or "paint" (the later of first
 * contentful paint and DOMContentLoaded: a page of static text).
 */
async function navigate(path, rule = "app") {
  const ctx = await browser.newContext();
  await ctx.addInitScript(READY_HOOK);
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const bodies = [];
  page.on("response", (r) => bodies.push(r.body().then(
    (b) => ({ url: r.url(), status: r.status(), raw: b.length, gzip: gz(b) }),
    () => ({ url: r.url(), status: r.status(), raw: 0, gzip: 0, unreadable: true }))));
  const logFrom = server.log.length;
  await page.goto(server.origin + path, { waitUntil: "networkidle" });
  // Let a service worker's install-time fetches finish: wait until the server is quiet for 1 s.
  for (let i = 0; i < 40; i++) {
    const last = server.log[server.log.length - 1];
    if (!last || Date.now() - last.at > 1000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const mark = performance.getEntriesByName("checker-ready")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    const resources = [nav, ...performance.getEntriesByType("resource")].map((e) => ({
      name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
    return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, mark: mark ? mark.startTime : null,
      fcp: fcp ? fcp.startTime : null, rec: window.__benchReady, sw: !!navigator.serviceWorker?.controller, resources };
  });
  const responses = await Promise.all(bodies);
  const served = server.log.slice(logFrom);
  await ctx.close();
  const lastWasm = Math.max(0, ...t.rec.wasm.map((w) => w.end));
  let ready, readyBy;
  if (rule === "paint") {
    // A page with no script: ready when its text is painted and its document parsed. Should no
    // paint be reported, its load event stands in (counted and said in the results).
    ready = Math.max(t.dcl, t.fcp ?? t.load);
    readyBy = "the later of first contentful paint and DOMContentLoaded";
  } else if (rule === "load") {
    ready = Math.max(t.dcl, t.load);
    readyBy = "the later of DOMContentLoaded and the load event";
  } else if (t.mark !== null) { ready = t.mark; readyBy = 'performance mark "checker-ready"'; } else {
    ready = Math.max(t.dcl, lastWasm, t.rec.loadingGoneAt ?? 0);
    readyBy = `the latest of: ${[
      "DOMContentLoaded",
      t.rec.wasm.length ? "the last wasm instantiation resolved" : null,
      t.rec.loadingGoneAt !== null ? "the page's \"Loading the checker…\" line (#loading) gone" : null,
    ].filter(Boolean).join(", ")}`;
  }
  return { ...t, ready, readyBy, wasmCount: t.rec.wasm.length, responses, served, errors };
}

const browserRuns = [];
const navRuns = [];
// The pages navigated, in order, each with its ready rule. Besides the empty page and the start
// page, floor pages: each adds to the empty page one part of what the start page loads. The
// engine-only page (the start page's stylesheet and engine, no app) is what fetching and
// instantiating those alone costs over the empty page; the one-script page what fetching and
// running any module script costs; the stylesheet-only page what the stylesheet costs; the
// static start page what laying out and painting the start page's own text with it costs.
const PAGES = {
  empty: { path: "/bench/empty.html", rule: "app" },
  script: { path: "/bench/out/one-script.html", rule: "app" },
  css: { path: "/bench/out/stylesheet-only.html", rule: "load" },
  static: { path: "/bench/out/static-start.html", rule: "paint" },
  engine: { path: "/bench/out/engine-only.html", rule: "app" },
  start: { path: "/www/index.html", rule: "app" },
};
const FLOORS = ["script", "css", "static", "engine"];
for (let r = 0; r < RUNS; r++) {
  if (!NAV_ONLY) await benchPage(r);
  say(`chromium run ${r + 1}/${RUNS}: navigation, ${Object.keys(PAGES).length} pages (empty, floors, start), ${NAV_REPS} each`);
  const names = Object.keys(PAGES);
  const order = r % 2 ? [...names].reverse() : names;
  const navs = Object.fromEntries(names.map((n) => [n, []]));
  for (let k = 0; k < NAV_REPS; k++) {
    for (const name of order) navs[name].push(await navigate(PAGES[name].path, PAGES[name].rule));
  }
  // The run's value for each page: the navigation with the median ready time.
  const mid = (xs) => [...xs].sort((a, b) => a.ready - b.ready)[Math.floor(xs.length / 2)];
  navRuns.push({ ...Object.fromEntries(names.map((n) => [n, mid(navs[n])])), all: navs });
}

async function benchPage(r) {
  say(`chromium run ${r + 1}/${RUNS}: bench page`);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.origin + "/bench/page.html");
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60000 });
  const load = await page.evaluate(() => window.bench.load());
  const agree = await page.evaluate(() => window.bench.agreement());
  const per = await page.evaluate((p) => window.bench.perCall(p), PASSES);
  const batch = await page.evaluate((n) => window.bench.batch(n), BATCH_REPS);
  await ctx.close();
  // The floors without JSON in pages of their own (fresh contexts): after the engines' calls,
  // the JIT's state of their helpers made them up to twice as slow (and the batch's, after the
  // per-call floors, several times), which would overstate a floor.
  const fresh = async (fn, arg) => {
    const c = await browser.newContext();
    const pg = await c.newPage();
    pg.on("pageerror", (e) => errors.push(String(e)));
    await pg.goto(server.origin + "/bench/page.html");
    await pg.waitForFunction(() => window.benchReady === true, null, { timeout: 60000 });
    await pg.evaluate(() => window.bench.load());
    const out = await pg.evaluate(([f, a]) => window.bench[f](a), [fn, arg]);
    await c.close();
    return out;
  };
  const floors = await fresh("floorsPerCall", PASSES);
  const floorsBatch = await fresh("floorsBatch", BATCH_REPS);
  if (errors.length) throw new Error(`bench page errors: ${errors.join("; ")}`);
  Object.assign(per, floors.per);
  Object.assign(batch, { ofstedIntoWasmMs: floorsBatch.ofstedIntoWasmMs, ofstedFromWasmMs: floorsBatch.ofstedFromWasmMs,
    composedPerAnswer: floorsBatch.composedPerAnswer, composedCharsPerAnswer: floorsBatch.composedCharsPerAnswer });
  Object.assign(agree, { composedPerAnswer: floors.composedPerAnswer, composedCharsPerAnswer: floors.composedCharsPerAnswer });
  browserRuns.push({ load, agree, per, batch });
}
await browser.close();
await server.close();
if (NAV_ONLY) {
  const diffs = navRuns.map((r) => r.start.ready - r.empty.ready);
  const fl = firstLoadOf(navRuns[navRuns.length - 1].start);
  const f1 = (x) => x.toFixed(1);
  const floorLines = FLOORS.map((n) => {
    const d = navRuns.map((r) => r[n].ready - r.empty.ready);
    return `ready, ${PAGES[n].path} minus empty page, per run (ms): ${d.map(f1).join(", ")}; median ${f1(median(d))}\n`;
  }).join("");
  const st = navRuns.flatMap((r) => r.all.static);
  process.stdout.write(`ready, start page minus empty page, per run (ms): ${diffs.map(f1).join(", ")}; median ${f1(median(diffs))}\n`
    + floorLines
    + `static start page: first contentful paint after DOMContentLoaded in ${st.filter((x) => x.fcp !== null && x.fcp >= x.dcl).length} of ${st.length} navigations, no paint in ${st.filter((x) => x.fcp === null).length}; `
    + `stylesheet-only page: load event minus DOMContentLoaded ${navRuns.map((r) => f1(r.css.load - r.css.dcl)).join(", ")}\n`
    + `ready by ${fl.readyBy}; start ${navRuns.map((r) => f1(r.start.ready)).join(", ")}; empty ${navRuns.map((r) => f1(r.empty.ready)).join(", ")}\n`
    + `whole first load: ${fl.served.count} responses, ${fl.served.raw} B raw, ${fl.served.gzip} B gzip (page ${fl.page.count} responses, ${fl.page.gzip} B gzip)`
    + `${fl.errors.length ? `; errors: ${fl.errors.join("; ")}` : ""}\n`
    + fl.files.map((f) => `  ${f.path} ${f.status} ${f.raw} ${f.gzip}${f.byPage ? "" : " (service worker)"}\n`).join("")
    + `timeline (last start page):\n${navRuns[navRuns.length - 1].start.resources.map((x) => `  ${x.name} ${f1(x.start)}-${f1(x.end)}`).join("\n")}\n`
    + `  dcl ${f1(navRuns[navRuns.length - 1].start.dcl)} wasm ${JSON.stringify(navRuns[navRuns.length - 1].start.rec.wasm)} loadingGone ${navRuns[navRuns.length - 1].start.rec.loadingGoneAt}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Twiggy on the build with names (before wasm-opt): what the wasm is made of.
function twiggy() {
  // bench/run keeps a copy of the build this release came from; else the one in target/.
  const kept = join(outDir, "trust_eligibility.named.wasm");
  const named = existsSync(kept) ? kept : join(TARGET, "wasm32-unknown-unknown", "release", "trust_eligibility.wasm");
  if (!existsSync(named)) return null;
  let items;
  try {
    items = JSON.parse(execFileSync("twiggy", ["top", "-n", "1000000", "-f", "json", named],
      { maxBuffer: 64 << 20, env: { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` } }));
  } catch { return null; }
  const shipped = items.filter((i) => !/^"function names" subsection|^custom section|^"?local names|^name section/.test(i.name));
  const total = shipped.reduce((s, i) => s + i.shallow_size, 0);
  const groups = new Map();
  const group = (name) => {
    if (/^data segment|^data\[/.test(name)) return "data: the embedded rulesets (minified JSON), wording, string constants";
    if (/^(type|import|export|table|elem|global|memory|code section headers|wasm magic bytes)|^table\[|^elem\[|^global\[|^type\[|^import |^export /.test(name)) return "wasm structure (types, imports, exports, tables, headers)";
    if (/dlmalloc/.test(name)) return "dlmalloc (the allocator)";
    if (/^(?:memcpy|memmove|memset|memcmp|bcmp|compiler_builtins)/.test(name)) return "compiler builtins (memcpy, memset, ...)";
    if (/wasm_bindgen|__wbindgen|__wbg|js_sys/.test(name)) return "wasm-bindgen glue";
    if (/serde_json/.test(name)) return "serde_json (writing the answer as JSON text)";
    if (/serde_core|serde::/.test(name)) return "serde: Serialize impls (derived) and serde_core";
    const ours = /^<?&?(?:mut )?trust_eligibility::([a-z_]+)/.exec(name) || / as trust_eligibility::([a-z_]+)/.exec(name);
    if (ours) return `trust_eligibility::${ours[1]}${ours[1] === "json" ? " (the JSON reader, FromJson impls)" : ""}`;
    const STD = "(?:core|alloc|std)(?:\\[[0-9a-f]+\\])?::";
    if (new RegExp(`^<?&?(?:mut )?${STD}fmt|Display>::fmt|Debug>::fmt|${STD}fmt::`).test(name)) return "core::fmt (formatting)";
    if (new RegExp(`^<?&?(?:mut )?${STD}`).test(name)) return "Rust core/alloc/std (Vec growth, iterators, drop glue, str), mostly monomorphised for our types";
    const m = /^<?&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)/.exec(name);
    return m ? m[1] : "other";
  };
  for (const i of shipped) {
    const g = group(i.name);
    groups.set(g, (groups.get(g) || 0) + i.shallow_size);
  }
  return {
    file: relative(root, named),
    fileBytes: readFileSync(named).length,
    total,
    groups: [...groups.entries()].sort((a, b) => b[1] - a[1]),
    top: shipped.slice(0, 15).map((i) => ({ name: i.name, bytes: i.shallow_size })),
  };
}
const tw = twiggy();

// ---------------------------------------------------------------------------------------------
// Versions and machine.
const run = (cmd, a) => { try { return execFileSync(cmd, a, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n")[0]; } catch { return "not found"; } };
const pkgVersion = (name) => { try { return JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version; } catch { return "not installed"; } };
const osName = (() => { try { return /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))[1]; } catch { return process.platform; } })();
const gitHead = run("git", ["-C", root, "rev-parse", "--short", "HEAD"]);
const gitDirty = run("git", ["-C", root, "status", "--porcelain", "--untracked-files=no"]) !== "";
const versions = {
  rustc: run("rustc", ["-V"]),
  "wasm-bindgen": run("wasm-bindgen", ["--version"]),
  "wasm-pack": run("wasm-pack", ["--version"]),
  "wasm-opt": run("wasm-opt", ["--version"]),
  node: process.version,
  chromium: chromiumVersion,
  "playwright-core": pkgVersion("playwright-core"),
  "json-logic-js": pkgVersion("json-logic-js"),
  "@gorules/zen-engine": pkgVersion("@gorules/zen-engine"),
  "@gorules/zen-engine-wasm": pkgVersion("@gorules/zen-engine-wasm"),
  twiggy: run("twiggy", ["--version"]),
};
const machine = {
  load: `load average ${loadAtStart.map((x) => x.toFixed(1)).join(", ")} (1, 5, 15 min) at the start, ${loadavg().map((x) => x.toFixed(1)).join(", ")} at the end`,
  os: osName,
  cpu: cpus()[0]?.model?.trim() || "unknown",
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
};

// ---------------------------------------------------------------------------------------------
// Statistics: each run's value is the median of its passes; reported: the median over runs and
// the range (min–max) over runs.
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const perRun = (runs, f) => stat(runs.map(f));
const chrome = {};
for (const k of Object.keys(browserRuns[0].per)) chrome[k] = perRun(browserRuns, (r) => median(r.per[k]));
const nodeT = {};
for (const k of Object.keys(nodeRuns[0].times)) nodeT[k] = perRun(nodeRuns, (r) => median(r.times[k]));
const ratio = (runs, get, a, b) => perRun(runs, (r) => median(get(r)[a]) / median(get(r)[b]));
const ratios = {
  chromeJsonLogic: ratio(browserRuns, (r) => r.per, "ours.assessCouncil", "jsonLogic"),
  chromeZenExpr: ratio(browserRuns, (r) => r.per, "ours.assessCouncil", "zenExpression"),
  nodeJsonLogic: ratio(nodeRuns, (r) => r.times, "ours.assessCouncil", "jsonLogic"),
  nodeZenExpr: ratio(nodeRuns, (r) => r.times, "ours.assessCouncil", "zenExpression"),
  nodeZenTable: ratio(nodeRuns, (r) => r.times, "ours.assessCouncil", "zenDecisionTable"),
};
const batchOfsted = perRun(browserRuns, (r) => (median(r.batch.ofstedMs) * 1000) / r.batch.councils);
const batchOfstedCall = perRun(browserRuns, (r) => median(r.batch.ofstedMs));
const batchMany = perRun(browserRuns, (r) => (median(r.batch.manyMs) * 1000) / r.batch.many);
const batchInJs = perRun(browserRuns, (r) => (median(r.batch.ofstedInJsMs) * 1000) / r.batch.councils);
const batchOutJs = perRun(browserRuns, (r) => (median(r.batch.ofstedOutJsMs) * 1000) / r.batch.councils);
const batchFloor = perRun(browserRuns, (r) => ((median(r.batch.ofstedStringifyMs ?? [NaN]) + median(r.batch.ofstedOutJsMs)) * 1000) / r.batch.councils);
// The floor of any engine that takes this input and returns this answer as a new JavaScript
// object, whatever it computes inside: JSON.stringify of the input plus JSON.parse of the answer.
const floorUs = perRun(browserRuns, (r) => median(r.per["floor.inputStringify"]) + median(r.per["boundary.outputParse"]));
const floorRatio = perRun(browserRuns, (r) => (median(r.per["floor.inputStringify"]) + median(r.per["boundary.outputParse"])) / median(r.per.jsonLogic));
// A lower floor, with no JSON at all: reading every key and value of the input in JavaScript
// (floor.inputWalk) plus building the answer's objects from ready-made strings (floor.answerCopy).
const walkCopy = (r) => median(r.per["floor.inputWalk"]) + median(r.per["floor.answerCopy"]);
const walkCopyUs = perRun(browserRuns, walkCopy);
const walkCopyRatios = browserRuns.map((r) => walkCopy(r) / median(r.per["floors.jsonLogic"]));
const walkCopyRatio = stat(walkCopyRatios);
// The floor of an engine in wasm, doing no work of its own: the input's values written into wasm
// memory (floor.inputIntoWasm) and the answer built as new objects with the text it composes read
// out of wasm memory (floor.answerFromWasm).
const wasmFloor = (r) => median(r.per["floor.inputIntoWasm"]) + median(r.per["floor.answerFromWasm"]);
const wasmFloorUs = perRun(browserRuns, wasmFloor);
const wasmFloorRatios = browserRuns.map((r) => wasmFloor(r) / median(r.per["floors.jsonLogic"]));
const wasmFloorRatio = stat(wasmFloorRatios);
// More generous still: the input only read (floor.inputWalk), not written into wasm memory.
const walkFromWasmRatio = perRun(browserRuns, (r) => (median(r.per["floor.inputWalk"]) + median(r.per["floor.answerFromWasm"])) / median(r.per["floors.jsonLogic"]));
// The same for the batch, per council: the 153 inputs written into wasm memory, the answers built
// with the text the engine composes read out of wasm memory in one TextDecoder call.
const batchIntoWasm = perRun(browserRuns, (r) => (median(r.batch.ofstedIntoWasmMs) * 1000) / r.batch.councils);
const batchFromWasm = perRun(browserRuns, (r) => (median(r.batch.ofstedFromWasmMs) * 1000) / r.batch.councils);
const batchWasmFloor = perRun(browserRuns, (r) => ((median(r.batch.ofstedIntoWasmMs) + median(r.batch.ofstedFromWasmMs)) * 1000) / r.batch.councils);
const inst = {
  ours: perRun(browserRuns, (r) => r.load.oursInstantiate),
  oursFirstCall: perRun(browserRuns, (r) => r.load.oursFirstCall),
  oursCompile: perRun(browserRuns, (r) => r.load.oursCompile),
  zen: perRun(browserRuns, (r) => r.load.zenInstantiate),
  zenCompile: perRun(browserRuns, (r) => r.load.zenCompile),
  node: perRun(nodeRuns, (r) => r.instantiateMs),
};
const nav = {
  empty: perRun(navRuns, (r) => r.empty.ready),
  emptyLoad: perRun(navRuns, (r) => r.empty.load),
  start: perRun(navRuns, (r) => r.start.ready),
  startLoad: perRun(navRuns, (r) => r.start.load),
  startFcp: perRun(navRuns, (r) => r.start.fcp ?? NaN),
  emptyFcp: perRun(navRuns, (r) => r.empty.fcp ?? NaN),
  diff: perRun(navRuns, (r) => r.start.ready - r.empty.ready),
  engine: perRun(navRuns, (r) => r.engine.ready),
  engineLoad: perRun(navRuns, (r) => r.engine.load),
  engineDiff: perRun(navRuns, (r) => r.engine.ready - r.empty.ready),
  engineBest: Math.min(...navRuns.flatMap((r) => r.all.engine.map((x) => x.ready))),
  // The best single navigation of each page over the whole run: the least disturbed by other work.
  emptyBest: Math.min(...navRuns.flatMap((r) => r.all.empty.map((x) => x.ready))),
  startBest: Math.min(...navRuns.flatMap((r) => r.all.start.map((x) => x.ready))),
  // Every page by name (the floors too): ready, load, paint, ready minus the empty page's in the
  // same run, and the best single navigation.
  page: Object.fromEntries(Object.keys(PAGES).map((n) => [n, {
    ready: perRun(navRuns, (r) => r[n].ready),
    load: perRun(navRuns, (r) => r[n].load),
    fcp: perRun(navRuns, (r) => r[n].fcp ?? NaN),
    diff: perRun(navRuns, (r) => r[n].ready - r.empty.ready),
    best: Math.min(...navRuns.flatMap((r) => r.all[n].map((x) => x.ready))),
  }])),
};
const staticNavs = navRuns.flatMap((r) => r.all.static);
const staticPaintLater = staticNavs.filter((x) => x.fcp !== null && x.fcp >= x.dcl).length;
const staticNoPaint = staticNavs.filter((x) => x.fcp === null).length;
const oneScriptBytes = readFileSync(join(here, "one-script.mjs")).length;
/** The floors in words, each minus the empty page (median of the runs' differences). */
const floorWords = () => `a page that only fetches and runs one tiny script is ready ${ms(nav.page.script.diff.median)} ms after the empty page; `
  + `the start page's stylesheet alone ${ms(nav.page.css.diff.median)} ms; the start page's static text alone, painted with its stylesheet, ${ms(nav.page.static.diff.median)} ms; `
  + `its stylesheet and engine with no app ${ms(nav.page.engine.diff.median)} ms`;
const lastNav = navRuns[navRuns.length - 1].start;
const firstLoad = firstLoadOf(lastNav);

/** The whole first load, from the last run's start-page navigation. */
function firstLoadOf(lastNav) {
  const page = lastNav.responses.filter((x) => !x.url.startsWith("data:"));
  const served = lastNav.served;
  const pagePaths = new Set(page.map((x) => new URL(x.url).pathname));
  const servedFiles = served.map((s) => {
    let body;
    try { body = readFileSync(join(root, s.path.endsWith("/") ? s.path + "index.html" : s.path)); } catch { body = Buffer.alloc(0); }
    return { path: s.path, status: s.status, raw: s.bytes, gzip: s.status === 200 ? gz(body) : 0, byPage: pagePaths.has(s.path) };
  });
  const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
  return {
    page: { count: page.length, raw: sum(page, "raw"), gzip: sum(page, "gzip") },
    served: { count: servedFiles.length, raw: sum(servedFiles, "raw"), gzip: sum(servedFiles, "gzip") },
    files: servedFiles.sort((a, b) => b.gzip - a.gzip),
    errors: lastNav.errors,
    readyBy: lastNav.readyBy,
    wasmCount: lastNav.wasmCount,
    sw: navRuns.some((r) => r.start.sw),
  };
}
const agree0 = browserRuns[0].agree;
const nodeAgree = nodeRuns[0].agreement;

// ---------------------------------------------------------------------------------------------
// The results file.
const us = (x) => (!Number.isFinite(x) ? "n/a" : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));
const ms = (x) => (!Number.isFinite(x) ? "n/a" : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const rng = (s, f) => (Number.isFinite(s.median) ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : "none");
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const bytes = (b) => `${b.toLocaleString("en-GB")} B (${kb(b)})`;
const pct = (x) => `${(x * 100).toFixed(0)}%`;
const met = (ok) => (ok ? "**met**" : "**missed**");
const by = (actual, target, unit) => {
  const over = actual - target;
  return over <= 0 ? `${unit(-over)} under` : `${unit(over)} over (${pct(over / target)})`;
};

const perCallRatio = ratios.chromeJsonLogic.median;
const targets = [
  ["Per call in Chromium, ours / json-logic-js (same inputs; theirs fed precomputed facts)", "≤ 1.0",
    `${ratios.chromeJsonLogic.median.toFixed(1)} (${ratios.chromeJsonLogic.min.toFixed(1)}–${ratios.chromeJsonLogic.max.toFixed(1)})`,
    met(perCallRatio <= TARGETS.perCallRatio), perCallRatio <= 1 ? "" : `${perCallRatio.toFixed(1)}× json-logic-js's time (${us(chrome["ours.assessCouncil"].median)} µs vs ${us(chrome.jsonLogic.median)} µs); an engine in wasm that does no work at all, only taking this input into wasm memory and returning this answer as new objects with the text it composes read out of wasm memory, already takes ${us(wasmFloorUs.median)} µs, ${wasmFloorRatio.median.toFixed(2)}× json-logic-js (${wasmFloorRatio.min.toFixed(2)}–${wasmFloorRatio.max.toFixed(2)} over the runs)${wasmFloorRatio.min > 1 ? ": out of reach for an engine in wasm that writes its reasons" : ""} ([why](#time-per-call))`],
  ["Batch, assessCouncils over Ofsted's 153 councils, per council", `≤ ${TARGETS.batchUsPerCouncil} µs`,
    `${rng(batchOfsted, us)} µs`, met(batchOfsted.median <= TARGETS.batchUsPerCouncil),
    batchOfsted.median <= TARGETS.batchUsPerCouncil ? "" : `${by(batchOfsted.median, TARGETS.batchUsPerCouncil, (x) => `${us(x)} µs`)}; an engine in wasm that does no work at all, only taking the inputs into wasm memory and returning the answers as new objects with the text it composes read out of wasm memory, already takes ${us(batchWasmFloor.median)} µs a council (${us(batchWasmFloor.min)}–${us(batchWasmFloor.max)})${batchWasmFloor.median >= TARGETS.batchUsPerCouncil ? `, over the whole target before any work${batchWasmFloor.min >= TARGETS.batchUsPerCouncil ? " in every run" : ""}` : `, leaving ${us(TARGETS.batchUsPerCouncil - batchWasmFloor.median)} µs for reading, checking, deciding and writing each answer`} ([why](#batch))`],
  ["Release wasm, gzip -9", `≤ ${bytes(TARGETS.wasmGzipBytes)}`, bytes(sizes.wasm.gzip),
    met(sizes.wasm.gzip <= TARGETS.wasmGzipBytes), by(sizes.wasm.gzip, TARGETS.wasmGzipBytes, bytes)],
  ["Whole first load of www/index.html, gzip (each body gzip -9)", `≤ ${bytes(TARGETS.firstLoadGzipBytes)}`,
    bytes(firstLoad.served.gzip), met(firstLoad.served.gzip <= TARGETS.firstLoadGzipBytes),
    by(firstLoad.served.gzip, TARGETS.firstLoadGzipBytes, bytes)],
  ["Navigation to checker ready, minus the empty page in the same run", `≤ ${TARGETS.readyWithinMs} ms`,
    `${rng(nav.diff, ms)} ms`, met(nav.diff.median <= TARGETS.readyWithinMs), `${by(nav.diff.median, TARGETS.readyWithinMs, (x) => `${ms(x)} ms`)}${nav.diff.median <= TARGETS.readyWithinMs ? "" : `; ${floorWords()} ([why](#navigation-to-ready-against-an-empty-page))`}`],
];

const L = [];
const p = (s = "") => L.push(s);
const table = (head, rows) => {
  p(`| ${head.join(" | ")} |`);
  p(`|${head.map(() => "---").join("|")}|`);
  for (const r of rows) p(`| ${r.join(" | ")} |`);
  p();
};
const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");

p("# Benchmarks");
p();
p(`Written by \`bash bench/run\` (bench/run.mjs) on ${now}, commit ${gitHead}${gitDirty ? " with uncommitted changes" : ""}. `
  + "Do not edit by hand: run the command again. Timings are medians over runs with the range (min–max) "
  + `over runs; ${RUNS} runs, ${PASSES} timed passes each after a warm-up pass. Nothing here is gated except the wasm's gzip size (scripts/size-gate.mjs).`);
p();
p("## Targets");
p();
table(["target", "wanted", "measured", "", "by how much"], targets);
p("Where a target is missed, [what the cost is made of](#what-the-cost-is-made-of) says why.");
p();

p("## Machine and versions");
p();
table(["", ""], [
  ["machine", `${machine.os}; ${machine.cpu}; ${machine.cores} cores; ${machine.memoryGiB} GiB`],
  ["load", `${machine.load}: other work on the machine during the run inflates every time; compare within a run (ratios, differences)`],
  ...Object.entries(versions).map(([k, v]) => [k, `\`${v}\``]),
  ["Rust profile", "release: opt-level \"z\", lto, codegen-units 1, panic abort (criterion's bench profile inherits it); wasm-pack's wasm-opt -Oz"],
]);

p("## Method");
p();
p(`- **Inputs**: ${N.toLocaleString("en-GB")} generated council inputs under the 2016 protocol (asOf 2016-07-04 to 2025-12-31; 0–6 inspections, SIF before 2018 and ILACS after, key judgements, monitoring and focused visits, concerns, commissioner and trust dates, some reports published after asOf), ${N.toLocaleString("en-GB")} more across both rulesets (a quarter under the 2015 announcement, by date or named) and ${N.toLocaleString("en-GB")} sponsor inputs of every kind of organisation: all from a seeded PRNG (bench/lib/generate.mjs), the same every run. The batch input is Ofsted's file: all ${ofsted.length} councils of \`latest_as_at_2025-03-31.csv\` with their whole history from \`ilacs_history_2018-2025.csv\`, read at run time from \`data/ofsted/\` (bench/lib/ofsted.mjs), assessed on 2025-03-31.`);
p("- **Peers**: the same council decision, SPEC §3.3's nine rows, written for json-logic-js (bench/peers/protocol-2016.jsonlogic.json), for GoRules ZEN as a JDM decision graph with a first-hit decision table (bench/peers/protocol-2016.jdm.json) and as one ZEN expression (bench/peers/protocol-2016.zen-expression.txt). They are fed precomputed facts (hasInspection, latestGrade, persistent, systemic, insufficientVisit, triggers, priorityActionsVisit, highPerforming) that the harness computes from the same raw inputs (bench/lib/facts.mjs), outside the timing. Ours does the whole job inside the timing: it reads the raw input (dates, grades in Ofsted's wording, history), validates it, chooses the ruleset by date, derives the facts, decides, and writes the full answer with reasons, sources, dates and warnings.");
p("- **Per call**: a pass calls one contender on every input and divides the elapsed time by the count; the contenders' passes are interleaved, the order rotating each pass. Ours is called exactly as a page calls it: `assessCouncil(input)` with a JavaScript object, returning an object.");
p(`- **Batch**: \`assessCouncils\` over Ofsted's councils, timed ${BATCH_REPS} times in the bench page after the per-call passes (its wasm by then fully optimised).`);
p("- **Floors without JSON** (reading the input and building the answer in JavaScript, and an engine in wasm doing nothing): measured in pages of their own, a fresh context each for the per-call floors and the batch's, because after the engines' calls the JIT's state of their helpers made them up to twice as slow (the batch's several times), which would overstate a floor. The per-call floors' page measures json-logic-js again, interleaved with them, and their ratios are to that measurement.");
p(`- **Runs**: each browser run is a fresh browser context (cold cache) in one headless Chromium (\`/usr/bin/chromium\`, playwright-core), the page served from 127.0.0.1 by a Node static server (bench/lib/server.mjs, no compression, no caching). The bench page is cross-origin isolated (COOP/COEP), which gives it 5 µs timers. Each Node run is a fresh \`node\` process. Native runs are criterion's samples (${native[0]?.samples ?? "n"} per benchmark, 3 s each).`);
p(`- **Ready**: time from navigation start (the page's performance time origin) to the checker being ready, taken as ${firstLoad.readyBy}${firstLoad.readyBy.includes("mark") ? "" : ` (no \`performance.mark("checker-ready")\` on the page; if it sets one, that is used)`}; the empty page (bench/empty.html) and the floor pages (written by this script into bench/out/: one-script, stylesheet-only, static-start and engine-only, [below](#navigation-to-ready-against-an-empty-page)) are measured the same way in the same run, the one-script and engine-only pages by the same rule, the stylesheet-only page at the later of DOMContentLoaded and the load event, the static start page at the later of its first contentful paint and DOMContentLoaded. Each navigation is a fresh browser context (cold cache, a new renderer process); each run navigates to each page ${NAV_REPS} times, alternating, and keeps each page's median; the difference is taken within the run. The static server runs in its own process.`);
p("- **Sizes**: gzip is node:zlib level 9, brotli is quality 11. The first load is every response the server sent from navigation until the network was quiet for a second (including any service worker's fetches), each body gzipped on its own and summed; headers are not counted.");
p();

p("## Native (criterion)");
p();
if (native.length) {
  table(["benchmark", "what", "median µs (min–max of samples)"], native.map((n) => [
    `\`${n.id}\``,
    {
      "council/realistic": "assess_council, a Sandwell-like history under the 2016 protocol (3 inspections, 3 visits, 2 concerns, commissioner, trust)",
      "council/largest-real": `assess_council, the largest real history in Ofsted's file${largestReal ? `: ${largestReal}` : ""}, on 2025-03-31`,
      "council/realistic/json": "the realistic case from JSON text to JSON text (parse, assess, serialise): the work the wasm boundary adds",
      "sponsor/charity": "assess_sponsor, a charity with three registered services",
      "sponsor/council": "assess_sponsor, a council with its own Ofsted history",
      "sponsor/charity/json": "the charity from JSON text to JSON text",
      "rulesets/load": "reading and validating the embedded ruleset data: the work of the first call after init",
    }[n.id] ?? "",
    `${us(n.median)} (${us(n.min)}–${us(n.max)})`,
  ]));
} else p("Not run (use `bash bench/run`).\n");

p("## In headless Chromium");
p();
p(`### Per call through the JS boundary (${N.toLocaleString("en-GB")} generated inputs)`);
p();
table(["contender", "what it does per call", "µs per call", "ours / theirs"], [
  ["**ours** `assessCouncil`", "raw input → full answer (2016 protocol set)", rng(chrome["ours.assessCouncil"], us), ""],
  ["json-logic-js 2.0.5 `jsonLogic.apply`", "precomputed facts → intervention", rng(chrome.jsonLogic, us), rng(ratios.chromeJsonLogic, (x) => x.toFixed(1))],
  ["ZEN wasm 0.23.1 `evaluateExpression`", "precomputed facts → intervention (the decision as one expression; parsed each call)", rng(chrome.zenExpression, us), rng(ratios.chromeZenExpr, (x) => x.toFixed(2))],
  ["**ours** `assessCouncil`, both rulesets", "raw input → full answer (mixed set)", rng(chrome["ours.assessCouncil.mixed"], us), ""],
  ["**ours** `assessSponsor`", "raw input → full answer, 14 criteria", rng(chrome["ours.assessSponsor"], us), ""],
  ["json-logic-js, again, in the floors' page", "the reference for the ratios of the floors below (except the JSON floor)", rng(chrome["floors.jsonLogic"], us), ""],
  ["floor: no engine, objects only", "a JavaScript deep copy of the answer (new objects and arrays, the same strings): the least any boundary pays to build it", rng(chrome["floor.answerCopy"], us), rng(perRun(browserRuns, (r) => median(r.per["floor.answerCopy"]) / median(r.per["floors.jsonLogic"])), (x) => x.toFixed(2))],
  ["floor: no engine, input read + answer built", "reading every key and value of the input in JavaScript (string lengths summed), as any boundary that copies the input into wasm must, plus the deep copy above: the least any engine taking this input and returning this answer as new objects pays", rng(walkCopyUs, us), rng(walkCopyRatio, (x) => x.toFixed(2))],
  ["floor: no engine", "`JSON.stringify(input)` + `JSON.parse(answer text)`: the least any engine returning this answer as a new object pays", rng(floorUs, us), rng(floorRatio, (x) => x.toFixed(2))],
  ["floor: input into wasm memory", "every value of the input written into a wasm memory as it stands (a string's characters, 8 bytes a number; keys left out): the least any boundary pays that hands this input to an engine in wasm", rng(chrome["floor.inputIntoWasm"], us), rng(perRun(browserRuns, (r) => median(r.per["floor.inputIntoWasm"]) / median(r.per["floors.jsonLogic"])), (x) => x.toFixed(2))],
  ["floor: answer out of wasm memory", `the deep copy above with the text the engine composes read out of a wasm memory (every string of the answer that is in neither the input nor the ruleset data and is not an identifier (a word with no spaces): reason texts, next steps, warnings, worked-out dates; ${agree0.composedPerAnswer.toFixed(1)} strings, ${Math.round(agree0.composedCharsPerAnswer)} characters an answer on these inputs), one \`TextDecoder\` call for the answer's texts, then sliced; every other string ready-made`, rng(chrome["floor.answerFromWasm"], us), rng(perRun(browserRuns, (r) => median(r.per["floor.answerFromWasm"]) / median(r.per["floors.jsonLogic"])), (x) => x.toFixed(2))],
  ["**floor: an engine in wasm doing nothing**", "the two rows above together: the least an engine in wasm pays that takes this input and returns this answer, with its reasons, as new objects, before it does any work", rng(wasmFloorUs, us), rng(wasmFloorRatio, (x) => x.toFixed(2))],
]);
p("ZEN's full decision-table engine has no browser build that runs here: see [ZEN in the browser](#zen-in-the-browser).");
p();
p("### Batch");
p();
table(["call", "ms per call", "µs per council"], [
  [`\`assessCouncils\`, Ofsted's ${ofsted.length} councils`, rng(batchOfstedCall, ms), rng(batchOfsted, us)],
  [`\`assessCouncils\`, the ${N.toLocaleString("en-GB")} generated councils`, "", rng(batchMany, us)],
]);
const b0 = browserRuns[0].batch;
p(`Of the ${us(batchOfsted.median)} µs per council, the JavaScript side of the boundary takes ${us(batchInJs.median)} µs (writing the input as JSON text) and ${us(batchOutJs.median)} µs (\`JSON.parse\` of the answer); the rest, about ${us(batchOfsted.median - batchInJs.median - batchOutJs.median)} µs, is inside the wasm. With no engine at all, the browser's own \`JSON.stringify\` of the inputs and \`JSON.parse\` of the answers take ${us(batchFloor.median)} µs a council. Without JSON, writing every value of the inputs into a wasm memory takes ${us(batchIntoWasm.median)} µs a council and building the answers as new objects with the text the engine composes (${b0.composedPerAnswer.toFixed(1)} strings, ${Math.round(b0.composedCharsPerAnswer)} characters an answer, as [per call](#per-call-through-the-js-boundary-10000-generated-inputs)) read out of wasm memory (one \`TextDecoder\` call for the batch, then slices) ${us(batchFromWasm.median)} µs: ${us(batchWasmFloor.median)} µs (${us(batchWasmFloor.min)}–${us(batchWasmFloor.max)} over the runs) that an engine in wasm returning these answers as new objects pays before it does any work, ${pct(batchWasmFloor.median / TARGETS.batchUsPerCouncil)} of the ${TARGETS.batchUsPerCouncil} µs target. ${batchWasmFloor.min >= TARGETS.batchUsPerCouncil ? `So no engine in wasm that returns these answers, with their reasons, as new objects can meet the target on this machine, however fast its own work. ` : `What the target leaves, ${us(Math.max(0, TARGETS.batchUsPerCouncil - batchWasmFloor.median))} µs a council (median), would have to hold reading and checking the input, the assessment and writing the answer. `}${native.length ? `Natively the assessment alone (no reading, no writing) takes ${us(native.find((n) => n.id === "council/largest-real")?.median)} µs on the largest real history.` : ""} The batch's input is ${Math.round(b0.inputChars / b0.councils)} characters of JSON per council, its answer ${Math.round(b0.outputChars / b0.councils)}.`);
p();
p(`Outcomes for Ofsted's councils on 2025-03-31: ${Object.entries(b0.byIntervention).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ")}.`);
p();
p("### Instantiate");
p();
table(["module", "bytes", "compile only, ms", "compile + instantiate + glue (`init(bytes)`), ms"], [
  ["ours", sizes.wasm.raw.toLocaleString("en-GB"), rng(inst.oursCompile, ms), rng(inst.ours, ms)],
  ["ZEN wasm (expressions only), for scale", sizes.zenWasm.raw.toLocaleString("en-GB"), rng(inst.zenCompile, ms), rng(inst.zen, ms)],
]);
p(`The first \`assessCouncil\` after \`init\`, which also reads the embedded ruleset data, takes ${rng(inst.oursFirstCall, ms)} ms. In Node, \`initSync\` of ours takes ${rng(inst.node, ms)} ms.`);
p();
p("### Navigation to ready, against an empty page");
p();
table(["page", "first contentful paint, ms", "load event, ms", "ready, ms", `ready, best of ${RUNS * NAV_REPS}, ms`], [
  ["bench/empty.html", rng(nav.emptyFcp, ms), rng(nav.emptyLoad, ms), rng(nav.empty, ms), ms(nav.emptyBest)],
  ...[
    ["script", "bench/out/one-script.html (the empty page and one tiny module script)"],
    ["css", "bench/out/stylesheet-only.html (the empty page and the start page's stylesheet)"],
    ["static", "bench/out/static-start.html (the start page's HTML and stylesheet, no scripts)"],
    ["engine", "bench/out/engine-only.html (the start page's stylesheet and engine: no app)"],
  ].map(([n, label]) => [label, rng(nav.page[n].fcp, ms), rng(nav.page[n].load, ms), rng(nav.page[n].ready, ms), ms(nav.page[n].best)]),
  ["www/index.html (the start page)", rng(nav.startFcp, ms), rng(nav.startLoad, ms), rng(nav.start, ms), ms(nav.startBest)],
  ...[["script", "one-script"], ["css", "stylesheet-only"], ["static", "static start page"], ["engine", "engine-only"]]
    .map(([n, label]) => [`${label} minus empty (same run)`, "", "", rng(nav.page[n].diff, ms), ms(nav.page[n].best - nav.emptyBest)]),
  ["start page minus empty (same run)", "", "", `**${rng(nav.diff, ms)}**`, ms(nav.startBest - nav.emptyBest)],
]);
p("The floor pages, written by this script into bench/out/, each add to the empty page a part of what the start page loads, and are navigated in the same runs, alternating with the others:");
p();
p(`- **one-script**: one module script (bench/one-script.mjs, ${oneScriptBytes} bytes, which sets a flag); ready at DOMContentLoaded, which waits for it: the least any page that runs a script pays.`);
p("- **stylesheet-only**: `<link rel=stylesheet href=/www/dist/checker.css>` and nothing else; ready at the later of DOMContentLoaded and the load event (a stylesheet alone does not hold back DOMContentLoaded; the load event waits for it).");
p(`- **static start page**: www/index.html with its scripts, and the preloads of its code and engine, taken out (URLs made absolute): its text is laid out and painted with its stylesheet and no JavaScript runs. Ready at the later of its first contentful paint and DOMContentLoaded, which was its first contentful paint in ${staticPaintLater} of ${staticNavs.length} navigations${staticNoPaint ? ` (in ${staticNoPaint} no paint was reported and the load event stood in for it)` : ""}.`);
p("- **engine-only**: what the start page needs before it can be ready — the same stylesheet and the engine's glue and `.wasm`, preloaded the same way — and the engine instantiated, running none of the app and rendering nothing.");
p();
{
  const T = TARGETS.readyWithinMs;
  const d = (n) => nav.page[n].diff.median;
  const over = [["one tiny script", "script"], ["the stylesheet", "css"], ["the start page's static text", "static"], ["the stylesheet with the engine", "engine"]]
    .filter(([, n]) => d(n) > T).map(([w]) => w);
  const rest = nav.diff.median - d("engine");
  p(`Against the target of ${T} ms after the empty page (medians of the differences within each run): ${floorWords()}; the start page ${ms(nav.diff.median)} ms. `
    + (over.length ? "" : `Each floor alone is within ${T} ms of the empty page on this machine. `)
    + "Before it is ready the start page runs module scripts, which wait for the stylesheet linked before them, and instantiates the engine, so it pays for the script, the stylesheet and the engine; "
    + `it also lays out and paints its text, but its first contentful paint (${ms(nav.startFcp.median)} ms from navigation start) is not what its ready waits for. `
    + (d("script") > T
      ? `So a page that must run a script before it is ready, as the checker must, is over the target on this machine before it does any work of its own (${ms(d("script"))} ms). `
      : "")
    + (d("engine") > T
      ? `A page that loads this stylesheet and this engine before it is ready is ${ms(d("engine"))} ms over the empty page before any app code runs. `
      : "")
    + (rest > 0
      ? `The rest of the start page's time, about ${ms(rest)} ms beyond the engine-only page, is the app: its own code (fetched, parsed, run) and what it renders.`
      : "The start page is no later than the engine-only page in this run's medians: the app's own cost is within the noise here."));
  p();
  // A floor that comes out above the start page itself: say so, and whether the runs overlap.
  const above = [["one-script page", "script"], ["stylesheet-only page", "css"], ["static start page", "static"], ["engine-only page", "engine"]]
    .filter(([, n]) => d(n) > nav.diff.median);
  if (above.length) {
    const overlap = above.every(([, n]) => nav.page[n].diff.min <= nav.diff.max && nav.diff.min <= nav.page[n].diff.max);
    p(`The ${above.map(([w]) => w).join(", ")} came out above the start page's own ${ms(nav.diff.median)} ms in the medians`
      + (overlap ? "; the ranges over runs overlap, so on this machine that order is within the noise" : "")
      + (above.some(([, n]) => n === "static") ? `; the static start page is ready at its first contentful paint (${ms(nav.page.static.fcp.median)} ms from navigation start), which the start page's ready does not wait for (its own first contentful paint: ${ms(nav.startFcp.median)} ms)` : "")
      + ".");
    p();
  }
}
p(`The start page instantiated ${firstLoad.wasmCount} wasm module(s)${firstLoad.sw ? "; a service worker controlled it by the end of the run" : ""}.${firstLoad.errors.length ? ` Page errors: ${firstLoad.errors.slice(0, 3).join("; ")}.` : ""}`);
p();
{
  // The timeline of the run whose difference is the median: what the start page waits for.
  const sorted = [...navRuns].sort((a, b) => (a.start.ready - a.empty.ready) - (b.start.ready - b.empty.ready));
  const m = sorted[Math.floor(sorted.length / 2)].start;
  const rows = m.resources.map((e) => [e.end, `\`${e.name}\``, ms(e.start), ms(e.end)]);
  for (const w of m.rec.wasm) rows.push([w.end, `wasm ${w.api}`, ms(w.start), ms(w.end)]);
  rows.push([m.dcl, "DOMContentLoaded", "", ms(m.dcl)]);
  if (m.fcp !== null) rows.push([m.fcp, "first contentful paint", "", ms(m.fcp)]);
  if (m.rec.loadingGoneAt !== null) rows.push([m.rec.loadingGoneAt, "\"Loading the checker…\" gone", "", ms(m.rec.loadingGoneAt)]);
  rows.push([m.ready + 1e-6, "**ready**", "", `**${ms(m.ready)}**`]);
  rows.sort((a, b) => a[0] - b[0]);
  for (const r of rows) r.shift();
  p("Timeline of the start page's navigation in the median run (ms from navigation start; fetches from request to last byte):");
  p();
  table(["event", "from", "until"], rows);
  const wasmFetch = m.resources.find((e) => e.name.endsWith(".wasm"));
  const jsDone = Math.max(...m.resources.filter((e) => /\.m?js$/.test(e.name)).map((e) => e.end));
  if (wasmFetch) {
    p(`What "ready" waits for, in that run: the module scripts (the last one in at ${ms(jsDone)} ms; DOMContentLoaded at ${ms(m.dcl)} ms); `
      + `the wasm is requested at ${ms(wasmFetch.start)} ms, arrives at ${ms(wasmFetch.end)} ms and is instantiated by ${ms(Math.max(...m.rec.wasm.map((w) => w.end)))} ms; `
      + `the page is ready at ${ms(m.ready)} ms (its first engine call reads the embedded ruleset data: ${ms(inst.oursFirstCall.median)} ms on the bench page). `
      + `The empty page is ready at ${ms(sorted[Math.floor(sorted.length / 2)].empty.ready)} ms in the same run.`);
    p();
  }
}

p("## Peers in Node (same inputs, same run)");
p();
table(["contender", "µs per call", "ours / theirs"], [
  ["**ours** `assessCouncil` (wasm, `initSync`)", rng(nodeT["ours.assessCouncil"], us), ""],
  ["json-logic-js `jsonLogic.apply`", rng(nodeT.jsonLogic, us), rng(ratios.nodeJsonLogic, (x) => x.toFixed(1))],
  [`ZEN ${versions["@gorules/zen-engine"]} native, decision table (\`decision.evaluate\`, async, awaited per call)`, rng(nodeT.zenDecisionTable, us), rng(ratios.nodeZenTable, (x) => x.toFixed(2))],
  ["ZEN native, `evaluateExpressionSync`", rng(nodeT.zenExpression, us), rng(ratios.nodeZenExpr, (x) => x.toFixed(2))],
]);

p("## Agreement");
p();
const agreeRow = (label, a) => [label, `${a.same.toLocaleString("en-GB")} / ${a.total.toLocaleString("en-GB")}`,
  a.differ.length ? a.differ.map((d) => `#${d.at}: ours ${d.ours}, theirs ${d.theirs}`).join("; ") : "all agree"];
table(["peer", "same intervention as ours", "first differences"], [
  agreeRow("json-logic-js (Chromium)", agree0.jsonLogic),
  agreeRow("ZEN wasm expression (Chromium)", agree0.zenExpression),
  agreeRow("json-logic-js (Node)", nodeAgree.jsonLogic),
  agreeRow("ZEN native decision table (Node)", nodeAgree.zenDecisionTable),
  agreeRow("ZEN native expression (Node)", nodeAgree.zenExpression),
]);
p(`Interventions over the ${N.toLocaleString("en-GB")} protocol inputs: ${Object.entries(agree0.byIntervention).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ")}. `
  + `Errors: ${agree0.mixedErrors} of the mixed-ruleset inputs and ${agree0.sponsorErrors} of the sponsor inputs threw.`);
p();

p("## Sizes");
p();
table(["file", "raw", "gzip -9", "brotli 11"], [
  ["`www/pkg/trust_eligibility_bg.wasm` (release)", bytes(sizes.wasm.raw), `**${bytes(sizes.wasm.gzip)}**`, bytes(sizes.wasm.brotli)],
  ["`www/pkg/trust_eligibility.js` (glue)", bytes(sizes.glue.raw), bytes(sizes.glue.gzip), bytes(sizes.glue.brotli)],
  ["json-logic-js `logic.js`, for scale", bytes(sizes.jsonLogic.raw), bytes(sizes.jsonLogic.gzip), bytes(sizes.jsonLogic.brotli)],
  ["ZEN wasm (expressions only), for scale", bytes(sizes.zenWasm.raw), bytes(sizes.zenWasm.gzip), bytes(sizes.zenWasm.brotli)],
]);
p(`**Whole first load of www/index.html**: ${firstLoad.served.count} responses, ${bytes(firstLoad.served.raw)} raw, **${bytes(firstLoad.served.gzip)} gzip** `
  + `(of which the page itself received ${firstLoad.page.count} responses, ${bytes(firstLoad.page.raw)} raw, ${bytes(firstLoad.page.gzip)} gzip${firstLoad.served.count > firstLoad.page.count ? "; the rest were fetched outside the page, by its service worker" : ""}).`);
p();
table(["file fetched on first load", "status", "raw", "gzip", ""], firstLoad.files.map((f) => [
  `\`${f.path}\``, String(f.status), f.raw.toLocaleString("en-GB"), f.gzip.toLocaleString("en-GB"), f.byPage ? "" : "service worker",
]));

p("## What the cost is made of");
p();
p("### Size of the wasm");
p();
p("Sections of the shipped release wasm (each section gzipped alone, so the parts add up to a little more than the whole):");
p();
table(["section", "raw", "gzip"], sizes.sections.map((s) => [s.name, s.raw.toLocaleString("en-GB"), s.gzip.toLocaleString("en-GB")]));
if (tw) {
  p(`twiggy on the build with names before wasm-opt (\`${tw.file}\`, the cargo output this release came from, ${tw.fileBytes.toLocaleString("en-GB")} B; shipped items only, names and custom sections left out: ${tw.total.toLocaleString("en-GB")} B), shallow bytes by origin:`);
  p();
  table(["origin", "bytes", "share"], tw.groups.slice(0, 18).map(([g, b]) => [g, b.toLocaleString("en-GB"), pct(b / tw.total)]));
  p("Largest single items:");
  p();
  table(["item", "bytes"], tw.top.map((t) => [`\`${t.name.replace(/\|/g, "\\|").slice(0, 110)}\``, t.bytes.toLocaleString("en-GB")]));
} else p("(twiggy not available, or no named build in target/.)\n");
p("### Time per call");
p();
const oursUs = chrome["ours.assessCouncil"].median;
const inJs = chrome["boundary.inputToJson"].median + chrome["boundary.outputParse"].median;
p(`Of ours' ${us(oursUs)} µs per \`assessCouncil\` call in Chromium, the JavaScript side of the boundary takes about ${us(inJs)} µs: `
  + `writing the input as JSON text (the boundary's own \`toJson\`) ${us(chrome["boundary.inputToJson"].median)} µs and \`JSON.parse\` of the answer ${us(chrome["boundary.outputParse"].median)} µs. `
  + `The rest, about ${us(oursUs - inJs)} µs, is inside the wasm: reading the JSON, the assessment, and writing the full answer as JSON text (on these inputs the input averages ${Math.round(agree0.meanInputChars)} characters of JSON and the answer, with its reasons, sources, dates and warnings, ${Math.round(agree0.meanOutputChars)}). `
  + (native.length ? `Natively, the realistic case costs ${us(native.find((n) => n.id === "council/realistic")?.median)} µs for the assessment alone and ${us(native.find((n) => n.id === "council/realistic/json")?.median)} µs from JSON text to JSON text: reading and writing JSON is most of the cost, the decision itself a small part. ` : "")
  + `The peers do only the last step, picking a row from precomputed facts; json-logic-js does it in ${us(chrome.jsonLogic.median)} µs. `
  + `That is less than the browser itself needs to hand this input over and to build this answer as a new object, with no engine in between: \`JSON.stringify\` of the input ${us(chrome["floor.inputStringify"].median)} µs plus \`JSON.parse\` of the answer text ${us(chrome["boundary.outputParse"].median)} µs, ${us(floorUs.median)} µs in all, ${floorRatio.median.toFixed(1)}× json-logic-js's whole call. `
  + `Even without JSON, only building an object of the answer's shape from ready-made strings (a JavaScript deep copy) takes ${us(chrome["floor.answerCopy"].median)} µs, `
  + `and only reading every key and value of the input in JavaScript (what any boundary that copies the input into wasm must at least do) ${us(chrome["floor.inputWalk"].median)} µs: `
  + `${us(walkCopyUs.median)} µs together, ${walkCopyRatio.median.toFixed(2)}× json-logic-js's call (${walkCopyRatio.min.toFixed(2)}–${walkCopyRatio.max.toFixed(2)} over the runs). `
  + (walkCopyRatio.min > 1
    ? "So no engine taking this input and returning this answer as new objects can be as fast as json-logic-js's row pick on this machine. "
    : walkCopyRatio.median <= 1
      ? `That is less than json-logic-js's call${walkCopyRatio.max > 1 ? ` (in ${walkCopyRatios.filter((x) => x <= 1).length} of ${walkCopyRatios.length} runs)` : ""}: this floor alone does not rule out an engine that takes this input and returns this answer as new objects matching json-logic-js's row pick; the JSON floor above does for one that hands them over as JSON text. `
      : `That is above json-logic-js's call in ${walkCopyRatios.filter((x) => x > 1).length} of ${walkCopyRatios.length} runs and not in the others: this floor alone does not settle whether such an engine could match json-logic-js's row pick on this machine. `)
  + `An engine in wasm also has to write the input into wasm memory (${us(chrome["floor.inputIntoWasm"].median)} µs instead of only reading it) and read the text it composes out of wasm memory (the answer then costs ${us(chrome["floor.answerFromWasm"].median)} µs instead of ${us(chrome["floor.answerCopy"].median)}): ${us(wasmFloorUs.median)} µs before it does any work, ${wasmFloorRatio.median.toFixed(2)}× json-logic-js's call (${wasmFloorRatio.min.toFixed(2)}–${wasmFloorRatio.max.toFixed(2)}; above it in ${wasmFloorRatios.filter((x) => x > 1).length} of ${wasmFloorRatios.length} runs); counting only reading the input, not writing it anywhere, ${walkFromWasmRatio.median.toFixed(2)}× (${walkFromWasmRatio.min.toFixed(2)}–${walkFromWasmRatio.max.toFixed(2)}). `
  + (wasmFloorRatio.min > 1
    ? "So an engine in wasm that composes its reasons, as ours must (SPEC §7: one engine behind every interface; every answer carries its reasons), cannot match json-logic-js's row pick on this machine however fast its own work; only moving the wording into JavaScript could, which would put a second renderer of the rules' wording beside the engine's. "
    : "")
  + "Ours returns the full answer (reasons, sources, dates, warnings) as a new plain object on every call, which json-logic-js's row pick does not; what ours costs beyond these floors is in the wasm, above.");
p();
p("Tried and not taken (measured once, not by this run): a reader that fills the typed inputs straight from the JSON text, with no `Json` tree, falling back to the tree reader on anything unusual so that every error stays the same (branch `direct-reader`, edb3372, 2026-12-02). Natively it cuts reading a council from 52.3k to 27.2k instructions (callgrind) and a council from JSON text to JSON text from 95.3k to 69.7k (−27%). But at the wasm boundary it adds 5,388 B gzip (64,127 B, over the 61,440 B target), because the tree reader must stay for its errors and for the ruleset data. Compiled for native only it would have the CLI and the browser read inputs by different code, for a gain no analyst would notice (Ofsted's 153 councils take about 1.5 ms natively either way), so it is not merged: the tree reader stays the one reader.");
p();
p("### ZEN in the browser");
p();
p(`- \`@gorules/zen-engine-wasm\` ${versions["@gorules/zen-engine-wasm"]} (the wasm build on npm) runs in this page with no special headers, but it evaluates ZEN **expressions only** (its README: \"Currently, it supports only expressions\"); it has no decision tables or graphs. It is measured above with the same nine rows written as one ZEN expression; its API takes the expression text on every call.`);
p("- The full engine's browser build is `@gorules/zen-engine-wasm32-wasi` (napi-rs, WASI), which `@gorules/zen-engine`'s `browser` entry re-exports. Its only release on the registry here is 0.52.1 (the version of the Node engine used above, which names it as an optional dependency), and npm does not install it on this machine: it is declared for `cpu: wasm32`, so it is skipped as an optional dependency and refused (EBADPLATFORM) as a direct one. To run it a page needs: the 6.9 MB wasm (6,931,353 B raw); `@napi-rs/wasm-runtime` (with `@emnapi/core`, `@emnapi/runtime`, `@tybys/wasm-util`), which its loader and its worker import by bare name, and a worker URL written as a package path (`new URL('@gorules/zen-engine-wasm32-wasi/wasi-worker-browser.mjs', import.meta.url)`), so in practice a bundler; a shared `WebAssembly.Memory`, so SharedArrayBuffer, so a cross-origin isolated page (COOP `same-origin` and COEP `require-corp`); module workers for its async work pool; and an async API (`evaluate` returns a Promise). The ZEN decision table is therefore measured natively in Node only.");
p();

writeFileSync(OUT, L.join("\n"));
writeFileSync(join(outDir, "results.json"), JSON.stringify({ now, versions, machine, sizes, native, nodeRuns, browserRuns, navRuns: navRuns.map((r) => Object.fromEntries(Object.entries(r.all).map(([k, xs]) => [k, xs.map((x) => ({ ...x, responses: undefined, served: undefined }))]))), firstLoad, twiggy: tw }, null, 1));
say(`wrote ${relative(process.cwd(), OUT)} (raw data: ${relative(process.cwd(), join(outDir, "results.json"))})`);
for (const t of targets) say(`${t[3].replace(/\*/g, "")}: ${t[0]}: ${t[2]}`);
