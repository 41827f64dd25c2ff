// A tiny static file server for the built app (dist/), for the Playwright tests.
// Node built-ins only. Usage: node tests/e2e/serve.mjs [dir] [port]
//   dir  defaults to dist/ at the repository root; port defaults to $PORT or 8091.
// Binds 127.0.0.1 only. Unknown paths without an extension fall back to index.html.
// Like a static host: every file has an ETag and is revalidated on each use (no-cache), so a
// second visit gets 304s and the browser's cached copies (the forecasting worker included).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const root = resolve(process.argv[2] ?? join(repoRoot, 'dist'));
const port = Number(process.argv[3] ?? process.env.PORT ?? 8091);
const host = '127.0.0.1';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

async function fileFor(urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, rel));
  if (full !== root && !full.startsWith(root + sep)) return null; // no escaping dist/
  try {
    const s = await stat(full);
    if (s.isDirectory()) return fileFor(join(rel, 'index.html'));
    if (s.isFile()) return full;
  } catch {
    // fall through
  }
  return extname(rel) === '' ? join(root, 'index.html') : null; // client-side routes
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', `http://${host}`).pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await fileFor(path);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${path}\n`);
    return;
  }
  try {
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const headers = {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ETag: etag,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${err}\n`);
  }
});

server.on('error', (err) => {
  console.error(`serve.mjs: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`serving ${root} at http://${host}:${port}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
