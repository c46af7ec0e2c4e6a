// Writes www/sw.js, the service worker that keeps the checker working offline after the first
// visit. Run by build/site.mjs once everything else is in www/: it finds what is there and
// precaches what the checker's pages need offline —
//   the pages (index.html, rules.html, embed.html), manifest.webmanifest, the bundled modules and
//   stylesheets (dist/, the page for Ofsted's outcomes among them), the iframe page's stylesheet,
//   the engine's .wasm, Ofsted's data as the pages read it (data/councils.json: the council
//   picker and the page for Ofsted's outcomes), the picker's widget (dist/autocomplete.js), and the images
//   the pages or stylesheets name (but favicon.ico)
// — and names the cache after a hash of all their contents, so each release is a new cache.
// So the page for Ofsted's outcomes works offline on the shipped data even if it was never
// opened online. Its spreadsheet reader (ofsted-reader.js, pkg-ofsted/: 665 KB), needed only to
// read a newer file of the user's own, is cached the first time it is used, never precached.
//
// On a first visit no file the page fetched is downloaded again (the favicon aside: see below).
// The pages register the worker once they have loaded, so what they fetched is in the browser's
// HTTP cache; the worker takes each file from
// there (cache: "force-cache", even though the server says no-cache) with the file's SHA-256 as
// the request's integrity, so the browser refuses a copy that is not this release's; only then
// is the file fetched from the network (cache: "reload"), again checked. A server that already
// holds a newer release than this worker's fails the install, and the old release stays.
//
// The list is workbox-build's (getManifest: the files matched by glob, each with its revision, a
// hash of its contents); the images are then cut to those the pages name, and each entry is given
// its SHA-256 for the worker's integrity checks. The worker itself (below) is this project's: it
// takes files from the HTTP cache first, which Workbox's runtime does not.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, basename } from "node:path";
import { getManifest } from "workbox-build";

/** What the pages need offline, as workbox-build globs relative to www/. */
const PRECACHE_GLOBS = ["index.html", "rules.html", "embed.html", "manifest.webmanifest", "embed/frame-page.css",
  "pkg/trust_eligibility_bg.wasm", "data/councils.json", "dist/*.{js,css}", "assets/**/*.{svg,png,woff,woff2}"];
/** Not precached, but a new one is a new release all the same. */
const READER_GLOBS = ["pkg-ofsted/**/*.{js,wasm}", "ofsted-reader.js", "pkg-rules/**/*.{js,wasm}"];

async function manifest(www, globPatterns, manifestTransforms = []) {
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: www, globPatterns, manifestTransforms,
    // The engine's wasm and Ofsted's data are well over workbox's 2 MB default together, not alone;
    // nothing the pages need is refused for its size.
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
  });
  return { entries: manifestEntries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)), warnings };
}

/** Images (and any font) only when a page or stylesheet names them, but favicon.ico (for
 *  browsers without SVG icons; Chromium asks for favicon.svg again at each page of the app, and
 *  fails loudly offline without it) and not the manifest's icons (fetched only to install the
 *  site as an app). The favicon is fetched by the browser on its own, after the page has loaded:
 *  the worker usually gets there first, so it is the one file fetched twice (1 KB). An image a
 *  stylesheet names for a class only, in SHOWN_BY, counts only when a page has that class. */
const namedImagesOnly = (www) => (entries) => {
  const read = (re) => entries.filter((e) => re.test(e.url)).map((e) => readFileSync(join(www, e.url), "utf8")).join("\n");
  const texts = read(/\.(html|css)$/);
  const pages = read(/\.html$/);
  const named = (name) => texts.includes(name) && (!SHOWN_BY[name] || pages.includes(SHOWN_BY[name]));
  return { manifest: entries.filter((e) => !e.url.startsWith("assets/") || named(basename(e.url))), warnings: [] };
};
/** GOV.UK Frontend's footer names its crest for the copyright logo, which the pages' footer
 *  (www/js/govuk/chrome.js) leaves out. */
const SHOWN_BY = { "govuk-crest.svg": "govuk-footer__copyright-logo" };

/** The files of www/ the pages need offline: workbox-build's entries ({ url, revision }), url
 *  relative to www/ with "/" separators, and its warnings (a glob that matched nothing). */
export const precacheManifest = (www) => manifest(www, PRECACHE_GLOBS, [namedImagesOnly(www)]);
export const precacheList = async (www) => (await precacheManifest(www)).entries.map((e) => e.url);

export async function buildServiceWorker(www) {
  const { entries, warnings } = await precacheManifest(www);
  // In a full build every glob matches.
  if (warnings.length) throw new Error(`build: workbox-build: ${warnings.join("; ")}`);
  const files = entries.map((e) => e.url);
  for (const need of ["index.html", "rules.html", "embed.html", "dist/checker.js", "dist/shared.js", "dist/checker.css",
    "pkg/trust_eligibility_bg.wasm", "data/councils.json"]) {
    if (!files.includes(need)) throw new Error(`build: the service worker would not precache ${need}`);
  }
  if (!files.some((f) => f.startsWith("dist/ofsted-page-"))) throw new Error("build: the service worker would not precache the page for Ofsted's outcomes");
  const integrity = {};
  let bytes = 0;
  for (const e of entries) {
    const body = readFileSync(join(www, e.url));
    bytes += body.length;
    integrity[e.url] = `sha256-${createHash("sha256").update(body).digest("base64")}`;
  }
  // The release: every precached file's and the reader's revision.
  const hash = createHash("sha256");
  for (const e of [...entries, ...(await manifest(www, READER_GLOBS)).entries]) hash.update(e.url).update("\0").update(e.revision).update("\0");
  const version = hash.digest("hex").slice(0, 16);
  writeFileSync(join(www, "sw.js"), serviceWorker(version, files, integrity));
  return { version, files, bytes };
}

const serviceWorker = (version, files, integrity) => `// Generated by build/sw.mjs: do not edit (see there for how updates work).
const CACHE = "trust-eligibility-${version}";
const PRECACHE = ${JSON.stringify(files, null, 2)};
// Each file's SHA-256: a copy from the HTTP cache is used only if it is this release's.
const INTEGRITY = ${JSON.stringify(integrity, null, 2)};
const scope = new URL(self.registration.scope);
const known = new Set(PRECACHE.map((f) => new URL(f, scope).href));
// Cached the first time they are used (the reader of Ofsted's spreadsheet, needed only for a file
// of the user's own; the engine with ruleset overrides, only for an override), in this release's cache.
const LAZY = ["pkg-ofsted/", "ofsted-reader.js", "pkg-rules/"].map((f) => new URL(f, scope).href);

/** One file of this release: the HTTP cache's copy if it is this release's, else the network's. */
async function thisRelease(file) {
  const url = new URL(file, scope);
  const integrity = INTEGRITY[file];
  try {
    const cached = await fetch(url, { cache: "force-cache", integrity });
    if (cached.ok) return cached;
  } catch { /* not there, or another release's: fetch it */ }
  const response = await fetch(url, { cache: "reload", integrity });
  if (!response.ok) throw new Error(\`\${file}: \${response.status}\`);
  return response;
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    Promise.all(PRECACHE.map(async (f) => cache.put(new URL(f, scope), await thisRelease(f))))));
});

self.addEventListener("activate", (event) => {
  // Runs once no page uses the previous worker: its cache can go.
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("trust-eligibility-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  // The pages are addressed with a query (?page=…, ?journey=…): one cached copy serves them all.
  url.search = "";
  url.hash = "";
  if (url.href === scope.href) url.href = new URL("index.html", scope).href;
  const lazy = LAZY.some((l) => url.href.startsWith(l));
  if (!known.has(url.href) && !lazy) return; // not part of the checker: the network, as without a worker
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(url.href);
    if (hit) return hit;
    const response = await fetch(request);
    if (lazy && response.ok) await cache.put(url.href, response.clone());
    return response;
  }));
});
`;
