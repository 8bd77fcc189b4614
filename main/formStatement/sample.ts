/**
 * Signed statements matching the synthetic print fixtures (main/print/testing/fixtures.ts),
 * under a fixed demonstration key, for the example pages in docs/forms/ and bench/print.ts.
 * Deterministic: the same key and statement give the same QR every time.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { encodePayload, signSign1 } from './cose';
import { qrText } from './qrText';
import { motherBinding, type Statement } from './statement';
import { packIdentity } from '../rules/packIdentity';

/** PKCS#8 DER of an Ed25519 key = this prefix + the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = '302e020100300506032b657004220420';
const DEMO_SEED = 'masa-docs-forms-demo-key-32bytes';

function demoDeskKeys(): { publicKeySpki: string; privateKeyPkcs8: string } {
  const der = Buffer.concat([Buffer.from(ED25519_PKCS8_PREFIX, 'hex'), Buffer.from(DEMO_SEED, 'utf8')]);
  const priv = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return { privateKeyPkcs8: der.toString('base64'), publicKeySpki: createPublicKey(priv).export({ type: 'spki', format: 'der' }).toString('base64') };
}

const fixed = (byte: number, n: number) => new Uint8Array(n).fill(byte);

/** The (made-up) pack the sample decisions name: the statement's g/e/h and the printed rule pack line agree. */
const SAMPLE_PACK = { packCode: 'EVDE-2015', packEdition: 1, packHash: '5a'.repeat(32) };
export const samplePackLabel = (): string => packIdentity(SAMPLE_PACK).label;

function sampleStatement(kind: 'finalRegistration' | 'rejected' | 'missingDocuments', motherTckn: string): Statement {
  const base = { v: 1, p: '35', d: 'M03', g: SAMPLE_PACK.packCode, e: SAMPLE_PACK.packEdition, h: fixed(0x5a, 8), f: '2015-07-02', x: fixed(0xc3, 8) } as const;
  if (kind === 'finalRegistration') {
    const n = 'KK35-2015-001204';
    return { ...base, n, o: 'KESIN_KAYIT', t: 'SERTIFIKALI_BAKICI', a: 390_00, c: 'EUR', s: '2015-07-02', q: 48211, m: motherBinding(n, motherTckn) };
  }
  const n = '35-2015-004712';
  return kind === 'rejected'
    ? { ...base, n, o: 'RET', q: 48190, m: motherBinding(n, motherTckn), k: ['CHILD_AGE', 'KINSHIP_LIVE_IN'] }
    : { ...base, n, o: 'EKSIK_EVRAK', q: 48190, m: motherBinding(n, motherTckn), b: ['EK9', 'BANKA_TAAHHUT', 'BAKICI_DIPLOMA', 'SAGLIK_RAPORU'] };
}

export function sampleStatementText(kind: Parameters<typeof sampleStatement>[0], motherTckn: string): string {
  return qrText(signSign1(encodePayload(sampleStatement(kind, motherTckn)), demoDeskKeys()));
}
