// The only bridge between the page and the main process: invoke a contract
// method, or subscribe to pushed events. Nothing else of Node or Electron is
// exposed. The method name and input are checked against the contract in the
// main process (electron/main/ipc.ts), which is the side that can be trusted;
// keeping this file import-free lets it run in the sandbox without bundling zod.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HallBridge, HallEvent } from '@shared/api/events';
import type { SetupBridge } from '@shared/api/schemas/connection';

const bridge: HallBridge = {
  invoke: (method, input, idempotencyKey) => ipcRenderer.invoke('hall:invoke', method, input, idempotencyKey),
  subscribe(listener) {
    const handler = (_e: IpcRendererEvent, event: HallEvent) => listener(event);
    ipcRenderer.on('hall:event', handler);
    return () => ipcRenderer.removeListener('hall:event', handler);
  },
};

contextBridge.exposeInMainWorld('hall', bridge);

// The connection screen (选择数据位置): answered by electron/main/connection.ts, also before any database is open.
const setup: SetupBridge = {
  state: () => ipcRenderer.invoke('hall:setup', 'state', null),
  test: (input) => ipcRenderer.invoke('hall:setup', 'test', input),
  save: (input) => ipcRenderer.invoke('hall:setup', 'save', input),
  connect: (input) => ipcRenderer.invoke('hall:setup', 'connect', input),
};

contextBridge.exposeInMainWorld('hallSetup', setup);
