/**
 * The desktop shell's texts (main/electron: menu, dialogs, IPC and printer refusals) and the
 * browser bridge's own refusal. The menu is Turkish, as the desk's Windows is; the English
 * twins are kept for when it follows the UI language.
 */
import type { Catalogue } from './index';

export const SHELL = {
  menu: {
    quit: { tr: 'Çıkış', en: 'Quit' },
    edit: { tr: 'Düzen', en: 'Edit' },
    undo: { tr: 'Geri al', en: 'Undo' },
    redo: { tr: 'Yinele', en: 'Redo' },
    cut: { tr: 'Kes', en: 'Cut' },
    copy: { tr: 'Kopyala', en: 'Copy' },
    paste: { tr: 'Yapıştır', en: 'Paste' },
    selectAll: { tr: 'Tümünü seç', en: 'Select all' },
    view: { tr: 'Görünüm', en: 'View' },
    resetZoom: { tr: 'Gerçek boyut', en: 'Actual size' },
    zoomIn: { tr: 'Yakınlaştır', en: 'Zoom in' },
    zoomOut: { tr: 'Uzaklaştır', en: 'Zoom out' },
    fullScreen: { tr: 'Tam ekran', en: 'Full screen' },
  },
  alreadyRunning: { tr: 'Masa zaten açık. Aynı defter üzerinde ikinci bir pencere açılamaz.', en: 'Masa is already running.' },
  unauthorisedCall: { tr: 'Yetkisiz çağrı.', en: 'Unauthorised call.' },
  printerRefused: {
    tr: (reason: string) => `Belge varsayılan yazıcıya gönderilemedi (${reason}). Yazıcıyı denetleyin ya da "PDF olarak kaydet" ile kaydedin.`,
    en: (reason: string) => `The document could not be sent to the default printer (${reason}). Check the printer, or use "Save as PDF".`,
  },
  bridgeDown: { tr: 'Uygulama sunucusuna ulaşılamıyor.', en: 'The application server cannot be reached.' },
  // The development launchers (scripts/start-*.ts) print each line in both languages at once.
  launcher: {
    folderInUse: { tr: (dir: string) => `Bu veri klasörünü başka bir Masa kullanıyor: ${dir}`, en: () => 'Another Masa uses this data folder.' },
    folderUnusable: { tr: (dir: string) => `Veri klasörü kullanılamıyor: ${dir}`, en: () => 'The data folder cannot be used.' },
    ready: { tr: 'Masa (tarayıcı köprüsü) hazır', en: 'ready' },
    dataFolder: { tr: 'Veri klasörü', en: 'data folder' },
    stop: { tr: 'Durdurmak için Ctrl+C', en: 'Ctrl+C to stop' },
    openAddress: { tr: 'Bu adresi bir tarayıcıda açın', en: 'open this address in a browser.' },
    noElectron: {
      tr: (reason: string) => `Electron bu makinede çalıştırılamıyor (${reason}); aynı uygulamayı tarayıcıda açmak için: npm run start:browser  `,
      en: () => 'Electron cannot run here; use: npm run start:browser',
    },
  },
} satisfies Catalogue;
