import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { settings as settingsQ, users as usersQ } from '../../database';
import type { HqKeyView, PackListRow, PackLoadResult } from '../../preload/contract/packTypes';
import { AppError } from '../app/appError';
import type { MasaApp } from '../app/masaApp';
import { turkeyParts } from '../domain/turkeyTime';
import { loadRulePacks, packHash, type DecisionDates, type RulePack } from '../rules';
import { checkPackBytes } from '../rules/packCheck';
import { choosePack, latestPack } from '../rules/packChoice';
import { identityOfPack, packIdentity, type PackIdentity } from '../rules/packIdentity';
import compiledPackHashes from '../rules/compiledPackHashes.json';
import { checkPackSignature, fingerprint, packSignatureSchema, type PackSignature } from '../rules/packSignature';
import shippedAnchors from '../rules/trust/hq-keys.json';
import { packSummary, readPackFile } from './packTools';

/**
 * The packs a desk decides with: the built-in pack files plus those the office head loaded.
 * A loaded pack lives in the encrypted ledger as the settings row its `rules.pack_loaded` event
 * put (the file's bytes and its `.sig`), so verify, replay and a restored backup on another PC
 * have the exact pack. Trust anchors (HQ keys) are the shipped data file plus keys the head
 * added (`rules.hq_key_added`), minus retired ones (`rules.hq_key_retired`).
 */
const PACK_PREFIX = 'rulepack.';
const KEY_PREFIX = 'hqkey.';
const RETIRED_PREFIX = 'hqkey-retired.';

const storedPackSchema = z.object({
  file: z.string(),
  bytes: z.string(),
  signature: packSignatureSchema,
  loadedBy: z.number().int(),
  loadedAt: z.string(),
});
type StoredPack = z.infer<typeof storedPackSchema>;

const anchorsSchema = z.object({ note: z.string().optional(), keys: z.array(z.object({ name: z.string(), publicKey: z.string() }).strict()) }).strict();
const retirementSchema = z
  .object({
    type: z.literal('masa-hq-key-retirement'),
    fingerprint: z.string().regex(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/),
    retiredFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    reason: z.object({ tr: z.string().min(1), en: z.string().min(1) }).strict(),
  })
  .strict();

interface PackEntry {
  pack: RulePack;
  origin: 'builtin' | 'loaded';
  stored: StoredPack | null;
}

/**
 * Parsing a loaded pack decides its examples; done once per stored text, not per request.
 * Shared by every app in the process on purpose: keyed by the pack's bytes, whose parse is
 * always the same immutable RulePack, so no app can see another's state through it.
 */
const parsed = new Map<string, RulePack>();
function parseStored(text: string): { pack: RulePack; stored: StoredPack } {
  const stored = storedPackSchema.parse(JSON.parse(text));
  let pack = parsed.get(stored.bytes);
  if (!pack) {
    const r = checkPackBytes(Buffer.from(stored.bytes, 'base64'));
    // It passed this check when loaded; failing now means the app's rules changed under it.
    if (!r.pack) throw new Error(`stored pack no longer checks: ${r.problems[0]?.path}`);
    pack = r.pack;
    parsed.set(stored.bytes, pack);
  }
  return { pack, stored };
}

function packEntries(app: MasaApp): PackEntry[] {
  const out: PackEntry[] = [...loadRulePacks().values()].map((pack) => ({ pack, origin: 'builtin' as const, stored: null }));
  for (const [k, v] of Object.entries(settingsQ.allSettings(app.requireStore().reader))) {
    if (!k.startsWith(PACK_PREFIX)) continue;
    const { pack, stored } = parseStored(v);
    out.push({ pack, origin: 'loaded', stored });
  }
  return out;
}

export const allPacks = (app: MasaApp): RulePack[] => packEntries(app).map((e) => e.pack);

/** The pack that decides an appointment of `code` on these dates (docs/rule-packs.md). */
export function packForDates(app: MasaApp, code: string, dates: DecisionDates): RulePack {
  const packs = allPacks(app);
  const pack = choosePack(packs, code, dates);
  if (pack) return pack;
  if (!packs.some((p) => p.code === code)) throw new AppError('PACK_UNKNOWN', { programCode: code });
  throw new AppError('PACK_NOT_VALID', { programCode: code, date: dates.finalRegistration });
}

/** Names, currency, quotas: the newest edition of the code. */
export function latestPackOf(app: MasaApp, code: string): RulePack {
  const pack = latestPack(allPacks(app), code);
  if (!pack) throw new AppError('PACK_UNKNOWN', { programCode: code });
  return pack;
}

export function packByHash(app: MasaApp, hash: string): RulePack | undefined {
  return allPacks(app).find((p) => packHash(p) === hash);
}

const COMPILED_PACK_CODES: Readonly<Record<string, string>> = compiledPackHashes.hashes;

/**
 * The pack a recorded decision names by its hash, and how to name it: a built-in or loaded
 * pack as itself; a pack compiled into a release before pack files (main/rules/compiledPackHashes.json)
 * as edition 0 with the hash it recorded, replayed with the first built-in edition of its code
 * (the same rules, re-expressed as a pack file). Unknown: undefined.
 */
export function decisionPackOf(app: MasaApp, hash: string): { pack: RulePack; identity: PackIdentity } | undefined {
  const pack = packByHash(app, hash);
  if (pack) return { pack, identity: identityOfPack(pack) };
  const code = Object.hasOwn(COMPILED_PACK_CODES, hash) ? COMPILED_PACK_CODES[hash]! : null;
  const first = code ? [...loadRulePacks().values()].filter((p) => p.code === code).sort((a, b) => a.edition - b.edition)[0] : undefined;
  return first ? { pack: first, identity: packIdentity({ packCode: first.code, packEdition: 0, packHash: hash }) } : undefined;
}

export const hasProgramme = (app: MasaApp, code: string): boolean => allPacks(app).some((p) => p.code === code);

// ---- trust anchors ------------------------------------------------------------------------

const fpKey = (fp: string) => fp.replace(/ /g, '');

interface TrustedKey {
  name: string;
  publicKeySpki: string;
  fingerprint: string;
  origin: 'shipped' | 'added';
  addedBy: number | null;
  addedAt: string | null;
  retiredFrom: string | null;
}

function hqKeys(app: MasaApp): TrustedKey[] {
  const s = settingsQ.allSettings(app.requireStore().reader);
  const retired = (fp: string) => {
    const r = s[`${RETIRED_PREFIX}${fpKey(fp)}`];
    return r ? (JSON.parse(r) as { retiredFrom: string }).retiredFrom : null;
  };
  const out: TrustedKey[] = anchorsSchema.parse(shippedAnchors).keys.map((k) => ({ name: k.name, publicKeySpki: k.publicKey, fingerprint: fingerprint(k.publicKey), origin: 'shipped', addedBy: null, addedAt: null, retiredFrom: null }));
  for (const [k, v] of Object.entries(s)) {
    if (!k.startsWith(KEY_PREFIX)) continue;
    const rec = JSON.parse(v) as { name: string; publicKeySpki: string; addedBy: number; addedAt: string };
    out.push({ name: rec.name, publicKeySpki: rec.publicKeySpki, fingerprint: fingerprint(rec.publicKeySpki), origin: 'added', addedBy: rec.addedBy, addedAt: rec.addedAt, retiredFrom: null });
  }
  for (const k of out) k.retiredFrom = retired(k.fingerprint);
  return out;
}

function spkiOfPublicPem(pem: string): string {
  // createPublicKey would also derive a public key from a pasted private key: refuse that outright.
  if (/PRIVATE KEY/.test(pem)) throw new AppError('KEY_INVALID');
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519' || key.type !== 'public') throw new Error('not an Ed25519 public key');
    return key.export({ type: 'spki', format: 'der' }).toString('base64');
  } catch {
    throw new AppError('KEY_INVALID');
  }
}

export function previewHqKey(pem: string): { fingerprint: string } {
  return { fingerprint: fingerprint(spkiOfPublicPem(pem)) };
}

const userNames = (app: MasaApp) => new Map(usersQ.listUsers(app.requireStore().reader).map((u) => [u.id, u.display_name]));

function keyView(app: MasaApp, k: TrustedKey, names = userNames(app)): HqKeyView {
  return { name: k.name, fingerprint: k.fingerprint, origin: k.origin, addedBy: k.addedBy === null ? null : (names.get(k.addedBy) ?? `#${k.addedBy}`), addedAt: k.addedAt, retiredFrom: k.retiredFrom };
}

export function listHqKeys(app: MasaApp): HqKeyView[] {
  const names = userNames(app);
  return hqKeys(app).map((k) => keyView(app, k, names));
}

/** The head adds an HQ key after reading its fingerprint back (typed or confirmed on screen). */
export function addHqKey(app: MasaApp, input: { pem: string; confirmFingerprint: string; name: string }): HqKeyView {
  const store = app.requireStore();
  const session = app.requireSession();
  const spki = spkiOfPublicPem(input.pem);
  const fp = fingerprint(spki);
  if (fpKey(input.confirmFingerprint.toLowerCase()) !== fpKey(fp)) throw new AppError('HQ_KEY_CONFIRM', { fingerprint: fp });
  if (hqKeys(app).some((k) => k.publicKeySpki === spki)) throw new AppError('HQ_KEY_EXISTS', { fingerprint: fp });
  const rec = { name: input.name, publicKeySpki: spki, addedBy: session.userId, addedAt: app.now().toISOString() };
  store.ledger.record({ type: 'rules.hq_key_added', entity: `hqkey:${fpKey(fp).slice(0, 16)}`, userId: session.userId }, (w) =>
    w.put('settings', { key: `${KEY_PREFIX}${fpKey(fp)}`, value: JSON.stringify(rec) }),
  );
  return keyView(app, { ...rec, fingerprint: fp, origin: 'added', retiredFrom: null });
}

/** A signed statement (`STATEMENT.json` + `.sig`) retires a key; it must be signed by another trusted, unretired key. */
export function retireHqKey(app: MasaApp, input: { path: string }): HqKeyView {
  const store = app.requireStore();
  const session = app.requireSession();
  const bytes = readPackFile(input.path);
  const sig = readSig(input.path);
  let statement: z.infer<typeof retirementSchema>;
  try {
    statement = retirementSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw new AppError('HQ_RETIRE_INVALID', { file: input.path });
  }
  const keys = hqKeys(app);
  const target = keys.find((k) => k.fingerprint === statement.fingerprint);
  if (!target) throw new AppError('PACK_KEY_UNTRUSTED', { fingerprint: statement.fingerprint });
  const signer = trustedSigner(app, sig, keys);
  if (signer.fingerprint === target.fingerprint) throw new AppError('HQ_RETIRE_SELF', { fingerprint: target.fingerprint });
  if (checkPackSignature(bytes, sig) !== 'ok') throw new AppError('PACK_SIG_INVALID', { file: input.path });
  if (target.retiredFrom) return keyView(app, target);
  store.ledger.record({ type: 'rules.hq_key_retired', entity: `hqkey:${fpKey(target.fingerprint).slice(0, 16)}`, userId: session.userId }, (w) =>
    w.put('settings', { key: `${RETIRED_PREFIX}${fpKey(target.fingerprint)}`, value: JSON.stringify({ ...statement, statement: bytes.toString('base64'), signature: sig }) }),
  );
  return keyView(app, { ...target, retiredFrom: statement.retiredFrom });
}

// ---- loading ------------------------------------------------------------------------------

function readSig(file: string): PackSignature {
  const sigPath = `${file}.sig`;
  let text: string;
  try {
    if (fs.statSync(sigPath).size > 4096) throw new Error('too large');
    text = fs.readFileSync(sigPath, 'utf8');
  } catch {
    throw new AppError('PACK_SIG_MISSING', { file: sigPath });
  }
  try {
    const sig = packSignatureSchema.parse(JSON.parse(text));
    return { ...sig, fingerprint: fingerprint(sig.publicKey) };
  } catch {
    throw new AppError('PACK_SIG_INVALID', { file: sigPath });
  }
}

/** The trusted key that made `sig`; a retired one only before its retirement day. */
function trustedSigner(app: MasaApp, sig: PackSignature, keys = hqKeys(app)): TrustedKey {
  const key = keys.find((k) => k.publicKeySpki === sig.publicKey);
  if (!key) throw new AppError('PACK_KEY_UNTRUSTED', { fingerprint: sig.fingerprint });
  const today = turkeyParts(app.now()).date;
  if (key.retiredFrom !== null && today >= key.retiredFrom) throw new AppError('PACK_KEY_RETIRED', { fingerprint: key.fingerprint, date: key.retiredFrom });
  return key;
}

/**
 * Loads a signed pack: every check first (signature, trusted key, `pack check`, no downgrade),
 * then one event. A refusal writes nothing.
 */
export function loadPack(app: MasaApp, input: { path: string }): PackLoadResult {
  const store = app.requireStore();
  const session = app.requireSession();
  const bytes = readPackFile(input.path);
  const sig = readSig(input.path);
  const signer = trustedSigner(app, sig);
  const sigCheck = checkPackSignature(bytes, sig);
  if (sigCheck === 'changed') throw new AppError('PACK_CHANGED', { file: input.path });
  if (sigCheck !== 'ok') throw new AppError('PACK_SIG_INVALID', { file: `${input.path}.sig` });
  const r = checkPackBytes(bytes);
  if (!r.pack) throw new AppError('PACK_INVALID', { file: input.path, count: r.problems.length }, Object.fromEntries(r.problems.map((p) => [p.path, p.message])));
  const pack = r.pack;
  const newest = latestPack(allPacks(app), pack.code);
  if (newest && newest.edition >= pack.edition) throw new AppError('PACK_DOWNGRADE', { code: pack.code, edition: pack.edition, have: newest.edition });
  const stored: StoredPack = { file: input.path.split(/[\\/]/).pop()!, bytes: bytes.toString('base64'), signature: sig, loadedBy: session.userId, loadedAt: app.now().toISOString() };
  const id = identityOfPack(pack);
  store.ledger.record({ type: 'rules.pack_loaded', entity: `rulepack:${id.code}#${id.edition}`, userId: session.userId }, (w) => {
    w.put('settings', { key: `${PACK_PREFIX}${id.code}#${id.edition}`, value: JSON.stringify(stored) });
    w.note({ code: id.code, edition: id.edition, hash: id.hash, sha256: sig.sha256, fingerprint: signer.fingerprint });
  });
  return { ...packSummary(pack), signer: signer.fingerprint, sha256: sig.sha256 };
}

export function listPacks(app: MasaApp): PackListRow[] {
  const names = userNames(app);
  return packEntries(app)
    .map((e) => ({
      ...packSummary(e.pack),
      origin: e.origin,
      loadedBy: e.stored ? (names.get(e.stored.loadedBy) ?? `#${e.stored.loadedBy}`) : null,
      loadedAt: e.stored?.loadedAt ?? null,
      signer: e.stored ? fingerprint(e.stored.signature.publicKey) : null,
    }))
    .sort((a, b) => a.code.localeCompare(b.code) || a.edition - b.edition);
}
