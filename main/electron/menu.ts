import { Menu, type MenuItemConstructorOptions } from 'electron';

/** A plain Turkish menu; no developer tools in the packaged app. */
export function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: 'Masa', submenu: [{ role: 'quit', label: 'Çıkış' }] },
    {
      label: 'Düzen',
      submenu: [
        { role: 'undo', label: 'Geri al' },
        { role: 'redo', label: 'Yinele' },
        { type: 'separator' },
        { role: 'cut', label: 'Kes' },
        { role: 'copy', label: 'Kopyala' },
        { role: 'paste', label: 'Yapıştır' },
        { role: 'selectAll', label: 'Tümünü seç' },
      ],
    },
    {
      label: 'Görünüm',
      submenu: [
        { role: 'resetZoom', label: 'Gerçek boyut' },
        { role: 'zoomIn', label: 'Yakınlaştır' },
        { role: 'zoomOut', label: 'Uzaklaştır' },
        { role: 'togglefullscreen', label: 'Tam ekran' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
