import { useEffect, useState } from 'react';
import { carriesFiles, droppedFolderPath } from './dropped-folder';

/// Lets a folder dropped anywhere on the window open it: `onFolder` gets its absolute path.
///
/// Listens on the window in the capture phase, so a file dragged over the editor is never inserted into the page
/// text as its path and the page never navigates to the file. Text dragged within the page (no files) is left to
/// the editor. Returns whether files are being dragged over the window now (for the drop hint).
export function useFolderDrop(onFolder: (path: string) => void, pathForFile?: (file: File) => string): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; the count says when the drag has left the window.
    let depth = 0;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth++;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer || !carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      setDragging(false);
      const folder = droppedFolderPath(event.dataTransfer, pathForFile);
      if (folder) onFolder(folder);
    };
    window.addEventListener('dragenter', enter, true);
    window.addEventListener('dragover', over, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragenter', enter, true);
      window.removeEventListener('dragover', over, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('drop', drop, true);
    };
  }, [onFolder, pathForFile]);
  return dragging;
}
