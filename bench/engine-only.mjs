// bench/engine-only.html's one script: instantiate the engine, nothing else.
import init from "/www/pkg/trust_eligibility.js";

await init();
