/**
 * Main's text catalogue (the desk CLI, the services, the checks, the desktop shell): every text a
 * person reads, keyed, with its Turkish and English side by side, the way preload/contract/errors.ts
 * and main/texts/import.ts already keep theirs. A catalogue module is checked with
 * `satisfies Catalogue`, so a text without its English twin does not compile.
 * Layout and the rule against inline Turkish: docs/CONVENTIONS.md "Texts"; scripts/turkishLiterals.test.ts.
 */

/** A fixed text in both languages. */
export interface Bilingual {
  tr: string;
  en: string;
}

/** A text with parameters: both languages take the same arguments. */
interface BilingualFn<A extends unknown[]> {
  tr: (...args: A) => string;
  en: (...args: A) => string;
}

// `any`: each entry fixes its own parameters; `fill` and the call sites are typed by the entry itself.
export type Catalogue = { [key: string]: Bilingual | BilingualFn<any> | Catalogue };

/** A text with parameters filled in, in both languages (for UsageError, refusals, report lines). */
export function fill<A extends unknown[]>(text: BilingualFn<A>, ...args: A): Bilingual {
  return { tr: text.tr(...args), en: text.en(...args) };
}
