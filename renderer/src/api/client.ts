import type { ApiInput, ApiName, ApiOutput, MasaBridge } from '../../../preload/contract/api';
import type { ApiError } from '../../../preload/contract/errors';

declare global {
  interface Window {
    masa: MasaBridge;
  }
}

/** A refusal from main, with its Turkish and English text and field messages. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
    this.name = 'ApiCallError';
  }
}

/** Calls main; throws ApiCallError on refusal. The renderer talks to main only through here. */
export async function send<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
  const r = await window.masa.invoke(name, input);
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value;
}

/** For forms that show errors next to their fields: never throws. */
export async function sendCatch<K extends ApiName>(
  name: K,
  input: ApiInput<K>,
): Promise<{ data: ApiOutput<K>; error: null } | { data: null; error: ApiError }> {
  const r = await window.masa.invoke(name, input);
  return r.ok ? { data: r.value, error: null } : { data: null, error: r.error };
}

export function onMainEvent(event: string, listener: (payload: unknown) => void): () => void {
  return window.masa.on(event, listener);
}
