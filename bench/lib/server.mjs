// A static file server on 127.0.0.1 for the browser bench: the repository root (www/, bench/,
// node_modules/). It logs every response it sends (path and bytes sent), so a page's whole first
// load can be counted from the server's side. Plain HTTP/1.1; bodies of text and wasm are sent
// gzip-compressed (level 9, kept per file) when the browser asks for it, as a static host such as
// GitHub Pages sends them, so the bytes moved are what a visitor's connection carries. bench/run.mjs runs it in a child process of its own
// (`node bench/lib/server.mjs ROOT`), so that serving never waits on the runner's own work;
// each response is then reported as one JSON line on stdout.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { gzipSync } from "node:zlib";

const COMPRESSIBLE = /^(text\/|application\/(json|wasm|manifest\+json)|image\/svg)/;
const gzipped = new Map(); // file -> { mtime, body }

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/**
 * @param root directory served at /
 * @param routes Map of path -> { body: Buffer|string, type: string } served from memory
 * @param isolate (path) => boolean: send COOP/COEP (cross-origin isolation) for these paths
 */
export async function startServer({ root, routes = new Map(), isolate = () => false, onLog = () => {} }) {
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let path = decodeURIComponent(url.pathname);
    const send = (status, body, type, file = null, mtime = 0) => {
      const headers = { "content-type": type, "cache-control": "no-cache" };
      if (file && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
        let z = gzipped.get(file);
        if (!z || z.mtime !== mtime) gzipped.set(file, z = { mtime, body: gzipSync(body, { level: 9 }) });
        body = z.body;
        headers["content-encoding"] = "gzip";
        headers.vary = "accept-encoding";
      }
      headers["content-length"] = body.length;
      if (isolate(path)) {
        headers["cross-origin-opener-policy"] = "same-origin";
        headers["cross-origin-embedder-policy"] = "require-corp";
      }
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : body);
      const entry = { path, status, bytes: body.length, at: Date.now() };
      log.push(entry);
      onLog(entry);
    };
    try {
      if (routes.has(path)) {
        const r = routes.get(path);
        return send(200, Buffer.from(r.body), r.type);
      }
      if (path.endsWith("/")) path += "index.html";
      const file = normalize(join(root, path));
      if (!file.startsWith(normalize(root) + sep)) return send(403, Buffer.from("forbidden"), "text/plain");
      const s = await stat(file).catch(() => null);
      if (!s || !s.isFile()) return send(404, Buffer.from("not found"), "text/plain");
      const body = await readFile(file);
      return send(200, body, TYPES[extname(file)] || "application/octet-stream", file, s.mtimeMs);
    } catch (e) {
      return send(500, Buffer.from(String(e)), "text/plain");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

// As a child process: serve ROOT, print {"origin"} first, then one JSON line per response.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2];
  const s = await startServer({
    root,
    // Only the bench page is cross-origin isolated (finer timers); every other page is served as
    // the site is served.
    isolate: (p) => p === "/bench/page.html",
    onLog: (e) => process.stdout.write(`${JSON.stringify(e)}\n`),
  });
  process.stdout.write(`${JSON.stringify({ origin: s.origin })}\n`);
  process.on("SIGTERM", () => s.close().then(() => process.exit(0)));
  process.on("disconnect", () => s.close().then(() => process.exit(0)));
}
