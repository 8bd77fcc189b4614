/**
 * Every error a user can see, by code, in Turkish and English: the one place where the texts
 * live. Main throws `AppError(code, params)`; the renderer and the CLI show `messages[code]`.
 */
const errorMessages = {
  VALIDATION: { tr: 'Girilen bilgiler eksik ya da hatalı.', en: 'Some of the entered data is missing or invalid.' },
  UNKNOWN_COMMAND: { tr: 'Bilinmeyen işlem.', en: 'Unknown operation.' },
  NOT_SIGNED_IN: { tr: 'Oturum açık değil. Lütfen giriş yapın.', en: 'You are not signed in. Please sign in.' },
  SESSION_LOCKED: { tr: 'Ekran kilitli. Devam etmek için parolanızı girin.', en: 'The screen is locked. Enter your password to continue.' },
  FORBIDDEN: { tr: 'Bu işlem için yetkiniz yok.', en: 'You are not allowed to do this.' },
  AUTH_FAILED: { tr: 'Kullanıcı adı veya parola hatalı.', en: 'Username or password is incorrect.' },
  AUTH_THROTTLED: {
    tr: 'Çok sayıda hatalı deneme. {seconds} saniye sonra tekrar deneyin.',
    en: 'Too many failed attempts. Try again in {seconds} seconds.',
  },
  RECOVERY_FAILED: { tr: 'Kurtarma kodu hatalı.', en: 'The recovery code is incorrect.' },
  USER_DISABLED: { tr: 'Bu kullanıcı hesabı devre dışı.', en: 'This user account is disabled.' },
  PASSWORD_WEAK: {
    tr: 'Parola en az 10 karakter olmalı ve kullanıcı adını içermemeli.',
    en: 'The password must be at least 10 characters long and must not contain the username.',
  },
  PASSWORD_MISMATCH: { tr: 'Parolalar birbirini tutmuyor.', en: 'The passwords do not match.' },
  USERNAME_TAKEN: { tr: 'Bu kullanıcı adı zaten kullanılıyor.', en: 'This username is already taken.' },
  USER_NOT_FOUND: { tr: 'Kullanıcı bulunamadı.', en: 'User not found.' },
  LAST_HEAD: {
    tr: 'Son etkin birim sorumlusu devre dışı bırakılamaz.',
    en: 'The last active office head cannot be disabled.',
  },
  ALREADY_SET_UP: { tr: 'Bu klasörde zaten bir Masa defteri var.', en: 'This folder already holds a Masa ledger.' },
  NOT_SET_UP: { tr: 'Masa henüz kurulmadı. Önce ilk kurulumu yapın.', en: 'Masa is not set up yet. Run the first-time setup.' },
  LEDGER_MISSING: {
    tr: 'Defter dosyası bulunamadı ({path}). Yeni boş bir defter oluşturulmadı; yedekten geri yükleyin.',
    en: 'The ledger file is missing ({path}). No new empty ledger was created; restore from a backup.',
  },
  SLOTS_MISSING: {
    tr: 'Anahtar dosyası bulunamadı ({path}). Defter açılamaz; yedekten geri yükleyin.',
    en: 'The key file is missing ({path}). The ledger cannot be opened; restore from a backup.',
  },
  SLOTS_CORRUPT: {
    tr: 'Anahtar dosyası bozuk ({path}). Defter açılamaz; yedekten geri yükleyin.',
    en: 'The key file is damaged ({path}). The ledger cannot be opened; restore from a backup.',
  },
  LEDGER_CORRUPT: {
    tr: 'Defter dosyası bozuk ya da değiştirilmiş (başka bir defterin dosyası da olabilir). Hiçbir şey onarılmadı, yeni defter oluşturulmadı; yedekten geri yükleyin.',
    en: 'The ledger file is damaged or was altered (it may be another ledger\'s file). Nothing was repaired and no new ledger was created; restore from a backup.',
  },
  LEDGER_NEWER: {
    tr: 'Bu defter Masa’nın daha yeni bir sürümüyle oluşturulmuş (şema {fileVersion}, bu sürüm {appVersion}). Uygulamayı güncelleyin.',
    en: 'This ledger was written by a newer version of Masa (schema {fileVersion}, this version {appVersion}). Update the application.',
  },
  DISK_FULL: { tr: 'Diskte yer kalmadı. Hiçbir değişiklik kaydedilmedi.', en: 'The disk is full. No change was saved.' },
  IO_ERROR: { tr: 'Disk okuma/yazma hatası. Hiçbir değişiklik kaydedilmedi.', en: 'Disk read/write error. No change was saved.' },
  // The disk refused to confirm (fsync): the change may or may not be on disk (see database/shared/errors.ts).
  IO_SYNC_FAILED: {
    tr: 'Disk yazma hatası: değişikliğin diske yazıldığı doğrulanamadı. Uygulamayı kapatıp yeniden açın ve kaydı kontrol edin.',
    en: 'Disk write error: the change could not be confirmed as written to disk. Close and reopen the application and check the record.',
  },
  INVALID_PROVINCE: { tr: 'Geçersiz il kodu (1-81).', en: 'Invalid province code (1-81).' },
  INVALID_DESK: {
    tr: 'Masa kodu 1-8 büyük harf veya rakam olmalı (IL ayrılmıştır).',
    en: 'The desk code must be 1-8 capital letters or digits (IL is reserved).',
  },
  APPOINTMENT_NOT_FOUND: { tr: '{randevuNo} numaralı randevu bulunamadı.', en: 'Appointment {randevuNo} was not found.' },
  APPOINTMENT_WRONG_STATE: {
    tr: 'Bu randevu için bu işlem yapılamaz (durumu: {status}).',
    en: 'This cannot be done for this appointment (status: {status}).',
  },
  ALREADY_REGISTERED: {
    tr: 'Bu randevu için sonuç zaten kaydedilmiş ({registrationNo}). Kayıt yalnızca görüntülenebilir.',
    en: 'An outcome is already recorded for this appointment ({registrationNo}). It can only be viewed.',
  },
  CHECKLIST_INCOMPLETE: {
    tr: 'Belge listesindeki her madde tek tek işaretlenmeli: {count} madde işaretlenmedi.',
    en: 'Every item of the document checklist must be ticked one by one: {count} item(s) not ticked.',
  },
  FACTS_INVALID: { tr: 'Bazı bilgiler eksik ya da hatalı; ilgili alanlara bakın.', en: 'Some facts are missing or invalid; see the fields.' },
  NEW_APPOINTMENT_REQUIRED: {
    tr: 'Eksik evrak için yeni bir randevu tarihi ve saati girin.',
    en: 'Enter a new appointment date and time for the missing documents.',
  },
  PACK_UNKNOWN: { tr: '{programCode} programı için kural paketi yok.', en: 'There is no rule pack for programme {programCode}.' },
  REGISTRATION_NOT_FOUND: { tr: 'Kayıt bulunamadı.', en: 'Registration not found.' },
  APPOINTMENT_NOT_TODAY: {
    tr: 'Bu randevu bugün için değil ({date}); "Geldi" yalnızca randevu gününde işaretlenebilir.',
    en: 'This appointment is not for today ({date}); arrival can only be recorded on the day of the appointment.',
  },
  DAY_IN_FUTURE: { tr: '{date} henüz gelmedi; ileri bir tarihin günü kapatılamaz.', en: '{date} has not come yet; a future day cannot be closed.' },
  DAY_ALREADY_CLOSED: { tr: '{date} günü zaten kapatıldı; ikinci kez kapatılamaz.', en: 'The day {date} is already closed; it cannot be closed twice.' },
  RECON_DAY_NOT_CLOSED: {
    tr: '{date} gününün {count} randevusunun sonucu yok ({waiting} bekliyor, {open} gelmiş ama sonuçlanmamış). HQ dosyasında her randevunun sonucu olmalı: önce gelenlerin kaydını bitirin, sonra günü kapatın.',
    en: '{count} appointments of {date} have no outcome ({waiting} waiting, {open} arrived but not decided). Every appointment in HQ\'s file needs an outcome: finish the arrived ones, then close the day.',
  },
  NO_SHOW_FUTURE: { tr: '{date} henüz gelmedi; ileri bir günün randevusu «Gelmedi» yapılamaz.', en: '{date} has not come yet; an appointment of a future day cannot be marked no-show.' },
  REOPEN_NOT_NO_SHOW: { tr: 'Yalnızca «Gelmedi» olan bir randevu yeniden açılır; bu randevu: {status}.', en: 'Only a no-show appointment can be reopened; this one is: {status}.' },
  NOTE_NOT_ALLOWED: {
    tr: 'Bu randevu için henüz kaydedilmiş bir sonuç yok; düzeltme notu yalnızca kayıtlı sonuca eklenir.',
    en: 'No outcome is recorded for this appointment yet; a correction note is added to a recorded outcome only.',
  },
  DRAFT_CLOSED: {
    tr: 'Bu randevunun sonucu kaydedildi; taslak artık kaydedilmez.',
    en: 'The outcome of this appointment is recorded; the draft is no longer saved.',
  },
  REGISTRATION_REVERSED: {
    tr: '{registrationNo} numaralı kaydın sonucu il müdürlüğünce geri alındı; bu kayıt için belge basılamaz.',
    en: 'The outcome of registration {registrationNo} was reversed by the office head; no document can be printed for it.',
  },
  REASON_REQUIRED: { tr: 'Gerekçe yazılmalı (en az 5 karakter).', en: 'A reason is required (at least 5 characters).' },
  BACKUP_DAMAGED: {
    tr: 'Yedek bozuk ya da eksik ({reason}); geri yüklenmedi, hiçbir şey değişmedi.',
    en: 'The backup is damaged or incomplete ({reason}); nothing was restored or changed.',
  },
  BACKUP_SEAL_INVALID: {
    tr: 'Yedeğin doğrulama mührü (dogrulandi.json) geçersiz ({reason}): bu yedeğin anahtarıyla yazılmamış ya da yedek doğrulandıktan sonra değiştirilmiş. Yedek kurcalanmış olabilir; geri yüklenmedi, hiçbir şey değişmedi. Başka bir yedek seçin.',
    en: 'The backup\'s verification seal (dogrulandi.json) is not valid ({reason}): it was not written with this backup\'s key, or the backup was changed after it was verified. The backup may have been tampered with; nothing was restored or changed. Choose another backup.',
  },
  BACKUP_CHANGED_SINCE_SEAL: {
    tr: 'Yedek doğrulandıktan sonra değişmiş: {file} dosyası doğrulanan haliyle aynı değil (bozulmuş ya da kurcalanmış). Geri yüklenmedi, hiçbir şey değişmedi. Başka bir yedek seçin.',
    en: 'The backup changed after it was verified: {file} is not the file that was verified (damaged or tampered with). Nothing was restored or changed. Choose another backup.',
  },
  BACKUP_PASSWORD: {
    tr: 'Bu yedek sizin parolanızla açılmıyor (yedek alındığında parolanız farklıydı). Kurtarma kodu ya da eski parola gerekir.',
    en: 'Your password does not open this backup (it was different when the backup was made).',
  },
  RETENTION_NOT_DUE: {
    tr: '{randevuNo} numaralı kaydın saklama süresi dolmadı; kişisel verileri silinemez. Hiçbir kayıt silinmedi.',
    en: 'The retention period of record {randevuNo} has not ended; its personal data cannot be erased. Nothing was erased.',
  },
  ERASURE_INCOMPLETE: {
    tr: 'Silme tamamlanamadı (olay #{seq} kişisel veri içermeye devam ediyor). Hiçbir kayıt silinmedi; lütfen destek ekibine bildirin.',
    en: 'The erasure could not be completed (event #{seq} would still hold personal data). Nothing was erased; please tell support.',
  },
  RECORD_ERASED: {
    tr: 'Bu kaydın kişisel verileri KVKK saklama süresi dolduğu için silindi; bu işlem artık yapılamaz.',
    en: 'This record\'s personal data was erased when its KVKK retention period ended; this can no longer be done.',
  },
  BACKUP_FOLDER: { tr: 'Yedek klasörüne yazılamıyor: {dir}', en: 'The backup folder cannot be written: {dir}' },
  BACKUP_FOLDER_IN_DATA: {
    tr: 'Yedek klasörü veri klasörünün içinde olamaz ({dir}): o disk bozulursa yedekler de gider. Başka bir disk (USB bellek) ya da ağ paylaşımı seçin.',
    en: 'The backup folder cannot be inside the data folder ({dir}): if that disk fails the backups go with it. Choose another disk (a USB stick) or a network share.',
  },
  RESTORE_SIGNED_IN: {
    tr: 'Bir oturum açık. Oturum açıkken geri yükleme Yedekler ekranından yapılır.',
    en: 'Someone is signed in. While signed in, restore from the Backups screen.',
  },
  RESTORE_HEAD_ONLY: {
    tr: 'Bu yedekte bu kullanıcı etkin bir birim sorumlusu değil; yalnızca birim sorumlusu ya da kurtarma kodu yedekten geri yükleyebilir.',
    en: 'In this backup this user is not an active office head; only an office head or the recovery code can restore a backup.',
  },
  BACKUP_NOT_RECORDED: {
    tr: 'Yedek alındı ({name}), ancak defterin bulunduğu diskte yer kalmadığı için deftere kaydedilemedi. Bu diskte yer açın.',
    en: 'The backup was made ({name}) but could not be recorded in the ledger: the disk holding the ledger is full. Free some space on it.',
  },
  LEDGER_RESCUE: {
    tr: 'Defter açılışta denetimden geçemedi; yalnızca yedekten geri yükleme yapılabilir.',
    en: 'The ledger failed its start-up check; only a restore from a backup is possible.',
  },
  FOLDER_IN_USE: {
    tr: 'Bu veri klasörünü başka bir Masa penceresi ya da komutu kullanıyor ({path}). Aynı deftere iki yerden yazılamaz; önce onu kapatın.',
    en: 'Another Masa window or command is using this data folder ({path}). Close it first: one ledger has one writer.',
  },
  NETWORK_FOLDER: {
    tr: 'Veri klasörü bir ağ paylaşımında ({path}). Defter yalnızca yerel diskte çalışır; yedekler ağ paylaşımına alınabilir.',
    en: 'The data folder is on a network share ({path}). The ledger needs a local disk; backups may go to a share.',
  },
  IMPORT_STALE: {
    tr: 'Liste hazırlanırken masada değişiklik oldu; içe aktarma yapılmadı. Dosyayı yeniden yükleyin.',
    en: 'The desk changed while the list was being prepared; nothing was imported. Load the file again.',
  },
  IMPORT_REFUSED: { tr: 'Dosya bir randevu listesi olarak okunamadı: {reason} Hiçbir şey değişmedi.', en: 'The file could not be read as an appointment list: {reasonEn} Nothing changed.' },
  IMPORT_CANCELLED: { tr: 'İçe aktarma iptal edildi; hiçbir şey değişmedi.', en: 'The import was cancelled; nothing changed.' },
  IMPORT_UNKNOWN: { tr: 'Bu içe aktarma bulunamadı (süresi geçti ya da iptal edildi). Dosyayı yeniden seçin.', en: 'This import is not known (expired or cancelled). Choose the file again.' },
  IMPORT_FILE_MISSING: { tr: 'Dosya bulunamadı: {name}', en: 'File not found: {name}' },
  IMPORT_TOO_LARGE: { tr: 'Dosya {maxMb} MB sınırından büyük; bir randevu listesi bu kadar büyük olmaz. Hiçbir şey değişmedi.', en: 'The file is larger than the {maxMb} MB limit; an appointment list is never this large. Nothing changed.' },
  IMPORT_REPORT_FAILED: { tr: 'Rapor yazılamadı: {reason} İçe aktarma yapılmadı; hiçbir değişiklik kaydedilmedi.', en: 'The report could not be written: {reasonEn} The import was not applied; nothing was changed.' },
  IMPORT_REPORT_FAILED_SAVED: {
    tr: 'İçe aktarma kaydedildi, ancak rapor yazılamadı: {reason} Raporu başka bir yere yeniden kaydedebilirsiniz.',
    en: 'The import was saved, but the report could not be written: {reasonEn} You can save the report again elsewhere.',
  },
  PROVINCE_NOT_IN_PACK: { tr: '{programCode} programında {provinceCode} ili yok.', en: 'Province {provinceCode} is not in programme {programCode}.' },
  EXPORT_FOLDER: { tr: 'Klasör bulunamadı ya da yazılamıyor: {dir}', en: 'The folder does not exist or cannot be written: {dir}' },
  KEY_INVALID: { tr: 'Bu bir Ed25519 açık anahtarı (PEM) değil.', en: 'This is not an Ed25519 public key (PEM).' },
  KEY_OWN_DESK: { tr: '{desk} bu masanın kendi kodu; kendi anahtarı zaten tanınıyor, başka bir anahtar kaydedilemez.', en: '{desk} is this desk\'s own code; its own key is already trusted and no other key can be registered for it.' },
  KEY_ALREADY_REGISTERED: { tr: 'Bu anahtar zaten {desk} masasına kayıtlı; bir anahtar yalnızca bir masaya kaydedilir.', en: 'This key is already registered to desk {desk}; a key belongs to one desk only.' },
  RECON_EXPORT_HEAD_ONLY: {
    tr: 'Mutabakatı birim sorumlusu oluşturur; görevlilerin oluşturmasına izin verilmemiş.',
    en: 'The office head creates the reconciliation; clerks have not been allowed to.',
  },
  PACK_FILE_UNREADABLE: { tr: 'Kural paketi dosyası okunamadı: {file} ({why})', en: 'The rule pack file cannot be read: {file} ({why})' },
  PACK_FILE_MISSING: { tr: 'Kural paketi dosyası bulunamadı: {file}', en: 'The rule pack file was not found: {file}' },
  PACK_FILE_NOT_FILE: { tr: 'Bu yol bir dosya değil (klasör olabilir): {file}', en: 'This path is not a file (it may be a folder): {file}' },
  PACK_INVALID: { tr: 'Kural paketi denetimden geçmedi ({count} sorun): {file}', en: 'The rule pack failed its check ({count} problems): {file}' },
  PACK_KEY_UNREADABLE: { tr: 'Özel anahtar okunamadı ya da Ed25519 değil: {file}', en: 'The private key cannot be read or is not Ed25519: {file}' },
  PACK_KEY_EXISTS: { tr: 'Bu klasörde zaten bir anahtar var ({file}); üzerine yazılmaz.', en: 'There is already a key in this folder ({file}); it is not overwritten.' },
  PACK_NOT_VALID: { tr: '{programCode} için {date} gününü kapsayan bir kural paketi yok.', en: 'No rule pack of {programCode} covers {date}.' },
  PACK_SIG_MISSING: { tr: 'İmza dosyası yok: {file}. Paket yalnızca HQ imzasıyla (.sig) yüklenir.', en: 'No signature file: {file}. A pack loads only with its HQ signature (.sig).' },
  PACK_SIG_INVALID: { tr: 'İmza geçersiz: {file}', en: 'The signature is not valid: {file}' },
  PACK_CHANGED: { tr: 'Paket imzalandıktan sonra değişmiş (SHA-256 tutmuyor): {file}', en: 'The pack changed after it was signed (SHA-256 does not match): {file}' },
  PACK_KEY_UNTRUSTED: { tr: 'İmzalayan anahtar tanınmıyor ({fingerprint}); önce birim sorumlusu HQ anahtarını eklemeli.', en: 'The signing key is not trusted ({fingerprint}); the office head must add the HQ key first.' },
  PACK_KEY_RETIRED: { tr: 'İmzalayan anahtar {date} tarihinden beri emekli ({fingerprint}).', en: 'The signing key is retired since {date} ({fingerprint}).' },
  PACK_DOWNGRADE: { tr: '{code} için {have}. sürüm yüklü; {edition}. sürüm yüklenemez (yalnızca daha yüksek sürüm).', en: '{code} edition {have} is loaded; edition {edition} cannot be loaded (only a higher edition).' },
  HQ_KEY_CONFIRM: { tr: 'Parmak izi onaylanmadı. Anahtarın parmak izi: {fingerprint}', en: 'The fingerprint was not confirmed. The key\'s fingerprint: {fingerprint}' },
  HQ_KEY_EXISTS: { tr: 'Bu HQ anahtarı zaten tanınıyor ({fingerprint}).', en: 'This HQ key is already trusted ({fingerprint}).' },
  HQ_RETIRE_INVALID: { tr: 'Emeklilik bildirimi okunamadı: {file}', en: 'The retirement statement cannot be read: {file}' },
  HQ_RETIRE_SELF: { tr: 'Bir anahtar kendi emekliliğini imzalayamaz ({fingerprint}); başka bir HQ anahtarı imzalamalı.', en: 'A key cannot sign its own retirement ({fingerprint}); another HQ key must sign it.' },
  OUTPUT_IN_DATA: {
    tr: 'Çıktı veri klasörünün içine yazılamaz ({path}): defter ve anahtar dosyası orada durur. Başka bir klasör seçin.',
    en: 'Output cannot be written inside the data folder ({path}): the ledger and its key file live there. Choose another folder.',
  },
  OUTPUT_EXISTS: {
    tr: '{path} zaten var ve bir {kind} dosyası değil; üzerine yazılmadı. Başka bir dosya adı ya da klasör verin.',
    en: '{path} already exists and is not a {kindEn} file; it was not overwritten. Give another file name or folder.',
  },
  INTERNAL: {
    tr: 'Beklenmeyen bir hata oluştu. Hiçbir değişiklik kaydedilmedi.',
    en: 'An unexpected error occurred. No change was saved.',
  },
  // Damage classes of the data folder and of an opened ledger (docs/security.md): each says what
  // is wrong and how to restore. None is ever answered by building a new ledger.
  LEDGER_EMPTY: {
    tr: 'Defter dosyası boş (0 bayt): {path}. Kayıtlar bu dosyada değil; yeni boş bir defter oluşturulmadı. Yedekten geri yükleyin (pencerede «yedekten geri yükle», komut satırında «restore YEDEK_KLASÖRÜ --user KULLANICI»).',
    en: 'The ledger file is empty (0 bytes): {path}. The records are not in it; no new empty ledger was created. Restore from a backup (in the window «restore from backup», on the command line «restore BACKUP_FOLDER --user USER»).',
  },
  LEDGER_TRUNCATED: {
    tr: 'Defter dosyasının sonu kesilmiş ({bytes} bayt, tam sayfa değil): dosya yarıda kopyalanmış ya da disk bozulmuş. Son kayıtlar okunamaz; hiçbir şey onarılmadı. Yedekten geri yükleyin (pencerede «yedekten geri yükle», komut satırında «restore YEDEK_KLASÖRÜ --user KULLANICI»).',
    en: 'The end of the ledger file is cut off ({bytes} bytes, not whole pages): it was copied half-way or the disk failed. The last records cannot be read; nothing was repaired. Restore from a backup (in the window «restore from backup», on the command line «restore BACKUP_FOLDER --user USER»).',
  },
  LEDGER_PAGES_DAMAGED: {
    tr: 'Defter dosyasının içinde bozuk sayfa var (şifreli sayfanın doğrulaması tutmuyor: bir ya da birkaç bayt değişmiş). Hiçbir şey onarılmadı ve yazılmadı. Yedekten geri yükleyin (pencerede «yedekten geri yükle», komut satırında «restore YEDEK_KLASÖRÜ --user KULLANICI»).',
    en: 'The ledger file has a damaged page (an encrypted page fails its check: one or more bytes changed). Nothing was repaired or written. Restore from a backup (in the window «restore from backup», on the command line «restore BACKUP_FOLDER --user USER»).',
  },
  LEDGER_CHAIN_BROKEN: {
    tr: 'Defter zinciri #{seq} numaralı olayda bozulmuş: kayıtlar değiştirilmiş ya da silinmiş olabilir. Hiçbir şey onarılmadı ve yazılmadı. Yedekten geri yükleyin (pencerede «yedekten geri yükle», komut satırında «restore YEDEK_KLASÖRÜ --user KULLANICI»).',
    en: 'The ledger chain is broken at event #{seq}: records may have been altered or deleted. Nothing was repaired or written. Restore from a backup (in the window «restore from backup», on the command line «restore BACKUP_FOLDER --user USER»).',
  },
  LEDGER_LOST_WRITES: {
    tr: 'Onaylanmış kayıtlar kaybolmuş: #{witnessSeq} numaralı olaya kadar kaydedildiği onaylanmıştı, defterde ise #{ledgerSeq} numaralı olayda bitiyor. Defterin yanındaki masa.ledger-wal dosyası silinmiş ya da bozulmuş, ya da defter eski bir kopyayla değiştirilmiş. Defter sağlam görünse de eksik; hiçbir şey yazılmadı. Yedekten geri yükleyin (pencerede «yedekten geri yükle», komut satırında «restore YEDEK_KLASÖRÜ --user KULLANICI»).',
    en: 'Acknowledged writes were lost: events up to #{witnessSeq} were confirmed as saved, but the ledger ends at #{ledgerSeq}. The masa.ledger-wal file beside it was deleted or damaged, or the ledger was replaced by an older copy. It may look whole but it is missing records; nothing was written. Restore from a backup (in the window «restore from backup», on the command line «restore BACKUP_FOLDER --user USER»).',
  },
  LEDGER_WITNESS_FORKED: {
    tr: 'Defter, son onaylanan kayıtla uyuşmuyor (#{seq} numaralı olay farklı): defter dosyası başka bir defterle ya da değiştirilmiş bir kopyayla değiştirilmiş. Hiçbir şey yazılmadı. Yedekten geri yükleyin (pencerede «yedekten geri yükle», komut satırında «restore YEDEK_KLASÖRÜ --user KULLANICI»).',
    en: 'The ledger does not match the last acknowledged record (event #{seq} differs): the ledger file was replaced by another ledger or an altered copy. Nothing was written. Restore from a backup (in the window «restore from backup», on the command line «restore BACKUP_FOLDER --user USER»).',
  },
  LEDGER_WITNESS_MISSING: {
    tr: 'Son onaylanan kaydın tanığı (masa.head) bulunamadı: defterin onaylanmış kayıtlarının tamam olduğu doğrulanamıyor. Dosya silinmiş ya da veri klasörü eksik kopyalanmış. Hiçbir şey yazılmadı. Yedekten geri yükleyin (pencerede «yedekten geri yükle», komut satırında «restore YEDEK_KLASÖRÜ --user KULLANICI»).',
    en: 'The witness of the last acknowledged record (masa.head) is missing: it cannot be confirmed that no acknowledged record was lost. The file was deleted or the data folder was copied incompletely. Nothing was written. Restore from a backup (in the window «restore from backup», on the command line «restore BACKUP_FOLDER --user USER»).',
  },
  LEDGER_WITNESS_INVALID: {
    tr: 'Son onaylanan kaydın tanığı (masa.head) bozuk ya da bu deftere ait değil: defterin onaylanmış kayıtlarının tamam olduğu doğrulanamıyor. Hiçbir şey yazılmadı. Yedekten geri yükleyin (pencerede «yedekten geri yükle», komut satırında «restore YEDEK_KLASÖRÜ --user KULLANICI»).',
    en: 'The witness of the last acknowledged record (masa.head) is damaged or belongs to another ledger: it cannot be confirmed that no acknowledged record was lost. Nothing was written. Restore from a backup (in the window «restore from backup», on the command line «restore BACKUP_FOLDER --user USER»).',
  },
  SLOTS_KDF_INVALID: {
    tr: 'Anahtar dosyası bozuk ya da değiştirilmiş ({path}): bir anahtar yuvasının parola ayarları Masa’nın yazmayacağı bir değerde (N={N}). Defter açılamaz. Yedekten geri yükleyin (pencerede «yedekten geri yükle», komut satırında «restore YEDEK_KLASÖRÜ --user KULLANICI»).',
    en: 'The key file is damaged or was edited ({path}): a key slot asks for password settings Masa never writes (N={N}). The ledger cannot be opened. Restore from a backup (in the window «restore from backup», on the command line «restore BACKUP_FOLDER --user USER»).',
  },
  DISK_FULL_SIGN_IN: {
    tr: 'Diskte yer kalmadı: defterin bulunduğu diskte ({dir}) giriş kaydedilemediği için oturum açılmadı; hiçbir şey değişmedi. Bu diskte en az birkaç MB yer açın (Çöp Kutusunu boşaltın; büyük indirilmiş dosyaları ya da eski dışa aktarımları başka bir diske taşıyın), sonra yeniden girin. Veri klasöründeki masa.* dosyalarını ve yedekleri silmeyin.',
    en: 'The disk is full: the sign-in could not be recorded on the disk holding the ledger ({dir}), so nobody was signed in and nothing changed. Free at least a few MB on that disk (empty the Recycle Bin; move large downloads or old exports to another disk), then sign in again. Do not delete the masa.* files or the backups in the data folder.',
  },
  EXPORT_DISK_FULL: {
    tr: 'Diskte yer kalmadı: dışa aktarım {dir} klasörüne yazılamadı; yarım dosya bırakılmadı ve deftere hiçbir şey kaydedilmedi. O diskte yer açın (ör. eski dışa aktarımları silin) ya da başka bir klasör ya da USB bellek seçip yeniden deneyin.',
    en: 'The disk is full: the export could not be written to {dir}; no half file was left and nothing was recorded in the ledger. Free some space on that disk (e.g. delete old exports) or choose another folder or USB stick, and try again.',
  },
  EXPORT_NOT_RECORDED: {
    tr: 'Diskte yer kalmadı: dışa aktarım dosyası yazıldı ({name}), ancak defterin bulunduğu diskte ({dir}) yer kalmadığı için deftere kaydedilemedi; bu dosyayı gönderilmiş saymayın. O diskte yer açın (Çöp Kutusu, büyük indirilmiş dosyalar, eski dışa aktarımlar) ve dışa aktarımı yeniden yapın.',
    en: 'The disk is full: the export file was written ({name}), but it could not be recorded in the ledger because the disk holding the ledger ({dir}) is full; do not treat this file as sent. Free some space on that disk (Recycle Bin, large downloads, old exports) and export again.',
  },
  // print.toPrinter (the preview's "Yazdır"): main prints the document it rendered, never bytes sent back.
  PRINT_NEEDS_DESKTOP: {
    tr: 'Yazıcıya doğrudan göndermek yalnızca masaüstü uygulamasında olur. Önizlemedeki "Yazdır" ile tarayıcının yazdırma penceresini kullanın ya da "PDF olarak kaydet" ile kaydedin.',
    en: 'Sending straight to a printer needs the desktop app. Use "Print" in the preview for the browser\'s print dialog, or "Save as PDF".',
  },
  PRINT_DOCUMENT_GONE: {
    tr: 'Bu belge artık hazır değil (başka belgeler yazdırıldı ya da oturum değişti). Belgeyi yeniden açıp yazdırın.',
    en: 'This document is no longer at hand (other documents were printed or the session changed). Open the document again and print it.',
  },
} as const satisfies Record<string, { tr: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;
export type Language = 'tr' | 'en';

export interface ApiError {
  code: ErrorCode | string;
  message: string;
  messageEn: string;
  params?: Record<string, string | number>;
  /** Field-level messages for forms: field path -> { tr, en }. */
  fields?: Record<string, { tr: string; en: string }>;
}

export function formatMessage(code: string, lang: Language, params: Record<string, string | number> = {}): string {
  const entry = (errorMessages as Record<string, { tr: string; en: string }>)[code] ?? errorMessages.INTERNAL;
  return entry[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
