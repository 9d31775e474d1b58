import { describe, expect, it } from 'vitest';
import { carriesFiles, droppedFolderPath, type DropData } from '../../../renderer/desktop/dropped-folder';

function drop(uriList: string, files: File[] = [], types = ['Files', 'text/uri-list']): DropData {
  return { types, files, getData: (format) => (format === 'text/uri-list' ? uriList : '') };
}
const file = new File([], '报纸');

describe('the folder dropped on the window', () => {
  it('takes the path the preload reads from the dropped File (Electron)', () => {
    expect(droppedFolderPath(drop('', [file]), () => '/data/报纸')).toBe('/data/报纸');
  });

  it('falls back to the first file: URI of text/uri-list, skipping comments (a browser, or a File without a path)', () => {
    const list = '# dragged from Files\r\nhttps://example.org/x\r\nfile:///home/%E7%BC%96%E8%BE%91/%F0%A0%AE%B7%20scans/\r\nfile:///tmp/other';
    expect(droppedFolderPath(drop(list, [file]), () => '')).toBe('/home/编辑/𠮷 scans');
    expect(droppedFolderPath(drop(list))).toBe('/home/编辑/𠮷 scans');
  });

  it('reads Windows drive and UNC file URIs as Windows paths', () => {
    expect(droppedFolderPath(drop('file:///C:/Scans/1950'))).toBe('C:/Scans/1950');
    expect(droppedFolderPath(drop('file://server/share/报纸'))).toBe('//server/share/报纸');
    expect(droppedFolderPath(drop('file:///'))).toBe('/');
  });

  it('names no folder for a drop without a file URI, or with a malformed one', () => {
    expect(droppedFolderPath(drop('https://example.org/a\n'))).toBeNull();
    expect(droppedFolderPath(drop('file:///bad%E0%A4%A'))).toBeNull();
    expect(droppedFolderPath(drop('file:///a%00b'))).toBeNull();
    expect(droppedFolderPath(drop(''))).toBeNull();
  });

  it('is interested only in drags that carry files, not text dragged within the page', () => {
    expect(carriesFiles({ types: ['Files'] })).toBe(true);
    expect(carriesFiles({ types: ['text/uri-list'] })).toBe(true);
    expect(carriesFiles({ types: ['text/plain', 'text/html'] })).toBe(false);
    expect(carriesFiles(null)).toBe(false);
  });
});
