/**
 * Child process for crash tests of secret changes: runs one operation with MASA_TEST_CRASH_AT
 * set by the parent, so the process dies with SIGKILL at that step. A password or recovery-code
 * change goes the way the app makes it: new slot beside the old, the event, the old slot retired.
 */
import { unlockLedger } from '../vault/vault';
import { TEST_KDF, HEAD } from './fixtures';

const [dir, op, newSecret] = process.argv.slice(2) as [string, 'password' | 'recovery' | 'rekey', string];
const store = unlockLedger({ dir, credentials: { kind: 'user', username: HEAD.username, secret: HEAD.password }, kdf: TEST_KDF });
if (op === 'password') {
  store.recordWithSlots({ type: 'user.password_changed', entity: 'user:1', userId: 1 }, [{ kind: 'user', username: HEAD.username, secret: newSecret }], () => undefined);
} else if (op === 'recovery') {
  store.recordWithSlots({ type: 'ledger.recovery_code_replaced', entity: 'ledger', userId: 1 }, [{ kind: 'recovery', username: '', secret: newSecret }], () => undefined);
} else store.rekey();
store.close();
process.stdout.write('done\n');
