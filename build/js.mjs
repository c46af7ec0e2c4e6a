// Bundles the site's modules with esbuild, minified, into git-ignored www/dist/: one request
// for the full page's code instead of twenty modules fetched level by level. (None of GOV.UK
// Frontend's JavaScript: what it did for these pages, app.js and main.js do.) Run by build/site.mjs.
//
//   dist/checker.js                 the full page (index.html): js/journey/main.js
//   dist/trust-eligibility-check.js the custom element: embed/element.js (hosts load it through
//                                   embed/trust-eligibility-check.js, its stable address)
//   dist/shared.js                  the code both share (the app, the engine's glue): one chunk
//   dist/ofsted-page-<hash>.js      the page for Ofsted's file, imported when first shown
//   dist/autocomplete.js            GOV.UK's accessible-autocomplete, imported by the council
//                                   picker (js/council/picker.js) when the journey's first page is shown
//   dist/frame-page.js              the iframe page (embed.html): embed/frame-page.js, which
//                                   loads the element from dist/trust-eligibility-check.js
//   dist/engine-wasm.js             fetches and compiles the engine when first asked
//                                   (js/engine/engine-wasm.js; shared.js imports it: one instance)
//
// Every output is one level under www/ (dist/), and the modules' own run-time addresses
// (new URL("../data/councils.json", import.meta.url), "../pkg/…", the site's root "../") are
// written for that place, the bundle's, not for their sources' (www/js/<part>/, a level deeper):
// so the engine's .wasm is found at pkg/. Ofsted's reader (ofsted-reader.js and pkg-ofsted/) stays out: the page for Ofsted's file
// imports it when it is first needed; so does the engine with ruleset overrides (pkg-rules/),
// imported by js/engine/engine.js only when an override is given. The names the pages use are stable (no content hash in
// them): the service worker checks what it caches against each file's SHA-256 (build/sw.mjs).
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

// Imports resolved by the browser at run time, named as the bundle next to them in dist/ (or
// www/ofsted-reader.js beside it) sees them: the sources sit a level deeper, in www/js/<part>/.
const keepExternalAs = (re, path) => ({
  name: "keep-external",
  setup(b) { b.onResolve({ filter: re }, () => ({ path, external: true })); },
});

export async function buildScripts(www) {
  const root = join(www, "..");
  const data = JSON.parse(readFileSync(join(root, "rulesets", "rulesets.json"), "utf8"));
  // What the start page shows before the engine has read its data (app.js, startRulesets):
  // the titles and dates of the rulesets the engine embeds, from the same file.
  const rulesets = data.rulesets.map(({ id, title, inForceFrom, inForceTo }) => ({ id, title, inForceFrom, inForceTo }));
  const common = {
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: "esm",
    target: ["es2022", "chrome109", "firefox115", "safari16"],
    outdir: join(www, "dist"),
    charset: "utf8",
    logLevel: "warning",
    define: { TRUST_ELIGIBILITY_RULESETS: JSON.stringify(rulesets) },
    metafile: true,
  };
  rmSync(join(www, "dist"), { recursive: true, force: true });
  // The page for Ofsted's file first, on its own: it imports nothing (app.js hands it what it
  // uses), so it holds only its own code; named by its content, as nothing names it but app.js.
  const ofsted = await build({
    ...common,
    entryPoints: [{ in: join(www, "js", "ofsted", "ofsted-page.js"), out: "ofsted-page" }],
    entryNames: "[name]-[hash]",
    plugins: [keepExternalAs(/(^|\/)ofsted-reader\.js$/, "../ofsted-reader.js")],
  });
  const [ofstedOut] = Object.values(ofsted.metafile.outputs);
  if (Object.keys(ofstedOut.inputs).length !== 1) {
    throw new Error(`build: js/ofsted/ofsted-page.js must import nothing (it would hold copies): ${Object.keys(ofstedOut.inputs).join(", ")}`);
  }
  const ofstedFile = Object.keys(ofsted.metafile.outputs)[0].split("/").pop();
  // GOV.UK's accessible-autocomplete (the council picker, js/council/picker.js imports it when the
  // journey's first page is shown): on its own, so the start page does not load it.
  await build({ ...common, entryPoints: [{ in: join(www, "js", "govuk", "autocomplete.js"), out: "autocomplete" }] });
  const pages = await build({
    ...common,
    entryPoints: [
      { in: join(www, "js", "journey", "main.js"), out: "checker" },
      { in: join(www, "embed", "element.js"), out: "trust-eligibility-check" },
    ],
    splitting: true,
    // Exactly one chunk (the code both entries share); a second would take the same name and
    // esbuild would stop with an error rather than overwrite it.
    chunkNames: "shared",
    plugins: [
      keepExternalAs(/(^|\/)ofsted-reader\.js$/, "../ofsted-reader.js"),
      keepExternalAs(/(^|\/)engine-wasm\.js$/, "./engine-wasm.js"),
      keepExternalAs(/(^|\/)autocomplete\.js$/, "./autocomplete.js"),
      keepExternalAs(/(^|\/)ofsted-page\.js$/, `./${ofstedFile}`),
      keepExternalAs(/(^|\/)pkg-rules\/trust_eligibility\.js$/, "../pkg-rules/trust_eligibility.js"),
    ],
  });
  const frame = await build({
    ...common,
    entryPoints: [
      { in: join(www, "embed", "frame-page.js"), out: "frame-page" },
      { in: join(www, "js", "engine", "engine-wasm.js"), out: "engine-wasm" },
    ],
    plugins: [keepExternalAs(/^\.\/trust-eligibility-check\.js$/, "./trust-eligibility-check.js")],
  });
  const outputs = [pages, frame].flatMap((r) => Object.keys(r.metafile.outputs));
  const expected = ["checker.js", "trust-eligibility-check.js", "shared.js", "frame-page.js", "engine-wasm.js"];
  const names = outputs.map((o) => o.split("/").pop()).sort();
  if (JSON.stringify(names) !== JSON.stringify([...expected].sort())) {
    throw new Error(`build: esbuild wrote ${names.join(", ")}, not ${expected.join(", ")}`);
  }
  return [...expected, "autocomplete.js", ofstedFile].map((f) => `dist/${f}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { fileURLToPath } = await import("node:url");
  console.error(await buildScripts(fileURLToPath(new URL("../www/", import.meta.url))));
}
