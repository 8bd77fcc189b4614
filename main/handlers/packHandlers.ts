import { checkPackFile, decideDraft, keygen, signPackFile } from '../services/packTools';
import { defineHandlers } from './defineHandlers';

/** HQ's pack tooling: files only, no ledger read or written, so no sign-in (like `rules.decide`). */
export const packHandlers = defineHandlers({
  'rules.packCheck': { access: 'public', allowedInRescue: true, run: (_ctx, input) => checkPackFile(input) },
  'rules.decideDraft': { access: 'public', allowedInRescue: true, run: (_ctx, input) => decideDraft(input) },
  'rules.packKeygen': { access: 'public', allowedInRescue: true, run: (_ctx, input) => keygen(input) },
  'rules.packSign': { access: 'public', allowedInRescue: true, run: (_ctx, input) => signPackFile(input) },
});
