// The demo case-record system: a small static site on localhost, standing in
// for Mosaic/Liquidlogic in the demo and the browser tests. Not shipped.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('./public/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Starts the demo on 127.0.0.1 (port 0 picks a free one); resolves to its base URL and a stop function. */
export function startDemoServer(port = 0) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // Client-side routes (/person/…, /slow/…, /framed/…, /help) are all served the app shell.
    const file = extname(path) === '' ? 'index.html' : normalize(path).replace(/^([/\\])+/, '');
    if (file.includes('..')) return void res.writeHead(400).end();
    try {
      const body = await readFile(join(ROOT, file));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ url: `http://127.0.0.1:${actual}`, stop: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startDemoServer(Number(process.env.PORT ?? 4173));
  console.log(`Demo case-record system on ${url}/person/1000001`);
}
