import { useEffect, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';

/// The scan image as the viewer needs it: loading, a blob: URL, or an error message.
export type ScanImageState = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'error'; message: string };

/// Loads a scan image through the API and turns it into a blob: URL, revoked when the image changes or unmounts.
///
/// The main process sends base64 (IPC and the harness carry JSON); a blob: URL lets the browser decode it off the
/// main thread and is allowed by the content security policy.
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
    void api.scanImage(image).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setState({ kind: 'error', message: result.error.message });
        return;
      }
      url = URL.createObjectURL(new Blob([base64ToBytes(result.value.base64)], { type: result.value.mime }));
      setState({ kind: 'ready', url });
    });
    return () => {
      cancelled = true;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [api, image]);
  return state;
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
