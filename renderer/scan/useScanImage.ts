import { useEffect, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { ScanImage } from '../../shared/ipc/contract';
import { previewWidthFor } from '../../shared/ipc/scan-url';
import { usesDeepZoom } from '../../shared/scan/deep-zoom';
import { loadTileInfo, type TileInfo } from './deep-zoom-info';
import { useErrorWords } from '../i18n/LanguageContext';

/// The scan image as the viewer needs it: loading, a URL (`full` false while it is still the downscaled preview),
/// or an error message.
export type ScanImageState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; url: string; full: boolean }
  /// A large scan shown through the deep-zoom viewer: its address (tiles and crops are asked for on it) and pyramid.
  | { kind: 'tiles'; url: string; info: TileInfo }
  | { kind: 'error'; message: string };

/// Loads a scan image and gives a URL the viewer can show once it is decoded.
///
/// Where the shell streams images (`api.scanImageUrl`: the harness and Electron), the browser fetches and decodes
/// the file itself, off the main thread (`HTMLImageElement.decode`), and the state turns ready when it is decoded.
/// A scan at least twice as wide as the viewer is shown first as its downscaled copy (`previewWidthFor`; a
/// 6,000 × 9,000 px scan takes one to three seconds to fetch and decode, its copy a fraction of that), then as the
/// full image once that is decoded; the viewer and the line strip size the image in scan pixels, so the swap moves
/// nothing. When the shell cannot make the copy, the full image is shown when it is ready. Else the main process
/// sends base64 over IPC, made into a blob: URL (revoked when the image changes or unmounts). A TIFF comes as a
/// PNG the main process converted (sharp); where it could not, it is decoded here (utif2) and shown as a PNG.
/// A scan of `DEEP_ZOOM_FROM_PIXELS` or more (by its layout's size) is never decoded whole here: where the shell
/// streams images, the state is 'tiles' once the pyramid's description has come (see DeepZoomViewer).
export function useScanImage(api: Pick<JiaoduiApi, 'scanImage' | 'scanImageUrl'>, image: string | null, imageWidth: number, imageHeight = 0): ScanImageState {
  const errorWords = useErrorWords();
  const [state, setState] = useState<ScanImageState>(image === null ? { kind: 'none' } : { kind: 'loading' });
  useEffect(() => {
    if (image === null) {
      setState({ kind: 'none' });
      return;
    }
    let cancelled = false;
    const blobUrls: string[] = [];
    const keep = (loaded: ScanImageState) => {
      if (loaded.kind === 'ready' && loaded.url.startsWith('blob:')) blobUrls.push(loaded.url);
      return !cancelled;
    };
    setState({ kind: 'loading' });
    const full = api.scanImageUrl?.(image);
    if (api.scanImageUrl !== undefined && full !== undefined) {
      const scanImageUrl = api.scanImageUrl;
      const stream = async () => {
        const previewWidth = previewWidthFor(imageWidth, displayWidthGuess());
        const preview = previewWidth === null ? null : scanImageUrl(image, previewWidth);
        let previewShown = false;
        if (preview !== null) {
          const loaded = await loadStreamed(preview, 'preview.jpg');
          if (!keep(loaded)) return;
          if (loaded.kind === 'ready') {
            previewShown = true;
            setState({ ...loaded, full: false });
          }
        }
        const loaded = await loadStreamed(full, image);
        if (!keep(loaded)) return;
        // A full image that fails after its preview was shown leaves the preview: the page can still be read.
        if (loaded.kind === 'ready' || !previewShown) setState(loaded);
      };
      if (usesDeepZoom(imageWidth, imageHeight)) {
        void loadTileInfo(full).then((info) => {
          if (cancelled) return;
          // Where the shell cannot make tiles (no image library) the scan is shown whole, as before.
          if (typeof info === 'string') void stream();
          else setState({ kind: 'tiles', url: full, info });
        });
      } else {
        void stream();
      }
      return () => {
        cancelled = true;
        for (const url of blobUrls) URL.revokeObjectURL(url);
      };
    }
    void api.scanImage(image).then(async (result) => {
      if (cancelled) return;
      if (!result.ok) {
        setState({ kind: 'error', message: errorWords(result.error) });
        return;
      }
      const blob = await blobOf(result.value);
      if (cancelled) return;
      if (typeof blob === 'string') {
        setState({ kind: 'error', message: blob });
        return;
      }
      const url = URL.createObjectURL(blob);
      blobUrls.push(url);
      setState({ kind: 'ready', url, full: true });
    });
    return () => {
      cancelled = true;
      for (const url of blobUrls) URL.revokeObjectURL(url);
    };
  }, [api, image, imageWidth, imageHeight, errorWords]);
  return state;
}

// The viewer's width in device pixels at fit width, guessed before it is laid out: half the window beside the text.
function displayWidthGuess(): number {
  return Math.round((window.innerWidth / 2) * (window.devicePixelRatio || 1));
}

// A streamed image, decoded by the browser; a TIFF is fetched and turned into a PNG blob first.
async function loadStreamed(url: string, image: string): Promise<ScanImageState> {
  if (/\.tiff?$/i.test(image)) {
    const response = await fetch(url);
    if (!response.ok) return { kind: 'error', message: await errorMessageOf(response) };
    // The shell sends a TIFF as a PNG where it can convert it; the browser then decodes it off the main thread.
    if (response.headers.get('Content-Type') === 'image/png') {
      const png = URL.createObjectURL(await response.blob());
      const element = new Image();
      element.src = png;
      try {
        await element.decode();
        return { kind: 'ready', url: png, full: true };
      } catch {
        URL.revokeObjectURL(png);
        return { kind: 'error', message: `The scan image "${image}" cannot be decoded.` };
      }
    }
    const blob = await blobOf({ mime: 'image/tiff', bytes: new Uint8Array(await response.arrayBuffer()) });
    return typeof blob === 'string' ? { kind: 'error', message: blob } : { kind: 'ready', url: URL.createObjectURL(blob), full: true };
  }
  const element = new Image();
  element.src = url;
  try {
    await element.decode();
    return { kind: 'ready', url, full: true };
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
  // The TIFF decoder (utif2 and pako) loads only when a TIFF has to be decoded here, which the shells avoid by
  // converting TIFFs to PNG: it stays out of the bundle every start parses.
  const { decodeTiff, tiffToPngBlob } = await import('./tiff');
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
