import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../database';

/**
 * The few settings that must be readable when the ledger is not: today only the office head's
 * backup folder, which the ledger holds (setting `backup.dir`) and this file mirrors, so the
 * rescue and problem screens can offer the backups even when the ledger fails its start-up check
 * or cannot be opened at all. A plain file beside the ledger in the data folder: it holds no
 * personal data and no secret (a folder path), and the ledger stays the source of truth: this
 * file is rewritten from it whenever they differ. An unreadable file counts as empty.
 */
export const PLAIN_SETTINGS_FILE = 'ayarlar.json';

interface PlainSettings {
  backupDir?: string;
}

export function readPlainSettings(dataDir: string): PlainSettings {
  try {
    const j = JSON.parse(fs.readFileSync(path.join(dataDir, PLAIN_SETTINGS_FILE), 'utf8')) as { format?: unknown; backupDir?: unknown };
    if (j.format !== 'masa-settings') return {};
    return typeof j.backupDir === 'string' && j.backupDir ? { backupDir: j.backupDir } : {};
  } catch {
    return {};
  }
}

/** Writes the file only if it would change (it is read at every sign-in). */
export function writePlainSettings(dataDir: string, settings: PlainSettings): void {
  if (readPlainSettings(dataDir).backupDir === settings.backupDir) return;
  writeFileAtomic(path.join(dataDir, PLAIN_SETTINGS_FILE), `${JSON.stringify({ format: 'masa-settings', version: 1, ...settings }, null, 1)}\n`, 'settings');
}
