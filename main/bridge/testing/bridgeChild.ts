/**
 * A bridge in its own process, for the fuzz test: if any request kills it (an uncaught
 * exception or unhandled rejection ends a Node process), the test sees the exit.
 * argv: data folder, renderer folder. Prints `{"port":…,"token":"…"}` on one line when ready.
 */
import { MasaApp } from '../../app/masaApp';
import { TEST_KDF } from '../../../database/testing/fixtures';
import { startBridge } from '../server';

const [dataDir, rendererDir] = process.argv.slice(2);
if (!dataDir || !rendererDir) throw new Error('usage: bridgeChild DATA_DIR RENDERER_DIR');
const app = new MasaApp({ dataDir, kdf: TEST_KDF });
const bridge = await startBridge(app, { rendererDir });
process.stdout.write(`${JSON.stringify({ port: bridge.port, token: bridge.token })}\n`);
process.on('SIGTERM', () => {
  app.shutdown();
  void bridge.close().then(() => process.exit(0));
});
