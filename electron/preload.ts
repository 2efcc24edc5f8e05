import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi } from '../shared/api/client.js';
import type { DeskNotice } from '../shared/api/contract.js';

/** The renderer's only door to the desk: `window.desk.call` and `window.desk.subscribe`, never ipcRenderer. */
const desk: DeskApi = {
  mode: 'electron',
  call: (name, input) => ipcRenderer.invoke('desk:call', name, input ?? {}),
  subscribe(listener) {
    const handler = (_e: IpcRendererEvent, notice: DeskNotice) => listener(notice);
    ipcRenderer.on('desk:notice', handler);
    return () => ipcRenderer.removeListener('desk:notice', handler);
  },
};

contextBridge.exposeInMainWorld('desk', desk);
