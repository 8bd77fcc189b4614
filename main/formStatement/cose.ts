/**
 * COSE_Sign1 (RFC 9052 §4.2) with EdDSA (Ed25519, alg -8), the envelope of the EU digital
 * COVID certificate: `18([protected, unprotected, payload, signature])`. The protected header
 * holds only the algorithm; the unprotected header holds the key id (kid), the first 8 bytes
 * of the SHA-256 of the signer's SubjectPublicKeyInfo, so a verifier finds the key without
 * trying them all. CBOR by cborg (strict, deterministic), Ed25519 by node:crypto.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { decode, encode, Tagged } from 'cborg';

const COSE_SIGN1_TAG = 18;
const HEADER_ALG = 1;
const HEADER_KID = 4;
const ALG_EDDSA = -8;
const KID_BYTES = 8;

const STRICT = { strict: true, rejectDuplicateMapKeys: true } as const;

export class CoseMalformed extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CoseMalformed';
  }
}

interface Sign1 {
  /** The protected header's bytes, as signed. */
  protectedBytes: Uint8Array;
  kid: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** The key id of an Ed25519 public key (SPKI DER, base64): the first 8 bytes of its SHA-256, i.e. the fingerprint's first 16 hex digits. */
export function keyId(publicKeySpki: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(Buffer.from(publicKeySpki, 'base64')).digest().subarray(0, KID_BYTES));
}

/** RFC 9052 §4.4: what the signature covers. No external data. */
function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

export function signSign1(payload: Uint8Array, keys: { publicKeySpki: string; privateKeyPkcs8: string }): Uint8Array {
  const protectedBytes = encode(new Map([[HEADER_ALG, ALG_EDDSA]]));
  const priv = createPrivateKey({ key: Buffer.from(keys.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  const signature = new Uint8Array(sign(null, sigStructure(protectedBytes, payload), priv));
  return encode(new Tagged(COSE_SIGN1_TAG, [protectedBytes, new Map([[HEADER_KID, keyId(keys.publicKeySpki)]]), payload, signature]));
}

/** Reads the envelope; anything but a tagged COSE_Sign1 with EdDSA and a kid is CoseMalformed (never a thrown cborg error). */
export function parseSign1(bytes: Uint8Array): Sign1 {
  let top: unknown;
  try {
    top = decode(bytes, { ...STRICT, useMaps: true, tags: Tagged.preserve(COSE_SIGN1_TAG) });
  } catch {
    throw new CoseMalformed('not CBOR');
  }
  if (!(top instanceof Tagged) || top.tag !== COSE_SIGN1_TAG) throw new CoseMalformed('not a COSE_Sign1 (tag 18)');
  const parts = top.value as unknown;
  if (!Array.isArray(parts) || parts.length !== 4) throw new CoseMalformed('COSE_Sign1 is not an array of four');
  const [protectedBytes, unprotected, payload, signature] = parts as unknown[];
  if (!(protectedBytes instanceof Uint8Array) || !(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) throw new CoseMalformed('COSE_Sign1 parts of the wrong type');
  if (!(unprotected instanceof Map)) throw new CoseMalformed('unprotected header is not a map');
  let header: unknown;
  try {
    header = decode(protectedBytes, { ...STRICT, useMaps: true });
  } catch {
    throw new CoseMalformed('protected header is not CBOR');
  }
  if (!(header instanceof Map) || header.get(HEADER_ALG) !== ALG_EDDSA) throw new CoseMalformed('algorithm is not EdDSA');
  const kid = unprotected.get(HEADER_KID) ?? header.get(HEADER_KID);
  if (!(kid instanceof Uint8Array)) throw new CoseMalformed('no key id');
  if (signature.length !== 64) throw new CoseMalformed('an Ed25519 signature is 64 bytes');
  return { protectedBytes, kid, payload, signature };
}

export function sign1Valid(s: Sign1, publicKeySpki: string): boolean {
  try {
    const pub = createPublicKey({ key: Buffer.from(publicKeySpki, 'base64'), format: 'der', type: 'spki' });
    return verify(null, sigStructure(s.protectedBytes, s.payload), pub, s.signature);
  } catch {
    return false;
  }
}

/** The payload map's CBOR: fields left undefined are omitted (cborg would write CBOR `undefined`). */
export function encodePayload(fields: Record<string, unknown>): Uint8Array {
  return encode(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
}

export function decodePayload(payload: Uint8Array): unknown {
  try {
    return decode(payload, STRICT);
  } catch {
    throw new CoseMalformed('payload is not CBOR');
  }
}
