// Compiles the engine's WebAssembly as soon as this module runs. index.html and embed.html also
// load it on its own (an async module script), so the compile runs while the page's bundle is
// still being fetched and parsed; engine.js imports the same module (one instance per page) and
// only instantiates what was compiled here. The .wasm's address is taken from this module's own
// (js/ or dist/: both one level under the site's root).
const url = new URL("../pkg/trust_eligibility_bg.wasm", import.meta.url);

export const compiled = WebAssembly.compileStreaming(fetch(url))
  // A server that does not say application/wasm: compile the bytes instead.
  .catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
// A failure is reported when the engine is started (engine.js), not as an unhandled rejection.
compiled.catch(() => {});
