import { generateKeyPairSync } from 'node:crypto';
import {
  createLedger,
  ledgerBytes,
  startupCheck,
  newRecoveryCode,
  normalizeRecoveryCode,
  normalizeUsername,
  unlockLedger,
  users as usersQ,
  type LedgerStore,
} from '../../database';
import type { ApiParsedInput } from '../../preload/contract/api';
import type { SessionInfo } from '../../preload/contract/types';
import { AppError } from '../app/appError';
import { toAppError, UNOPENABLE_CODES, type MasaApp } from '../app/masaApp';
import { sessionInfo, type Session } from '../app/session';
import { mirrorBackupFolder } from './backup';
import { checkPasswordStrength } from './userRows';
import { log } from '../app/log';
import { isDiskFull } from '../app/diskSpace';
import { pagesRescueOf, rescueOf } from './ledgerDamage';
import { DESK } from '../texts/desk';

const DEFAULT_IDLE_MINUTES = 10;

/** First run: the office (province, desk, desk signing key) and its head, all in the first events. */
export function setupOffice(app: MasaApp, input: ApiParsedInput<'setup.create'>): { recoveryCode: string; session: SessionInfo } {
  if (app.presence() !== 'none') throw new AppError('ALREADY_SET_UP');
  app.claimDataDir();
  if (input.password !== input.passwordRepeat) {
    throw new AppError('PASSWORD_MISMATCH', {}, { passwordRepeat: { tr: 'Parolalar birbirini tutmuyor.', en: 'The passwords do not match.' } });
  }
  const username = normalizeUsername(input.username);
  checkPasswordStrength(username, input.password);
  const createdAt = app.now().toISOString();
  // The desk's Ed25519 key signs the daily reconciliation; it lives only inside the encrypted ledger.
  const keys = generateKeyPairSync('ed25519');
  const publicKey = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const privateKey = keys.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  let created: { store: LedgerStore; recoveryCode: string };
  try {
    created = createLedger({
      dir: app.dataDir,
      headUsername: username,
      headPassword: input.password,
      kdf: app.kdf,
      now: app.now,
      initialize(ledger) {
        ledger.record({ type: 'office.created', entity: 'office', userId: null }, (w) => {
          const put = (key: string, value: string) => w.put('settings', { key, value });
          put('office.provinceCode', input.provinceCode);
          put('office.deskCode', input.deskCode);
          put('office.createdAt', createdAt);
          put('security.idleLockMinutes', String(DEFAULT_IDLE_MINUTES));
          put('desk.publicKey', publicKey);
          put('desk.privateKey', privateKey);
          w.note({ provinceCode: input.provinceCode, deskCode: input.deskCode });
        });
        ledger.record({ type: 'user.created', entity: 'user:1', userId: null }, (w) => {
          w.put('users', {
            id: 1,
            username,
            display_name: input.displayName,
            role: 'HEAD',
            disabled: 0,
            must_change_password: 0,
            created_at: createdAt,
          });
          w.note({ role: 'HEAD', by: 'setup' });
        });
      },
    });
  } catch (err) {
    throw toAppError(err, app.dataDir);
  }
  app.store = created.store;
  const session = startSession(app, usersQ.userByUsername(created.store.reader, username)!);
  return { recoveryCode: created.recoveryCode, session };
}

export function login(app: MasaApp, input: ApiParsedInput<'auth.login'>): SessionInfo {
  const username = normalizeUsername(input.username);
  const wait = app.throttle.waitSeconds(username);
  if (wait > 0) throw new AppError('AUTH_THROTTLED', { seconds: wait });
  if (app.presence() === 'none') throw new AppError('NOT_SET_UP');
  let store: LedgerStore;
  try {
    app.claimDataDir();
    store = unlockLedger({ dir: app.dataDir, credentials: { kind: 'user', username, secret: input.password }, kdf: app.kdf, now: app.now });
  } catch (err) {
    if (isDiskFull(err, app.dataDir)) throw new AppError('DISK_FULL_SIGN_IN', { dir: app.dataDir });
    const mapped = toAppError(err, app.dataDir);
    if (mapped instanceof AppError && mapped.code === 'AUTH_FAILED') {
      app.throttle.failed(username);
      // The screen counts down and keeps the button disabled: it is told the wait with the refusal.
      const waitNow = app.throttle.waitSeconds(username);
      if (waitNow > 0) throw new AppError('AUTH_FAILED', { seconds: waitNow });
    }
    noteOpenProblem(app, mapped);
    throw mapped;
  }
  app.openProblem = null;
  let user: usersQ.UserRow | undefined;
  try {
    user = usersQ.userByUsername(store.reader, username);
  } catch (err) {
    // The users table's pages do not read: no session can be opened on this ledger.
    store.close();
    const mapped = toAppError(err, app.dataDir);
    noteOpenProblem(app, mapped);
    throw mapped;
  }
  if (!user || user.disabled) {
    store.close();
    app.throttle.failed(username);
    throw new AppError(user ? 'USER_DISABLED' : 'AUTH_FAILED');
  }
  app.throttle.succeeded(username);
  if (app.store && app.store !== store) app.store.close();
  app.store = store;
  try {
    return startSession(app, user);
  } catch (err) {
    // The sign-in is not recorded, so nobody is signed in: the ledger is closed again.
    app.close();
    if (isDiskFull(err, app.dataDir)) throw new AppError('DISK_FULL_SIGN_IN', { dir: app.dataDir });
    throw err;
  }
}

/** The office head forgot the password: the recovery code opens the vault and sets a new one. */
export function recover(app: MasaApp, input: ApiParsedInput<'auth.recover'>): SessionInfo & { recoveryCode: string } {
  const key = '*recovery*';
  const wait = app.throttle.waitSeconds(key);
  if (wait > 0) throw new AppError('AUTH_THROTTLED', { seconds: wait });
  app.claimDataDir();
  let store: LedgerStore;
  try {
    store = unlockLedger({
      dir: app.dataDir,
      credentials: { kind: 'recovery', username: '', secret: normalizeRecoveryCode(input.recoveryCode) },
      kdf: app.kdf,
      now: app.now,
    });
  } catch (err) {
    const mapped = toAppError(err, app.dataDir);
    if (mapped instanceof AppError && mapped.code === 'AUTH_FAILED') {
      app.throttle.failed(key);
      throw new AppError('RECOVERY_FAILED');
    }
    throw mapped;
  }
  // A ledger that has lost acknowledged writes (or cannot say) is not written to: restore first.
  if (store.witnessCheck.state !== 'ok') {
    const rescue = rescueOf(store, startupCheck(store.reader, { pages: false }));
    store.close();
    throw rescue ? new AppError(rescue.code, rescue.params) : new AppError('LEDGER_RESCUE');
  }
  const username = normalizeUsername(input.username);
  const user = usersQ.userByUsername(store.reader, username);
  if (!user || user.role !== 'HEAD') {
    store.close();
    throw new AppError('USER_NOT_FOUND');
  }
  try {
    checkPasswordStrength(username, input.newPassword);
  } catch (err) {
    store.close();
    throw err;
  }
  app.throttle.succeeded(key);
  // A used recovery code is spent: the head gets a new password and a new code in one event. Both
  // new slots are written beside the old ones, the event is committed, then the old password and
  // the old code are retired (database/vault/slotChange.ts); a crash anywhere leaves either the old pair
  // or the new pair, as the ledger says.
  const recoveryCode = newRecoveryCode();
  try {
    store.recordWithSlots(
      { type: 'user.password_recovered', entity: `user:${user.id}`, userId: user.id },
      [
        { kind: 'user', username, secret: input.newPassword },
        { kind: 'recovery', username: '', secret: recoveryCode },
      ],
      (w) => {
        w.put('users', { ...user, disabled: 0, must_change_password: 0 });
        w.note({ recoveryCodeReplaced: true });
      },
    );
  } catch (err) {
    store.close();
    throw toAppError(err, app.dataDir);
  }
  app.store?.close();
  app.store = store;
  return { ...startSession(app, usersQ.userById(store.reader, user.id)!), recoveryCode };
}

/** A sign-in that found the ledger unopenable leaves the reason for the start screen (app.status). */
function noteOpenProblem(app: MasaApp, mapped: unknown): void {
  if (mapped instanceof AppError && UNOPENABLE_CODES.has(mapped.code)) app.openProblem = mapped;
}

function startSession(app: MasaApp, user: usersQ.UserRow): SessionInfo {
  // Every unlock checks the file (quick_check) and the chain since the last verified point;
  // a failure opens the read-only rescue screen, never a silent repair. A large ledger's page
  // check runs in a worker instead (database/ledger/pageCheck.ts), so signing in stays quick.
  const store = app.requireStore();
  const pagesInBackground = ledgerBytes(store.paths.db) > app.pageCheckSyncBytes;
  const check = startupCheck(store.reader, { pages: !pagesInBackground });
  // The witness of the last acknowledged head was compared when the ledger opened (vault.ts).
  const rescue = rescueOf(store, check);
  if (rescue) log.error('start-up check failed', { finding: rescue.code, firstBadSeq: rescue.firstBadSeq });
  const session: Session = {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    mustChangePassword: user.must_change_password === 1,
    locked: false,
    lastActivity: app.now().getTime(),
    rescue,
  };
  app.session = session;
  if (!rescue) app.requireStore().ledger.record({ type: 'auth.signed_in', entity: `user:${user.id}`, userId: user.id }, () => undefined);
  // The rescue and problem screens read the backup folder from a plain file (the ledger may be
  // unreadable then): bring it up to date with the ledger while the ledger is known good.
  if (!rescue) mirrorBackupFolder(app.dataDir, store);
  if (!rescue && pagesInBackground) app.pageCheck = checkPagesInBackground(app, store, session);
  return sessionInfo(session);
}

/**
 * The deferred quick_check: when it finds damage, the session it was started for (if still
 * the current one, on the same ledger) goes into rescue, and the screen is told to refresh.
 */
async function checkPagesInBackground(app: MasaApp, store: LedgerStore, session: Session): Promise<string> {
  const integrity = await store.checkPagesInBackground();
  if (integrity !== 'ok' && integrity !== 'stopped' && app.session === session && app.store === store) {
    session.rescue = pagesRescueOf(store, integrity);
    log.error('background page check failed', { integrity: 'failed' });
    app.events.emit('ledger.rescue', {});
  }
  return integrity;
}

export function logout(app: MasaApp): null {
  if (app.session && app.store && !app.session.rescue) {
    app.store.ledger.record({ type: 'auth.signed_out', entity: `user:${app.session.userId}`, userId: app.session.userId }, () => undefined);
  }
  app.close();
  return null;
}

export function lock(app: MasaApp): null {
  const s = app.requireSession();
  s.locked = true;
  return null;
}

/** Unlocking checks the password against the user's own slot; the ledger stayed open meanwhile. */
export function unlock(app: MasaApp, input: ApiParsedInput<'auth.unlock'>): SessionInfo {
  const s = app.requireSession();
  const wait = app.throttle.waitSeconds(s.username);
  if (wait > 0) throw new AppError('AUTH_THROTTLED', { seconds: wait });
  if (!app.requireStore().checkPassword(s.username, input.password)) {
    app.throttle.failed(s.username);
    throw new AppError('AUTH_FAILED');
  }
  app.throttle.succeeded(s.username);
  s.locked = false;
  s.lastActivity = app.now().getTime();
  return sessionInfo(s);
}

export function changePassword(app: MasaApp, input: ApiParsedInput<'auth.changePassword'>): SessionInfo {
  const s = app.requireSession();
  const store = app.requireStore();
  if (!store.checkPassword(s.username, input.currentPassword)) {
    throw new AppError('AUTH_FAILED', {}, { currentPassword: DESK.services.currentPasswordWrong });
  }
  if (input.newPassword !== input.newPasswordRepeat) {
    throw new AppError('PASSWORD_MISMATCH', {}, { newPasswordRepeat: { tr: 'Parolalar birbirini tutmuyor.', en: 'The passwords do not match.' } });
  }
  checkPasswordStrength(s.username, input.newPassword);
  const user = usersQ.userById(store.reader, s.userId)!;
  // The new slot beside the old, the event, then the old slot retired (database/vault/slotChange.ts).
  store.recordWithSlots({ type: 'user.password_changed', entity: `user:${s.userId}`, userId: s.userId }, [{ kind: 'user', username: s.username, secret: input.newPassword }], (w) => {
    w.put('users', { ...user, must_change_password: 0 });
  });
  s.mustChangePassword = false;
  return sessionInfo(s);
}
