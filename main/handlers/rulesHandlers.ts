import { decideFacts } from '../services/decideFacts';
import { defineHandlers } from './defineHandlers';

export const rulesHandlers = defineHandlers({
  // Pure evaluation of a facts file: reads no ledger and writes nothing, so no sign-in.
  'rules.decide': { access: 'public', allowedInRescue: true, run: (_ctx, input) => decideFacts(input) },
});
