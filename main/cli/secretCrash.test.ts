import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { HEAD_USER, newApp, setUpApp } from '../testing/appFixture';
import { rawHandle } from '../../database/testing/internals';

/**
 * A password change, a new recovery code and a recovery-code sign-in, each killed (SIGKILL, by
 * the real command line's own pid: `node --import tsx`, not a wrapper) at every step of the key
 * slot change (database/vault/slotChange.ts): new slot beside the old, the event written, committed,
 * the old slot retired. Afterwards exactly one of the two secrets opens, and the ledger's events
 * say which (issue 22 item 4, issue 20 item 14).
 */
const NEW_PASSWORD = 'Yepyeni-Parola-2027';
const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function cli(args: string[], dataDir: string, env: Record<string, string>) {
  const e: NodeJS.ProcessEnv = { ...process.env, MASA_DATA_DIR: dataDir, MASA_LOG: 'silent', MASA_USER: HEAD_USER.username, ...env };
  for (const k of ['MASA_PASSWORD', 'MASA_NEW_PASSWORD', 'MASA_RECOVERY_CODE', 'MASA_TEST_CRASH_AT']) if (!(k in env)) delete e[k];
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { env: e, input: '', encoding: 'utf8' });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

const office = (async () => {
  const t = await setUpApp();
  await t.ok('auth.logout', {});
  t.app.shutdown();
  scratch.push(t.app.dataDir);
  return { dataDir: t.app.dataDir, recoveryCode: t.recoveryCode };
})();

async function copyOfOffice(): Promise<string> {
  const { dataDir } = await office;
  const d = tempDir('masa-secret-crash-');
  scratch.push(d);
  for (const f of fs.readdirSync(dataDir)) {
    const from = path.join(dataDir, f);
    if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(d, f));
  }
  return d;
}

/** Signs in with this password: the ledger's event types, or null if the password does not open it. */
async function eventsOpenedBy(dataDir: string, secret: { password: string }): Promise<string[] | null> {
  const t = newApp({ dataDir });
  try {
    const r = await t.call('auth.login', { username: HEAD_USER.username, password: secret.password });
    if (!r.ok) return null;
    return (rawHandle(t.app.requireStore()).prepare('SELECT type FROM events ORDER BY seq').all() as { type: string }[]).map((e) => e.type);
  } finally {
    t.app.shutdown();
  }
}

/** Whether the recovery code still opens the ledger's key file (checked by the database layer itself, read-only). */
async function codeOpens(dataDir: string, code: string): Promise<boolean> {
  const { unlockLedger } = await import('../../database');
  try {
    unlockLedger({ dir: dataDir, credentials: { kind: 'recovery', username: '', secret: code }, readonly: true }).close();
    return true;
  } catch {
    return false;
  }
}

const STEPS = ['slots-pending:written', 'slots-pending:renamed', 'record:@', 'committed:@', 'slots-settled:written', 'slots-settled:renamed'];
const committedAt = (point: string) => point.startsWith('committed:') || point.startsWith('slots-settled:');

describe('key slot changes killed at every step (real command line)', () => {
  for (const step of STEPS) {
    const point = step.replace('@', 'user.password_changed');
    it(`password change killed at ${point}: exactly the old or the new password opens, and the event says which`, async () => {
      const dataDir = await copyOfOffice();
      const killed = cli(['password'], dataDir, { MASA_PASSWORD: HEAD_USER.password, MASA_NEW_PASSWORD: NEW_PASSWORD, MASA_TEST_CRASH_AT: point });
      expect(killed.signal).toBe('SIGKILL');
      const byOld = await eventsOpenedBy(dataDir, { password: HEAD_USER.password });
      const byNew = await eventsOpenedBy(dataDir, { password: NEW_PASSWORD });
      expect((byOld === null) !== (byNew === null)).toBe(true);
      expect(byNew !== null).toBe(committedAt(point));
      expect((byNew ?? byOld)!.includes('user.password_changed')).toBe(committedAt(point));
    }, 60_000);
  }

  for (const step of STEPS) {
    const point = step.replace('@', 'ledger.recovery_code_replaced');
    it(`new recovery code killed at ${point}: exactly the old or the new code opens, and the event says which`, async () => {
      const dataDir = await copyOfOffice();
      const { recoveryCode } = await office;
      const killed = cli(['recovery-code', '--json'], dataDir, { MASA_PASSWORD: HEAD_USER.password, MASA_TEST_CRASH_AT: point });
      expect(killed.signal).toBe('SIGKILL');
      const events = (await eventsOpenedBy(dataDir, { password: HEAD_USER.password }))!;
      const replaced = events.includes('ledger.recovery_code_replaced');
      expect(replaced).toBe(committedAt(point));
      // The old code works exactly when no replacement was recorded (the new one was never shown then).
      expect(await codeOpens(dataDir, recoveryCode)).toBe(!replaced);
    }, 60_000);
  }

  for (const step of STEPS) {
    const point = step.replace('@', 'user.password_recovered');
    it(`recovery-code sign-in killed at ${point}: either the old password and old code, or the new password and a new code, as the event says`, async () => {
      const dataDir = await copyOfOffice();
      const { recoveryCode } = await office;
      const killed = cli(['recover'], dataDir, { MASA_RECOVERY_CODE: recoveryCode, MASA_NEW_PASSWORD: NEW_PASSWORD, MASA_TEST_CRASH_AT: point });
      expect(killed.signal).toBe('SIGKILL');
      const byOld = await eventsOpenedBy(dataDir, { password: HEAD_USER.password });
      const byNew = await eventsOpenedBy(dataDir, { password: NEW_PASSWORD });
      expect((byOld === null) !== (byNew === null)).toBe(true);
      const recovered = (byNew ?? byOld)!.includes('user.password_recovered');
      expect(recovered).toBe(committedAt(point));
      expect(byNew !== null).toBe(recovered);
      // The used code is spent exactly when the recovery was recorded.
      expect(await codeOpens(dataDir, recoveryCode)).toBe(!recovered);
    }, 60_000);
  }

  it('20.14: a recovery-code sign-in requires a new password, prints a new code once, and spends the used one', async () => {
    const dataDir = await copyOfOffice();
    const { recoveryCode } = await office;
    const noPassword = cli(['recover'], dataDir, { MASA_RECOVERY_CODE: recoveryCode });
    expect(noPassword.code).toBe(2);
    expect(noPassword.err).toContain('MASA_NEW_PASSWORD');
    const r = cli(['recover', '--json'], dataDir, { MASA_RECOVERY_CODE: recoveryCode, MASA_NEW_PASSWORD: NEW_PASSWORD });
    expect(r.code).toBe(0);
    const fresh = JSON.parse(r.out).value.recoveryCode as string;
    expect(fresh).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(fresh).not.toBe(recoveryCode);
    // The used code is refused now; the new one works (and is itself spent by its use).
    const again = cli(['recover'], dataDir, { MASA_RECOVERY_CODE: recoveryCode, MASA_NEW_PASSWORD: 'Baska-Bir-Parola-2028' });
    expect(again.code).toBe(1);
    expect(again.err).toContain('Kurtarma kodu hatalı.');
    expect(await codeOpens(dataDir, fresh)).toBe(true);
    expect(await eventsOpenedBy(dataDir, { password: HEAD_USER.password })).toBeNull();
    expect(await eventsOpenedBy(dataDir, { password: NEW_PASSWORD })).toContain('user.password_recovered');
  }, 60_000);
});
