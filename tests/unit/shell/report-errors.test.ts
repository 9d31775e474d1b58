import { describe, expect, it } from 'vitest';
import { reportUncaughtErrors } from '../../../renderer/bridge/report-errors';
import type { LogEntry } from '../../../shared/ipc/contract';

describe('reportUncaughtErrors', () => {
  it('sends the name and message of uncaught errors and rejections as coded log entries, until stopped', async () => {
    const listeners = new Map<string, (event: unknown) => void>();
    const target = {
      addEventListener: (name: string, fn: (event: unknown) => void) => listeners.set(name, fn),
      removeEventListener: (name: string) => listeners.delete(name),
    } as unknown as Window;
    const sent: LogEntry[] = [];
    const stop = reportUncaughtErrors({ log: async (entry) => (sent.push(entry), { ok: true, value: null }) }, target);
    listeners.get('error')?.({ error: new TypeError('x is undefined'), message: 'ignored' });
    listeners.get('unhandledrejection')?.({ reason: 'a string reason with 𠮷 page text' });
    expect(sent).toEqual([
      { level: 'error', code: 'renderer.uncaught', message: 'TypeError: x is undefined' },
      // A reason that is not an Error is named by its type only: it may be anything, page text too.
      { level: 'error', code: 'renderer.unhandled-rejection', message: 'string' },
    ]);
    stop();
    expect(listeners.size).toBe(0);
  });
});
