import { describe, expect, it } from 'vitest';
import { apiInputs } from '../../preload/contract/api';
import { ledgerInfo } from '../../database';
import { handlers } from './registry';
import { HEAD_USER, newApp, setUpApp } from '../testing/appFixture';

describe('the handler table', () => {
  it('implements every name of the API contract, and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(apiInputs).sort());
  });

  it('refuses an unknown name with a Turkish message, never a stack', async () => {
    const { call } = newApp();
    const r = await call('no.such' as never, {} as never);
    expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'Bilinmeyen işlem.', messageEn: 'Unknown operation.', params: {} } });
  });

  it('parses every input: wrong shapes get field messages in Turkish and English', async () => {
    const { call } = newApp();
    const r = await call('setup.create', { username: 'a', displayName: '', password: 'kısa', passwordRepeat: '', provinceCode: '99', deskCode: 'IL' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toBe('Girilen bilgiler eksik ya da hatalı.');
    expect(r.error.fields).toMatchObject({
      username: { tr: expect.stringContaining('3-32') },
      password: { tr: 'Parola en az 10 karakter olmalı.', en: 'The password must be at least 10 characters.' },
      provinceCode: { tr: 'İl kodu 1 ile 81 arasında olmalı.' },
      deskCode: { tr: expect.stringContaining('IL ayrılmıştır') },
    });
    const extra = await call('auth.login', { username: 'x', password: 'y', admin: true } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('requires a session for everything but status, setup and sign-in', async () => {
    const { call } = newApp();
    for (const name of Object.keys(apiInputs)) {
      const h = (handlers as Record<string, { access: unknown }>)[name]!;
      if (h.access === 'public') continue;
      const r = await call(name as never, {} as never);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    }
  });
});

describe('first run, sign-in and roles through the handlers', () => {
  it('setup writes the office and the head as ledger events and signs the head in', async () => {
    const { app, ok } = await setUpApp();
    const status = await ok('app.status', {});
    expect(status).toMatchObject({ state: 'ready', office: { provinceCode: '35', provinceName: 'İzmir', deskCode: 'M01' }, session: { role: 'HEAD' } });
    const v = await ok('ledger.verify', {});
    expect(v.ok).toBe(true);
    expect(ledgerInfo.tableCount(app.requireStore().reader, 'events')).toBeGreaterThanOrEqual(3);
  });

  it('a second setup is refused and changes nothing', async () => {
    const { call, ok } = await setUpApp();
    const before = (await ok('ledger.status', {})).chainHead;
    const r = await call('setup.create', { username: 'ikinci', displayName: 'İkinci Kişi', password: 'Baska-Parola-123', passwordRepeat: 'Baska-Parola-123', provinceCode: '6', deskCode: 'A1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    expect((await ok('ledger.status', {})).chainHead).toEqual(before);
  });

  it('a wrong password is refused with the same message for unknown users, and repeated failures are slowed down', async () => {
    let now = new Date('2026-11-24T08:00:00Z').getTime();
    const { call, ok } = await setUpApp({ now: () => new Date(now) });
    await ok('auth.logout', {});
    const wrong = await call('auth.login', { username: HEAD_USER.username, password: 'yanlis' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', message: 'Kullanıcı adı veya parola hatalı.' } });
    const unknown = await call('auth.login', { username: 'kimse', password: 'yanlis' });
    expect(unknown).toMatchObject({ ok: false, error: { message: 'Kullanıcı adı veya parola hatalı.' } });
    for (let i = 0; i < 3; i++) await call('auth.login', { username: HEAD_USER.username, password: 'yanlis' });
    const throttled = await call('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(throttled).toMatchObject({ ok: false, error: { code: 'AUTH_THROTTLED' } });
    now += 3_000;
    expect((await call('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password })).ok).toBe(true);
  });

  it('a clerk cannot manage users, verify or rekey the ledger', async () => {
    const { call, ok } = await setUpApp();
    await ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await ok('auth.logout', {});
    await ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
    // Until the temporary password is replaced, nothing but the change itself is allowed.
    expect(await call('day.view', { date: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: 'Kendi-Parolam-42', newPasswordRepeat: 'Kendi-Parolam-42' });
    await ok('day.view', { date: '2026-11-24' });
    for (const name of ['users.list', 'ledger.verify', 'ledger.rekey'] as const) {
      expect(await call(name, {}), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Bu işlem için yetkiniz yok.' } });
    }
  });

  it('disabling a user destroys their slot: the old password no longer opens anything', async () => {
    const { call, ok } = await setUpApp();
    const clerk = await ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await ok('users.setDisabled', { userId: clerk.id, disabled: true });
    await ok('auth.logout', {});
    expect(await call('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    await ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(await call('users.setDisabled', { userId: 1, disabled: true })).toMatchObject({ ok: false, error: { code: 'LAST_HEAD' } });
  });

  it('the recovery code resets the head password; a wrong code is refused', async () => {
    const { call, ok, recoveryCode } = await setUpApp();
    await ok('auth.logout', {});
    expect(await call('auth.recover', { username: HEAD_USER.username, recoveryCode: 'AAAA-BBBB', newPassword: 'Yepyeni-Parola-1' })).toMatchObject({
      ok: false,
      error: { code: 'RECOVERY_FAILED' },
    });
    await ok('auth.recover', { username: HEAD_USER.username, recoveryCode: recoveryCode.toLowerCase().replace(/-/g, ''), newPassword: 'Yepyeni-Parola-1' });
    await ok('auth.logout', {});
    expect((await call('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password })).ok).toBe(false);
    await ok('auth.login', { username: HEAD_USER.username, password: 'Yepyeni-Parola-1' });
  });

  it('the session locks after the idle time on the main side too', async () => {
    let now = new Date('2026-11-24T08:00:00Z').getTime();
    const { call, ok } = await setUpApp({ now: () => new Date(now) });
    await ok('settings.update', { idleLockMinutes: 5 });
    now += 6 * 60_000;
    expect(await call('day.view', { date: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await call('auth.unlock', { password: 'yanlis' })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    await ok('auth.unlock', { password: HEAD_USER.password });
    await ok('day.view', { date: '2026-11-24' });
  });

  it('rekey keeps every password working and the ledger verifiable', async () => {
    const { ok } = await setUpApp();
    await ok('ledger.rekey', {});
    await ok('auth.logout', {});
    await ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect((await ok('ledger.verify', {})).ok).toBe(true);
  });

  it('a missing ledger file is reported, never replaced by a new empty one', async () => {
    const { app, ok } = await setUpApp();
    await ok('auth.logout', {});
    const fs = await import('node:fs');
    fs.rmSync(`${app.dataDir}/masa.ledger`);
    const status = await ok('app.status', {});
    expect(status.state).toBe('error');
    expect(status.problem?.message).toMatch(/Defter dosyası bulunamadı/);
    expect(fs.existsSync(`${app.dataDir}/masa.ledger`)).toBe(false);
  });
});
