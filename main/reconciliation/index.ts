export { writeReconciliation, type WrittenReconciliation } from './write';
export { readReconciliation } from './read';
export { verifySignedReconciliation, type TrustedKey, type VerifiedFile } from './verify';
export { mergeReconciliations } from './merge';
export { createDeskKeyPair, fingerprint, publicKeyPem, signFile } from './signature';
export { countsOf, reconciliationFileName, type ReconciliationDay } from './model';
