/**
 * Texts main gives the window and the CLI alike: the services' field messages and labels, the
 * rule-pack check, the fact checks, the HQ day files' verify and merge, the form QR verify and
 * the import report's workbook. Turkish and English side by side; error codes' texts stay in
 * preload/contract/errors.ts (the renderer shares them).
 */
import type { Catalogue } from './index';

export const DESK = {
  packCheck: {
    fieldMissing: { tr: 'alan eksik', en: 'field missing' },
    unknownField: {
      tr: (keys: string) => `bilinmeyen alan: ${keys}`,
      en: (keys: string) => `unknown field: ${keys}`,
    },
    unknownOpAllowed: {
      tr: (allowed: string) => `bilinmeyen işlem (op); geçerli olanlar: ${allowed}`,
      en: (allowed: string) => `unknown operation (op); allowed: ${allowed}`,
    },
    unknownOp: {
      tr: (detail: string) => `bilinmeyen işlem (op): ${detail}`,
      en: (detail: string) => `unknown operation (op): ${detail}`,
    },
    schemaMismatch: {
      tr: (detail: string) => `şemaya uymuyor: ${detail}`,
      en: (detail: string) => `does not fit the schema: ${detail}`,
    },
    undeclaredFact: {
      tr: (ref: string) => `tanımlanmamış olguyu okuyor: "${ref}"`,
      en: (ref: string) => `reads undeclared fact "${ref}"`,
    },
    noSuchOption: {
      tr: (ref: string, value: string) => `"${ref}" seçeneklerinde "${value}" yok`,
      en: (ref: string, value: string) => `"${ref}" has no option "${value}"`,
    },
    declaredTwice: {
      tr: (name: string) => `"${name}" iki kez tanımlanmış`,
      en: (name: string) => `"${name}" declared twice`,
    },
    optionTwice: {
      tr: (value: string) => `"${value}" seçeneği iki kez var`,
      en: (value: string) => `option "${value}" listed twice`,
    },
    supersedesNotLower: {
      tr: (supersedes: number, edition: number) => `yerini aldığı sürüm (${supersedes}) bu sürümden (${edition}) küçük olmalı`,
      en: (supersedes: number, edition: number) => `the edition it supersedes (${supersedes}) must be lower than this one (${edition})`,
    },
    validToBeforeFrom: { tr: 'geçerlilik bitişi başlangıçtan önce', en: 'validity ends before it starts' },
    notCalendarDay: { tr: 'takvimde olmayan bir gün', en: 'not a calendar day' },
    periodEndsBeforeStart: { tr: 'dönem başlamadan bitiyor', en: 'the period ends before it starts' },
    openPeriodFollowed: { tr: 'açık uçlu dönemden sonra başka dönem var (çakışma)', en: 'an open-ended period is followed by another (overlap)' },
    overlapsPrevious: {
      tr: (previousEnd: string) => `önceki dönemle çakışıyor (${previousEnd} bitişli)`,
      en: (previousEnd: string) => `overlaps the previous period (ending ${previousEnd})`,
    },
    gapBetweenPeriods: {
      tr: (expected: string) => `dönemler arasında boşluk var: ${expected} olmalı`,
      en: (expected: string) => `gap between periods: should be ${expected}`,
    },
    noSuchFact: { tr: 'pakette böyle bir olgu yok', en: 'no such fact in the pack' },
    noSuchDocument: { tr: 'pakette böyle bir belge yok', en: 'no such document in the pack' },
    noSuchRule: {
      tr: (code: string) => `pakette "${code}" kuralı yok`,
      en: (code: string) => `no rule "${code}" in the pack`,
    },
    noSuchDocumentCode: {
      tr: (code: string) => `pakette "${code}" belgesi yok`,
      en: (code: string) => `no document "${code}" in the pack`,
    },
    formatTooNew: {
      tr: (version: number, max: number) => `paket biçimi ${version}, bu uygulama en çok ${max} okur: uygulamayı güncelleyin`,
      en: (version: number, max: number) => `pack format ${version}, this app reads up to ${max}: update the app`,
    },
    fileTooLarge: {
      tr: (bytes: number, max: number) => `dosya çok büyük (${bytes} bayt; en çok ${max})`,
      en: (bytes: number, max: number) => `file too large (${bytes} bytes; at most ${max})`,
    },
    notJson: {
      tr: (why: string) => `geçerli bir JSON değil (yarım ya da bozuk dosya): ${why}`,
      en: (why: string) => `not valid JSON (truncated or damaged file): ${why}`,
    },
    exampleGot: {
      tr: (label: string, want: string, seen: string) => `${label}: beklenen ${want}, çıkan ${seen}`,
      en: (label: string, want: string, seen: string) => `${label}: expected ${want}, got ${seen}`,
    },
    exampleOutcome: { tr: 'karar', en: 'outcome' },
    exampleMonthlyAmount: { tr: 'aylık tutar (sent)', en: 'monthly amount (cents)' },
    exampleFailedRules: { tr: 'sağlanmayan kurallar', en: 'failed rules' },
    exampleMissingDocuments: { tr: 'eksik belgeler', en: 'missing documents' },
  },
  reconciliation: {
    mergeSourceChanged: {
      tr: 'Dosya doğrulandıktan sonra, birleştirme sırasında değişti ya da kaldırıldı; hiçbir şey yazılmadı. Dosyayı yerine koyup yeniden doğrulayın ve birleştirin.',
      en: 'The file changed or was removed after it was verified, during the merge; nothing was written. Put the file back, then verify and merge again.',
    },
    verify: {
      OK: { tr: 'İmza ve sayılar doğru.', en: 'Signature and counts are correct.' },
      SIG_MISSING: { tr: 'İmza dosyası (.sig) yok.', en: 'The signature file (.sig) is missing.' },
      SIG_MALFORMED: { tr: 'İmza dosyası okunamıyor.', en: 'The signature file cannot be read.' },
      NAME_MISMATCH: { tr: 'İmza başka bir dosyaya ait.', en: 'The signature belongs to another file.' },
      BYTES_CHANGED: { tr: 'Dosya imzalandıktan sonra değiştirilmiş.', en: 'The file was changed after it was signed.' },
      BAD_SIGNATURE: { tr: 'İmza geçersiz.', en: 'The signature is not valid.' },
      UNKNOWN_KEY: { tr: 'İmzalayan anahtar kayıtlı değil.', en: 'The signing key is not registered.' },
      KEY_OF_OTHER_DESK: { tr: 'Anahtar başka bir masaya kayıtlı.', en: 'The key is registered to another desk.' },
      UNREADABLE: { tr: 'Dosya bir mutabakat dosyası olarak okunamıyor.', en: 'The file cannot be read as a reconciliation.' },
      COUNTS_MISMATCH: { tr: 'Özet sayfasındaki sayılar satırlarla uyuşmuyor.', en: 'The summary counts do not match the rows.' },
      DESK_MISMATCH: { tr: "Özet'teki Masa Kodu imzadaki masa ile aynı değil.", en: 'The desk code in Özet is not the desk of the signature.' },
      FILE_NAME_MISMATCH: { tr: 'Dosya adındaki il, masa ya da tarih dosyanın içeriğiyle aynı değil.', en: 'The province, desk or date in the file name is not those of the content.' },
    },
    deskMismatch: {
      tr: (contentDesk: string, signatureDesk: string) => `Özet'teki Masa Kodu (${contentDesk}) imzadaki masa (${signatureDesk}) ile aynı değil.`,
      en: (contentDesk: string, signatureDesk: string) => `The desk code in Özet (${contentDesk}) is not the desk of the signature (${signatureDesk}).`,
    },
    fileNameMismatch: {
      tr: (province: string, desk: string, date: string, expected: string) => `Dosya adı içerikle aynı değil: içerik ${province} ili, ${desk} masası, ${date} günü (${expected} olmalıydı).`,
      en: (province: string, desk: string, date: string, expected: string) => `The file name does not match the content: province ${province}, desk ${desk}, day ${date} (should be ${expected}).`,
    },
    ilWithDeskFiles: { tr: 'Bu bir il (IL) dosyası; masa dosyalarıyla birlikte birleştirilemez (aynı kayıtları yeniden içerir).', en: 'This is a province (IL) file; it cannot be merged together with desk files (it holds the same registrations again).' },
    sameDeskDay: {
      tr: (desk: string, date: string, first: string) => `${desk} masasının ${date} günü iki kez yüklendi (${first} ile aynı gün); biri çıkarılmalı.`,
      en: (desk: string, date: string, first: string) => `Desk ${desk}'s day ${date} was loaded twice (the same day as ${first}); remove one.`,
    },
  },
  formStatement: {
    verdict: {
      VALID: { tr: 'Geçerli: imza doğru, beyan masanın kaydıdır.', en: 'Valid: the signature is correct, the statement is the desk’s record.' },
      SUPERSEDED: { tr: 'Geçerli ama sonradan düzeltilmiş: bu karar defterde geri alınmış.', en: 'Valid but superseded: this decision was later reversed in the ledger.' },
      UNKNOWN_KEY: { tr: 'Bilinmeyen masa anahtarı: imzalayan anahtar bu masada kayıtlı değil.', en: 'Unknown desk key: the signing key is not registered at this desk.' },
      BAD_SIGNATURE: { tr: 'İmza geçersiz: karekodun içeriği imzalandıktan sonra değişmiş.', en: 'Bad signature: the QR content was changed after it was signed.' },
      MALFORMED: { tr: 'Okunamıyor: bu bir Masa form karekodu değil ya da eksik okunmuş.', en: 'Malformed: this is not a Masa form QR, or it was read incompletely.' },
    },
    malformedDetail: {
      prefix: { tr: 'Metin MASA1: ile başlamıyor (başka bir biçim).', en: 'The text does not start with MASA1: (another format).' },
      base45: { tr: 'Metin geçerli Base45 değil (eksik ya da bozuk okunmuş).', en: 'The text is not valid Base45 (read incompletely or damaged).' },
      length: { tr: 'Metin bir form karekodu için fazla uzun.', en: 'The text is too long for a form QR.' },
    },
    qrRead: {
      NOT_PNG: { tr: 'Dosya okunabilir bir PNG değil.', en: 'The file is not a readable PNG.' },
      NO_QR: { tr: 'Görüntüde karekod bulunamadı.', en: 'No QR code was found in the image.' },
      NO_PDFTOPPM: {
        tr: "PDF okumak için poppler-utils'teki pdftoppm gerekli (apt-get install poppler-utils); karekodun metnini ya da bir PNG'sini verin.",
        en: 'Reading a PDF needs pdftoppm from poppler-utils (apt-get install poppler-utils); give the QR text or a PNG instead.',
      },
      PDF_UNREADABLE: { tr: 'PDF dosyası açılamadı.', en: 'The PDF file could not be opened.' },
    },
    notAStatement: { tr: '(imzalı içerik bir karar beyanı değil)', en: '(the signed content is not a decision statement)' },
    keyOfOtherDesk: {
      tr: (keyDesk: string, statementDesk: string) => `Anahtar ${keyDesk} masasına kayıtlı, beyan ${statementDesk} masasının.`,
      en: (keyDesk: string, statementDesk: string) => `The key is registered to desk ${keyDesk}, the statement is desk ${statementDesk}'s.`,
    },
  },
  facts: {
    field: {
      required: { tr: 'Bu alan zorunludur.', en: 'This field is required.' },
      tckn: { tr: 'T.C. Kimlik No geçersiz (11 hane, kontrol haneleri tutmalı).', en: 'Invalid T.C. Kimlik No (11 digits with valid check digits).' },
      iban: { tr: 'IBAN geçersiz (TR ile başlayan 26 karakter, kontrol hanesi tutmalı).', en: 'Invalid IBAN (26 characters starting with TR, valid check digits).' },
      date: { tr: 'Geçerli bir tarih girin (gg.aa.yyyy).', en: 'Enter a valid date (dd.MM.yyyy).' },
      money: { tr: 'Tutar 0 ya da daha büyük olmalı.', en: 'The amount must be 0 or more.' },
      integer: { tr: 'Tam sayı girin.', en: 'Enter a whole number.' },
      option: { tr: 'Listeden bir seçenek seçin.', en: 'Choose one of the options.' },
      boolean: { tr: 'Evet ya da Hayır seçin.', en: 'Choose Yes or No.' },
      text: { tr: 'En çok 200 karakter yazın.', en: 'At most 200 characters.' },
      future: { tr: 'Tarih bugünden sonra olamaz.', en: 'The date cannot be in the future.' },
    },
    fileDateHint: {
      tr: (written: string, iso: string) => `Tarih yyyy-aa-gg biçiminde yazılmalı: "${written}" yerine "${iso}".`,
      en: (written: string, iso: string) => `Write the date as yyyy-MM-dd: "${iso}" instead of "${written}".`,
    },
    fileDateInvalid: { tr: 'yyyy-aa-gg biçiminde gerçek bir tarih olmalı (ör. 2015-07-01).', en: 'Must be a real date written yyyy-MM-dd (e.g. 2015-07-01).' },
    fileMoneyHint: {
      tr: (shown: string, kurus: number) => `Tutar kuruş cinsinden bir tam sayı olarak yazılmalı: ${shown} TL için ${kurus}.`,
      en: (shown: string, kurus: number) => `Write the amount as a whole number of kuruş: ${kurus} for ${shown} TL.`,
    },
    fileMoneyInvalid: { tr: 'Tutar kuruş cinsinden 0 ya da daha büyük bir tam sayı olmalı (2.546,00 TL için 254600).', en: 'The amount must be a whole number of kuruş, 0 or more (254600 for 2,546.00 TL).' },
  },
  services: {
    eventText: {
      'import.applied': { tr: 'HQ listesinden içe aktarıldı', en: 'Imported from the HQ list' },
      'appointment.checked_in': { tr: 'Geldi', en: 'Arrived' },
      'appointment.started': { tr: 'Kayıt işlemine başlandı', en: 'Registration started' },
      'appointment.no_show': { tr: 'Gelmedi', en: 'No-show' },
      'appointment.reopened': { tr: 'Yeniden açıldı (birim sorumlusu)', en: 'Reopened (office head)' },
      'registration.recorded': { tr: 'Sonuç kaydedildi', en: 'Outcome recorded' },
      'registration.reversed': { tr: 'Sonuç geri alındı', en: 'Outcome reversed' },
      'registration.noted': { tr: 'Düzeltme notu', en: 'Correction note' },
      'appointment.cancelled': { tr: 'İptal edildi (sonuç geri alındı)', en: 'Cancelled (outcome reversed)' },
      'registration.left_main_list': { tr: 'Asil listeden çıktı', en: 'Left the main list' },
      'record.viewed': { tr: 'Görüntülendi', en: 'Viewed' },
      'record.printed': { tr: 'Yazdırıldı', en: 'Printed' },
      'kvkk.erased': { tr: 'Kişisel veriler silindi (KVKK saklama süresi doldu)', en: 'Personal data erased (KVKK retention period ended)' },
    },
    reportProblem: {
      EISDIR: { tr: '{path} bir klasör; rapor için bir dosya adı verin (ör. rapor.xlsx).', en: '{path} is a folder; give a file name for the report (e.g. report.xlsx).' },
      ENOENT: { tr: '{dir} klasörü yok.', en: 'The folder {dir} does not exist.' },
      ENOTDIR: { tr: '{dir} bir klasör değil.', en: '{dir} is not a folder.' },
      EACCES: { tr: '{dir} klasörüne yazma izni yok.', en: 'There is no permission to write in the folder {dir}.' },
      ENOSPC: { tr: 'Diskte yer kalmadı.', en: 'The disk is full.' },
      OTHER: { tr: '{path} yazılamadı.', en: '{path} could not be written.' },
    },
    currentPasswordWrong: { tr: 'Mevcut parola hatalı.', en: 'The current password is incorrect.' },
    passwordTooWeak: { tr: 'Bu parola çok zayıf.', en: 'This password is too weak.' },
    usernameTaken: { tr: 'Bu kullanıcı adı zaten kullanılıyor.', en: 'This username is already taken.' },
    dayAfterToday: { tr: 'Bugünden sonraki bir gün seçin.', en: 'Choose a day after today.' },
    // Recorded in the ledger's erasure event (in Turkish, as the law is cited).
    erasureBasis: { tr: 'KVKK 6698 md.7: saklama süresi doldu', en: 'KVKK 6698 art. 7: the retention period ended' },
  },
  // The import report workbook is written in Turkish (its rows also carry each reason in English).
  importReport: {
    kind: {
      rejected: { tr: 'Reddedildi', en: 'Rejected' },
      added: { tr: 'Eklendi', en: 'Added' },
      updated: { tr: 'Güncellendi', en: 'Updated' },
      cancelled: { tr: 'İptal edildi', en: 'Cancelled' },
      kept: { tr: 'Dokunulmadı', en: 'Kept' },
      notice: { tr: 'Uyarı', en: 'Notice' },
    },
    summarySheet: { tr: 'Özet', en: 'Summary' },
    field: { tr: 'Alan', en: 'Field' },
    value: { tr: 'Değer', en: 'Value' },
    file: { tr: 'Dosya', en: 'File' },
    format: { tr: 'Biçim', en: 'Format' },
    reportTime: { tr: 'Rapor Zamanı', en: 'Report time' },
    rowsRead: { tr: 'Okunan Satır', en: 'Rows read' },
    added: { tr: 'Eklenen', en: 'Added' },
    updated: { tr: 'Güncellenen', en: 'Updated' },
    unchanged: { tr: 'Değişmeyen', en: 'Unchanged' },
    cancelled: { tr: 'İptal Edilen', en: 'Cancelled' },
    rejected: { tr: 'Reddedilen', en: 'Rejected' },
    skipped: { tr: 'Atlanan (başka il)', en: 'Skipped (other provinces)' },
    keptStarted: { tr: 'Masada başladığı için dokunulmayan', en: 'Kept (started at the desk)' },
    skippedProvince: { tr: (province: string) => `Atlanan: il ${province}`, en: (province: string) => `Skipped: province ${province}` },
    unknownColumns: { tr: 'Tanınmayan sütunlar (yok sayıldı)', en: 'Unknown columns (ignored)' },
    rejectedSheet: { tr: 'Reddedilen Satırlar', en: 'Rejected rows' },
    changesSheet: { tr: 'Değişiklikler ve Uyarılar', en: 'Changes and notices' },
    row: { tr: 'Satır', en: 'Row' },
    column: { tr: 'Sütun', en: 'Column' },
    action: { tr: 'İşlem', en: 'Action' },
    code: { tr: 'Kod', en: 'Code' },
    reason: { tr: 'Gerekçe', en: 'Reason' },
  },
} satisfies Catalogue;
