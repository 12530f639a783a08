// A static file server for the browser test: 127.0.0.1 on a free port, correct MIME types
// (application/wasm lets the browser compile the module while it streams), no directory listing,
// nothing outside the served folder. Every request it answers is recorded.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.ttf': 'font/ttf',
};

export async function startStaticServer(root) {
  const absRoot = path.resolve(root);
  const served = [];  // {method, url, status}
  const delays = new Map();  // path → ms to wait before answering (to test slow start-up)
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    if (delays.has(rel)) await new Promise((resolve) => setTimeout(resolve, delays.get(rel)));
    const file = path.resolve(absRoot, '.' + rel);
    const inside = file === absRoot || file.startsWith(absRoot + path.sep);
    let status = 404;
    if (inside && req.method === 'GET' && fs.existsSync(file) && fs.statSync(file).isFile()) {
      status = 200;
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': fs.statSync(file).size, 'Cache-Control': 'no-store' });
      fs.createReadStream(file).pipe(res);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
    served.push({ method: req.method, url: req.url, status });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    delay: (urlPath, ms) => (ms > 0 ? delays.set(urlPath, ms) : delays.delete(urlPath)),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
