import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateTables } from '../ledger/stateTables';
import { makeLedger } from '../testing/fixtures';
import { writableHandle } from '../vault/vault';
import { latestVersion } from './index';
import { schemaVersion } from './migrate';
import { STATE_COLUMNS } from './stateRows';

describe('the declared state rows (stateRows.ts)', () => {
  it('name exactly the columns, in order, of each state table of a freshly migrated encrypted ledger', () => {
    const { store, dir } = makeLedger();
    try {
      const db = writableHandle(store);
      expect(schemaVersion(db)).toBe(latestVersion);
      expect(Object.keys(STATE_COLUMNS).sort()).toEqual(Object.keys(stateTables).sort());
      for (const table of Object.keys(STATE_COLUMNS) as (keyof typeof STATE_COLUMNS)[]) {
        const real = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
        expect(real.length, table).toBeGreaterThan(1);
        expect(Object.keys(STATE_COLUMNS[table]), table).toEqual(real);
        for (const k of stateTables[table]!.key) expect(real, `${table} key`).toContain(k);
      }
    } finally {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
