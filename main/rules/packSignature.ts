import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { createDeskKeyPair, fingerprint, publicKeyPem, signatureValid, signFile, type SignatureFile } from '../reconciliation/signature';

/**
 * A pack's detached `.sig`: the reconciliation signature (Ed25519 over the lowercase hex
 * SHA-256 of the file's bytes, base64 SPKI DER public key), made and checked by the same code,
 * with `desk` holding the signer's name and the key's fingerprint beside it so that a person
 * can compare it with the one HQ published. HQ can make one with OpenSSL alone (docs/rule-packs.md).
 */
export type PackSignature = SignatureFile & { fingerprint: string };

export const packSignatureSchema = z
  .object({
    file: z.string().min(1).max(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    desk: z.string().min(1).max(100),
    publicKey: z.string().min(1).max(200),
    signature: z.string().min(1).max(200),
    fingerprint: z.string().max(100).optional(),
  })
  .strict();

interface HqKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
  publicKeySpki: string;
  fingerprint: string;
}

export function createHqKeyPair(): HqKeyPair {
  const k = createDeskKeyPair();
  const privateKeyPem = createPrivateKey({ key: Buffer.from(k.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }).toString();
  return { privateKeyPem, publicKeyPem: publicKeyPem(k.publicKeySpki), publicKeySpki: k.publicKeySpki, fingerprint: fingerprint(k.publicKeySpki) };
}

/** The base64 SPKI DER of a PEM public key (or of the public half of a PEM private key). */
function spkiOfPem(pem: string): string {
  return createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64');
}

export function signPack(fileName: string, bytes: Buffer, privateKeyPem: string, signer = 'SGK-HQ'): PackSignature {
  const priv = createPrivateKey(privateKeyPem);
  if (priv.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  const keys = { publicKeySpki: spkiOfPem(privateKeyPem), privateKeyPkcs8: priv.export({ type: 'pkcs8', format: 'der' }).toString('base64') };
  const sig = signFile(fileName, bytes, signer, keys);
  return { ...sig, fingerprint: fingerprint(sig.publicKey) };
}

type SignatureCheck = 'ok' | 'changed' | 'bad-signature';

/** `changed`: the bytes are not the ones that were signed; `bad-signature`: the signature does not hold. */
export function checkPackSignature(bytes: Buffer, sig: SignatureFile): SignatureCheck {
  if (createHash('sha256').update(bytes).digest('hex') !== sig.sha256) return 'changed';
  return signatureValid(sig) ? 'ok' : 'bad-signature';
}

export { fingerprint };
