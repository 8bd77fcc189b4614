import type { ApiName } from '../../preload/contract/api';
import { appHandlers } from './appHandlers';
import { authHandlers } from './authHandlers';
import { backupHandlers } from './backupHandlers';
import { deskHandlers } from './deskHandlers';
import { importHandlers } from './importHandlers';
import { registrationHandlers } from './registrationHandlers';
import { printHandlers } from './printHandlers';
import { reconciliationHandlers } from './reconciliationHandlers';
import { rulesHandlers } from './rulesHandlers';
import { packHandlers, packStoreHandlers } from './packHandlers';
import type { Handler, HandlerTable } from './defineHandlers';
import { ledgerHandlers } from './ledgerHandlers';
import { userHandlers } from './userHandlers';
import { formHandlers } from './formHandlers';

/** Every domain's table, combined into one; a name defined twice is a programming error. */
function combineHandlerTables(...tables: HandlerTable[]): HandlerTable {
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    for (const [name, h] of Object.entries(t)) {
      if (name in out) throw new Error(`handler defined twice: ${name}`);
      out[name] = h;
    }
  }
  return out as HandlerTable;
}

export const handlers = combineHandlerTables(appHandlers, authHandlers, userHandlers, ledgerHandlers, deskHandlers, backupHandlers, importHandlers, registrationHandlers, printHandlers, reconciliationHandlers, rulesHandlers, formHandlers, packHandlers, packStoreHandlers);

export function handlerFor(name: string): Handler<ApiName> | undefined {
  return Object.hasOwn(handlers, name) ? (handlers as Record<string, Handler<ApiName>>)[name] : undefined;
}
