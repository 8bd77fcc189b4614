import type { ApiName, ApiOutput, ApiParsedInput } from '../../preload/contract/api';
import type { Role } from '../../preload/contract/types';
import type { MasaApp } from '../app/masaApp';

/**
 * Who may call a handler:
 * - 'public': no session needed (status, setup, sign-in);
 * - 'session': a session, even a locked one (unlock, sign-out);
 * - 'signed-in': an unlocked session of any role;
 * - a list of roles: an unlocked session with one of them.
 */
export type Access = 'public' | 'session' | 'signed-in' | readonly Role[];

interface HandlerContext {
  app: MasaApp;
}

export interface Handler<K extends ApiName> {
  access: Access;
  /** May run while the user still has to replace a temporary password. */
  allowedBeforePasswordChange?: boolean;
  /** May run while the ledger is in rescue mode (start-up check failed). */
  allowedInRescue?: boolean;
  run(ctx: HandlerContext, input: ApiParsedInput<K>): ApiOutput<K> | Promise<ApiOutput<K>>;
}

export type HandlerTable = { [K in ApiName]?: Handler<K> };

/** Identity function that type-checks a domain's table against the API contract. */
export function defineHandlers<T extends HandlerTable>(table: T & { [K in Exclude<keyof T, ApiName>]: never }): T {
  return table;
}

export const HEAD_ONLY = ['HEAD'] as const satisfies readonly Role[];
