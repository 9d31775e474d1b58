import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/commands/suggest';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(() => corpus.remove());

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }, out, err };
}

const ORIGINAL = '𠮷市妇联共有 10 党员\n干部下沉社区,马騫在岗。\n';

describe('suggest --corpus: the app’s suggestions for the page as it opens it', () => {
  it('suggests on the corrected text and leaves out what the editor rejected there; --no-corpus reads the file', async () => {
    const abs = await corpus.put('p.txt', ORIGINAL);
    const page = await openPage(corpus.root, 'p.txt');
    if (!page.ok) throw new Error(page.error.message);
    // The editor inserted 今天 at the start (offsets shift by two) and rejected the traditional-character fix.
    const text = `今天${page.value.text}`;
    const saved = await savePage(
      corpus.root,
      {
        path: 'p.txt',
        text,
        status: 'in-progress',
        entities: [],
        rejectedCorrections: [{ start: 23, end: 24, text: '騫', replacement: '骞', rule: 'traditional' }],
        sourceSha256: page.value.sha256,
        expectedSidecarHash: page.value.sidecarHash,
      },
      '0.1.0',
    );
    if (!saved.ok) throw new Error(saved.error.message);

    const asApp = collect();
    expect(await run([abs, '--json', '--corpus', corpus.root], asApp.io)).toBe(0);
    expect(asApp.err.join('')).toBe('');
    const listed = JSON.parse(asApp.out.join('')) as { start: number; rule: string }[];
    expect(listed.find((s) => s.rule === 'cjk-spacing')).toMatchObject({ start: 8 });
    expect(listed.some((s) => s.rule === 'traditional')).toBe(false);

    const asFile = collect();
    expect(await run([abs, '--json', '--no-corpus'], asFile.io)).toBe(0);
    const plain = JSON.parse(asFile.out.join('')) as { start: number; rule: string }[];
    expect(plain.find((s) => s.rule === 'cjk-spacing')).toMatchObject({ start: 6 });
    expect(plain.find((s) => s.rule === 'traditional')).toMatchObject({ start: 21 });
  });

  it('refuses a page outside the corpus and conflicting options', async () => {
    const other = await makeTempCorpus();
    try {
      const outside = await other.put('q.txt', ORIGINAL);
      const refused = collect();
      expect(await run([outside, '--corpus', corpus.root], refused.io)).toBe(1);
      expect(refused.err.join('')).toContain('not inside the corpus');
      const both = collect();
      expect(await run([outside, '--corpus', corpus.root, '--no-corpus'], both.io)).toBe(2);
      const apply = collect();
      expect(await run([outside, '--apply', 'safe', '--out', path.join(other.root, 'o.txt'), '--corpus', corpus.root], apply.io)).toBe(2);
    } finally {
      await other.remove();
    }
  });
});

describe('suggest --corpus: what the corpus taught the app', () => {
  it('proposes a reading the editor corrected on another page (the error profile), and drops what the corpus always ignores', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { IgnoreStore } = await import('../../../electron/services/app/ignore-store');
    const state = await mkdtemp(path.join(tmpdir(), 'jiaodui-cli-ocr-state-'));
    const before = process.env.JIAODUI_STATE_FILE;
    process.env.JIAODUI_STATE_FILE = path.join(state, 'state.json');
    try {
      await corpus.put('a.txt', '𠮷市委书记张敬淘讲话\n');
      const b = await corpus.put('b.txt', '𠮷张敬淘同志说\n');
      const profileRule = async () => {
        const got = collect();
        expect(await run([b, '--json', '--corpus', corpus.root], got.io)).toBe(0);
        return (JSON.parse(got.out.join('')) as { start: number; end: number; replacement: string; rule: string }[]).filter((s) => s.rule === 'profile').map((s) => [s.start, s.end, s.replacement]);
      };
      expect(await profileRule()).toEqual([]);
      const a = await openPage(corpus.root, 'a.txt');
      if (!a.ok) throw new Error(a.error.message);
      const saved = await savePage(corpus.root, { path: 'a.txt', text: '𠮷市委书记张敬涛讲话\n', status: 'reviewed', entities: [], sourceSha256: a.value.sha256, expectedSidecarHash: a.value.sidecarHash }, '0.1.0');
      if (!saved.ok) throw new Error(saved.error.message);
      expect(await profileRule()).toEqual([[3, 4, '涛']]);
      await new IgnoreStore(process.env.JIAODUI_STATE_FILE, corpus.root).add({ kind: 'ocr', rule: 'profile', text: '淘', replacement: '涛' });
      expect(await profileRule()).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.JIAODUI_STATE_FILE;
      else process.env.JIAODUI_STATE_FILE = before;
      await rm(state, { recursive: true, force: true });
    }
  });
});
