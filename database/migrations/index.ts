import * as m0010 from './0010-ledger';
import * as m0020 from './0020-appointments';
import * as m0030 from './0030-registrations';
import * as m0040 from './0040-name-words';
import * as m0050 from './0050-name-words-faster';
import * as m0060 from './0060-event-parts';
import * as m0070 from './0070-search-rows-by-writer';
import * as m0080 from './0080-drop-unused-name-copy';
import * as m0090 from './0090-changed-columns';

export interface Migration {
  version: number;
  sql: string;
}

/** Every migration, in order. A new one is a new file with a higher number, listed here. */
export const migrations: readonly Migration[] = [m0010, m0020, m0030, m0040, m0050, m0060, m0070, m0080, m0090];

export const latestVersion = migrations[migrations.length - 1]!.version;
