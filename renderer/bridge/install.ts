import { HARNESS_PATHS, TOKEN_PARAM } from '../../shared/ipc/harness-protocol';
import { createApi, type JiaoduiApi } from '../../shared/ipc/api';
import { createHarnessTransport, type HarnessExtras } from './harness-transport';
import { takeHarnessToken } from './harness-token';

export type { HarnessExtras } from './harness-transport';

type WindowWithApi = Window & { jiaodui?: JiaoduiApi };

let installed: { api: JiaoduiApi; harness: HarnessExtras | null } | null = null;

/// Gives the renderer its API in either shell and sets `window.jiaodui`.
///
/// In Electron the preload has already exposed `window.jiaodui`: it is returned and `harness` is null. In a
/// browser the harness transport is created from the page's token and `harness` carries the dialog and
/// folder-listing extras. Calling it again returns the same objects.
export function installApi(win: Window = window): { api: JiaoduiApi; harness: HarnessExtras | null } {
  if (installed) return installed;
  const target = win as WindowWithApi;
  if (target.jiaodui) {
    installed = { api: target.jiaodui, harness: null };
    return installed;
  }
  // Without a token every request is refused by the harness with a message saying to open the printed address.
  const token = takeHarnessToken(win) ?? '';
  const transport = createHarnessTransport({ token });
  const api: JiaoduiApi = {
    ...createApi(transport),
    // Scan images are streamed by the bridge and decoded by the browser, not sent as base64 inside JSON.
    scanImageUrl: (path, previewWidth) =>
      `${HARNESS_PATHS.scanImage}?path=${encodeURIComponent(path)}${previewWidth === undefined ? '' : `&width=${previewWidth}`}&${TOKEN_PARAM}=${encodeURIComponent(token)}`,
  };
  target.jiaodui = api;
  installed = { api, harness: { answerDialog: transport.answerDialog, listFolders: transport.listFolders } };
  return installed;
}
