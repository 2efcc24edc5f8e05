/**
 * The part of Electron's MenuEntry used here (electron/security/ does not import
 * `electron`, so a unit test can read the template); main.ts passes it to Menu.buildFromTemplate,
 * where tsc checks it against Electron's own type.
 */
export interface MenuEntry {
  role?:
    | 'fileMenu'
    | 'editMenu'
    | 'viewMenu'
    | 'windowMenu'
    | 'quit'
    | 'undo'
    | 'redo'
    | 'cut'
    | 'copy'
    | 'paste'
    | 'selectAll'
    | 'reload'
    | 'forceReload'
    | 'toggleDevTools'
    | 'resetZoom'
    | 'zoomIn'
    | 'zoomOut'
    | 'togglefullscreen'
    | 'minimize'
    | 'close';
  type?: 'separator';
  submenu?: MenuEntry[];
}

const EDIT: MenuEntry = {
  role: 'editMenu',
  submenu: [
    { role: 'undo' },
    { role: 'redo' },
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
  ],
};

/** Zoom stays for the lobby's screens; reload and DevTools only on a developer's unpackaged run. */
function view(isPackaged: boolean): MenuEntry {
  const develop: MenuEntry[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return {
    role: 'viewMenu',
    submenu: [
      ...develop,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

/**
 * The application menu. Every menu role is given its own submenu: Electron's default View submenu
 * (and the default menu) carries Toggle Developer Tools, and a console on the lobby PC can loop
 * `window.desk.call` at machine speed.
 */
export function menuTemplate(isPackaged: boolean): MenuEntry[] {
  return [
    { role: 'fileMenu', submenu: [{ role: 'quit' }] },
    EDIT,
    view(isPackaged),
    { role: 'windowMenu', submenu: [{ role: 'minimize' }, { role: 'close' }] },
  ];
}
