import type { ApiError } from '../../../preload/contract/errors';
import i18n from '../i18n';

/** The error's text in the language the user chose. */
export function errorText(e: ApiError): string {
  return i18n.language === 'en' ? e.messageEn : e.message;
}

/** Field messages for Mantine's form.setErrors, in the current language. */
export function fieldErrors(e: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.fields ?? {})) out[k] = i18n.language === 'en' ? v.en : v.tr;
  return out;
}
