// The HTTP protocol between the harness server and the renderer's harness transport. Environment-free.

/// Header carrying the session token on every API request except the event stream.
export const TOKEN_HEADER = 'X-Jiaodui-Token';

/// Query parameter carrying the token in the harness URL and on the event stream (EventSource cannot set headers).
export const TOKEN_PARAM = 'token';

/// URL paths of the harness API.
export const HARNESS_PATHS = {
  /// POST `${invoke}<channel>` with a JSON array of arguments; answers a Result.
  invoke: '/api/invoke/',
  /// GET with `?token=`: Server-Sent Events, one `message` per emitted event.
  events: '/api/events',
  /// POST `${dialog}<id>` with a DialogAnswer: answers a 'dialog.request' event.
  dialog: '/api/dialog/',
  /// GET `?path=`: lists the sub-folders of a folder for the in-app folder picker.
  folders: '/api/folders',
  /// GET `?path=<relative image path>&token=`: a scan image of the open corpus, streamed (an <img> cannot send
  /// headers, so the token rides in the query like the event stream's).
  scanImage: '/api/scan-image',
} as const;

/// One event on the event stream: the data of each SSE `message`.
export interface HarnessEventMessage {
  event: string;
  payload: unknown;
}

/// The body of POST /api/dialog/<id>: the folder chosen, or null when the user cancelled.
export interface DialogAnswer {
  folder: string | null;
}

/// One sub-folder in a folder listing.
export interface FolderEntry {
  name: string;
  /// Absolute path.
  path: string;
}

/// What GET /api/folders answers (inside a Result): a folder, its parent and its sub-folders.
export interface FolderListing {
  /// Absolute path of the listed folder.
  path: string;
  /// Absolute path of its parent, or null at a file-system root.
  parent: string | null;
  /// Sub-folders sorted by name; hidden ones (leading dot) left out.
  folders: FolderEntry[];
}
