import { redecideAll } from './redecide';
import { ledgerInfo, latestVersion, newRecoveryCode as generateRecoveryCode, schemaVersion } from '../../database';
import type { LedgerCheck, LedgerStatus, OfficeInfo } from '../../preload/contract/types';
import { AppError } from '../app/appError';
import type { MasaApp } from '../app/masaApp';

export function ledgerStatus(app: MasaApp): LedgerStatus {
  const store = app.requireStore();
  const db = store.reader;
  return {
    schemaVersion: schemaVersion(db) || latestVersion,
    events: ledgerInfo.tableCount(db, 'events'),
    chainHead: store.ledger.head(),
    counts: {
      users: ledgerInfo.tableCount(db, 'users'),
      appointments: ledgerInfo.tableCount(db, 'appointments'),
      registrations: ledgerInfo.tableCount(db, 'registrations'),
    },
    dataDir: app.dataDir,
  };
}

/** Walks the hash chain and rebuilds the state from the events; both must agree. */
export function verifyLedger(app: MasaApp): LedgerCheck {
  // One read of the events for both, split over worker threads on a large ledger (database/backup/chainWorkers.ts).
  const { chain, replay } = app.requireStore().checkChainAndState();
  const decisions = redecideAll(app);
  return { ok: chain.ok && replay.ok && decisions.ok, chain, replay: { ok: replay.ok, events: replay.events, tables: replay.tables }, decisions };
}

export function rekey(app: MasaApp): { keyRotatedAt: string } {
  const store = app.requireStore();
  const s = app.requireSession();
  store.rekey();
  const at = app.now().toISOString();
  store.ledger.record({ type: 'ledger.rekeyed', entity: 'ledger', userId: s.userId }, (w) => w.note({ at }));
  return { keyRotatedAt: at };
}

export function newRecoveryCode(app: MasaApp, password: string): { recoveryCode: string } {
  const store = app.requireStore();
  const s = app.requireSession();
  if (!store.checkPassword(s.username, password)) throw new AppError('AUTH_FAILED');
  // The new code's slot beside the old, the event, then the old code retired (database/vault/slotChange.ts).
  const code = generateRecoveryCode();
  store.recordWithSlots({ type: 'ledger.recovery_code_replaced', entity: 'ledger', userId: s.userId }, [{ kind: 'recovery', username: '', secret: code }], () => undefined);
  return { recoveryCode: code };
}

export function updateSettings(app: MasaApp, input: { idleLockMinutes?: number; clerksMayExportReconciliation?: boolean; silentPrint?: boolean }): OfficeInfo {
  const store = app.requireStore();
  const s = app.requireSession();
  if (input.idleLockMinutes === undefined && input.clerksMayExportReconciliation === undefined && input.silentPrint === undefined) return app.officeInfo();
  store.ledger.record({ type: 'settings.updated', entity: 'settings', userId: s.userId }, (w) => {
    if (input.idleLockMinutes !== undefined) w.put('settings', { key: 'security.idleLockMinutes', value: String(input.idleLockMinutes) });
    // Who may export the reconciliation is audited like any setting: the event names the head and the new value.
    if (input.clerksMayExportReconciliation !== undefined) w.put('settings', { key: 'reconciliation.clerksMayExport', value: input.clerksMayExportReconciliation ? '1' : '0' });
    // Silent printing (desktop app only): the event names the head who switched it and the value.
    if (input.silentPrint !== undefined) w.put('settings', { key: 'print.silent', value: input.silentPrint ? '1' : '0' });
  });
  return app.officeInfo();
}
