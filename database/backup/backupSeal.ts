import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomicFile';
import { canonicalJson } from '../shared/canonicalJson';

/**
 * The seal a backup gets once it has passed the full check (backupCheck.ts: integrity_check,
 * the whole hash chain, replay of every event against the state tables). It records what was
 * proved (the SHA-256 of each backup file, the chain head, when) under an HMAC-SHA256 whose key
 * is derived from the ledger's data key. A restore that finds a valid seal and copies bytes with
 * those very hashes need not repeat two minutes of checks: the bytes are the ones that passed.
 * Without the data key nobody can write a seal that verifies; whoever has it can already write
 * any ledger, so the seal proves no less than the checks themselves.
 */
const BACKUP_SEAL = 'dogrulandi.json';
/** Written instead of a seal when the check fails: tells the list why (not authenticated). */
const BACKUP_CHECK_FAILED = 'dogrulama-basarisiz.json';

/** HKDF info: a key for this purpose only, never the data key itself. */
const SEAL_KEY_INFO = 'masa backup seal v1';

const digest = z.object({ size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const sealSchema = z
  .object({
    format: z.literal('masa-backup-seal'),
    version: z.literal(1),
    /** SHA-256 of manifest.json as written: its name, time, kind and hashes cannot be edited either. */
    manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
    files: z.record(z.string(), digest),
    chainHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }),
    events: z.number().int().nonnegative(),
    /** Which data key of the backup's slot file the HMAC key comes from. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    verifiedAt: z.string(),
    checks: z.array(z.string()),
    hmac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type BackupSeal = z.infer<typeof sealSchema>;
type SealBody = Omit<BackupSeal, 'hmac' | 'format' | 'version'>;

export const SEAL_CHECKS = ['integrity_check', 'chain', 'replay', 'file-hashes'];

function sealKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), SEAL_KEY_INFO, 32));
}

function hmacOf(seal: Omit<BackupSeal, 'hmac'>, dataKey: Buffer): Buffer {
  // Canonical JSON: the same fields give the same bytes whatever order the file lists them in.
  return createHmac('sha256', sealKey(dataKey)).update(canonicalJson(seal)).digest();
}

export function makeSeal(body: SealBody, dataKey: Buffer): BackupSeal {
  const unsigned = { format: 'masa-backup-seal' as const, version: 1 as const, ...body };
  return { ...unsigned, hmac: hmacOf(unsigned, dataKey).toString('hex') };
}

export function sealHmacValid(seal: BackupSeal, dataKey: Buffer): boolean {
  const { hmac, ...unsigned } = seal;
  return timingSafeEqual(Buffer.from(hmac, 'hex'), hmacOf(unsigned, dataKey));
}

export function manifestDigest(manifestText: string): string {
  return createHash('sha256').update(manifestText, 'utf8').digest('hex');
}

export function writeSeal(dir: string, seal: BackupSeal): void {
  writeFileAtomic(path.join(dir, BACKUP_SEAL), `${JSON.stringify(seal, null, 1)}\n`, 'seal');
  // A seal makes an older failure note (a check that could not finish) out of date.
  fs.rmSync(path.join(dir, BACKUP_CHECK_FAILED), { force: true });
}

/**
 * 'none': no seal (an older backup, or its check has not finished or failed): restore checks
 * in full. 'malformed': a seal file that is not a seal, which atomic writing never leaves
 * behind: restore refuses, like any other broken seal.
 */
type SealRead = { state: 'none' } | { state: 'malformed' } | { state: 'present'; seal: BackupSeal };

export function readSeal(dir: string): SealRead {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, BACKUP_SEAL), 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { state: 'none' } : { state: 'malformed' };
  }
  try {
    const parsed = sealSchema.safeParse(JSON.parse(text));
    return parsed.success ? { state: 'present', seal: parsed.data } : { state: 'malformed' };
  } catch {
    return { state: 'malformed' };
  }
}

interface CheckFailure {
  reason: string;
  at: string;
}

export function writeCheckFailure(dir: string, failure: CheckFailure): void {
  writeFileAtomic(path.join(dir, BACKUP_CHECK_FAILED), `${JSON.stringify({ format: 'masa-backup-check-failed', version: 1, ...failure }, null, 1)}\n`, 'seal-failed');
}

export function readCheckFailure(dir: string): CheckFailure | null {
  try {
    const j = JSON.parse(fs.readFileSync(path.join(dir, BACKUP_CHECK_FAILED), 'utf8')) as Partial<CheckFailure>;
    return { reason: String(j.reason ?? 'UNKNOWN').slice(0, 80), at: String(j.at ?? '') };
  } catch {
    return null;
  }
}
