import type { ZodError } from 'zod';
import { apiInputs, type ApiName, type ApiResult } from '../../preload/contract/api';
import { formatMessage, type ApiError } from '../../preload/contract/errors';
import { fieldMessages } from '../../preload/contract/fieldMessages';
import { AppError } from '../app/appError';
import { toAppError, type MasaApp } from '../app/masaApp';
import { log } from '../app/log';
import type { Access } from './defineHandlers';
import { handlerFor } from './registry';

/**
 * The single entry point for IPC, the browser bridge and the CLI: look the name up, parse the
 * input with its zod schema, check the session and role, run, and answer with a plain result.
 * No Error object, stack or SQL text ever crosses.
 */
export async function dispatch(app: MasaApp, name: string, rawInput: unknown): Promise<ApiResult<unknown>> {
  try {
    const handler = handlerFor(name);
    const schema = (apiInputs as Record<string, (typeof apiInputs)[ApiName]>)[name];
    if (!handler || !schema) throw new AppError('UNKNOWN_COMMAND');
    // An exclusive request (an import's stepped apply) has the ledger: wait for it to end.
    while (app.exclusive && !app.exclusive.allows.has(name)) await app.exclusive.done;
    checkAccess(app, handler.access, handler.allowedBeforePasswordChange ?? false, handler.allowedInRescue ?? false);
    const parsed = schema.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const value = await handler.run({ app }, parsed.data as never);
    if (app.session && handler.access !== 'public') app.session.lastActivity = app.now().getTime();
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toApiError(err, app, name) };
  }
}

function checkAccess(app: MasaApp, access: Access, beforePasswordChange: boolean, inRescue: boolean): void {
  if (access === 'public') return;
  const s = app.session;
  if (!s || !app.store) throw new AppError('NOT_SIGNED_IN');
  // Idle lock is enforced here too, so a renderer that stopped counting cannot keep a session open.
  const idleMs = app.officeInfo().idleLockMinutes * 60_000;
  if (!s.locked && app.now().getTime() - s.lastActivity > idleMs) s.locked = true;
  // The damage found says itself, with its rescue (a restore), on every refused request.
  if (s.rescue && !inRescue) throw new AppError(s.rescue.code, s.rescue.params);
  if (access === 'session') return;
  if (s.locked) throw new AppError('SESSION_LOCKED');
  if (s.mustChangePassword && !beforePasswordChange) throw new AppError('FORBIDDEN');
  if (access === 'signed-in') return;
  if (!access.includes(s.role)) throw new AppError('FORBIDDEN');
}

function validationError(error: ZodError): AppError {
  const fields: Record<string, { tr: string; en: string }> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (fields[key]) continue;
    fields[key] = (fieldMessages as Record<string, { tr: string; en: string }>)[issue.message] ?? fieldMessages.INVALID;
  }
  return new AppError('VALIDATION', {}, fields);
}

function toApiError(err: unknown, app: MasaApp, name: string): ApiError {
  const mapped = toAppError(err, app.dataDir);
  if (mapped instanceof AppError) {
    return {
      code: mapped.code,
      message: formatMessage(mapped.code, 'tr', mapped.params),
      messageEn: formatMessage(mapped.code, 'en', mapped.params),
      params: mapped.params,
      ...(mapped.fields ? { fields: mapped.fields } : {}),
    };
  }
  // Unexpected: log the kind and where, never the input (it may hold personal data).
  log.error('handler failed', { handler: name, error: (err as Error)?.name ?? 'unknown', code: (err as { code?: string })?.code });
  return { code: 'INTERNAL', message: formatMessage('INTERNAL', 'tr'), messageEn: formatMessage('INTERNAL', 'en') };
}
