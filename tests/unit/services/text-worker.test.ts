import { afterAll, describe, expect, it } from 'vitest';
import { TextWorker } from '../../../electron/services/text-worker/text-worker';

const worker = new TextWorker();
afterAll(() => worker.close());

describe('the text worker thread', () => {
  it('makes OCR suggestions and word tags in code points, as the main process did', async () => {
    const suggested = await worker.run({ kind: 'ocr-suggest', root: null, request: { text: '𠮷党 员 年 龄' } });
    expect(suggested.ok).toBe(true);
    const spacing = suggested.ok ? suggested.value.find((s) => s.rule === 'cjk-spacing') : undefined;
    expect(spacing).toMatchObject({ start: 2, end: 3, replacement: '' });
    const tagged = await worker.run({ kind: 'tag-words', text: '𠮷北京市' });
    expect(tagged.ok && tagged.value.at(-1)).toMatchObject({ word: '北京市', start: 1, end: 4, tag: 'ns' });
  });

  it('fails the jobs waiting on a thread that stops, and starts a new thread for the next job', async () => {
    const waiting = worker.run({ kind: 'tag-words', text: '北京市朔城区'.repeat(2000) });
    await worker.close();
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'internal', message: 'The text worker stopped; try again.' } });
    const again = await worker.run({ kind: 'tag-words', text: '朔城区' });
    expect(again.ok).toBe(true);
  });

  it('does the jobs in the calling thread when the thread cannot load, as before the worker existed', async () => {
    const broken = new TextWorker(() => ({ script: "throw new Error('cannot load the worker script')", eval: true }));
    const tagged = await broken.run({ kind: 'tag-words', text: '朔城区' });
    expect(tagged.ok && tagged.value.map((w) => w.word).join('')).toBe('朔城区');
    const again = await broken.run({ kind: 'ocr-suggest', root: null, request: { text: '党 员 年 龄' } });
    expect(again.ok && again.value.some((s) => s.rule === 'cjk-spacing')).toBe(true);
    await broken.close();
  });
});
