import type { WorkerEntry } from '../../database';
import type { DocumentPrinter } from '../app/printedDocuments';
import { TEST_KDF, tempDir } from '../../database/testing/fixtures';
import { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import type { ApiInput, ApiName, ApiOutput, ApiResult } from '../../preload/contract/api';

export const HEAD_USER = { username: 'mudur', displayName: 'Ayşe Yılmaz', password: 'Kesin-Kayit-2026' };

/**
 * A MasaApp on a fresh temp folder (cheap scrypt), with a typed call into the real handler table.
 * `dataDir` puts the ledger elsewhere (e.g. on a small tmpfs in the disk-full tests).
 */
type AppOptions = { now?: () => Date; dataDir?: string; pageCheckSyncBytes?: number; backupCheckEntry?: WorkerEntry; printer?: DocumentPrinter };

export function newApp(opts: AppOptions = {}) {
  const app = new MasaApp({
    dataDir: opts.dataDir ?? tempDir('masa-app-'),
    kdf: TEST_KDF,
    now: opts.now,
    pageCheckSyncBytes: opts.pageCheckSyncBytes,
    backupCheckEntry: opts.backupCheckEntry,
    printer: opts.printer,
  });
  const call = <K extends ApiName>(name: K, input: ApiInput<K>) => dispatch(app, name, input) as Promise<ApiResult<ApiOutput<K>>>;
  /** Like call, but fails the test with the Turkish message if main refuses. */
  const ok = async <K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> => {
    const r = await call(name, input);
    if (!r.ok) throw new Error(`${name} refused: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value;
  };
  return { app, call, ok };
}

/** A set-up office (province 35, desk M01) with the head signed in. */
export async function setUpApp(opts: AppOptions = {}) {
  return setUpAppWith(opts);
}

export async function setUpAppWith(opts: AppOptions & { deskCode?: string } = {}) {
  const t = newApp(opts);
  const setup = await t.ok('setup.create', {
    username: HEAD_USER.username,
    displayName: HEAD_USER.displayName,
    password: HEAD_USER.password,
    passwordRepeat: HEAD_USER.password,
    provinceCode: '35',
    deskCode: opts.deskCode ?? 'M01',
  });
  return { ...t, recoveryCode: setup.recoveryCode };
}
