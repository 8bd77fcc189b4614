/**
 * The columns of HQ's appointment list ("Randevu Listesi"), exactly as docs/HQ-FILES section 1
 * names them. The header text is the contract; `key` is the field name inside the app.
 */
type ColumnKind = 'text' | 'code' | 'province' | 'date' | 'time' | 'dateTime' | 'tckn' | 'name' | 'phone' | 'status';

export const COLUMNS = [
  { key: 'randevuNo', header: 'Randevu No', required: true, kind: 'text' },
  { key: 'programCode', header: 'Program Kodu', required: true, kind: 'code' },
  { key: 'provinceCode', header: 'İl Kodu', required: true, kind: 'province' },
  { key: 'date', header: 'Randevu Tarihi', required: true, kind: 'date' },
  { key: 'time', header: 'Randevu Saati', required: true, kind: 'time' },
  { key: 'preRegisteredAt', header: 'Ön Kayıt Zamanı', required: true, kind: 'dateTime' },
  { key: 'motherTckn', header: 'Anne TC Kimlik No', required: true, kind: 'tckn' },
  { key: 'motherFirstName', header: 'Anne Adı', required: true, kind: 'name' },
  { key: 'motherLastName', header: 'Anne Soyadı', required: true, kind: 'name' },
  { key: 'motherBirthDate', header: 'Anne Doğum Tarihi', required: false, kind: 'date' },
  { key: 'childTckn', header: 'Çocuk TC Kimlik No', required: false, kind: 'tckn' },
  { key: 'childBirthDate', header: 'Çocuk Doğum Tarihi', required: true, kind: 'date' },
  { key: 'phone', header: 'Cep Telefonu', required: false, kind: 'phone' },
  { key: 'caregiverTckn', header: 'Bakıcı TC Kimlik No', required: false, kind: 'tckn' },
  { key: 'institutionName', header: 'Kurum Adı', required: false, kind: 'text' },
  { key: 'status', header: 'Durum', required: false, kind: 'status' },
] as const satisfies readonly { key: string; header: string; required: boolean; kind: ColumnKind }[];

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type ColumnHeader = (typeof COLUMNS)[number]['header'];

export const HEADER_OF: Record<ColumnKey, ColumnHeader> = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<
  ColumnKey,
  ColumnHeader
>;

/**
 * Columns holding personal data: report lines name the column but never echo these values,
 * so a report forwarded by e-mail carries no identity numbers, names or phones.
 */
export const PERSONAL: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  'motherTckn', 'motherFirstName', 'motherLastName', 'motherBirthDate', 'childTckn', 'childBirthDate', 'phone', 'caregiverTckn',
]);
