/// Hands a file to the browser's (or Electron's) download: the user chooses where it goes, never the corpus.
/// `data` is a data: URL (a chart's PNG) or text (a CSV).
export function downloadFile(name: string, data: string, type = 'text/csv;charset=utf-8'): void {
  const isDataUrl = data.startsWith('data:');
  const url = isDataUrl ? data : URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  if (!isDataUrl) window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/// A file name from a chart's id and the corpus name: `<corpus>-<chart>.<ext>`, without characters file systems refuse.
export function exportName(corpus: string, chart: string, ext: 'png' | 'csv'): string {
  const name = [...`${corpus}-${chart}`].map((char) => (char.codePointAt(0)! < 0x20 || '\\/:*?"<>|'.includes(char) ? '_' : char)).join('');
  return `${name}.${ext}`;
}
