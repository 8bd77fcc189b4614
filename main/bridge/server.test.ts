import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';

/**
 * The loopback bridge against hostile requests. It runs in its own process, so a request that
 * throws past the handler (an uncaught exception or unhandled rejection) ends that process and
 * the test sees it; after every request the bridge must still answer a plain GET /.
 */
let child: ChildProcess;
let port = 0;
let token = '';
let exited: string | null = null;
let stderr = '';
const dirs: string[] = [];

beforeAll(async () => {
  const dataDir = tempDir('masa-bridge-');
  const rendererDir = tempDir('masa-bridge-renderer-');
  dirs.push(dataDir, rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>masa</body></html>');
  child = spawn(process.execPath, ['--import', 'tsx', 'main/bridge/testing/bridgeChild.ts', dataDir, rendererDir], {
    env: { ...process.env, MASA_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d) => (stderr += String(d)));
  child.on('exit', (code, signal) => (exited = `exit ${code} ${signal ?? ''}`));
  const ready = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', () => reject(new Error(`bridge did not start: ${stderr}`)));
  });
  ({ port, token } = JSON.parse(ready) as { port: number; token: string });
}, 60_000);

afterAll(async () => {
  if (!exited) {
    const done = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await done;
  }
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Sends raw bytes, returns what came back (status line first) or '' when the peer closed without answer. */
function raw(bytes: Buffer | string, opts: { hangUpAfterWrite?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let got = '';
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.on('error', () => resolve(got));
    socket.on('close', () => resolve(got));
    socket.setTimeout(5_000, () => socket.destroy());
    socket.write(bytes, () => {
      if (opts.hangUpAfterWrite) setTimeout(() => socket.destroy(), 20);
      else socket.end();
    });
  });
}

const host = () => `127.0.0.1:${port}`;
function request(method: string, target: string, headers: Record<string, string>, body = ''): string {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host()}`, 'Connection: close'];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (body && !('Content-Length' in headers)) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

async function expectAlive(after: string): Promise<void> {
  const answer = await raw(request('GET', '/', {}));
  expect(exited, `bridge process ended after ${after}: ${stderr}`).toBeNull();
  expect(answer.startsWith('HTTP/1.1 200'), `bridge no longer answers after ${after}`).toBe(true);
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('the browser bridge survives hostile requests', () => {
  it('GET /% without a token answers 400 or 404 and the bridge stays up', async () => {
    for (const target of ['/%', '/%E0%A4%A', '/%ZZ', '/..%2f..%2fetc%2fpasswd', '/%00', '/assets/%']) {
      const answer = await raw(request('GET', target, {}));
      expect([400, 404]).toContain(statusOf(answer));
      await expectAlive(`GET ${target}`);
    }
  });

  it('a JSON body of null, a number, an array or a string with a token is refused, not a crash', async () => {
    for (const body of ['null', '0', '[]', '"x"', 'true', '{"name":null}', '{"name":{"a":1}}', '{"name":"toString"}', '{"name":"__proto__"}', '{"name":"constructor","input":null}']) {
      const answer = await raw(request('POST', '/api/invoke', { 'X-Masa-Token': token, 'Content-Type': 'application/json' }, body));
      const status = statusOf(answer);
      expect([200, 400]).toContain(status);
      if (status === 200) expect(answer).toContain('"ok":false');
      await expectAlive(`body ${body}`);
    }
  });

  it('a client that hangs up in the middle of a body does not stop the bridge', async () => {
    for (let i = 0; i < 5; i++) {
      const head = request('POST', '/api/invoke', { 'X-Masa-Token': token, 'Content-Length': '100000' }).replace('Connection: close', 'Connection: keep-alive');
      await raw(head + '{"name":"app.info","inp', { hangUpAfterWrite: true });
      await new Promise((r) => setTimeout(r, 50));
      await expectAlive('a hang-up mid-body');
    }
  });

  it('fuzz: malformed paths, bodies and headers never stop the bridge', async () => {
    // A seeded generator: the same requests every run, so a failure can be replayed.
    let seed = 22_08;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const junk = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
    const paths = ['/%', '/%%', '/%c0%ae%c0%ae/', '/\u00ff', '//', '/api/invoke?%', '/api/events?token=%', `/api/events?token=${token}%`, '/api/invoke/../invoke', '*', 'http://[::1', '/a?b=%zz', '/index.html%00.js', '/' + 'a'.repeat(5000)];
    const bodies = ['null', '{', '{"name":', '{"name":"auth.signIn","input":null}', '{"name":"auth.signIn","input":[]}', '{"name":"auth.signIn","input":"x"}', '\u0000\u0001', '{"__proto__":{"name":"app.info"}}', '1e999', '"\\ud800"'];
    const headerSets: Record<string, string>[] = [
      { 'X-Masa-Token': token },
      { 'X-Masa-Token': token + 'x' },
      { 'X-Masa-Token': '' },
      { 'Content-Length': 'abc' },
      { 'Content-Length': '-1' },
      { 'Transfer-Encoding': 'chunked' },
      { 'X-Masa-Token': token, 'Content-Type': 'application/json; charset=\u00ff' },
      { Host: 'evil.example' },
      { Cookie: 'a'.repeat(20_000) },
    ];
    for (let i = 0; i < 150; i++) {
      const kind = i % 5;
      let bytes: Buffer | string;
      if (kind === 0) bytes = request(pick(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'FOO']), pick(paths), pick(headerSets), pick(bodies));
      else if (kind === 1) bytes = request('POST', '/api/invoke', { 'X-Masa-Token': token }, pick(bodies));
      else if (kind === 2) bytes = Buffer.concat([Buffer.from(`POST /api/invoke HTTP/1.1\r\nHost: ${host()}\r\nX-Masa-Token: ${token}\r\nContent-Length: 64\r\n\r\n`), junk(64)]);
      else if (kind === 3) bytes = junk(Math.floor(rnd() * 300) + 1);
      else bytes = `GET ${pick(paths)} HTTP/1.1\r\nHost: ${host()}\r\n${junk(20).toString('latin1')}: x\r\n\r\n`;
      await raw(bytes, { hangUpAfterWrite: rnd() < 0.3 });
      if (i % 10 === 9) await expectAlive(`fuzz request ${i}`);
    }
    await expectAlive('the whole fuzz run');
  }, 120_000);
});
