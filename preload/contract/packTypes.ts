import { z } from 'zod';
import { decideInput } from './rulesTypes';

/**
 * Rule packs as signed files (docs/rule-packs.md): HQ's tooling (check, draft decision, key
 * pair, signature) needs no ledger and no sign-in; loading and trust anchors are the office
 * head's and are written to the ledger.
 */
const filePath = z.string('REQUIRED').trim().min(1, 'REQUIRED').max(4096, 'INVALID');

export const packCheckInput = z.object({ path: filePath }).strict();
export const decideDraftInput = decideInput.omit({ packCode: true }).extend({ packFile: filePath }).strict();
export const packKeygenInput = z.object({ outDir: filePath }).strict();
export const packSignInput = z.object({ path: filePath, keyPath: filePath }).strict();

type Bilingual = { tr: string; en: string };

interface PackProblemView {
  path: string;
  message: Bilingual;
}

/** What identifies a pack: code, edition and the SHA-256 of its canonical JSON. */
interface PackIdentityView {
  code: string;
  edition: number;
  hash: string;
  /** `BAKICI-2020#2:1a2b3c4d`: what the Özet row, the decision panel and the form print. */
  label: string;
}

export interface PackSummary extends PackIdentityView {
  name: Bilingual;
  validFrom: string;
  validTo: string | null;
  supersedes: number | null;
  changeNote: Bilingual;
  examples: number;
}

export interface PackCheckView {
  file: string;
  /** SHA-256 of the file's bytes (what a `.sig` signs); null when the file could not be read. */
  sha256: string | null;
  problems: PackProblemView[];
  pack: PackSummary | null;
}

export interface PackKeygenResult {
  privateKeyPath: string;
  publicKeyPath: string;
  fingerprint: string;
}

export interface PackSignResult {
  sigPath: string;
  sha256: string;
  fingerprint: string;
}

export const packLoadInput = z.object({ path: filePath }).strict();
export const hqKeyPreviewInput = z.object({ pem: z.string('REQUIRED').min(1, 'REQUIRED').max(2000, 'INVALID') }).strict();
export const hqKeyAddInput = z
  .object({
    pem: z.string('REQUIRED').min(1, 'REQUIRED').max(2000, 'INVALID'),
    /** The fingerprint the head read back and confirmed (spaces and case do not matter). */
    confirmFingerprint: z.string('REQUIRED').trim().min(1, 'REQUIRED').max(100, 'INVALID'),
    name: z.string().trim().min(1).max(100).default('SGK-HQ'),
  })
  .strict();
export const hqKeyRetireInput = z.object({ path: filePath }).strict();

export interface PackLoadResult extends PackSummary {
  signer: string;
  sha256: string;
}

export interface PackListRow extends PackSummary {
  origin: 'builtin' | 'loaded';
  loadedBy: string | null;
  loadedAt: string | null;
  /** Fingerprint of the key that signed a loaded pack. */
  signer: string | null;
}

export interface HqKeyView {
  name: string;
  fingerprint: string;
  origin: 'shipped' | 'added';
  addedBy: string | null;
  addedAt: string | null;
  retiredFrom: string | null;
}
