import { useCallback, useEffect, useRef, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { ExportOutcome, ExportRequest } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';

/// Where an export run stands: not started, running (or told to stop), or finished with an outcome or an error.
export type ExportPhase = 'idle' | 'running' | 'cancelling' | 'finished';

/// One export run of the dialog: start it, follow its progress, cancel it, read its outcome.
export interface ExportRun {
  phase: ExportPhase;
  /// Pages done and in all, from the `export.progress` events of this run (null before the first).
  progress: { done: number; total: number } | null;
  outcome: ExportOutcome | null;
  error: Pick<AppError, 'code' | 'message'> | null;
  start(request: ExportRequest): Promise<void>;
  /// Asks the main process to stop the run after the page it is on; the outcome then says `cancelled`.
  cancel(): Promise<void>;
}

/// Runs exports through export.run / export.cancel and listens to export.progress while the dialog is open.
export function useExportRun(api: JiaoduiApi): ExportRun {
  const [phase, setPhase] = useState<ExportPhase>('idle');
  const [progress, setProgress] = useState<ExportRun['progress']>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<ExportRun['error']>(null);
  // Progress counts only while a run of this dialog is under way (a late event of a finished run is ignored).
  const running = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    const off = api.on('export.progress', (p) => {
      if (running.current) setProgress(p);
    });
    return () => {
      mounted.current = false;
      off();
    };
  }, [api]);

  const start = useCallback(
    async (request: ExportRequest) => {
      if (running.current) return;
      running.current = true;
      setPhase('running');
      setProgress(null);
      setOutcome(null);
      setError(null);
      const result = await api.exportCorpus(request);
      running.current = false;
      if (!mounted.current) return;
      if (result.ok) setOutcome(result.value);
      else setError(result.error);
      setPhase('finished');
    },
    [api],
  );

  const cancel = useCallback(async () => {
    if (!running.current) return;
    setPhase('cancelling');
    const result = await api.cancelExport();
    // Nothing was running any more (the run ended meanwhile): its own answer sets the phase.
    if (!result.ok && mounted.current && running.current) setPhase('running');
  }, [api]);

  return { phase, progress, outcome, error, start, cancel };
}
