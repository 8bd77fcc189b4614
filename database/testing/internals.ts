/**
 * The database internals that tests and bench/ reach past the public entry point (database/index.ts):
 * raw keyed connections, key-slot files, the head witness, migrations, event parts. Only test
 * files, test fixtures and bench/ import this; application code uses database/index.ts.
 */
export { applyKey, openEncrypted, type RawDatabase } from '../vault/connection';
export { dataKeysOf, openVault, readSlotFile } from '../vault/keySlots';
export { HeadWitness } from '../ledger/headWitness';
export { migrate } from '../migrations/migrate';
export { PART_CHANGES } from '../ledger/eventParts';

/** The store's raw connection, private to database/: tests read and damage the file through it. */
export { writableHandle as rawHandle } from '../vault/vault';
export { checkLedgerInParallel } from '../backup/chainWorkers';
export { collectReplay, compareReplay, ReplayCollector, replayAndCompare, stateColumns } from '../ledger/replay';
export { sha256File } from '../backup/copyHashed';
