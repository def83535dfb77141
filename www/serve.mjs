// A static file server for the demo and the browser tests: 127.0.0.1 only, no dependencies.
// Usage: node www/serve.mjs [--port N] [--root DIR]   (port 0 picks a free one; the URL is printed)
// Any path under /strict/ is served with `Content-Security-Policy: script-src 'self'`, so the
// tests can check the extension's fallback for pages that forbid WebAssembly in content scripts.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.ts': 'text/plain; charset=utf-8',
};

/** Starts the server; resolves to { url, close }. */
export async function serve({ root = resolve(fileURLToPath(import.meta.url), '../..'), port = 0 } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      const strict = path.startsWith('/strict/');
      if (strict) path = path.slice('/strict'.length);
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      const info = await stat(file).catch(() => null);
      const target = info?.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      const headers = { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
      if (strict) headers['Content-Security-Policy'] = "script-src 'self'";
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const { url } = await serve({ port: Number(arg('--port', 8080)), root: resolve(arg('--root', resolve(fileURLToPath(import.meta.url), '../..'))) });
  console.log(`serving ${url}/  (Ctrl-C to stop)`);
}
