import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireFolderLock, isNetworkFolder } from '../../database';
import { TEST_KDF } from '../../database/testing/fixtures';
import { dispatch } from '../handlers/router';
import { HEAD_USER, setUpApp } from '../testing/appFixture';
import { MasaApp } from './masaApp';

describe('one writer per data folder', () => {
  it('a second app on the same folder is refused with a clear message; after shutdown it may start', async () => {
    const { app } = await setUpApp();
    const second = new MasaApp({ dataDir: app.dataDir, kdf: TEST_KDF });
    const r = await dispatch(second, 'auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(r).toMatchObject({ ok: false, error: { code: 'FOLDER_IN_USE' } });
    if (!r.ok) expect(r.error.message).toContain('Aynı deftere iki yerden yazılamaz');
    app.shutdown();
    const again = await dispatch(second, 'auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(again.ok).toBe(true);
    second.shutdown();
  });

  it('a lock left by a dead process is taken over', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-lock-'));
    // A real process that has exited: its pid is free.
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, 'masa.lock'), JSON.stringify({ pid: Number(child.stdout), host: os.hostname() }));
    const lock = acquireFolderLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'masa.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(path.join(dir, 'masa.lock'))).toBe(false);
  });

  it('a live lock of another process is respected', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-lock-'));
    fs.writeFileSync(path.join(dir, 'masa.lock'), JSON.stringify({ pid: process.ppid, host: os.hostname() }));
    expect(() => acquireFolderLock(dir)).toThrow(/another Masa process/);
  });

  it('UNC paths count as network folders; a local temp folder does not', () => {
    expect(isNetworkFolder('\\\\sunucu\\paylasim\\masa')).toBe(true);
    expect(isNetworkFolder(os.tmpdir())).toBe(false);
  });
});
