/** The contract's sheet names and header rows, exactly (HQ's tools read them by name). */
export const SHEETS = { summary: 'Özet', appointments: 'Randevular', registrations: 'Kesin Kayıtlar', rejections: 'Retler', duplicates: 'Mükerrer' } as const;

export const SUMMARY_FIELDS = [
  'İl Kodu',
  'İl',
  'Masa Kodu',
  'Tarih',
  'Program Kodları',
  'Randevu Sayısı',
  'Gelen',
  'Gelmeyen',
  'Kesin Kayıt',
  'Ret',
  'Eksik Evrak',
  'İptal',
  'Aylık Destek Toplamı (EUR)',
  'Defter Zinciri Başı',
  'Oluşturma Zamanı',
  'Uygulama Sürümü',
  'Oluşturan',
] as const;

export const APPOINTMENT_HEADERS = ['Randevu No', 'Program Kodu', 'İl Kodu', 'Randevu Tarihi', 'Randevu Saati', 'Anne TC Kimlik No', 'Anne Adı Soyadı', 'Geliş Saati', 'Sonuç', 'Görevli'] as const;

export const REGISTRATION_HEADERS = [
  'Kayıt No',
  'Randevu No',
  'Program Kodu',
  'İl Kodu',
  'Ön Kayıt Zamanı',
  'Kesin Kayıt Zamanı',
  'Anne TC Kimlik No',
  'Anne Adı Soyadı',
  'Çocuk TC Kimlik No',
  'Çocuk Doğum Tarihi',
  'Bakıcı TC Kimlik No',
  'Kurum Adı',
  'Destek Türü',
  'Aylık Tutar (EUR)',
  'Anne IBAN',
  'Bakıcı IBAN',
  'Görevli',
] as const;

export const REJECTION_HEADERS = ['Randevu No', 'Program Kodu', 'Anne TC Kimlik No', 'Anne Adı Soyadı', 'Sonuç', 'Gerekçe Kodları', 'Gerekçe', 'Eksik Belgeler', 'Yeni Randevu', 'Görevli'] as const;

/** Merged files only, after the contract's sheets. */
export const DUPLICATE_HEADERS = ['Tür', 'TC Kimlik No', 'Kayıt No', 'Randevu No', 'Masa Kodu', 'Tarih', 'Kaynak Dosya'] as const;
/** Summary rows a merged file adds after the contract's rows (which stay first, in order). */
/** One row after the contract's own (the contract allows rows after its own): the packs that decided. */
export const PACKS_SUMMARY_FIELD = 'Kural Paketleri';

export const MERGE_SUMMARY_FIELDS = ['Mükerrer Anne', 'Mükerrer Çocuk', 'Birleştirilen Dosyalar'] as const;
