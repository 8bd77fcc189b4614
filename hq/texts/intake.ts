/** HQ intake's texts: why a day file was not loaded (beyond the desk's own verify codes) and what loading it did. */
import type { VerifyCode } from '../../main/reconciliation/verify';

/** Why HQ did not load a file, beyond the desk's own verify codes. */
export type HqRefusalCode = Exclude<VerifyCode, 'OK'> | 'NOT_FOUND' | 'SIG_WITHOUT_FILE' | 'KEY_OF_OTHER_PROVINCE' | 'IL_FILE' | 'ROW_INVALID' | 'DB_UNAVAILABLE' | 'DB_REFUSED';

export type Bilingual = { tr: string; en: string };

export const HQ_TEXT: Record<Exclude<HqRefusalCode, Exclude<VerifyCode, 'OK'>>, Bilingual> = {
  NOT_FOUND: { tr: 'Dosya bulunamadı.', en: 'The file does not exist.' },
  SIG_WITHOUT_FILE: { tr: 'İmza dosyası (.sig) var ama imzaladığı .xlsx dosyası yok.', en: 'There is a signature file (.sig) but not the .xlsx file it signs.' },
  KEY_OF_OTHER_PROVINCE: { tr: 'İmzalayan anahtar başka bir ilin masasına kayıtlı.', en: "The signing key is registered to another province's desk." },
  IL_FILE: {
    tr: 'Bu bir il birleştirme dosyası (masa IL); Merkez masaların kendi dosyalarını yükler (aynı kayıtlar iki kez sayılırdı).',
    en: "This is a province merge file (desk IL); HQ loads the desks' own files (the same registrations would count twice).",
  },
  ROW_INVALID: { tr: 'Dosyada okunamayan bir satır var.', en: 'The file holds a row that cannot be read.' },
  DB_UNAVAILABLE: { tr: 'Veritabanına ulaşılamıyor (sunucu bağlantısı koptu); dosya yüklenmedi, yeniden çalıştırın.', en: 'The database cannot be reached (the server connection was lost); the file was not loaded, run again.' },
  DB_REFUSED: { tr: 'Veritabanı dosyanın satırlarını kabul etmedi; dosya yüklenmedi.', en: 'The database did not accept the rows of the file; the file was not loaded.' },
};

export const OUTCOME_TEXT = {
  LOADED: { tr: 'Yüklendi.', en: 'Loaded.' },
  ALREADY_LOADED: { tr: 'Bu dosya (aynı SHA-256) zaten yüklü: değişiklik yok.', en: 'This file (same SHA-256) is already loaded: nothing changed.' },
  REEXPORT: {
    tr: 'Bu gün aynı satırlarla yeniden dışa aktarılmış (yalnız oluşturma zamanı farklı): satırlar zaten yüklü, dosya kaydedildi.',
    en: 'This day was re-exported with the same rows (only the creation time differs): the rows are already loaded, the file was recorded.',
  },
} as const;

export function conflictText(first: string): Bilingual {
  return {
    tr: `ÇAKIŞMA: bu masanın bu günü için başka bir dosya (${first}) zaten yüklü ve satırları farklı. İlk dosya geçerli kaldı; bu dosya çakışma olarak saklandı, masayla görüşün.`,
    en: `CONFLICT: another file (${first}) is already loaded for this desk's day and its rows differ. The first file stays; this one is kept as a conflict, ask the desk.`,
  };
}

/** The signing key belongs to a desk of another province than the file's. */
export function keyOfOtherProvinceText(keyProvince: string | undefined, desk: string, fileProvince: string): Bilingual {
  return {
    tr: `İmzalayan anahtar ${keyProvince} ilinin ${desk} masasına kayıtlı; dosya ${fileProvince} ilinin.`,
    en: `The signing key is registered to desk ${desk} of province ${keyProvince}; the file is province ${fileProvince}'s.`,
  };
}

/** The first row the intake's schema refuses, by sheet, row and contract header. */
export function rowInvalidText(sheet: string, row: number, header: string): Bilingual {
  return {
    tr: `${sheet} sayfası, ${row}. satır: "${header}" değeri geçersiz; dosya yüklenmedi.`,
    en: `Sheet ${sheet}, row ${row}: the "${header}" value is not valid; the file was not loaded.`,
  };
}
