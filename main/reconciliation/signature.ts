import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

/**
 * The detached signature HQ verifies with OpenSSL or Node alone: a small JSON document whose
 * `signature` is Ed25519 over the lowercase hex SHA-256 of the .xlsx bytes.
 */
export interface SignatureFile {
  file: string;
  sha256: string;
  desk: string;
  publicKey: string;
  signature: string;
}

export function createDeskKeyPair(): { publicKeySpki: string; privateKeyPkcs8: string } {
  const k = generateKeyPairSync('ed25519');
  return {
    publicKeySpki: k.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKeyPkcs8: k.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

export function publicKeyPem(spkiBase64: string): string {
  return createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }).toString();
}

/** SHA-256 of the SPKI DER, in groups of four hex digits: what HQ reads back over the phone. */
export function fingerprint(spkiBase64: string): string {
  return createHash('sha256').update(Buffer.from(spkiBase64, 'base64')).digest('hex').match(/.{4}/g)!.join(' ');
}

export function signFile(fileName: string, bytes: Buffer, desk: string, keys: { publicKeySpki: string; privateKeyPkcs8: string }): SignatureFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const priv = createPrivateKey({ key: Buffer.from(keys.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  const signature = sign(null, Buffer.from(sha256, 'utf8'), priv).toString('base64');
  return { file: fileName, sha256, desk, publicKey: keys.publicKeySpki, signature };
}

export function signatureValid(sig: SignatureFile): boolean {
  try {
    const pub = createPublicKey({ key: Buffer.from(sig.publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(sig.sha256, 'utf8'), pub, Buffer.from(sig.signature, 'base64'));
  } catch {
    return false;
  }
}
