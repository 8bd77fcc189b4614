import { CLI } from '../texts/cli';

/** node:util parseArgs speaks English; the office head reads Turkish. */
export function parseArgsMessage(err: Error & { code?: string }, lang: 'tr' | 'en'): string {
  if (lang === 'en') return err.message;
  const option = /'(-[^']*)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return CLI.parseArgs.unknownOption.tr(option);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option ? CLI.parseArgs.optionValue.tr(option) : CLI.parseArgs.badValue.tr;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return CLI.parseArgs.tooManyPositionals.tr;
    default:
      return CLI.parseArgs.notUnderstood.tr;
  }
}
