import * as m0010 from './0010-ledger';
import * as m0020 from './0020-appointments';

export interface Migration {
  version: number;
  sql: string;
}

/** Every migration, in order. A new one is a new file with a higher number, listed here. */
export const migrations: readonly Migration[] = [m0010, m0020];

export const latestVersion = migrations[migrations.length - 1]!.version;
