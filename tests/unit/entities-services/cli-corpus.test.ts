import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run as runEntities } from '../../../electron/cli/commands/entities';
import { runCli } from '../../../electron/cli/main';
import { TAGSET_FILE_NAME } from '../../../shared/entities/tagset';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';
import { spansOf, tagPage } from './support';

let corpus: TempCorpus;
let work: string;
let out: string;
let err: string;

beforeEach(async () => {
  corpus = await makeTempCorpus();
  work = await mkdtemp(path.join(tmpdir(), 'jiaodui-cli-corpus-'));
  out = '';
  err = '';
});
afterEach(async () => {
  await corpus.remove();
  await rm(work, { recursive: true, force: true });
});

const io = () => ({ stdout: (s: string) => (out += s), stderr: (s: string) => (err += s), cwd: work });
const TAGGED = '𠮷村的韩小冬来了。';
const PAGE = '今天𠮷韩小冬又来了，韩小冬说好。';

async function corpusWithKnownName() {
  await corpus.put('a/tagged.txt', TAGGED);
  await tagPage(corpus.root, 'a/tagged.txt', spansOf(TAGGED, '韩小冬', 'PER'));
  await corpus.put('b/page.txt', PAGE);
}

describe('entities --suggest with the corpus', () => {
  it('uses the strings tagged in the corpus given by --corpus, with code-point offsets', async () => {
    await corpusWithKnownName();
    const code = await runEntities([path.join(corpus.root, 'b/page.txt'), '--suggest', '--json', '--sources', 'known', '--corpus', corpus.root], io());
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { start: 3, end: 6, text: '韩小冬', type: 'PER', source: 'known', confidence: 0.9 },
      { start: 10, end: 13, text: '韩小冬', type: 'PER', source: 'known', confidence: 0.9 },
    ]);
  });

  it('suggests on the page as the app opens it: the corrected text, without tagged spans', async () => {
    await corpusWithKnownName();
    // The editor inserted 上午 and tagged the second 韩小冬: the CLI sees the corrected text (offsets shifted by
    // two) and suggests only the untagged occurrence.
    const corrected = PAGE.replace('今天', '今天上午');
    await tagPage(corpus.root, 'b/page.txt', spansOf(corrected, '韩小冬', 'PER', [1]), corrected);
    const code = await runEntities([path.join(corpus.root, 'b/page.txt'), '--suggest', '--json', '--sources', 'known', '--corpus', corpus.root], io());
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([{ start: 5, end: 8, text: '韩小冬', type: 'PER', source: 'known', confidence: 0.9 }]);
  });

  it('finds the corpus by its tag-set file when no --corpus is given, unless --no-corpus', async () => {
    await corpusWithKnownName();
    const page = path.join(corpus.root, 'b/page.txt');
    expect(await runEntities([page, '--suggest', '--json', '--sources', 'known'], io())).toBe(0);
    expect(JSON.parse(out)).toEqual([]);

    await corpus.put(TAGSET_FILE_NAME, '{ "not": "checked here" }');
    out = '';
    expect(await runEntities([page, '--suggest', '--json', '--sources', 'known'], io())).toBe(0);
    expect((JSON.parse(out) as { text: string }[]).map((s) => s.text)).toEqual(['韩小冬', '韩小冬']);

    out = '';
    expect(await runEntities([page, '--suggest', '--json', '--sources', 'known', '--no-corpus'], io())).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
  });

  it('lets a --known file override the corpus type', async () => {
    await corpusWithKnownName();
    await corpus.put('known.json', JSON.stringify({ 韩小冬: 'MISC' }));
    const code = await runEntities(
      [path.join(corpus.root, 'b/page.txt'), '--suggest', '--json', '--sources', 'known', '--corpus', corpus.root, '--known', path.join(corpus.root, 'known.json')],
      io(),
    );
    expect(code).toBe(0);
    expect((JSON.parse(out) as { type: string }[]).map((s) => s.type)).toEqual(['MISC', 'MISC']);
  });

  it('gives clear errors and exit codes for a bad corpus', async () => {
    await corpusWithKnownName();
    const page = path.join(corpus.root, 'b/page.txt');
    expect(await runEntities([page, '--suggest', '--corpus', path.join(corpus.root, 'a')], io())).toBe(2);
    expect(err).toContain('not inside the corpus folder');
    err = '';
    expect(await runEntities([page, '--suggest', '--corpus'], io())).toBe(2);
    expect(err).toContain('--corpus needs a value');
    err = '';
    expect(await runEntities([page, '--suggest', '--corpus', corpus.root, '--no-corpus'], io())).toBe(2);
    expect(err).toContain('exclude each other');
  });
});

describe('validate', () => {
  it('reports orphan sidecars, whose page file is gone', async () => {
    await corpusWithKnownName();
    await tagPage(corpus.root, 'b/page.txt', spansOf(PAGE, '韩小冬', 'PER'));
    await rm(path.join(corpus.root, 'b/page.txt'));
    const lines: string[] = [];
    const code = await runCli(['validate', corpus.root], { stdout: (l) => lines.push(l), stderr: () => undefined, cwd: work });
    expect(code).toBe(1);
    expect(lines).toContain("b/page.txt.jiaodui.json: This sidecar's page file is gone (orphan sidecar); its corrections belong to no page.");
    expect(lines.at(-1)).toBe('1 page, 1 sidecar, 1 problem.');
  });
});
