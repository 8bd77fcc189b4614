/** node:util parseArgs speaks English; the office head reads Turkish. */
export function parseArgsMessage(err: Error & { code?: string }, lang: 'tr' | 'en'): string {
  if (lang === 'en') return err.message;
  const option = /'(-[^']*)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Bilinmeyen seçenek: ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option ? `${option} seçeneği bir değer ister (ya da değer almaz).` : 'Bir seçeneğin değeri hatalı.';
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'Bu komut bu kadar dosya/değer almaz.';
    default:
      return 'Komut satırı anlaşılamadı.';
  }
}
