import { useEffect, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { ScanImage } from '../../shared/ipc/contract';
import { decodeTiff, tiffToPngBlob } from './tiff';

/// The scan image as the viewer needs it: loading, a blob: URL, or an error message.
export type ScanImageState = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'error'; message: string };

/// Loads a scan image and gives a URL the viewer can show once it is decoded.
///
/// Where the shell streams images (`api.scanImageUrl`, the harness), the browser fetches and decodes the file
/// itself, off the main thread (`HTMLImageElement.decode`), and the state turns ready when it is decoded. Else the
/// main process sends base64 over IPC, made into a blob: URL (revoked when the image changes or unmounts). A TIFF
/// is decoded here and shown as a PNG.
export function useScanImage(api: Pick<JiaoduiApi, 'scanImage' | 'scanImageUrl'>, image: string | null): ScanImageState {
  const [state, setState] = useState<ScanImageState>(image === null ? { kind: 'none' } : { kind: 'loading' });
  useEffect(() => {
    if (image === null) {
      setState({ kind: 'none' });
      return;
    }
    let cancelled = false;
    let url: string | null = null;
    setState({ kind: 'loading' });
    const streamed = api.scanImageUrl?.(image);
    if (streamed !== undefined) {
      void loadStreamed(streamed, image).then((loaded) => {
        if (cancelled) {
          if (loaded.kind === 'ready' && loaded.url.startsWith('blob:')) URL.revokeObjectURL(loaded.url);
          return;
        }
        if (loaded.kind === 'ready' && loaded.url.startsWith('blob:')) url = loaded.url;
        setState(loaded);
      });
      return () => {
        cancelled = true;
        if (url !== null) URL.revokeObjectURL(url);
      };
    }
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

// A streamed image, decoded by the browser; a TIFF is fetched and turned into a PNG blob first.
async function loadStreamed(url: string, image: string): Promise<ScanImageState> {
  if (/\.tiff?$/i.test(image)) {
    const response = await fetch(url);
    if (!response.ok) return { kind: 'error', message: await errorMessageOf(response) };
    const blob = await blobOf({ mime: 'image/tiff', bytes: new Uint8Array(await response.arrayBuffer()) });
    return typeof blob === 'string' ? { kind: 'error', message: blob } : { kind: 'ready', url: URL.createObjectURL(blob) };
  }
  const element = new Image();
  element.src = url;
  try {
    await element.decode();
    return { kind: 'ready', url };
  } catch {
    // The bridge answers a refused or missing image with a Result in JSON; fetch it again to say why.
    const response = await fetch(url);
    return { kind: 'error', message: response.ok ? `The scan image "${image}" cannot be decoded.` : await errorMessageOf(response) };
  }
}

async function errorMessageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

// The image as a blob the browser can show, or why it cannot be shown.
async function blobOf(image: ScanImage | { mime: 'image/tiff'; bytes: Uint8Array<ArrayBuffer> }): Promise<Blob | string> {
  const bytes = 'bytes' in image ? image.bytes : base64ToBytes(image.base64);
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
