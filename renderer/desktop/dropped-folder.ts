/// What a drop carries, as far as finding a dropped folder goes (a DataTransfer, or a stand-in in tests).
export interface DropData {
  types: readonly string[];
  files: ArrayLike<File>;
  getData(format: string): string;
}

/// True when a drag may carry a folder or file from outside the page (and not, say, text dragged in the editor).
export function carriesFiles(data: Pick<DropData, 'types'> | null): boolean {
  return data !== null && (data.types.includes('Files') || data.types.includes('text/uri-list'));
}

/// The absolute path of the folder dropped on the window, or null when the drop names none.
///
/// In Electron the path of the first dropped File comes from the preload (`pathForFile`, webUtils.getPathForFile).
/// A browser never reveals it; there a file manager's drop also carries `text/uri-list` (RFC 2483: one URI per
/// line, `#` lines are comments), whose first `file:` URI is read instead: percent-escapes decoded, a Windows
/// drive path (`file:///C:/…`) without its leading slash, a host (`file://server/share`) kept as a UNC path.
export function droppedFolderPath(data: DropData, pathForFile?: (file: File) => string): string | null {
  const first = data.files[0];
  if (first && pathForFile) {
    const found = pathForFile(first);
    if (found) return found;
  }
  for (const line of data.getData('text/uri-list').split(/\r?\n/)) {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const folder = pathOfFileUrl(text);
    if (folder) return folder;
  }
  return null;
}

function pathOfFileUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'file:') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (/^\/[A-Za-z]:\//.test(decoded)) decoded = decoded.slice(1);
  if (url.host !== '' && url.host !== 'localhost') decoded = `//${url.host}${decoded}`;
  // A folder's URI may end with a slash; the folder's path does not.
  return decoded.length > 1 ? decoded.replace(/\/+$/, '') || '/' : decoded;
}
