import { BrowserWindow } from 'electron';
import { PAPER, type Layout } from '../shared/print/html.js';
import type { PrintBackend } from './print/backend.js';

const MICRONS_PER_MM = 1000;

/** A hidden, sandboxed window with scripts off: documents are static HTML. */
async function withDocument<T>(html: string, work: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, devTools: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return await work(win);
  } finally {
    win.destroy();
  }
}

async function pageSize(win: BrowserWindow, layout: Layout) {
  const paper = PAPER[layout];
  if (paper.heightMm) return { width: paper.widthMm * MICRONS_PER_MM, height: paper.heightMm * MICRONS_PER_MM };
  // A receipt roll is as long as its content; measure it (CSS px at 96 dpi → mm) and add the cut margin.
  const px = (await win.webContents.executeJavaScript('document.documentElement.scrollHeight', true).catch(() => 1000)) as number;
  return { width: paper.widthMm * MICRONS_PER_MM, height: Math.ceil((px * 25.4) / 96 + 8) * MICRONS_PER_MM };
}

/** Electron printing: silent to the configured printer, or to PDF, through a hidden window. */
export function electronPrintBackend(): PrintBackend {
  return {
    mode: 'electron',
    print: (html, opts) =>
      withDocument(html, async (win) => {
        const size = await pageSize(win, opts.layout);
        await new Promise<void>((resolve, reject) =>
          win.webContents.print(
            {
              silent: true,
              deviceName: opts.deviceName || undefined,
              pageSize: size,
              margins: { marginType: 'none' },
              printBackground: true,
            },
            (ok, reason) => (ok ? resolve() : reject(new Error(reason))),
          ),
        );
      }),
    pdf: (html, layout) =>
      withDocument(html, async (win) => {
        const size = await pageSize(win, layout);
        return win.webContents.printToPDF({
          pageSize: { width: size.width / 25400, height: size.height / 25400 },
          printBackground: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        });
      }),
    close: async () => undefined,
  };
}
