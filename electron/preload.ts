// Sandboxed preload: bundled into one CommonJS file (dist/electron/preload.cjs) with only `electron` external.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createEventHub } from '../shared/ipc/event-hub';
import { createApi } from '../shared/ipc/api';
import type { EventChannel, RequestChannel, Transport } from '../shared/ipc/contract';
import { scanSchemeUrl } from '../shared/ipc/scan-url';

// Allow-lists written as records so the compiler reports a channel added to the contract but missing here.
// They are literal keys rather than `Object.keys(requestSchemas)` so that zod is not bundled into the preload.
const REQUEST_CHANNELS: Record<RequestChannel, true> = {
  'app.getState': true,
  'app.setPreferences': true,
  'app.setDirty': true,
  'app.confirmClose': true,
  'corpus.chooseAndOpen': true,
  'corpus.current': true,
  'corpus.rescan': true,
  'corpus.settings': true,
  'corpus.setTextSource': true,
  'corpus.pages': true,
  'corpus.rememberPage': true,
  'corpus.topEntities': true,
  'journal.write': true,
  'journal.read': true,
  'journal.clear': true,
  'log.write': true,
  'page.open': true,
  'page.save': true,
  'page.scanImage': true,
  'export.chooseFolder': true,
  'export.run': true,
  'export.cancel': true,
  'ocr.suggest': true,
  'batch.search': true,
  'batch.replace': true,
  'batch.undo': true,
  'batch.last': true,
  'entities.tagset': true,
  'entities.saveTagset': true,
  'entities.tagWords': true,
  'entities.corpusIndex': true,
  'entities.propagationPreview': true,
  'entities.propagationApply': true,
  'entities.propagationUndo': true,
  'ignore.list': true,
  'ignore.add': true,
  'ignore.remove': true,
  'entities.learnedStatus': true,
  'entities.learnedModel': true,
  'corpus.openPath': true,
  'app.clearRecent': true,
};
const EVENT_CHANNELS: Record<EventChannel, true> = {
  'corpus.scanProgress': true,
  'export.progress': true,
  'batch.progress': true,
  'entities.propagationProgress': true,
  'entities.learnedStatus': true,
  'corpus.pageStatus': true,
  'corpus.filesChanged': true,
  'app.command': true,
  'app.closeRequested': true,
  'app.rendererRecovered': true,
  'dialog.request': true,
  'corpus.openRequested': true,
};

// Listen to every event from the start: events that arrive before the page subscribes wait in the hub.
// The IpcRendererEvent is not passed on: it would give the page access to the sender object.
const hub = createEventHub();
for (const event of Object.keys(EVENT_CHANNELS)) {
  ipcRenderer.on(event, (_event: IpcRendererEvent, payload: unknown) => hub.dispatch(event, payload));
}

const transport: Transport = {
  invoke(channel, args) {
    if (!Object.hasOwn(REQUEST_CHANNELS, channel)) {
      return Promise.resolve({ ok: false, error: { code: 'invalid-argument', message: `Unknown request channel ${String(channel)}.` } });
    }
    // invoke (never sendSync): the renderer does not block while the main process works.
    return ipcRenderer.invoke(channel, args);
  },
  on(event, listener) {
    if (!Object.hasOwn(EVENT_CHANNELS, event)) throw new Error(`Unknown event channel ${String(event)}.`);
    return hub.on(event, listener as (payload: unknown) => void);
  },
};

// Scan images are streamed on the main process's jiaodui-scan: scheme rather than sent as base64 over IPC.
// A folder dropped on the window is named by its path, which only the preload can read from the File (Electron
// removed File.path); the page passes the dropped File itself, so it cannot ask for the path of anything else.
contextBridge.exposeInMainWorld('jiaodui', { ...createApi(transport), scanImageUrl: scanSchemeUrl, pathForFile: (file: File) => webUtils.getPathForFile(file) });
