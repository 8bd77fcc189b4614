import { Menu, type MenuItemConstructorOptions } from 'electron';
import { SHELL } from '../texts/shell';

const M = SHELL.menu;

/** A plain Turkish menu; no developer tools in the packaged app. */
export function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: 'Masa', submenu: [{ role: 'quit', label: M.quit.tr }] },
    {
      label: M.edit.tr,
      submenu: [
        { role: 'undo', label: M.undo.tr },
        { role: 'redo', label: M.redo.tr },
        { type: 'separator' },
        { role: 'cut', label: M.cut.tr },
        { role: 'copy', label: M.copy.tr },
        { role: 'paste', label: M.paste.tr },
        { role: 'selectAll', label: M.selectAll.tr },
      ],
    },
    {
      label: M.view.tr,
      submenu: [
        { role: 'resetZoom', label: M.resetZoom.tr },
        { role: 'zoomIn', label: M.zoomIn.tr },
        { role: 'zoomOut', label: M.zoomOut.tr },
        { role: 'togglefullscreen', label: M.fullScreen.tr },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
