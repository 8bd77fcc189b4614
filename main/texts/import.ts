/**
 * Every text the import shows a person, in Turkish with its English twin. Kept in one file so
 * that the wording of refusals, rejected rows and report lines stays consistent.
 * Texts never echo identity numbers, names or phone numbers (see PERSONAL in main/import/columns.ts).
 */
import { LIMITS, type LimitName } from '../import/limits';

interface Bilingual {
  tr: string;
  en: string;
}

// ---------------------------------------------------------------------------------------------
// The whole file is refused

export type RefusalCode =
  | 'FILE_UNREADABLE'
  | 'EMPTY_FILE'
  | 'NOT_A_SPREADSHEET'
  | 'ENCRYPTED_OR_XLS'
  | 'ODS_NOT_SUPPORTED'
  | 'NOT_XLSX'
  | 'XLSX_DAMAGED'
  | 'TOO_LARGE'
  | 'CSV_NOT_UTF8'
  | 'CSV_MALFORMED'
  | 'NO_HEADER_ROW'
  | 'MISSING_HEADERS'
  | 'DUPLICATE_HEADER';

export interface RefusalParams {
  missing?: readonly string[];
  header?: string;
  columns?: readonly number[];
  line?: number;
  /** TOO_LARGE: which of LIMITS (limits.ts) the file went past. */
  limit?: LimitName;
}

/** Each limit as a person reads it: what was too much, and the most a list may have. */
function limitText(limit: LimitName): Bilingual {
  const n = LIMITS[limit];
  const mb = `${n / 1024 / 1024} MB`;
  const tr = (x: number) => x.toLocaleString('tr-TR');
  const en = (x: number) => x.toLocaleString('en-US');
  switch (limit) {
    case 'sheetBytes':
      return { tr: `çalışma sayfası açıldığında ${mb} sınırını aşıyor`, en: `its worksheet is over the ${mb} limit when unpacked` };
    case 'sharedStringsBytes':
      return { tr: `metin tablosu (sharedStrings) açıldığında ${mb} sınırını aşıyor`, en: `its text table (sharedStrings) is over the ${mb} limit when unpacked` };
    case 'sharedStrings':
      return { tr: `metin tablosunda ${tr(n)} metin sınırından fazlası var`, en: `its text table holds more than the limit of ${en(n)} texts` };
    case 'workbookPartBytes':
      return { tr: `çalışma kitabı bilgisi (workbook.xml) açıldığında ${mb} sınırını aşıyor`, en: `its workbook part (workbook.xml) is over the ${mb} limit when unpacked` };
    case 'inflateRatio':
      return { tr: `bir parçası ${n} katından fazla açılıyor (sıkıştırma bombası olabilir)`, en: `a part of it unpacks to more than ${n} times its size (it may be a zip bomb)` };
    case 'stringChars':
      return { tr: `bir hücredeki metin ${tr(n)} karakter sınırından uzun (Excel'in kendi sınırı)`, en: `a cell's text is longer than the limit of ${en(n)} characters (Excel's own limit)` };
    case 'xmlUnitBytes':
      return { tr: `bir hücresi ya da metni ${mb} sınırından büyük`, en: `one of its cells or texts is larger than the ${mb} limit` };
    case 'rows':
      return { tr: `${tr(n)} satır sınırından fazla satırı var`, en: `it has more than the limit of ${en(n)} rows` };
    case 'cells':
      return { tr: `${tr(n)} hücre sınırından fazla hücresi var`, en: `it has more than the limit of ${en(n)} cells` };
    case 'rejects':
      return { tr: `${tr(n)} hatalı alan sınırından fazlası var (bu bir randevu listesi olamaz)`, en: `it holds more than the limit of ${en(n)} invalid fields (it cannot be an appointment list)` };
    case 'csvBytes':
      return { tr: `CSV dosyası ${mb} sınırından büyük`, en: `the CSV file is larger than the ${mb} limit` };
    case 'csvRecordChars':
      return { tr: `bir CSV satırı ${tr(n)} karakter sınırından uzun`, en: `a CSV line is longer than the limit of ${en(n)} characters` };
  }
}

export function refusalText(code: RefusalCode, p: RefusalParams = {}): Bilingual {
  switch (code) {
    case 'FILE_UNREADABLE':
      return { tr: 'Dosya açılamadı ya da okunamadı. Dosyanın yerini ve erişim izinlerini denetleyin.', en: 'The file could not be opened or read. Check where it is and its access permissions.' };
    case 'EMPTY_FILE':
      return { tr: 'Dosya boş (0 bayt). Randevu listesini Genel Müdürlükten yeniden indirin.', en: 'The file is empty (0 bytes). Download the appointment list from HQ again.' };
    case 'NOT_A_SPREADSHEET':
      return { tr: 'Bu dosya bir Excel (.xlsx) ya da CSV dosyası değil; randevu listesi olarak okunamaz.', en: 'This file is neither an Excel (.xlsx) nor a CSV file; it cannot be read as an appointment list.' };
    case 'ENCRYPTED_OR_XLS':
      return {
        tr: "Dosya parola korumalı bir Excel dosyası ya da eski .xls biçiminde. Excel'de açıp parolayı kaldırın ve 'Excel Çalışma Kitabı (.xlsx)' olarak kaydedin.",
        en: "The file is a password-protected Excel file or in the old .xls format. Open it in Excel, remove the password and save it as 'Excel Workbook (.xlsx)'.",
      };
    case 'ODS_NOT_SUPPORTED':
      return { tr: "Dosya OpenDocument (.ods) biçiminde. 'Excel Çalışma Kitabı (.xlsx)' olarak kaydedip yeniden deneyin.", en: "The file is in OpenDocument (.ods) format. Save it as 'Excel Workbook (.xlsx)' and try again." };
    case 'NOT_XLSX':
      return { tr: 'Dosya sıkıştırılmış bir dosya ama Excel çalışma kitabı (.xlsx) değil.', en: 'The file is a zip archive but not an Excel workbook (.xlsx).' };
    case 'XLSX_DAMAGED':
      return { tr: 'Excel dosyası eksik ya da bozuk (indirme yarıda kalmış olabilir). Dosyayı yeniden indirin.', en: 'The Excel file is incomplete or damaged (the download may have been cut short). Download it again.' };
    case 'TOO_LARGE': {
      // The largest province's list is well inside every limit (limits.ts): a file past one is
      // damaged, not a list, or made to exhaust the desk's memory.
      const what = limitText(p.limit ?? 'sheetBytes');
      return {
        tr: `Dosya bir randevu listesi için fazla büyük: ${what.tr}. Dosya okunmadı; Genel Müdürlükten listeyi yeniden indirin.`,
        en: `The file is too large for an appointment list: ${what.en}. It was not read; download the list from HQ again.`,
      };
    }
    case 'CSV_NOT_UTF8':
      return {
        tr: "CSV dosyası UTF-8 kodlamasında değil (Türkçe harfler bozulur). Excel'de 'CSV UTF-8 (Virgülle ayrılmış)' olarak kaydedin.",
        en: "The CSV file is not UTF-8 encoded (Turkish letters would be damaged). Save it in Excel as 'CSV UTF-8 (Comma delimited)'.",
      };
    case 'CSV_MALFORMED':
      return {
        tr: `CSV dosyası ${p.line ?? '?'}. satırda bozuk (kapanmayan tırnak ya da geçersiz alan); dosya okunamadı.`,
        en: `The CSV file is malformed at line ${p.line ?? '?'} (an unclosed quote or an invalid field); it could not be read.`,
      };
    case 'NO_HEADER_ROW':
      return { tr: 'Dosyada başlık satırı yok: ilk sayfa boş.', en: 'The file has no header row: its first sheet is empty.' };
    case 'MISSING_HEADERS': {
      const list = (p.missing ?? []).join(', ');
      return {
        tr: `Bu dosya bir randevu listesi değil: şu zorunlu sütunlar bulunamadı: ${list}.`,
        en: `This file is not an appointment list: these required columns are missing: ${list}.`,
      };
    }
    case 'DUPLICATE_HEADER': {
      const cols = (p.columns ?? []).map((c) => c + 1).join(' ve ');
      const colsEn = (p.columns ?? []).map((c) => c + 1).join(' and ');
      return {
        tr: `'${p.header}' sütunu dosyada birden çok kez var (${cols}. sütunlar); hangisinin geçerli olduğu belli değil.`,
        en: `The column '${p.header}' appears more than once (columns ${colsEn}); it is not clear which one holds the data.`,
      };
    }
  }
}

export const ABORTED_TEXT: Bilingual = { tr: 'İçe aktarma iptal edildi; hiçbir şey değişmedi.', en: 'The import was cancelled; nothing changed.' };

// ---------------------------------------------------------------------------------------------
// One row is rejected, the rest of the file still imports

export type RejectCode =
  | 'MISSING_VALUE'
  | 'TCKN_FORMAT'
  | 'TCKN_CHECKSUM'
  | 'TCKN_SCIENTIFIC'
  | 'BAD_DATE'
  | 'BAD_TIME'
  | 'BAD_DATETIME'
  | 'BAD_PROVINCE'
  | 'BAD_PHONE'
  | 'BAD_NAME'
  | 'BAD_PROGRAM_CODE'
  | 'BAD_TEXT'
  | 'BAD_STATUS'
  | 'FORMULA_NO_VALUE'
  | 'CELL_ERROR'
  | 'DUPLICATE_RANDEVU_NO'
  | 'UNKNOWN_PROGRAM';

/** `shown` is the offending value, only for columns that are not personal data. */
export function rejectText(code: RejectCode, header: string, shown: string | null, firstRow?: number): Bilingual {
  const v = shown === null ? '' : ` '${shown}'`;
  switch (code) {
    case 'MISSING_VALUE':
      return { tr: `${header} boş; bu alan zorunlu.`, en: `${header} is empty; it is required.` };
    case 'TCKN_FORMAT':
      return { tr: `${header} 11 haneli bir sayı değil.`, en: `${header} is not an 11-digit number.` };
    case 'TCKN_CHECKSUM':
      return { tr: `${header} geçersiz: kontrol haneleri tutmuyor.`, en: `${header} is invalid: its check digits do not match.` };
    case 'TCKN_SCIENTIFIC':
      return {
        tr: `${header} bilimsel gösterimle kaydedilmiş (ör. 1,23457E+10), haneleri kaybolmuş. Sütunu metin olarak biçimlendirip listeyi yeniden alın.`,
        en: `${header} was saved in scientific notation (e.g. 1.23457E+10) and lost digits. Format the column as text and export the list again.`,
      };
    case 'BAD_DATE':
      return { tr: `${header}${v} geçerli bir tarih değil (gg.aa.yyyy).`, en: `${header}${v} is not a valid date (dd.MM.yyyy).` };
    case 'BAD_TIME':
      return { tr: `${header}${v} geçerli bir saat değil (SS:dd).`, en: `${header}${v} is not a valid time (HH:mm).` };
    case 'BAD_DATETIME':
      return { tr: `${header}${v} geçerli bir tarih ve saat değil (gg.aa.yyyy SS:dd:ss).`, en: `${header}${v} is not a valid date and time (dd.MM.yyyy HH:mm:ss).` };
    case 'BAD_PROVINCE':
      return { tr: `${header}${v} geçerli bir il plaka kodu değil (1-81).`, en: `${header}${v} is not a valid province plate code (1-81).` };
    case 'BAD_PHONE':
      return { tr: `${header} geçerli bir telefon numarası değil (0 ile başlayan 11 hane ya da +90).`, en: `${header} is not a valid phone number (11 digits starting with 0, or +90).` };
    case 'BAD_NAME':
      return { tr: `${header} yalnızca harf, boşluk, kesme ve tire içerebilir.`, en: `${header} may hold only letters, spaces, apostrophes and hyphens.` };
    case 'BAD_PROGRAM_CODE':
      return { tr: `${header}${v} geçerli bir program kodu değil (ör. EVDE-2015).`, en: `${header}${v} is not a valid programme code (e.g. EVDE-2015).` };
    case 'BAD_TEXT':
      return { tr: `${header} çok uzun ya da okunamayan karakterler içeriyor.`, en: `${header} is too long or holds unreadable characters.` };
    case 'BAD_STATUS':
      return { tr: `${header}${v} tanınmıyor: boş, AKTİF ya da İPTAL olmalı.`, en: `${header}${v} is not recognised: it must be empty, AKTİF or İPTAL.` };
    case 'FORMULA_NO_VALUE':
      return {
        tr: `${header} bir formül ama kayıtlı geçerli bir sonucu yok (hiç hesaplanmamış ya da hata veriyor). Dosyayı Excel'de açıp kaydedin ya da değerleri yapıştırın.`,
        en: `${header} is a formula with no valid saved result (never calculated, or an error). Open and save the file in Excel, or paste the values.`,
      };
    case 'CELL_ERROR':
      return { tr: `${header}${v} bir hata değeri içeriyor.`, en: `${header}${v} holds an error value.` };
    case 'UNKNOWN_PROGRAM':
      return {
        tr: `${header}${v} bu masada tanımlı bir program değil (program paketi yüklü değil: ${shown ?? ''}); satır alınmadı, masada karara bağlanamazdı. Birim sorumlusu HQ'nin imzalı paketini yükleyebilir (Kural paketleri).`,
        en: `${header}${v} is not a programme this desk knows (no rule pack; programme pack not loaded: ${shown ?? ''}); the row was not taken, as it could not be decided at the desk. The office head can load HQ's signed pack (Rule packs).`,
      };
    case 'DUPLICATE_RANDEVU_NO':
      return {
        tr: `${header}${v} dosyada ${firstRow ?? '?'}. satırda zaten var; yinelenen satır alınmadı.`,
        en: `${header}${v} already appears in row ${firstRow ?? '?'}; the repeated row was not taken.`,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// What the plan did with a valid row (lines of the import report)

export type PlanLineCode =
  | 'UPDATED_FIELD'
  | 'CANCELLED'
  | 'ADDED_CANCELLED'
  | 'KEPT_REGISTERED_CANCELLED'
  | 'KEPT_STARTED_CANCELLED'
  | 'KEPT_STARTED_CHANGED'
  | 'NOT_REINSTATED';

export function planLineText(code: PlanLineCode, header: string | null, change: { from: string; to: string } | null): Bilingual {
  const ch = change ? ` (${change.from || '—'} → ${change.to || '—'})` : '';
  switch (code) {
    case 'UPDATED_FIELD':
      return { tr: `${header} güncellendi${ch}.`, en: `${header} updated${ch}.` };
    case 'CANCELLED':
      return { tr: 'Randevu Genel Müdürlükte iptal edilmiş; masada da iptal edildi.', en: 'The appointment was cancelled at HQ; it is cancelled at the desk too.' };
    case 'ADDED_CANCELLED':
      return { tr: 'Yeni randevu listeye iptal edilmiş olarak geldi; iptal olarak eklendi.', en: 'A new appointment arrived already cancelled; it was added as cancelled.' };
    case 'KEPT_REGISTERED_CANCELLED':
      return {
        tr: 'Genel Müdürlük randevuyu iptal etmiş ama masada kesin kayıt yapılmış; kayıt olduğu gibi kaldı. Genel Müdürlükle görüşün.',
        en: 'HQ cancelled the appointment but the desk has already registered it; the registration stays. Contact HQ.',
      };
    case 'KEPT_STARTED_CANCELLED':
      return {
        tr: 'Genel Müdürlük randevuyu iptal etmiş ama masada işlem başlamış; randevu olduğu gibi kaldı.',
        en: 'HQ cancelled the appointment but the desk has started it; the appointment stays as it is.',
      };
    case 'KEPT_STARTED_CHANGED':
      return {
        tr: `${header} listede değişmiş${ch} ama masada işlem başladığı için değiştirilmedi.`,
        en: `${header} changed in the list${ch} but was not changed because the desk has started the appointment.`,
      };
    case 'NOT_REINSTATED':
      return {
        tr: 'Randevu listede etkin görünüyor ama masada iptal; yeniden etkinleştirilmedi. Genel Müdürlükle görüşün.',
        en: 'The appointment is active in the list but cancelled at the desk; it was not reinstated. Contact HQ.',
      };
  }
}
