// The npm package (pkg-npm/, assembled by build/npm.mjs): `npm pack` works and gives the
// fields and files a package needs; README's npm snippet runs in Node against the packed
// tarball, installed; the element imported from the installed package runs a journey.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launch, openPage, noProblems, readmeSnippet, root } from "./helpers.mjs";
import { inElement, waitReady, sponsorJourney } from "./journeys.mjs";

const pkgDir = join(root, "pkg-npm");
const version = /^version = "([^"]+)"/m.exec(readFileSync(join(root, "Cargo.toml"), "utf8"))[1];
let tmp, installed;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), "npm-"));
  const [packed] = JSON.parse(execFileSync("npm", ["pack", pkgDir, "--json", "--pack-destination", tmp], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  installed = join(tmp, "node_modules", "trust-eligibility");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["xzf", join(tmp, packed.filename), "-C", installed, "--strip-components=1"]);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test("npm pack: name, version, licence, files, exports and types; every file the element and engine need", () => {
  const [dry] = JSON.parse(execFileSync("npm", ["pack", pkgDir, "--dry-run", "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  const files = dry.files.map((f) => f.path);
  const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  assert.equal(pkg.name, "trust-eligibility");
  assert.equal(pkg.version, version, "the version is Cargo.toml's");
  assert.equal(pkg.license, "MIT OR Apache-2.0");
  assert.ok(Array.isArray(pkg.files) && pkg.files.length);
  assert.equal(pkg.types, "./pkg/trust_eligibility.d.ts");
  for (const [key, entry] of Object.entries(pkg.exports)) {
    for (const target of typeof entry === "string" ? [entry] : Object.values(entry)) {
      assert.ok(files.includes(target.slice(2)), `export ${key} -> ${target} is packed`);
    }
  }
  assert.ok(pkg.exports["."].types && pkg.exports["./element"].types, "types for the engine and the element");
  for (const f of ["pkg/trust_eligibility.js", "pkg/trust_eligibility_bg.wasm", "pkg/trust_eligibility.d.ts", "embed/trust-eligibility-check.js",
    "embed/frame.js", "dist/embed.css", "dist/trust-eligibility-check.js", "dist/shared.js", "README.md", "package.json"]) assert.ok(files.includes(f), `${f} is packed`);
  assert.ok(!files.some((f) => /\.mjs$|^demo\/|sw\.js$|pkg-ofsted/.test(f)), `nothing of the build or the site only: ${files.join(" ")}`);
  const types = readFileSync(join(installed, "pkg", "trust_eligibility.d.ts"), "utf8");
  assert.match(types, /export function assessCouncil/);
});

test("README's npm snippet runs in Node against the installed package", () => {
  const file = join(tmp, "snippet.mjs");
  writeFileSync(file, readmeSnippet("js embed-npm"));
  const out = execFileSync(process.execPath, [file], { cwd: tmp, encoding: "utf8" });
  assert.equal(out.trim(), "improvement_window 2016-04-01");
});

test("a ruleset override: trust-eligibility/rules applies it, the default engine refuses it", () => {
  const file = join(tmp, "override.mjs");
  writeFileSync(file, `import { readFileSync } from "node:fs";
import * as small from "trust-eligibility";
import * as rules from "trust-eligibility/rules";
const bytes = (p) => readFileSync(new URL(import.meta.resolve(p)));
small.initSync({ module: bytes("trust-eligibility/wasm") });
rules.initSync({ module: bytes("trust-eligibility/rules/wasm") });
const input = { asOf: "2016-03-01", inspections: [{ published: "2015-12-01", overall: "inadequate" }] };
const patch = { rulesets: [{ id: "announcement-2015", parameters: { improvementWindowMonths: { value: 3, source: "design" } } }] };
let refused = "none";
try { small.assessCouncil(input, patch); } catch (e) { refused = e.code; }
console.log(refused, rules.assessCouncil(input, patch).dates[0].date, rules.assessCouncil(input).dates[0].date);
`);
  const out = execFileSync(process.execPath, [file], { cwd: tmp, encoding: "utf8" });
  assert.equal(out.trim(), "invalid_ruleset 2016-03-01 2016-06-01");
  const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  assert.equal(pkg.exports["./rules"].types, pkg.types, "one declaration of the engine's types for both builds");
});

test("the element imported from the installed package runs a journey", { timeout: 60_000 }, async () => {
  // What a bundler does with `import "trust-eligibility/element"`: resolve it by the exports.
  const resolved = execFileSync(process.execPath, ["--input-type=module", "-e", 'console.log(import.meta.resolve("trust-eligibility/element"))'],
    { cwd: tmp, encoding: "utf8" }).trim();
  const path = `/${relative(tmp, fileURLToPath(resolved)).split("\\").join("/")}`;
  assert.equal(path, "/node_modules/trust-eligibility/embed/trust-eligibility-check.js");
  const server = await startServer({ dir: tmp, pages: { "/index.html": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>An app</title>
<link rel="icon" href="icon.svg"><script type="module" src="${path}"></script></head>
<body><h1>An app</h1><trust-eligibility-check journey="sponsor"></trust-eligibility-check></body></html>`,
  "/icon.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>' } });
  const browser = await launch();
  try {
    const { context, page } = await openPage(browser, server.url);
    await page.goto(`${server.url}index.html`);
    const el = inElement(page);
    await waitReady(el);
    await sponsorJourney(el);
    noProblems(page);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
