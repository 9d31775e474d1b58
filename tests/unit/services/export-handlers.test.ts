import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportOutcome } from '../../../shared/ipc/contract';
import { exportRequest } from './export-request';
import { useHandlerTable } from './handler-table-fixture';

const t = useHandlerTable({ deps: { dialogs: { chooseFolder: async () => path.join(t.work, 'out') } } });

async function openWithPages(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await t.corpus.put(`p${String(i).padStart(3, '0')}.txt`, `第${i}页𠮷\n`);
  const opened = await t.handlers.openCorpus(t.corpus.root);
  if (!opened.ok) throw new Error(opened.error.message);
  await t.handlers.scanFinished();
  const chosen = await t.handlers.handle('export.chooseFolder', []);
  if (!chosen.ok) throw new Error(chosen.error.message);
}

describe('export handlers', () => {
  it('exports the formats asked for with the scanned page list, sending throttled progress from 0 to the total', async () => {
    await openWithPages(3);
    const result = await t.handlers.handle('export.run', [exportRequest(null, ['text', 'original'])]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ written: 6, pages: 3, cancelled: false, problems: [] });
    expect(await readFile(path.join(t.work, 'out', 'p002.original.txt'), 'utf8')).toBe('第2页𠮷\n');
    const progress = t.events.filter((e) => e.event === 'export.progress').map((e) => e.payload);
    expect(progress[0]).toEqual({ done: 0, total: 3 });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
  });

  it('runs one export at a time: a second run meanwhile fails busy, and export.cancel stops the first', async () => {
    await openWithPages(300);
    const first = t.handlers.handle('export.run', [exportRequest(null)]);
    const second = await t.handlers.handle('export.run', [exportRequest(null)]);
    expect(second.ok ? null : second.error.code).toBe('busy');
    expect(await t.handlers.handle('export.cancel', [])).toEqual({ ok: true, value: true });
    const outcome = await first;
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect((outcome.value as ExportOutcome).cancelled).toBe(true);
    expect((outcome.value as ExportOutcome).pages).toBeLessThan(300);
    const names = await readdir(path.join(t.work, 'out')).catch(() => []);
    expect(names.filter((n) => n.endsWith('.jiaodui-partial'))).toEqual([]);
    // Nothing runs now: cancel says so, and a new export runs to the end.
    expect(await t.handlers.handle('export.cancel', [])).toEqual({ ok: true, value: false });
    const again = await t.handlers.handle('export.run', [exportRequest(null)]);
    expect(again.ok && (again.value as ExportOutcome)).toMatchObject({ cancelled: false, pages: 300 });
  });
});
