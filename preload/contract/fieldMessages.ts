/**
 * Field-level validation texts. Schemas name a code as their zod message (e.g. `'REQUIRED'`);
 * the router turns each zod issue into { tr, en } for the field it belongs to.
 */
export const fieldMessages = {
  REQUIRED: { tr: 'Bu alan zorunludur.', en: 'This field is required.' },
  USERNAME: {
    tr: 'Kullanıcı adı 3-32 karakter; harf, rakam, nokta, tire veya alt çizgi olmalı.',
    en: 'Username: 3-32 characters; letters, digits, dot, dash or underscore.',
  },
  PASSWORD_SHORT: { tr: 'Parola en az 10 karakter olmalı.', en: 'The password must be at least 10 characters.' },
  PASSWORDS_DIFFER: { tr: 'Parolalar birbirini tutmuyor.', en: 'The passwords do not match.' },
  NAME: { tr: 'Ad soyad 2-80 karakter olmalı.', en: 'Full name must be 2-80 characters.' },
  PROVINCE: { tr: 'İl kodu 1 ile 81 arasında olmalı.', en: 'Province code must be between 1 and 81.' },
  DESK: {
    tr: 'Masa kodu 1-8 büyük harf veya rakam olmalı (IL ayrılmıştır).',
    en: 'Desk code: 1-8 capital letters or digits (IL is reserved).',
  },
  DATE: { tr: 'Tarih gg.aa.yyyy biçiminde geçerli bir tarih olmalı.', en: 'Enter a valid date (dd.MM.yyyy).' },
  IDLE_MINUTES: { tr: 'Kilit süresi 1-240 dakika olmalı.', en: 'Lock time must be 1-240 minutes.' },
  RECOVERY_CODE: { tr: 'Kurtarma kodu 32 karakterdir (tireler isteğe bağlı).', en: 'The recovery code has 32 characters (dashes optional).' },
  REASON: { tr: 'Gerekçe yazılmalı (en az 5 karakter).', en: 'Write a reason (at least 5 characters).' },
  TIME: { tr: 'Saat SS:dd biçiminde olmalı (ör. 14:30).', en: 'Time must be HH:mm (e.g. 14:30).' },
  INVALID: { tr: 'Geçersiz değer.', en: 'Invalid value.' },
  PAGE_SIZE: { tr: 'Bir sayfada 1 ile 500 arasında kayıt istenebilir.', en: 'A page can hold 1 to 500 entries.' },
  FILE_TOO_LARGE: { tr: 'Dosya 64 MB sınırından büyük.', en: 'The file is larger than the 64 MB limit.' },
  QUERY_LONG: { tr: 'Arama en fazla 100 karakter olabilir.', en: 'A search can be at most 100 characters long.' },
  FORM_QR_LONG: { tr: 'Form karekodunun metni en fazla 2000 karakter olabilir.', en: 'A form QR text can be at most 2000 characters long.' },
  ABSOLUTE_PATH: { tr: 'Dosyanın tam yolunu yazın (ör. C:\\Users\\mudur\\liste.xlsx ya da /home/mudur/liste.xlsx).', en: 'Write the file\'s full path (e.g. C:\\Users\\head\\list.xlsx or /home/head/list.xlsx).' },
  ONE_OF_NUMBERS: { tr: 'Kayıt No ya da Randevu No verin (ikisinden biri).', en: 'Give the registration number or the Randevu No (one of them).' },
  // Facts files (`npm run cli -- decide`, docs/facts.md): written as the file is, not as the forms show.
  FILE_DATE: {
    tr: 'yyyy-aa-gg biçiminde gerçek bir tarih olmalı (ör. 2020-12-31); gg.aa.yyyy kabul edilmez.',
    en: 'Must be a real date written yyyy-MM-dd (e.g. 2020-12-31); dd.MM.yyyy is not accepted.',
  },
  FILE_DATETIME: {
    tr: 'yyyy-aa-ggTSS:dd:ss biçiminde gerçek bir tarih ve saat olmalı (Türkiye saati, ör. 2020-09-01T11:00:00).',
    en: 'Must be a real date and time written yyyy-MM-ddTHH:mm:ss (Turkey time, e.g. 2020-09-01T11:00:00).',
  },
  FILE_OBJECT: { tr: 'Bir JSON nesnesi olmalı: { ... } biçiminde yazılmalı.', en: 'Must be a JSON object: write it as { ... }.' },
  FILE_BOOLEAN: { tr: 'true ya da false olmalı.', en: 'Must be true or false.' },
  FILE_TOP_FIELDS: {
    tr: 'Olgu dosyasında yalnızca "dates", "facts" ve "documents" alanları olabilir (docs/facts.md).',
    en: 'A facts file holds only "dates", "facts" and "documents" (docs/facts.md).',
  },
  FILE_DATES_FIELDS: {
    tr: '"dates" içinde yalnızca "preRegistration" ve "finalRegistration" olabilir.',
    en: '"dates" holds only "preRegistration" and "finalRegistration".',
  },
} as const satisfies Record<string, { tr: string; en: string }>;

