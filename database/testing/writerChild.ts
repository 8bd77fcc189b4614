/**
 * Child process for crash tests: unlocks the ledger given in argv and appends events until it
 * is killed, printing "ack <seq>" only after each commit returned.
 */
import { unlockLedger } from '../vault/vault';
import { TEST_KDF, HEAD } from './fixtures';

const dir = process.argv[2]!;
const store = unlockLedger({ dir, credentials: { kind: 'user', username: HEAD.username, secret: HEAD.password }, kdf: TEST_KDF });
let i = 0;
for (;;) {
  const { event } = store.ledger.record({ type: 'test.write', entity: `w:${i}`, userId: 1 }, (w) =>
    w.put('settings', { key: `w.${i}`, value: `değer ${i}` }),
  );
  process.stdout.write(`ack ${event.seq} ${i}\n`);
  i++;
}
