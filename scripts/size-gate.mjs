// The size gate: fails when the checker's release wasm (the module the pages load, www/pkg),
// gzip level 9 (node:zlib), exceeds the gate in bench/budget.json: issue 21's budget of
// 131,072 B (128 KiB), met. The module reads no rules at run time: its built-in rules are a
// constant baked and validated at build time (crates/wasm/build.rs; the ruleset types hold
// Cow<'static, ...> texts and lists, so no code builds them), a ruleset override's reader and
// checks are in the second module (www/pkg-rules, not gated: loaded only for an override), one
// sort's code serves every type the engine sorts (src/order.rs), and its reader of JavaScript
// values refuses a value of the wrong kind once for every struct and list (crates/wasm/src/js.rs).
// bench/README.md has what each cut saved. The aim (100 KB) is reported, met or not, without
// failing. Size is deterministic, so this is a fair check; no timing is gated.
//   node scripts/size-gate.mjs [path/to.wasm]     (default www/pkg/trust_eligibility_bg.wasm,
//                                                  built by scripts/lib.sh build_release)
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const root = new URL("../", import.meta.url);
const wasmPath = process.argv[2] ?? "www/pkg/trust_eligibility_bg.wasm";
const budgets = JSON.parse(readFileSync(new URL("bench/budget.json", root), "utf8"));
const budget = budgets.wasmGzipBytes;
const aim = budgets.wasmGzipAimBytes;
const issueBudget = budgets.wasmGzipIssueBudgetBytes;
const fmt = (n) => `${n.toLocaleString("en-GB")} B (${(n / 1024).toFixed(1)} KiB)`;
const fail = (message) => {
  console.error(`size gate: ${message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
};

if (!Number.isInteger(budget) || budget <= 0) fail("bench/budget.json has no positive integer wasmGzipBytes");
let bytes;
try {
  bytes = readFileSync(new URL(wasmPath, root));
} catch (e) {
  fail(`cannot read ${wasmPath} (build the release wasm first: scripts/lib.sh build_release): ${e.message}`);
}
const gzip = gzipSync(bytes, { level: 9 }).length;
const issueLine = Number.isInteger(issueBudget)
  ? `; issue 21's budget is ${fmt(issueBudget)}: ${gzip <= issueBudget ? `met, ${fmt(issueBudget - gzip)} under` : `not met, ${fmt(gzip - issueBudget)} over`}`
  : "";
const aimLine = Number.isInteger(aim)
  ? `; the aim is ${fmt(aim)}: ${gzip <= aim ? `met, ${fmt(aim - gzip)} under` : `not met, ${fmt(gzip - aim)} over`}`
  : "";
console.error(`size gate: ${wasmPath}: ${fmt(gzip)} gzip -9 (raw ${fmt(bytes.length)}); gate ${fmt(budget)}${issueLine}${aimLine}`);
if (gzip > budget) {
  const over = gzip - budget;
  fail(`FAILED: over the budget by ${fmt(over)} (${((over / budget) * 100).toFixed(1)}%). `
    + "See BENCHMARKS.md (bash bench/run) for what the wasm is made of, by crate.");
}
console.error(`size gate: within the budget, ${fmt(budget - gzip)} to spare`);
console.log("1 passed, 0 failed");
