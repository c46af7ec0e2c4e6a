// Shared by the browser tests: a static server for www/ on a free port (bounded, closed at the
// end), one headless Chromium per test file, keyboard-only helpers, axe-core scans and screenshots.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { CSP } from "../../www/js/govuk/chrome.js";

export const root = fileURLToPath(new URL("../../", import.meta.url));
const www = join(root, "www");
export const outDir = join(root, "tests", "browser", "out");
export const fixtures = join(root, "tests", "browser", "fixtures");
/** The ruleset data the engine embeds: tests read expected wording from it, never restate it. */
export const rules = JSON.parse(readFileSync(join(root, "rulesets", "rulesets.json"), "utf8"));
export const rowTitle = (rulesetId, row) => rules.rulesets.find((r) => r.id === rulesetId).rows.find((r) => r.row === row).title;
export const criterion = (id) => rules.sponsor.criteria.find((c) => c.id === id);

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff",
};

/** A static server on a free port. By default it serves www/ as the checker's own site would be
 *  served: pages with the strict CSP as a real header (with frame-ancestors, which a <meta> cannot
 *  set: 'self' and the origins passed to allowFrameAncestor), other files with
 *  Access-Control-Allow-Origin so another origin's page can load the custom element. Options:
 *  dir (what to serve), csp (the pages' CSP), pages ({ "/path": html } served from memory), cors
 *  (false: no Access-Control-Allow-Origin, as a checker misconfigured would be served). */
export async function startServer({ dir = www, csp = CSP, pages = {}, cors = true } = {}) {
  const ancestors = new Set(["'self'"]);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
      if (path.endsWith("/")) file = join(file, "index.html");
      const body = pages[path] ?? await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const headers = { "content-type": type, "cache-control": "no-store" };
      if (type.startsWith("text/html")) headers["content-security-policy"] = `${csp}; frame-ancestors ${[...ancestors].join(" ")}`;
      else if (cors) headers["access-control-allow-origin"] = "*";
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}/`;
  return {
    url, origin: new URL(url).origin,
    allowFrameAncestor: (origin) => ancestors.add(origin),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    timeout: 60_000,
  });
}

/** A fresh browser context and page, watching for console errors, CSP violations, any request
 *  (from a page, a frame or the service worker) that leaves the origin (or `also`, the origins of
 *  other test servers), and any cookie set. page.requests lists every request made. */
export async function openPage(browser, base, { width = 1024, height = 800, javaScript = true, also = [] } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, javaScriptEnabled: javaScript });
  // Every CSP violation in any frame is reported to the console, which fails the test below.
  await context.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI}`
      + ` (${e.sourceFile || "?"}:${e.lineNumber}: ${e.sample || ""})`);
  }, true));
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error" || /Content Security Policy|Refused to/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  const allowed = [base, ...also];
  page.requests = [];
  context.on("request", (r) => {
    const u = r.url();
    page.requests.push(u);
    if (!allowed.some((b) => u.startsWith(b)) && !u.startsWith("blob:") && !u.startsWith("data:")) problems.push(`request left the origin: ${u}`);
  });
  context.on("response", async (r) => {
    const cookie = await r.headerValue("set-cookie").catch(() => null);
    if (cookie) problems.push(`cookie set by ${r.url()}: ${cookie}`);
  });
  page.problems = problems;
  page.jsEnabled = javaScript;
  return { context, page };
}

export async function ready(page) {
  await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
  await page.waitForFunction(() => document.body.dataset.painted, null, { polling: 50 });
}

/** The current page's address (?page=…), once painted. */
export const current = (page) => page.evaluate(() => document.body.dataset.page);

// ---- keyboard only ------------------------------------------------------------------------

/** Presses Tab until the focused element matches `test` (run in the page on the active element). */
export async function tabTo(page, describe, test, { max = 60, back = false } = {}) {
  for (let n = 0; n < max; n++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await page.evaluate(test)) return;
  }
  throw new Error(`keyboard: could not reach ${describe} with Tab`);
}
const isId = (id) => new Function(`return document.activeElement && document.activeElement.id === ${JSON.stringify(id)}`);

/** Tabs to the field with this id and types into it (clearing what is there). */
export async function typeInto(page, id, text) {
  await tabTo(page, `#${id}`, isId(id));
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  if (text) await page.keyboard.type(String(text));
}

/** Tabs to a radio group and moves to the option whose label is `label` with the arrow keys. */
export async function chooseRadio(page, name, label) {
  await tabTo(page, `radios ${name}`, new Function(`const a = document.activeElement; return a && a.type === "radio" && a.name === ${JSON.stringify(name)}`));
  const target = await page.evaluate(({ name, label }) => {
    const radios = [...document.querySelectorAll(`input[type=radio][name="${name}"]`)];
    return radios.findIndex((r) => document.querySelector(`label[for="${r.id}"]`).textContent.trim() === label);
  }, { name, label });
  if (target < 0) throw new Error(`no radio "${label}" in ${name}`);
  for (let n = 0; n < 20; n++) {
    const at = await page.evaluate((name) => [...document.querySelectorAll(`input[type=radio][name="${name}"]`)].indexOf(document.activeElement), name);
    const checked = await page.evaluate(() => document.activeElement.checked);
    if (at === target) { if (!checked) await page.keyboard.press("Space"); return; }
    await page.keyboard.press(at < target ? "ArrowDown" : "ArrowUp");
  }
  throw new Error(`could not choose ${label}`);
}

/** Ticks the checkboxes with these labels (Tab, Space). */
export async function tick(page, name, labels) {
  for (const label of labels) {
    await tabTo(page, `checkbox ${label}`, new Function(`const a = document.activeElement; return a && a.type === "checkbox" && a.name === ${JSON.stringify(name)} && document.querySelector('label[for="' + a.id + '"]').textContent.trim() === ${JSON.stringify(label)}`));
    if (!(await page.evaluate(() => document.activeElement.checked))) await page.keyboard.press("Space");
  }
}

export async function typeDate(page, id, iso) {
  const [y, m, d] = iso ? iso.split("-") : ["", "", ""];
  await typeInto(page, `${id}-day`, d ? String(Number(d)) : "");
  await typeInto(page, `${id}-month`, m ? String(Number(m)) : "");
  await typeInto(page, `${id}-year`, y);
}

/** Tabs to the button or link with this text and presses Enter; waits for the next page. */
export async function press(page, text, { wait = true } = {}) {
  const beforeUrl = page.url();
  const before = await page.evaluate(() => { window.__pressMark = true; return document.body.dataset.painted ?? null; });
  await tabTo(page, `“${text}”`, new Function(`const a = document.activeElement; return a && (a.tagName === "BUTTON" || a.tagName === "A") && a.textContent.replace(/\\s+/g, " ").trim() === ${JSON.stringify(text)}`), { max: 120 });
  await page.keyboard.press("Enter");
  if (wait && page.jsEnabled === false) {
    // Without JavaScript only links to other documents do anything (and nothing runs in the page).
    await page.waitForURL((u) => u.href !== beforeUrl, { timeout: 10_000 });
    await page.waitForLoadState("load");
  } else if (wait) {
    // The app marks each page it paints (body[data-painted]); a link to another document
    // (rules.html, or the app from there) is a new document, without the mark set above.
    await page.waitForFunction(({ b, js }) => {
      if (document.readyState !== "complete") return false;
      const painted = document.body?.dataset.painted ?? null;
      if (window.__pressMark) return painted !== b;
      return !js || !document.getElementById("app") || painted !== null;
    }, { b: before, js: page.jsEnabled !== false }, { timeout: 10_000, polling: 50 });
  }
}
export const submit = (page) => press(page, "Continue");

// ---- checks -------------------------------------------------------------------------------

export const heading = (page) => page.locator("h1").first().innerText();
export const text = (page, selector) => page.locator(selector).first().innerText();

/** The error summary: its title, focus, the "Error: " title and each message linked to a field. */
export async function expectErrors(page, messages) {
  await page.waitForSelector(".govuk-error-summary");
  const s = await page.evaluate(() => ({
    focused: document.activeElement?.classList.contains("govuk-error-summary"),
    title: document.title,
    heading: document.querySelector(".govuk-error-summary__title").textContent.trim(),
    links: [...document.querySelectorAll(".govuk-error-summary__list a")].map((a) => ({
      text: a.textContent.trim(), target: a.getAttribute("href"),
      exists: a.getAttribute("href").startsWith("#") ? !!document.getElementById(a.getAttribute("href").slice(1)) : true,
    })),
    inline: [...document.querySelectorAll(".govuk-error-message")].map((e) => e.textContent.replace("Error:", "").trim()),
  }));
  assert.equal(s.heading, "There is a problem");
  assert.ok(s.focused, "the error summary has focus");
  assert.match(s.title, /^Error: /);
  assert.deepEqual(s.links.map((l) => l.text), messages);
  for (const l of s.links) assert.ok(l.exists, `error link ${l.target} points at a field`);
  for (const m of messages) assert.ok(s.inline.includes(m), `inline message “${m}” shown by its field`);
  return s;
}

const scanned = new Set();
/** axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page as it is now; each page and state once. */
export async function axe(page, label) {
  const key = label ?? `${await current(page)}|${await page.evaluate(() => !!document.querySelector(".govuk-error-summary"))}`;
  if (scanned.has(key)) return;
  scanned.add(key);
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), [], `axe on ${key}`);
}

export async function screenshot(page, name) {
  await mkdir(outDir, { recursive: true });
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
}

/** The fenced block of README.md whose info string is `info` (e.g. "html embed-script"). */
export function readmeSnippet(info) {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const m = new RegExp("^```" + info.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "\n([\\s\\S]*?)^```$", "m").exec(readme);
  if (!m) throw new Error(`README.md has no \`\`\`${info} block`);
  return m[1];
}

export function noProblems(page) {
  assert.deepEqual(page.problems, [], "no console errors, CSP violations or requests leaving the origin");
}
