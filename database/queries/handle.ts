import type { RawDatabase } from '../vault/connection';

/**
 * The handle services read with: the ledger's connection under a brand (as Signal-Desktop's
 * ReadableDB), so that only `database/` can make one (`LedgerStore.reader`) and a query function's
 * signature says it reads. Writes go through the ledger's writer (`Ledger.record`, `StateWriter`);
 * no file outside `database/` calls the driver on it (database/boundary.test.ts checks the sources).
 */
declare const readableBrand: unique symbol;
export type ReadableDB = RawDatabase & { readonly [readableBrand]: true };

/** The brand over an open connection: for database/ only (LedgerStore.reader). */
export function asReadable(db: RawDatabase): ReadableDB {
  return db as ReadableDB;
}
