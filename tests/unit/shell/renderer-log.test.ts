import { describe, expect, it } from 'vitest';
import type { ErrorLogEntry } from '../../../electron/services/app/error-log';
import { createRendererLog, RENDERER_LOG_LIMITS, scrubLogMessage } from '../../../electron/services/app/renderer-log';

describe('scrubLogMessage', () => {
  it('drops quoted spans and every non-ASCII run, so page text does not reach the log', () => {
    expect(scrubLogMessage('Cannot read "𠮷野家" of \'line 3\'')).toBe('Cannot read "…" of "…"');
    expect(scrubLogMessage('TypeError at 𠮷野家 秘密\nnext line')).toBe('TypeError at … … next line');
    expect(scrubLogMessage('“中文”「引」『号』`x`')).toBe('"…""…""…""…"');
  });

  it('cuts long messages', () => {
    const scrubbed = scrubLogMessage('a'.repeat(5000));
    expect(scrubbed).toHaveLength(RENDERER_LOG_LIMITS.messageChars);
    expect(scrubbed.endsWith('…')).toBe(true);
  });
});

describe('createRendererLog', () => {
  it('keeps at most the limit per window, then logs how many were dropped', () => {
    const written: ErrorLogEntry[] = [];
    let time = 1_000;
    const log = createRendererLog({ write: (entry) => (written.push(entry), 'id') }, () => time);
    const results = Array.from({ length: RENDERER_LOG_LIMITS.entries + 5 }, () => log.write({ level: 'warn', code: 'x.y', message: 'm' }));
    expect(results.filter(Boolean)).toHaveLength(RENDERER_LOG_LIMITS.entries);
    expect(written).toHaveLength(RENDERER_LOG_LIMITS.entries);
    expect(written[0]).toEqual({ channel: 'renderer', level: 'warn', kind: 'x.y', message: 'm' });
    time += RENDERER_LOG_LIMITS.windowMs;
    expect(log.write({ level: 'info', code: 'x.z', message: 'n' })).toBe(true);
    expect(written.at(-2)).toMatchObject({ kind: 'log.dropped', message: '5 renderer log entries over the limit were dropped.' });
    expect(written.at(-1)).toMatchObject({ kind: 'x.z' });
  });
});
