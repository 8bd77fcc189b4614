import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiParsedInput } from '../../preload/contract/api';
import type { PackCheckView, PackKeygenResult, PackSignResult, PackSummary } from '../../preload/contract/packTypes';
import type { DecisionResult } from '../../preload/contract/rulesTypes';
import { formatMessage } from '../../preload/contract/errors';
import { writeFileAtomic } from '../../database';
import { AppError } from '../app/appError';
import { checkFacts, decide, type RulePack } from '../rules';
import { checkPackBytes, PACK_MAX_BYTES, type PackCheckResult } from '../rules/packCheck';
import { identityOfPack } from '../rules/packIdentity';
import { createHqKeyPair, signPack } from '../rules/packSignature';

/**
 * HQ's pack tooling (`pack check`, `decide --pack-file`, `pack keygen`, `pack sign`): files
 * only, no ledger, no sign-in. A file is measured before it is read, so a 50 MB "pack" is
 * refused without filling memory.
 */
export function readPackFile(file: string): Buffer {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new AppError('PACK_FILE_NOT_FILE', { file });
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    // The person typed a path: "not found" in their language, not an errno mixed into the sentence.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('PACK_FILE_MISSING', { file });
    throw new AppError('PACK_FILE_UNREADABLE', { file, why: String((e as NodeJS.ErrnoException).code ?? 'error') });
  }
  if (size > PACK_MAX_BYTES) throw new AppError('PACK_FILE_UNREADABLE', { file, why: `${size} B > ${PACK_MAX_BYTES} B` });
  return fs.readFileSync(file);
}

export function packSummary(pack: RulePack): PackSummary {
  return {
    ...identityOfPack(pack),
    name: pack.name,
    validFrom: pack.validFrom,
    validTo: pack.validTo,
    supersedes: pack.supersedes,
    changeNote: pack.changeNote,
    examples: pack.examples.length,
  };
}

function checkView(file: string, bytes: Buffer | null, result: PackCheckResult): PackCheckView {
  return { file, sha256: bytes ? createHash('sha256').update(bytes).digest('hex') : null, problems: result.problems, pack: result.pack ? packSummary(result.pack) : null };
}

export function checkPackFile(input: ApiParsedInput<'rules.packCheck'>): PackCheckView {
  let bytes: Buffer;
  try {
    bytes = readPackFile(input.path);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // The refusal's own sentence (missing, a folder, too large): the same words `pack load` uses.
    return { file: input.path, sha256: null, pack: null, problems: [{ path: '(root)', message: { tr: formatMessage(e.code, 'tr', e.params), en: formatMessage(e.code, 'en', e.params) } }] };
  }
  return checkView(input.path, bytes, checkPackBytes(bytes));
}

/** A pack that passed its check, or the refusal with every problem by JSON path. */
function checkedPack(file: string, bytes: Buffer): RulePack {
  const r = checkPackBytes(bytes);
  if (!r.pack) throw new AppError('PACK_INVALID', { file, count: r.problems.length }, Object.fromEntries(r.problems.map((p) => [p.path, p.message])));
  return r.pack;
}

/** HQ tries a draft on a case before signing it: nothing is written. */
export function decideDraft(input: ApiParsedInput<'rules.decideDraft'>): DecisionResult {
  const pack = checkedPack(input.packFile, readPackFile(input.packFile));
  const errors = checkFacts(pack, input.facts, input.dates, undefined, 'file');
  if (Object.keys(errors).length) throw new AppError('FACTS_INVALID', {}, errors);
  return decide(pack, input.facts, input.dates, input.documents);
}

const HQ_PRIVATE_KEY_FILE = 'hq-private.pem';
const HQ_PUBLIC_KEY_FILE = 'hq-public.pem';

/** A new HQ key pair; the private key is created owner-only and never over an existing file. */
export function keygen(input: ApiParsedInput<'rules.packKeygen'>): PackKeygenResult {
  const dir = path.resolve(input.outDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new AppError('EXPORT_FOLDER', { dir });
  const privateKeyPath = path.join(dir, HQ_PRIVATE_KEY_FILE);
  const publicKeyPath = path.join(dir, HQ_PUBLIC_KEY_FILE);
  for (const f of [privateKeyPath, publicKeyPath]) if (fs.existsSync(f)) throw new AppError('PACK_KEY_EXISTS', { file: f });
  const k = createHqKeyPair();
  // 'wx' + 0o600: created by us, readable by the owner only, whatever the umask.
  fs.writeFileSync(privateKeyPath, k.privateKeyPem, { flag: 'wx', mode: 0o600 });
  fs.chmodSync(privateKeyPath, 0o600);
  fs.writeFileSync(publicKeyPath, k.publicKeyPem, { flag: 'wx', mode: 0o644 });
  return { privateKeyPath, publicKeyPath, fingerprint: k.fingerprint };
}

/** Signs a pack that passes `pack check` (a broken pack is never signed) into `FILE.sig`. */
export function signPackFile(input: ApiParsedInput<'rules.packSign'>): PackSignResult {
  const bytes = readPackFile(input.path);
  checkedPack(input.path, bytes);
  let pem: string;
  try {
    pem = fs.readFileSync(input.keyPath, 'utf8');
  } catch {
    throw new AppError('PACK_KEY_UNREADABLE', { file: input.keyPath });
  }
  let sig: ReturnType<typeof signPack>;
  try {
    sig = signPack(path.basename(input.path), bytes, pem);
  } catch {
    throw new AppError('PACK_KEY_UNREADABLE', { file: input.keyPath });
  }
  const sigPath = `${input.path}.sig`;
  writeFileAtomic(sigPath, `${JSON.stringify(sig)}\n`, 'pack-sig');
  return { sigPath, sha256: sig.sha256, fingerprint: sig.fingerprint };
}
