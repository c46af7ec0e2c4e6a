// The parts of an assessCouncil call apart, in Node: reading the input from JavaScript, the
// engine, writing the answer (serde-wasm-bindgen's serializer, as shipped, or JSON text from
// serde_json parsed by JSON.parse), from a module built with the split-timing feature:
//   wasm-pack build crates/wasm --target web --release --out-dir <dir> -- --features split-timing
//   node bench/split.mjs <that dir> [other module dirs to time assessCouncil in, side by side]
// Each figure is the median of interleaved passes over the same 3,000 generated inputs
// (bench/lib/generate.mjs), per call in µs; the parts are differences of those medians.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { protocolCouncils } from "./lib/generate.mjs";

const [splitDir, ...others] = process.argv.slice(2).map((d) => resolve(d));
if (!splitDir) throw new Error("usage: node bench/split.mjs <split-timing module dir> [module dirs...]");
const load = async (dir) => {
  const m = await import(`${dir}/trust_eligibility.js`);
  m.initSync({ module: readFileSync(`${dir}/trust_eligibility_bg.wasm`) });
  return m;
};
const m = await load(splitDir);
const inputs = protocolCouncils(7, 3000);
const ways = {
  read: (x) => m.benchRead(x),
  readSwb: (x) => m.benchReadSwb(x),
  readAssess: (x) => m.benchReadAssess(x),
  swb: (x) => m.assessCouncil(x),
  json: (x) => JSON.parse(m.benchAssessJson(x)),
};
for (const [i, dir] of others.entries()) {
  const o = await load(dir);
  ways[`module${i + 1}`] = (x) => o.assessCouncil(x);
}
const same = inputs.slice(0, 300).every((x) => JSON.stringify(ways.json(x)) === JSON.stringify(ways.swb(x)));
const times = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
const passes = Number(process.env.PASSES ?? 9);
for (let pass = 0; pass < passes; pass++) {
  const order = Object.keys(ways);
  if (pass % 2) order.reverse();
  for (const k of order) {
    const f = ways[k];
    const t = performance.now();
    for (const x of inputs) f(x);
    times[k].push(((performance.now() - t) * 1000) / inputs.length);
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const at = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, med(v)]));
const f1 = (x) => x.toFixed(1);
console.log(`load ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ${inputs.length} inputs, ${passes} interleaved passes; µs per call, median (min–max over passes)`);
for (const [k, v] of Object.entries(times)) console.log(`${k.padEnd(11)} ${f1(at[k]).padStart(7)} (${f1(Math.min(...v))}–${f1(Math.max(...v))})`);
console.log(`parts: read ${f1(at.read)}, engine ${f1(at.readAssess - at.read)}, write (serde-wasm-bindgen) ${f1(at.swb - at.readAssess)}, write (JSON text + JSON.parse) ${f1(at.json - at.readAssess)}; json/swb ${(at.json / at.swb).toFixed(2)}; readSwb/read ${(at.readSwb / at.read).toFixed(2)}`);
for (const [i] of others.entries()) console.log(`module${i + 1}/swb ${(at[`module${i + 1}`] / at.swb).toFixed(2)} (${others[i]})`);
console.log(`JSON answers identical to serde-wasm-bindgen's on the first 300: ${same}`);
