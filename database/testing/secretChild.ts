/**
 * Child process for crash tests of secret changes: runs one operation with MASA_TEST_CRASH_AT
 * set by the parent, so the process dies with SIGKILL at that step.
 */
import { unlockLedger } from '../vault';
import { TEST_KDF, HEAD } from './fixtures';

const [dir, op, newPassword] = process.argv.slice(2) as [string, 'password' | 'rekey', string];
const store = unlockLedger({ dir, credentials: { kind: 'user', username: HEAD.username, secret: HEAD.password }, kdf: TEST_KDF });
if (op === 'password') store.setPassword(HEAD.username, newPassword);
else store.rekey();
store.close();
process.stdout.write('done\n');
