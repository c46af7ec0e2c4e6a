// Assembles the npm package "trust-eligibility" in pkg-npm/ (git-ignored; `npm pack pkg-npm`
// makes the tarball), from what the build put in www/. Run by build/site.mjs.
//   .            the engine: wasm-pack's output (www/pkg: JS, .wasm, TypeScript types)
//   ./element    the custom element <trust-eligibility-check>: embed/trust-eligibility-check.js
//                and the built modules it imports (dist/, found by following its imports), with
//                its stylesheet dist/embed.css
//   ./frame      the host-side script of the iframe option
//   ./wasm       the .wasm file itself (for Node's initSync, or bundlers that want it)
// The files keep www/'s layout, so the element's relative imports and its
// new URL("../", import.meta.url) resolve inside the package as they do on the site.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

const IMPORT = /(?:\bimport\s*(?:[\w$*{}\s,]+from\s*)?|\bexport\s*[\w$*{}\s,]+from\s*)["']([^"']+)["']/g;

/** The files a module needs, following its static relative imports. (Dynamic imports are left
 *  out: the only one, Ofsted's reader, serves a page of the full site, never the element.) */
function moduleGraph(www, entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(join(www, file), "utf8").matchAll(IMPORT)) {
      if (!spec.startsWith(".")) throw new Error(`build: ${file} imports ${spec}, not a relative module`);
      visit(relative(www, join(www, dirname(file), spec)).split(sep).join("/"));
    }
  };
  entries.forEach(visit);
  return [...seen];
}

const ELEMENT_TYPES = `// The custom element <trust-eligibility-check journey="council|sponsor">. Importing this module
// defines it (once); see the package's README for the three ways to embed the checker.
export declare class TrustEligibilityCheck extends HTMLElement {}
declare global {
  interface HTMLElementTagNameMap { "trust-eligibility-check": TrustEligibilityCheck }
}
`;

export function buildNpmPackage(root) {
  const www = join(root, "www");
  const out = join(root, "pkg-npm");
  if (!existsSync(join(www, "pkg", "trust_eligibility_bg.wasm"))) return null;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  // wasm-pack writes the package.json of crates/wasm, whose version, licence and repository are
  // the workspace's (Cargo.toml [workspace.package]); the engine's description is the root's.
  const wasmPkg = JSON.parse(readFileSync(join(www, "pkg", "package.json"), "utf8"));
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8").split(/^\[/m).find((s) => s.startsWith("package]"));
  const field = (k) => ({
    version: wasmPkg.version, license: wasmPkg.license,
    repository: wasmPkg.repository?.url ?? wasmPkg.repository,
    description: new RegExp(`^description = "([^"]*)"`, "m").exec(cargo)?.[1] ?? wasmPkg.description,
  })[k];

  const files = new Set(moduleGraph(www, ["pkg/trust_eligibility.js", "embed/trust-eligibility-check.js", "embed/frame.js"]));
  // The page for Ofsted's file: never shown by the element, but shared.js names it (a dynamic
  // import), and a bundler resolves every name it sees.
  for (const f of readdirSync(join(www, "dist")).filter((n) => n.startsWith("ofsted-page-"))) files.add(`dist/${f}`);
  // The council picker's widget: imported by shared.js when the council journey starts.
  files.add("dist/autocomplete.js");
  for (const f of ["dist/embed.css", "pkg/trust_eligibility_bg.wasm", "pkg/trust_eligibility.d.ts", "pkg/trust_eligibility_bg.wasm.d.ts"]) files.add(f);
  // The engine with ruleset overrides (./rules): the same functions, reading and validating an
  // override; its types are the engine's (one declaration of each type: pkg/trust_eligibility.d.ts).
  if (existsSync(join(www, "pkg-rules"))) for (const f of ["pkg-rules/trust_eligibility.js", "pkg-rules/trust_eligibility_bg.wasm"]) files.add(f);
  for (const f of files) cpSync(join(www, f), join(out, f));
  writeFileSync(join(out, "embed", "trust-eligibility-check.d.ts"), ELEMENT_TYPES);
  files.add("embed/trust-eligibility-check.d.ts");

  const pkg = {
    name: "trust-eligibility",
    version: field("version"),
    description: field("description"),
    license: field("license"),
    repository: { type: "git", url: field("repository") },
    type: "module",
    main: "./pkg/trust_eligibility.js",
    types: "./pkg/trust_eligibility.d.ts",
    exports: {
      ".": { types: "./pkg/trust_eligibility.d.ts", default: "./pkg/trust_eligibility.js" },
      "./element": { types: "./embed/trust-eligibility-check.d.ts", default: "./embed/trust-eligibility-check.js" },
      "./frame": "./embed/frame.js",
      "./wasm": "./pkg/trust_eligibility_bg.wasm",
      "./rules": { types: "./pkg/trust_eligibility.d.ts", default: "./pkg-rules/trust_eligibility.js" },
      "./rules/wasm": "./pkg-rules/trust_eligibility_bg.wasm",
      "./embed.css": "./dist/embed.css",
      "./package.json": "./package.json",
    },
    files: ["pkg/", "pkg-rules/", "dist/", "embed/"],
    sideEffects: ["./embed/*.js", "./dist/*.js", "./pkg/snippets/*"],
    keywords: ["children's services", "ofsted", "gov.uk", "webassembly", "custom-element"],
  };
  if (!pkg.version || !pkg.license) throw new Error("build: no version or licence in Cargo.toml's [package]");
  writeFileSync(join(out, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(out, "README.md"), readme(pkg));
  return { dir: "pkg-npm", files: files.size + 2 };
}

const readme = (pkg) => `# ${pkg.name}

${pkg.description}

The rules engine (WebAssembly, with TypeScript types) and the GOV.UK-style checker as a custom
element. Everything runs on the user's device: nothing is sent anywhere.

\`\`\`js
import init, { assessCouncil, assessSponsor, assessCouncils, rulesets } from "${pkg.name}";
await init(); // in a browser or bundler; in Node: initSync({ module: <the bytes of "${pkg.name}/wasm"> })
assessCouncil({ asOf: "2016-03-01", inspections: [{ published: "2015-06-10", overall: "inadequate" }] });
\`\`\`

A ruleset override (a partial ruleset file merged onto the built-in one and validated) needs the
engine built to read one, \`${pkg.name}/rules\` (the same functions and types, a larger module); the
default engine refuses an override with an \`invalid_ruleset\` error rather than ignore it:

\`\`\`js
import init, { assessCouncil } from "${pkg.name}/rules";
await init(); // in Node: initSync({ module: <the bytes of "${pkg.name}/rules/wasm"> })
const rulesets = { rulesets: [{ id: "announcement-2015", parameters: { improvementWindowMonths: { value: 3, source: "design" } } }] };
assessCouncil({ asOf: "2016-03-01", inspections: [{ published: "2015-12-01", overall: "inadequate" }] }, rulesets);
\`\`\`

\`\`\`js
import "${pkg.name}/element"; // defines <trust-eligibility-check journey="council|sponsor">
\`\`\`

The element loads \`dist/embed.css\` and \`pkg/trust_eligibility_bg.wasm\` from next to itself:
serve the package's files as they are (or let your bundler copy them). Licence: ${pkg.license}.
`;
