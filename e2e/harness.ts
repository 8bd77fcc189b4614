import AxeBuilderSource from 'axe-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { MasaApp } from '../main/app/masaApp';
import { startBridge, type BridgeServer } from '../main/bridge/server';
import { TEST_KDF } from '../database/testing/fixtures';

const CHROMIUM = process.env.MASA_CHROMIUM ?? '/usr/bin/chromium';

/** A fresh data folder, the real handler table and the bridge serving the built renderer. */
export async function startMasa(opts: { dataDir?: string; realKdf?: boolean; now?: () => Date } = {}) {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'masa-e2e-'));
  const app = new MasaApp({ dataDir, kdf: opts.realKdf ? undefined : TEST_KDF, now: opts.now });
  const rendererDir = path.resolve('renderer/dist');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('renderer/dist is missing: run `npm run build:renderer` first');
  const bridge: BridgeServer = await startBridge(app, { rendererDir });
  return {
    app,
    bridge,
    dataDir,
    async close() {
      app.shutdown();
      await bridge.close();
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set MASA_CHROMIUM)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--lang=tr-TR', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'tr-TR', timezoneId: 'Europe/Istanbul', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(url);
  return page;
}

/**
 * Screenshots go to docs/screenshots/ when MASA_UPDATE_SCREENSHOTS=1 (to commit them after
 * looking), otherwise to a temp folder so that test runs do not touch the working tree.
 */
const shotDir =
  process.env.MASA_UPDATE_SCREENSHOTS === '1' ? path.resolve('docs/screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'masa-shots-'));
/** Signs in on the login screen as a clerk would (username, password, Enter) and waits for the day screen. */
export async function signInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByLabel('Kullanıcı adı').fill(user.username);
  await page.getByLabel('Parola', { exact: true }).fill(user.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Bugünün randevuları' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(shotDir, { recursive: true });
  const file = path.join(shotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** axe-core in the page: returns serious and critical violations (ids and targets). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; targets: string[]; summary: string[] }[]> {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate((AxeBuilderSource as unknown as { source: string }).source);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')), summary: v.nodes.map((n) => n.failureSummary ?? '') }));
}
