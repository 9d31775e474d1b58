import { useEffect, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { ScanImage } from '../../shared/ipc/contract';
import { decodeTiff, tiffToPngBlob } from './tiff';

/// The scan image as the viewer needs it: loading, a blob: URL, or an error message.
export type ScanImageState = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'error'; message: string };

/// Loads a scan image through the API and turns it into a blob: URL, revoked when the image changes or unmounts.
///
/// The main process sends base64 (IPC and the harness carry JSON); a blob: URL lets the browser decode it off the
/// main thread and is allowed by the content security policy. A TIFF is decoded here and shown as a PNG.
export function useScanImage(api: Pick<JiaoduiApi, 'scanImage'>, image: string | null): ScanImageState {
  const [state, setState] = useState<ScanImageState>(image === null ? { kind: 'none' } : { kind: 'loading' });
  useEffect(() => {
    if (image === null) {
      setState({ kind: 'none' });
      return;
    }
    let cancelled = false;
    let url: string | null = null;
    setState({ kind: 'loading' });
    void api.scanImage(image).then(async (result) => {
      if (cancelled) return;
      if (!result.ok) {
        setState({ kind: 'error', message: result.error.message });
        return;
      }
      const blob = await blobOf(result.value);
      if (cancelled) return;
      if (typeof blob === 'string') {
        setState({ kind: 'error', message: blob });
        return;
      }
      url = URL.createObjectURL(blob);
      setState({ kind: 'ready', url });
    });
    return () => {
      cancelled = true;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [api, image]);
  return state;
}

// The image as a blob the browser can show, or why it cannot be shown.
async function blobOf(image: ScanImage): Promise<Blob | string> {
  const bytes = base64ToBytes(image.base64);
  if (image.mime !== 'image/tiff') return new Blob([bytes], { type: image.mime });
  const tiff = decodeTiff(bytes);
  if (!tiff.ok) return tiff.error.message;
  try {
    return await tiffToPngBlob(tiff.value);
  } catch (error) {
    return (error as Error).message;
  }
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
