// Every code block of README.md is run by a test, as written. Each block is named after its
// language (```sh readme-cli); a block without a name, or with a name no test runs, fails here.
//   readme-serve    run here: `bash scripts/serve` on a free port, until the checker answers
//   readme-test     run by CI: .ci/run runs it (checked here: it would run this test again)
//   readme-cli      run here, line by line, with bash in the repository's root
//   readme-override run here: it is tests/examples/three-month-window.json, which readme-cli uses
//   readme-wasm     run here in Chromium; each console.log must print what its line's comment says
//   embed-*         run by snippets.test.mjs (the three ways to embed)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, existsSync } from "node:fs";
import { join } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { root, startServer, launch, readmeSnippet } from "./helpers.mjs";

const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/^```(\S*)(?: (\S+))?\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], name: m[2], body: m[3] }));
const RUN_HERE = ["readme-serve", "readme-cli", "readme-override", "readme-wasm"];
const RUN_ELSEWHERE = { "readme-test": ".ci/run", "embed-script": "snippets.test.mjs", "embed-iframe": "snippets.test.mjs", "embed-npm": "package.test.mjs" };

test("every README code block is named and run by a test", () => {
  assert.ok(blocks.length >= 8, `found ${blocks.length} blocks`);
  for (const b of blocks) {
    assert.ok(b.name, `a \`\`\`${b.lang} block has no name:\n${b.body}`);
    assert.ok(RUN_HERE.includes(b.name) || b.name in RUN_ELSEWHERE, `no test runs the \`\`\`${b.lang} ${b.name} block`);
  }
  // The test command is what CI runs (running it here would run this test again).
  assert.equal(readmeSnippet("sh readme-test").trim(), "bash scripts/test");
  assert.match(readFileSync(join(root, ".ci", "run"), "utf8"), /^exec bash scripts\/test$/m);
  for (const [name, where] of Object.entries(RUN_ELSEWHERE).filter(([, w]) => w.endsWith(".mjs"))) {
    assert.match(readFileSync(join(root, "tests", "browser", where), "utf8"), new RegExp(name), `${where} runs ${name}`);
  }
});

test("readme-override is the example ruleset file the CLI block uses", () => {
  assert.deepEqual(JSON.parse(readmeSnippet("json readme-override")), JSON.parse(readFileSync(join(root, "tests", "examples", "three-month-window.json"), "utf8")));
  assert.match(readmeSnippet("sh readme-cli"), /--ruleset-file tests\/examples\/three-month-window\.json/);
});

test("readme-cli: every command line runs and exits 0", { timeout: 900_000 }, () => {
  const lines = readmeSnippet("sh readme-cli").split("\n").filter((l) => l.trim());
  try {
    for (const line of lines) {
      const r = spawnSync("bash", ["-c", line], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
      assert.equal(r.status, 0, `${line}\n${r.stderr.slice(-2000)}`);
      if (!line.includes(">")) assert.ok(r.stdout.length > 0, `${line} printed nothing`);
    }
    assert.match(readFileSync(join(root, "councils.csv"), "utf8"), /Sandwell/);
  } finally {
    rmSync(join(root, "councils.csv"), { force: true });
  }
});

test("readme-wasm: prints in Chromium what its comments say", { timeout: 120_000 }, async () => {
  const code = readmeSnippet("js readme-wasm");
  const want = code.split("\n").filter((l) => /console\.log\(.*\/\/ /.test(l)).map((l) => l.split("// ").pop().trim());
  assert.ok(want.length >= 3);
  const server = await startServer({ pages: { "/readme-wasm.js": code, "/readme-wasm.html": '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README</title><link rel="icon" href="assets/images/favicon.ico"></head><body><script type="module" src="readme-wasm.js"></script></body></html>' } });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const logs = [];
    const errors = [];
    page.on("console", (m) => (m.type() === "log" ? logs.push(m.text()) : m.type() === "error" && errors.push(m.text())));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${server.url}readme-wasm.html`);
    for (let i = 0; i < 200 && logs.length < want.length && errors.length === 0; i++) await page.waitForTimeout(100);
    assert.deepEqual(errors, []);
    assert.deepEqual(logs, want);
  } finally {
    await browser.close();
    await server.close();
  }
});

/** A free TCP port on 127.0.0.1. */
const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

test("readme-serve: `bash scripts/serve` builds everything and serves the checker", { timeout: 1_200_000 }, async () => {
  assert.equal(readmeSnippet("sh readme-serve").trim(), "bash scripts/serve");
  const port = await freePort();
  const child = spawn("bash", ["-c", "bash scripts/serve"], { cwd: root, env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr = (stderr + d).slice(-4000); });
  try {
    let page = null;
    for (let i = 0; i < 1100 && page === null && child.exitCode === null; i++) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/`);
        if (r.ok) page = await r.text();
      } catch { await new Promise((r) => setTimeout(r, 1000)); }
    }
    assert.ok(page, `scripts/serve never answered (exit ${child.exitCode}):\n${stderr}`);
    assert.match(page, /<title>[^<]*<\/title>/);
    assert.ok(existsSync(join(root, "www", "pkg", "trust_eligibility_bg.wasm")), "the engine was built");
    const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
    assert.ok(existsSync(join(target, "release", "trust-eligibility")), "the command line was built");
  } finally {
    try { process.kill(-child.pid, "SIGTERM"); } catch {}
  }
});
