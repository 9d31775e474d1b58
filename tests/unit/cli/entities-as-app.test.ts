import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run as runEntities } from '../../../electron/cli/commands/entities';
import { IgnoreStore } from '../../../electron/services/app/ignore-store';
import { corpusDataDir } from '../../../electron/services/app/corpus-data-dir';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';
import { spansOf, tagPage } from '../entities-services/support';

// The CLI gives a page exactly what the app gives it: the learned model (trained first when missing), the corpus's
// rejections in context and its ignore list. The app's data folder is a temporary one here (JIAODUI_STATE_FILE).
let corpus: TempCorpus;
let state: string;
let saved: string | undefined;

beforeEach(async () => {
  corpus = await makeTempCorpus();
  state = await mkdtemp(path.join(tmpdir(), 'jiaodui-cli-state-'));
  saved = process.env.JIAODUI_STATE_FILE;
  process.env.JIAODUI_STATE_FILE = path.join(state, 'state.json');
});
afterEach(async () => {
  if (saved === undefined) delete process.env.JIAODUI_STATE_FILE;
  else process.env.JIAODUI_STATE_FILE = saved;
  await corpus.remove();
  await rm(state, { recursive: true, force: true });
});

const LINES = ['中美关系持续发展。', '双方就中美合作交换了意见。', '中美两国元首通了电话。', '会议讨论了中美贸易问题。', '他说中美友好符合人民利益。', '中美双方签署了协议。'];

async function suggest(page: string, ...extra: string[]) {
  let out = '';
  let err = '';
  const code = await runEntities([path.join(corpus.root, page), '--suggest', '--json', '--corpus', corpus.root, ...extra], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
  });
  return { code, err, list: code === 0 ? (JSON.parse(out) as { start: number; text: string; type: string; source: string; confidence: number }[]) : [] };
}

describe('entities --suggest --corpus uses what the app learned about the corpus', () => {
  it('trains the model when the corpus has tags and none is stored, stores it app-side, and suggests from it', async () => {
    const tagged = `${LINES.join('\n')}\n`;
    await corpus.put('a.txt', tagged);
    await tagPage(corpus.root, 'a.txt', [...spansOf(tagged, '中', 'LOC'), ...spansOf(tagged, '美', 'LOC')]);
    await corpus.put('b.txt', '𠮷城：中美经贸合作取得进展。\n');

    const first = await suggest('b.txt');
    expect(first.code).toBe(0);
    const learned = first.list.filter((s) => s.source === 'learned');
    expect(learned.map(({ start, text, type }) => ({ start, text, type }))).toEqual([
      { start: 3, text: '中', type: 'LOC' },
      { start: 4, text: '美', type: 'LOC' },
    ]);
    expect(await readdir(corpusDataDir(path.join(state, 'state.json'), corpus.root))).toContain('entity-model.json');
    // --no-corpus: the out-of-the-box suggesters, no learned source.
    let out = '';
    expect(await runEntities([path.join(corpus.root, 'b.txt'), '--suggest', '--json', '--no-corpus'], { stdout: (s) => (out += s), stderr: () => undefined })).toBe(0);
    expect((JSON.parse(out) as { source: string }[]).some((s) => s.source === 'learned')).toBe(false);
  });

  it('drops what the editor rejected in the same context elsewhere and what the corpus always ignores', async () => {
    const text = '本报记者韩小冬报道。\n';
    await corpus.put('a.txt', text);
    await corpus.put('b.txt', text);
    await corpus.put('c.txt', '本报记者张大山报道。\n');
    const before = await suggest('b.txt', '--sources', 'rule,segmenter');
    expect(before.list.some((s) => s.text === '韩小冬')).toBe(true);
    expect(before.list.some((s) => s.text === '张大山')).toBe(false);
    // Rejected on page a (same text, same context as on page b).
    const { openPage } = await import('../../../electron/services/page/open-page');
    const { savePage } = await import('../../../electron/services/page/save-page');
    const page = await openPage(corpus.root, 'a.txt');
    if (!page.ok) throw new Error(page.error.message);
    const r = await savePage(corpus.root, { path: 'a.txt', text: page.value.text, status: 'in-progress', entities: [], rejectedEntities: [{ text: '韩小冬', type: 'PER', start: 4, end: 7 }], sourceSha256: page.value.sha256, expectedSidecarHash: page.value.sidecarHash }, '0.1.0');
    if (!r.ok) throw new Error(r.error.message);
    const after = await suggest('b.txt', '--sources', 'rule,segmenter');
    expect(after.list.some((s) => s.text === '韩小冬')).toBe(false);

    // Always ignore, as the app's settings keep it.
    const ignoreStore = new IgnoreStore(path.join(state, 'state.json'), corpus.root);
    const suggestedOnC = (await suggest('c.txt', '--sources', 'rule,segmenter')).list.find((s) => s.type === 'PER');
    expect(suggestedOnC).toBeDefined();
    const added = await ignoreStore.add({ kind: 'entity', rule: 'rule', text: suggestedOnC!.text, type: 'PER' });
    expect(added.ok).toBe(true);
    expect((await suggest('c.txt', '--sources', 'rule,segmenter')).list.some((s) => s.text === suggestedOnC!.text && s.type === 'PER')).toBe(false);
  });
});
