import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomicFile';
import { DatabaseError } from '../shared/errors';

/**
 * Key slots: the ledger's data key never touches the disk in the clear. A random vault key
 * (KEK) wraps the data key(s); each user's password (scrypt) and the recovery code each wrap
 * the vault key in their own slot. So a password change rewraps one slot, removing a user
 * deletes one slot, and rotating the data key (rekey) needs nobody else's password.
 */

/** OWASP's scrypt recommendation: N=2^17, r=8, p=1 (128 MiB, about half a second here). */
export const DEFAULT_KDF = { alg: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;
export type KdfParams = { alg: 'scrypt'; N: number; r: number; p: number };

const b64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);
const wrapped = z.object({ iv: b64, ct: b64, tag: b64 });
const slotSchema = wrapped.extend({
  kind: z.enum(['user', 'recovery']),
  username: z.string().min(1),
  kdf: z.object({ alg: z.literal('scrypt'), N: z.number().int().min(1024), r: z.number().int().min(1), p: z.number().int().min(1) }),
  salt: b64,
  /**
   * A new slot written beside the one it replaces, before the event that explains the change is
   * committed (slotChange.ts): it counts only once event `seq` exists and names `nonce`.
   */
  pending: z.object({ nonce: z.string().regex(/^[0-9a-f]{32}$/), seq: z.number().int().positive() }).strict().optional(),
});
const dataKeySchema = wrapped.extend({ keyId: z.string().regex(/^[0-9a-f]{16}$/), state: z.enum(['current', 'previous']) });
const slotFileSchema = z.object({
  format: z.literal('masa-key-slots'),
  version: z.literal(1),
  dataKeys: z.array(dataKeySchema).min(1).max(2),
  slots: z.array(slotSchema).min(1),
});
export type SlotFile = z.infer<typeof slotFileSchema>;
export type Slot = z.infer<typeof slotSchema>;

const RECOVERY_USERNAME = '*recovery*';

export function normalizeUsername(u: string): string {
  return u.trim().toLocaleLowerCase('tr-TR');
}

export function readSlotFile(path: string): SlotFile {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new DatabaseError('SLOTS_MISSING', 'key slot file is missing');
    throw new DatabaseError('IO_ERROR', 'key slot file cannot be read');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DatabaseError('SLOTS_CORRUPT', 'key slot file is not valid JSON');
  }
  const parsed = slotFileSchema.safeParse(json);
  if (!parsed.success) throw new DatabaseError('SLOTS_CORRUPT', 'key slot file has an unexpected shape');
  if (!parsed.data.dataKeys.some((k) => k.state === 'current')) throw new DatabaseError('SLOTS_CORRUPT', 'no current data key');
  for (const slot of parsed.data.slots) {
    if (!kdfSane(slot.kdf)) throw new DatabaseError('SLOTS_KDF_INVALID', 'a key slot has absurd scrypt parameters', { N: slot.kdf.N });
  }
  return parsed.data;
}

/**
 * Scrypt parameters Masa could have written: N a power of two from 2^10 (tests) to 2^20, and at
 * most 1 GiB of memory. Anything else (N=2^30 wants 1 TiB) is a damaged or edited key file: it
 * is refused as such instead of being handed to scrypt, which would fail without saying why.
 */
const MAX_KDF_N = 2 ** 20;
function kdfSane(k: KdfParams): boolean {
  const powerOfTwo = (k.N & (k.N - 1)) === 0;
  return powerOfTwo && k.N >= 1024 && k.N <= MAX_KDF_N && k.r <= 32 && k.p <= 16 && 128 * k.N * k.r <= 2 ** 30;
}

export function writeSlotFile(path: string, file: SlotFile, crashTag = 'slots'): void {
  writeFileAtomic(path, `${JSON.stringify(slotFileSchema.parse(file), null, 1)}\n`, crashTag);
}

function seal(key: Buffer, plain: Buffer, aad: string) {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') };
}

function open(key: Buffer, w: { iv: string; ct: string; tag: string }, aad: string): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(w.iv, 'base64'));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(Buffer.from(w.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(w.ct, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

function derive(secret: string, salt: Buffer, kdf: KdfParams): Buffer {
  return scryptSync(secret.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 });
}

/** The slot's AAD binds it to its owner: a slot copied onto another username does not open. */
const slotAad = (kind: string, username: string) => `masa-slot|${kind}|${username}`;
const dataKeyAad = (keyId: string) => `masa-data-key|${keyId}`;

export function makeSlot(kind: Slot['kind'], username: string, secret: string, vaultKey: Buffer, kdf: KdfParams = DEFAULT_KDF): Slot {
  const salt = randomBytes(16);
  const name = kind === 'recovery' ? RECOVERY_USERNAME : normalizeUsername(username);
  return { kind, username: name, kdf, salt: salt.toString('base64'), ...seal(derive(secret, salt, kdf), vaultKey, slotAad(kind, name)) };
}

export function wrapDataKey(vaultKey: Buffer, dataKey: Buffer, keyId: string, state: 'current' | 'previous') {
  return { keyId, state, ...seal(vaultKey, dataKey, dataKeyAad(keyId)) };
}

export function newKeyId(): string {
  return randomBytes(8).toString('hex');
}

/** Opens the vault key with a username + password (or the recovery code). Null if they do not match. */
export function openVault(file: SlotFile, kind: Slot['kind'], username: string, secret: string): Buffer | null {
  return openVaultSlot(file, kind, username, secret)?.vaultKey ?? null;
}

/**
 * `openVault`, also naming the slot that opened. During a change there are two slots for the
 * owner (the old one and the pending new one, slotChange.ts): each is tried, the settled one first.
 */
export function openVaultSlot(file: SlotFile, kind: Slot['kind'], username: string, secret: string): { vaultKey: Buffer; slot: Slot } | null {
  const name = kind === 'recovery' ? RECOVERY_USERNAME : normalizeUsername(username);
  const slots = file.slots.filter((s) => s.kind === kind && s.username === name).sort((a, b) => Number(!!a.pending) - Number(!!b.pending));
  if (slots.length === 0) {
    // Spend the same time as a real attempt so that timing does not tell which usernames exist.
    derive(secret, randomBytes(16), DEFAULT_KDF);
    return null;
  }
  for (const slot of slots) {
    const vaultKey = open(derive(secret, Buffer.from(slot.salt, 'base64'), slot.kdf), slot, slotAad(slot.kind, slot.username));
    if (vaultKey) return { vaultKey, slot };
  }
  return null;
}

/** The data keys in the order to try them: current first, then the previous one of an unfinished rekey. */
export function dataKeysOf(file: SlotFile, vaultKey: Buffer): { keyId: string; key: Buffer; state: 'current' | 'previous' }[] {
  const out: { keyId: string; key: Buffer; state: 'current' | 'previous' }[] = [];
  for (const state of ['current', 'previous'] as const) {
    for (const dk of file.dataKeys.filter((k) => k.state === state)) {
      const key = open(vaultKey, dk, dataKeyAad(dk.keyId));
      if (!key) throw new DatabaseError('SLOTS_CORRUPT', 'a data key does not open with the vault key');
      out.push({ keyId: dk.keyId, key, state });
    }
  }
  return out;
}

/** Recovery code: 160 random bits in Crockford base32, printed in groups of four. */
export function newRecoveryCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Users type the code with or without dashes, in any case, O for 0 and I/L for 1. */
export function normalizeRecoveryCode(code: string): string {
  const c = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return c.match(/.{1,4}/g)?.join('-') ?? '';
}
