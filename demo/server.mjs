// The demo case-record system: a small static site on localhost, standing in
// for Mosaic/Liquidlogic in the demo and the browser tests. Not shipped.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES, shapePage } from './shapes.mjs';

const ROOT = fileURLToPath(new URL('./public/', import.meta.url));
const MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
// The real note editors the demo can use (?editor=…), self-hosted from node_modules: only these folders are served.
const VENDOR = ['ckeditor5/dist/browser/', 'tinymce/', 'quill/dist/', 'react/umd/', 'react-dom/umd/'];

/** Starts the demo on 127.0.0.1 (port 0 picks a free one); resolves to its base URL and a stop function. */
export function startDemoServer(port = 0) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // Client-side routes (/person/…, /slow/…, /framed/…, /help) are all served the app shell.
    const file = extname(path) === '' ? 'index.html' : normalize(path).replace(/^([/\\])+/, '');
    if (file.includes('..')) return void res.writeHead(400).end();
    const shape = /^shapes\/([\w-]+)\.html$/.exec(file)?.[1];
    if (shape !== undefined && Object.hasOwn(SHAPES, shape)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      return void res.end(shapePage(shape));
    }
    const vendored = file.startsWith('vendor/') ? file.slice('vendor/'.length) : null;
    if (vendored !== null && !VENDOR.some((folder) => vendored.startsWith(folder))) return void res.writeHead(404).end();
    try {
      const body = await readFile(vendored === null ? join(ROOT, file) : join(MODULES, vendored));
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
