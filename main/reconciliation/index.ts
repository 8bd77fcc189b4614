export { writeReconciliation, type WrittenReconciliation } from './write';
export { verifySignedReconciliation, type TrustedKey } from './verify';
export { mergeReconciliations } from './merge';
export { createDeskKeyPair, fingerprint, publicKeyPem, signFile } from './signature';
export { countsOf, type ReconciliationDay } from './model';
