// Fetches and compiles the engine's WebAssembly, once, when first asked (engine.js's start()):
// not when a page loads, so the start page never waits for it (app-boot.js asks once the first
// view is painted, or when a journey starts). The .wasm's address is taken from this module's
// own (js/ or dist/: both one level under the site's root).
const url = new URL("../pkg/trust_eligibility_bg.wasm", import.meta.url);

let compiled = null;

export function compile() {
  compiled ??= WebAssembly.compileStreaming(fetch(url))
    // A server that does not say application/wasm: compile the bytes instead.
    .catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
  return compiled;
}
