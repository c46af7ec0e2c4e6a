// The engine-only page's one script (bench/out/engine-only.html, written by run.mjs): instantiate the engine, nothing else.
import init from "/www/pkg/trust_eligibility.js";

await init();
