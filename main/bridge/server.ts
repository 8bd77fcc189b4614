import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import { clientShim } from './clientShim';

/**
 * The loopback bridge: the renderer in a plain browser, talking to the real handler table.
 * 127.0.0.1 only, a random token per run (refused without it), Host checked against DNS
 * rebinding. For development and tests: the Electron entry never imports this file.
 */
export interface BridgeServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

// Appointment lists arrive as base64 in a body: 64 MB of file is 85.3 MB of base64, plus the JSON around it.
const MAX_BODY = 90 * 1024 * 1024;

export async function startBridge(app: MasaApp, opts: { rendererDir: string; port?: number }): Promise<BridgeServer> {
  const token = randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;

  const tokenOk = (given: string | undefined | null) => {
    if (!given) return false;
    const b = Buffer.from(given);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421).end();
      return;
    }
    const url = parseUrl(req.url, port);
    if (!url) {
      res.writeHead(400).end();
      return;
    }
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST' || !tokenOk(req.headers['x-masa-token'] as string | undefined)) {
        res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: { code: 'FORBIDDEN' } }));
        return;
      }
      let size = 0;
      const chunks: Buffer[] = [];
      for await (const c of req) {
        size += (c as Buffer).length;
        if (size > MAX_BODY) {
          res.writeHead(413).end();
          return;
        }
        chunks.push(c as Buffer);
      }
      const body = parseInvokeBody(Buffer.concat(chunks));
      if (!body) {
        res.writeHead(400).end();
        return;
      }
      const result = await dispatch(app, typeof body.name === 'string' ? body.name : '', body.input);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(result));
      return;
    }
    if (url.pathname === '/api/events') {
      if (!tokenOk(url.searchParams.get('token'))) {
        res.writeHead(403).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (url.pathname === '/bridge-client.js') {
      res.writeHead(200, { 'content-type': MIME['.js']!, 'cache-control': 'no-store' }).end(clientShim);
      return;
    }
    serveStatic(opts.rendererDir, url.pathname, res);
  };

  const server = http.createServer((req, res) => {
    // A client that hangs up, or a write to a closed stream, must end that request only.
    req.on('error', () => res.destroy());
    res.on('error', () => res.destroy());
    handle(req, res).catch(() => {
      // Whatever got past the checks above ends this request, never the process.
      if (res.headersSent) res.destroy();
      else res.writeHead(500).end();
    });
  });

  const unsubscribe = app.events.subscribe((event, payload) => {
    const line = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const c of sseClients) c.write(line);
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const c of sseClients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parseUrl(raw: string | undefined, port: number): URL | null {
  try {
    return new URL(raw ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

/** The invoke body must be a JSON object; `null`, arrays, strings and broken JSON are refused. */
function parseInvokeBody(bytes: Buffer): { name?: unknown; input?: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { name?: unknown; input?: unknown }) : null;
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const decoded = decodePath(pathname);
  if (decoded === null || decoded.includes('\0')) {
    res.writeHead(400).end();
    return;
  }
  const rel = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  const ext = path.extname(file);
  let body: Buffer | string = fs.readFileSync(file);
  if (rel === 'index.html') {
    // The preload stand-in must run before the app's module script.
    body = body.toString('utf8').replace('<head>', '<head>\n    <script src="/bridge-client.js"></script>');
  }
  res.writeHead(200, { 'content-type': MIME[ext] ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}
