import { checkPackFile, decideDraft, keygen, signPackFile } from '../services/packTools';
import * as store from '../services/packStore';
import { defineHandlers, HEAD_ONLY } from './defineHandlers';

/** HQ's pack tooling: files only, no ledger read or written, so no sign-in (like `rules.decide`). */
export const packHandlers = defineHandlers({
  'rules.packCheck': { access: 'public', allowedInRescue: true, run: (_ctx, input) => checkPackFile(input) },
  'rules.decideDraft': { access: 'public', allowedInRescue: true, run: (_ctx, input) => decideDraft(input) },
  'rules.packKeygen': { access: 'public', allowedInRescue: true, run: (_ctx, input) => keygen(input) },
  'rules.packSign': { access: 'public', allowedInRescue: true, run: (_ctx, input) => signPackFile(input) },
});

/** Loading packs and managing trust anchors: the office head's, each write one ledger event. */
export const packStoreHandlers = defineHandlers({
  'rules.packLoad': { access: HEAD_ONLY, run: ({ app }, input) => store.loadPack(app, input) },
  'rules.packList': { access: HEAD_ONLY, run: ({ app }) => store.listPacks(app) },
  'rules.hqKeyPreview': { access: HEAD_ONLY, run: (_ctx, input) => store.previewHqKey(input.pem) },
  'rules.hqKeyAdd': { access: HEAD_ONLY, run: ({ app }, input) => store.addHqKey(app, input) },
  'rules.hqKeyList': { access: HEAD_ONLY, run: ({ app }) => store.listHqKeys(app) },
  'rules.hqKeyRetire': { access: HEAD_ONLY, run: ({ app }, input) => store.retireHqKey(app, input) },
});
