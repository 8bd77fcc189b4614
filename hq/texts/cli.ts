/**
 * The HQ program's texts (`npm run hq`): help, usage lines, usage mistakes, refusals, report
 * lines and the headers of the workbooks HQ writes. Turkish and English side by side, checked
 * like main's catalogue (main/texts); HQ's reasons for refusing a day file stay in
 * hq/texts/intake.ts.
 */
import type { Catalogue } from '../../main/texts';


export const HQ = {
  help: {
    title: { tr: 'Masa Merkez: masaların imzalı günlük dosyalarının Genel Müdürlükte toplanması', en: "Masa Merkez: HQ's intake of the desks' signed daily files" },
    synopsis: { tr: 'npm run hq -- <komut> [seçenekler] [--json] [--lang en]', en: 'npm run hq -- <command> [options] [--json] [--lang en]' },
    database: {
      tr: 'Veritabanı: DATABASE_URL (PostgreSQL sunucusu) ya da, verilmezse, MASA_HQ_DATA_DIR klasöründeki gömülü PGlite (varsayılan: kullanıcı veri klasörü).',
      en: 'Database: DATABASE_URL (PostgreSQL server) or, unset, the embedded PGlite in MASA_HQ_DATA_DIR (default: the user data folder).',
    },
    exitCodes: { tr: 'Çıkış kodları: 0 başarılı, 1 reddedildi (nedeni yazılır), 2 kullanım hatası.', en: 'Exit codes: 0 success, 1 refused (message says why), 2 usage.' },
    usageWord: { tr: 'Kullanım', en: 'Usage' },
    unknownCommand: { tr: 'Bilinmeyen komut', en: 'Unknown command' },
    refused: { tr: 'Reddedildi', en: 'Refused' },
    noServer: {
      tr: 'Veritabanı sunucusuna bağlanılamadı (DATABASE_URL): sunucu çalışıyor mu, adres doğru mu?',
      en: 'Cannot connect to the database server (DATABASE_URL): is it running, is the address right?',
    },
    noEmbedded: {
      tr: 'Gömülü veritabanı açılamadı (MASA_HQ_DATA_DIR klasörü yazılabilir mi, başka bir işlem kullanıyor mu?).',
      en: 'The embedded database cannot be opened (is the MASA_HQ_DATA_DIR folder writable, is another process using it?).',
    },
    notSetUp: { tr: 'Veritabanı hazır değil: önce `npm run hq -- init` çalıştırın.', en: 'The database is not set up: run `npm run hq -- init` first.' },
    fileExists: { tr: (file: string) => `Dosya zaten var, üzerine yazılmaz: ${file}`, en: (file: string) => `The file already exists, it is not replaced: ${file}` },
    notCompleted: {
      tr: 'Veritabanı işlemi tamamlanamadı (hiçbir şey değişmedi); yeniden deneyin.',
      en: 'The database operation could not be completed (nothing was changed); try again.',
    },
  },
  args: {
    provinceAndDesk: { tr: '--province 1-81, --desk ör. M01 olmalı.', en: '--province must be 1-81, --desk e.g. M01.' },
    deskNeedsProvince: {
      tr: '--desk ile birlikte --province de gerekli (masa kodları illerde tekrar eder).',
      en: '--desk needs --province too (desk codes repeat across provinces).',
    },
    province: { tr: '--province 1-81 arası bir il kodu olmalı.', en: '--province must be a province code 1-81.' },
    outXlsx: { tr: '--out bir .xlsx dosya adı olmalı.', en: '--out must be an .xlsx file name.' },
    written: { tr: 'Yazıldı', en: 'Written' },
  },
  init: {
    summary: { tr: 'Veritabanını kurar ya da şemasını günceller (numaralı göçler).', en: 'Sets up the database or brings its schema up to date (numbered migrations).' },
    usage: { tr: 'init', en: 'init' },
    server: { tr: 'PostgreSQL sunucusu', en: 'PostgreSQL server' },
    embedded: { tr: 'gömülü PGlite', en: 'embedded PGlite' },
    ready: { tr: 'Veritabanı hazır', en: 'Database ready' },
    schemaVersion: { tr: 'Şema sürümü', en: 'Schema version' },
    applied: { tr: 'uygulanan', en: 'applied' },
    upToDate: { tr: ' (zaten güncel)', en: ' (already up to date)' },
  },
  chain: {
    summary: {
      tr: 'Masa başına günlerin Defter Zinciri Başı sırası; defterini geri almış görünen masayı işaretler.',
      en: "Per desk, the days' Defter Zinciri Başı in order; flags a desk that appears to have rolled back its ledger.",
    },
    usage: { tr: 'chain [--province İL --desk MASA]', en: 'chain [--province PROVINCE --desk DESK]' },
    rolledBack: { tr: '  ⚠ DEFTER GERİ ALINMIŞ OLABİLİR', en: '  ⚠ LEDGER ROLLED BACK?' },
    total: { tr: (desks: number, flagged: number) => `${desks} masa, ${flagged} işaretli.`, en: (desks: number, flagged: number) => `${desks} desks, ${flagged} flagged.` },
  },
  load: {
    summary: {
      tr: 'MUTABAKAT_*.xlsx dosyalarını .sig imzalarıyla denetler ve yükler (her dosya ya bütünüyle yüklenir ya hiç; aynı dosya yeniden yüklenmez; aynı güne farklı dosya çakışma olarak saklanır).',
      en: 'Checks and loads MUTABAKAT_*.xlsx files with their .sig signatures (each file is loaded whole or not at all; the same file is not loaded twice; a different file for the same day is kept as a conflict).',
    },
    usage: { tr: 'load KLASÖR|DOSYA.xlsx...', en: 'load DIR|FILE.xlsx...' },
    needs: { tr: 'load için bir klasör ya da dosyalar gerekli.', en: 'load needs a folder or files.' },
    files: { tr: 'dosya', en: 'files' },
    rows: { tr: 'satır', en: 'rows' },
    rate: { tr: 'satır/sn', en: 'rows/s' },
    total: {
      tr: (files: number, loaded: number, conflicts: number, refused: number, rows: string, seconds: string, ignored: number) =>
        `${files} dosya: ${loaded} yüklendi, ${conflicts} çakışma, ${refused} reddedildi; ${rows} satır, ${seconds} sn${ignored ? `; klasördeki ${ignored} başka dosya yok sayıldı` : ''}.`,
      en: (files: number, loaded: number, conflicts: number, refused: number, rows: string, seconds: string, ignored: number) =>
        `${files} files: ${loaded} loaded, ${conflicts} conflicts, ${refused} refused; ${rows} rows in ${seconds} s${ignored ? `; ${ignored} other files in the folder ignored` : ''}.`,
    },
  },
  deskKey: {
    summary: {
      tr: 'Masaların açık anahtarları: add bir masanın PEM dosyasını kaydeder (parmak izini yazar), list kayıtlıları gösterir.',
      en: "The desks' public keys: add registers a desk's PEM file (prints its fingerprint), list shows those registered.",
    },
    usage: {
      tr: 'desk-key add --province İL --desk MASA DOSYA.pem | desk-key list [--province İL]',
      en: 'desk-key add --province PROVINCE --desk DESK FILE.pem | desk-key list [--province PROVINCE]',
    },
    none: { tr: 'Kayıtlı masa anahtarı yok.', en: 'No desk key is registered.' },
    addOrList: { tr: 'desk-key add ya da desk-key list yazın.', en: 'Write desk-key add or desk-key list.' },
    addNeeds: {
      tr: 'desk-key add için --province (1-81), --desk (ör. M01) ve tek bir PEM dosyası gerekli.',
      en: 'desk-key add needs --province (1-81), --desk (e.g. M01) and one PEM file.',
    },
    unreadable: { tr: (file: string) => `Dosya okunamadı: ${file}`, en: (file: string) => `Cannot read the file: ${file}` },
    notEd25519: { tr: 'Dosya bir Ed25519 açık anahtarı (PEM) değil.', en: 'The file is not an Ed25519 public key (PEM).' },
    heldByOther: {
      tr: (province: string, desk: string) => `Bu anahtar zaten ${province} ilinin ${desk} masasına kayıtlı; bir anahtar tek masanındır.`,
      en: (province: string, desk: string) => `This key is already registered to desk ${desk} of province ${province}; a key belongs to one desk.`,
    },
    already: {
      tr: (province: string, desk: string) => `Zaten kayıtlı: il ${province}, masa ${desk} (değişiklik yok)`,
      en: (province: string, desk: string) => `Already registered for province ${province}, desk ${desk} (nothing changed)`,
    },
    registered: { tr: (province: string, desk: string) => `Kaydedildi: il ${province}, masa ${desk}`, en: (province: string, desk: string) => `Registered for province ${province}, desk ${desk}` },
    fingerprint: { tr: 'Parmak izi (SHA-256)', en: 'Fingerprint (SHA-256)' },
  },
  duplicates: {
    summary: {
      tr: 'Aynı anne ya da çocuk için destek dönemleri çakışan iki KESİN KAYIT (iki masa, il ya da program): her satır, gruplanmış.',
      en: 'The same mother or child with two KESİN KAYIT whose support periods overlap (two desks, provinces or programmes): every row, grouped.',
    },
    usage: { tr: 'duplicates [--since yyyy-MM-dd] [--out DOSYA.xlsx]', en: 'duplicates [--since yyyy-MM-dd] [--out FILE.xlsx]' },
    badSince: { tr: '--since yyyy-MM-dd biçiminde gerçek bir tarih olmalı.', en: '--since must be a real date, yyyy-MM-dd.' },
    total: {
      tr: (groups: string, since: string | null) => `${groups} mükerrer grup${since ? ` (${since} ve sonrası)` : ''}.`,
      en: (groups: string, since: string | null) => `${groups} duplicate groups${since ? ` since ${since}` : ''}.`,
    },
  },
  standings: {
    summary: {
      tr: 'Bir programın ulusal asil/yedek sıralaması: il kontenjanına göre, ön kayıt zamanı sırasıyla (masaların listeleri gibi).',
      en: "An edition's national main/reserve standing: per province quota, in pre-registration order (as the desks' lists).",
    },
    usage: { tr: 'standings --pack KOD [--province İL] [--out DOSYA.xlsx]', en: 'standings --pack CODE [--province PROVINCE] [--out FILE.xlsx]' },
    needsPack: { tr: 'standings için --pack gerekli (ör. BAKICI-2020).', en: 'standings needs --pack (e.g. BAKICI-2020).' },
    unknownEdition: { tr: (pack: string) => `Bilinmeyen program: ${pack} (kontenjanları bilinmiyor).`, en: (pack: string) => `Unknown edition: ${pack} (its quotas are not known).` },
    quota: { tr: 'kontenjan', en: 'quota' },
    noQuota: { tr: 'pakette yok', en: 'none in the pack' },
    registered: { tr: 'kayıtlı', en: 'registered' },
    main: { tr: 'asil', en: 'main' },
    reserve: { tr: 'yedek', en: 'reserve' },
    listMain: { tr: 'Asil ', en: 'Main ' },
    listReserve: { tr: 'Yedek', en: 'Res. ' },
    noneLoaded: { tr: (pack: string) => `${pack} için yüklü kesin kayıt yok.`, en: (pack: string) => `No registration of ${pack} is loaded.` },
  },
  report: {
    summary: {
      tr: 'Gün ya da ay için il ve program başına randevu, gelen, gelmeyen, kesin kayıt, kural koduna göre ret, aylık destek toplamı; dosyaların Özet satırlarıyla karşılaştırılır.',
      en: 'For a day or a month, per province and programme: appointments, arrivals, no-shows, registrations, refusals by rule code, monthly support; checked against the files’ Özet rows.',
    },
    usage: { tr: 'report --date yyyy-MM-dd | --month yyyy-MM [--out DOSYA.xlsx]', en: 'report --date yyyy-MM-dd | --month yyyy-MM [--out FILE.xlsx]' },
    needsOne: { tr: 'report için --date ya da --month (yalnız biri) gerekli.', en: 'report needs --date or --month (one of them).' },
    badRange: { tr: '--date yyyy-MM-dd, --month yyyy-MM biçiminde gerçek bir tarih olmalı.', en: '--date must be yyyy-MM-dd, --month yyyy-MM, a real date.' },
    checkFailed: { tr: 'DENETİM BAŞARISIZ: satırlar dosyaların Özet satırlarını tutmuyor: ', en: 'CHECK FAILED: the rows do not add up to the files’ Özet rows: ' },
    checked: { tr: (files: number) => `Denetlendi: ${files} dosyanın Özet satırlarının toplamına eşit.`, en: (files: number) => `Checked: equal to the sum of the ${files} files’ Özet rows.` },
    appointments: { tr: 'randevu', en: 'appt' },
    arrived: { tr: 'gelen', en: 'came' },
    noShows: { tr: 'gelmeyen', en: 'no-show' },
    registrations: { tr: 'kayıt', en: 'reg' },
    rejected: { tr: 'ret', en: 'ref' },
    incomplete: { tr: 'eksik', en: 'incomplete' },
    total: { tr: 'Toplam', en: 'Total' },
  },
  // The workbooks HQ writes (duplicates, standings, report) are in Turkish, like the desks' files.
  workbook: {
    group: { tr: 'Grup', en: 'Group' },
    supportFrom: { tr: 'Destek Başlangıcı', en: 'Support from' },
    supportTo: { tr: 'Destek Bitişi', en: 'Support to' },
    standingsSheet: { tr: 'Sıralama', en: 'Standing' },
    list: { tr: 'Liste', en: 'List' },
    position: { tr: 'Sıra', en: 'Position' },
    main: { tr: 'Asil', en: 'Main' },
    reserve: { tr: 'Yedek', en: 'Reserve' },
    reportSheet: { tr: 'Rapor', en: 'Report' },
    appointments: { tr: 'Randevu', en: 'Appointments' },
    ruleCodesSheet: { tr: 'Ret Kodları', en: 'Refusal codes' },
    ruleCode: { tr: 'Kural Kodu', en: 'Rule code' },
    checkSheet: { tr: 'Denetim', en: 'Check' },
    fromRows: { tr: 'Satırlardan', en: 'From the rows' },
    summaryTotal: { tr: 'Özet Toplamı', en: 'Özet total' },
    monthlySupport: { tr: 'Aylık Destek (EUR)', en: 'Monthly support (EUR)' },
  },
  chainFlags: {
    conflict: {
      tr: (first: string) => `Aynı gün için ikinci, farklı bir dosya (ilki ${first}).`,
      en: (first: string) => `A second, different file for the same day (the first is ${first}).`,
    },
    headContentDiffers: {
      tr: (twin: string) => `Zincir başı ${twin} ile aynı ama satırlar farklı.`,
      en: (twin: string) => `The same chain head as ${twin} but different rows.`,
    },
    headReturned: {
      tr: (day: string) => `Zincir başı ${day} gününün başına geri dönmüş (arada başka bir baş vardı): masa defterini geri almış olabilir.`,
      en: (day: string) => `The chain head went back to the head of ${day} (another head came in between): the desk may have rolled back its ledger.`,
    },
  },
} satisfies Catalogue;

