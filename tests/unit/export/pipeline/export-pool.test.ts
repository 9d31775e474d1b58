import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../../electron/services/export/export';
import { ExportPool } from '../../../../electron/services/export/export-pool';
import { doPageJob, type PageWork } from '../../../../electron/services/export/page-work';
import { EXPORTERS } from '../../../../shared/export/registry';
import { DEFAULT_EXPORT_OPTIONS } from '../../../../shared/export/types';
import type { ExportFormatId } from '../../../../shared/export/format-ids';
import { generateExportCorpus } from '../../../bench/export-bench-corpus';

// Every per-page format of the registry (TEI per page included): what the pool may do.
const PER_PAGE = (Object.keys(EXPORTERS) as ExportFormatId[]).filter((format) => EXPORTERS[format]!.kind === 'per-page');
const START = new Date('2026-12-07T10:00:00Z');

let dir: string;
let corpus: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-export-pool-'));
  corpus = path.join(dir, 'corpus');
  // Generated pages of the benchmark (Extension B characters, nested entities, corrections), every 3rd an ALTO file.
  await generateExportCorpus(corpus, { pages: 24, layoutEvery: 3 });
  // A sidecar that cannot be trusted: the page goes out as its original, with a problem.
  await writeFile(path.join(corpus, 'issue-000', 'page-00005.txt.jiaodui.json'), '{ not json');
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Every file under `root`, relative path → bytes.
function filesUnder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(root, full), readFileSync(full));
    }
  };
  walk(root);
  return files;
}

function exportWith(poolSize: number, out: string, signal?: AbortSignal) {
  return runExport(corpus, { formats: PER_PAGE, scope: { kind: 'all' }, options: DEFAULT_EXPORT_OPTIONS }, out, { appVersion: 'test', now: () => START, poolSize, signal });
}

describe('the export pool', () => {
  it('writes the same files, byte for byte, and the same problems as the export in one thread', async () => {
    const here = await exportWith(0, path.join(dir, 'here'));
    const pooled = await exportWith(2, path.join(dir, 'pooled'));
    expect(here.ok && pooled.ok).toBe(true);
    if (!here.ok || !pooled.ok) return;
    expect(pooled.value.pages).toBe(here.value.pages);
    expect(pooled.value.written).toBe(here.value.written);
    expect(pooled.value.problems).toEqual(here.value.problems);
    expect(here.value.problems.some((problem) => problem.code === 'sidecar-unusable')).toBe(true);
    const a = filesUnder(path.join(dir, 'here'));
    const b = filesUnder(path.join(dir, 'pooled'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [rel, bytes] of a) expect(b.get(rel)!.equals(bytes), rel).toBe(true);
    // Many files (an XMI and a TSV for every page; layout formats for the ALTO pages only), 𠮷 among their characters.
    expect(a.size).toBeGreaterThan(200);
    expect([...a.keys()].filter((rel) => rel.endsWith('.xmi')).length).toBe(24);
    expect([...a.keys()].filter((rel) => rel.endsWith('.tsv')).length).toBe(24);
    expect([...a.values()].some((bytes) => bytes.toString('utf8').includes('𠮷'))).toBe(true);
  }, 120_000);

  it('finishes in this thread, with the same bytes, when the pool threads cannot start', async () => {
    const formats: ExportFormatId[] = ['xmi', 'webanno-tsv', 'text'];
    const request = { formats, scope: { kind: 'all' as const }, options: DEFAULT_EXPORT_OPTIONS };
    const here = await runExport(corpus, request, path.join(dir, 'here-3'), { appVersion: 'test', now: () => START, poolSize: 0 });
    const failing = () => ({ script: 'throw new Error("no export thread here")', eval: true });
    const fallback = await runExport(corpus, request, path.join(dir, 'fallback'), { appVersion: 'test', now: () => START, poolSize: 2, poolScript: failing });
    expect(here.ok && fallback.ok).toBe(true);
    if (!here.ok || !fallback.ok) return;
    expect(fallback.value.pages).toBe(24);
    expect(fallback.value.problems).toEqual(here.value.problems);
    const a = filesUnder(path.join(dir, 'here-3'));
    const b = filesUnder(path.join(dir, 'fallback'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [rel, bytes] of a) expect(b.get(rel)!.equals(bytes), rel).toBe(true);
  }, 60_000);

  it('stops when cancelled, leaving whole files only', async () => {
    const controller = new AbortController();
    const out = path.join(dir, 'cancelled');
    const result = await runExport(corpus, { formats: ['xmi', 'webanno-tsv'], scope: { kind: 'all' }, options: DEFAULT_EXPORT_OPTIONS }, out, {
      appVersion: 'test',
      now: () => START,
      poolSize: 2,
      signal: controller.signal,
      onProgress: (done) => {
        if (done > 0) controller.abort();
      },
    });
    expect(result.ok && result.value.cancelled).toBe(true);
    if (!result.ok) return;
    expect(result.value.pages).toBeLessThan(24);
    expect([...filesUnder(out).keys()].some((rel) => rel.endsWith('.jiaodui-partial'))).toBe(false);
  }, 60_000);

  it('refuses what the export in one thread refuses, with the same problems: two pages naming one file, a folder that leads into the corpus', async () => {
    // p1.txt and p1.TXT are two pages with one base (their XMI and TSV files share a name); the export's "e" folder
    // is a symlink into the corpus, so nothing of e/q.txt may be written.
    const small = path.join(dir, 'small');
    await mkdir(path.join(small, 'd'), { recursive: true });
    await mkdir(path.join(small, 'e'), { recursive: true });
    await writeFile(path.join(small, 'd', 'p1.txt'), '𠮷田先生在东京。');
    await writeFile(path.join(small, 'd', 'p1.TXT'), '他说：好。');
    await writeFile(path.join(small, 'e', 'q.txt'), '北京');
    for (let i = 0; i < 6; i++) await writeFile(path.join(small, 'd', `r${i}.txt`), `第${i}页𠮷`);
    const formats: ExportFormatId[] = ['xmi', 'webanno-tsv', 'text'];
    const exportTo = async (name: string, poolSize: number) => {
      const out = path.join(dir, name);
      await mkdir(out, { recursive: true });
      await symlink(path.join(small, 'e'), path.join(out, 'e'));
      const result = await runExport(small, { formats, scope: { kind: 'all' }, options: DEFAULT_EXPORT_OPTIONS }, out, { appVersion: 'test', now: () => START, poolSize });
      if (!result.ok) throw new Error(result.error.message);
      return { out, outcome: result.value };
    };
    const here = await exportTo('small-here', 0);
    const pooled = await exportTo('small-pooled', 2);
    expect(pooled.outcome.problems).toEqual(here.outcome.problems);
    expect(here.outcome.problems.filter((p) => p.code === 'duplicate-path').map((p) => `${p.path} ${p.format}`).sort()).toEqual(['d/p1.TXT webanno-tsv', 'd/p1.TXT xmi']);
    expect(here.outcome.problems.filter((p) => p.code === 'inside-corpus').map((p) => `${p.path} ${p.format}`).sort()).toEqual(['e/q.txt text', 'e/q.txt webanno-tsv', 'e/q.txt xmi']);
    expect(pooled.outcome.written).toBe(here.outcome.written);
    const a = filesUnder(path.join(here.out, 'd'));
    const b = filesUnder(path.join(pooled.out, 'd'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [rel, bytes] of a) expect(b.get(rel)!.equals(bytes), rel).toBe(true);
    // No staged or partial file anywhere, and nothing new in the corpus.
    expect([...b.keys()].filter((rel) => rel.includes('.jiaodui-partial'))).toEqual([]);
    expect(readdirSync(path.join(small, 'e')).sort()).toEqual(['q.txt']);
  }, 60_000);

  it('sends a file back as bytes of its own when it is not staged, though the exporter reuses its buffer', () => {
    const job = (n: number) => ({ realRoot: corpus, page: { path: `issue-000/page-0000${n}.txt`, companions: [] }, formats: ['xmi' as const], context: { appVersion: 'test', startedAt: START.toISOString(), options: DEFAULT_EXPORT_OPTIONS } });
    const contentOf = (work: PageWork) => {
      const outcome = work.ok ? work.outcomes[0] : undefined;
      const file = outcome?.kind === 'files' ? outcome.files[0] : undefined;
      if (!file || !('content' in file)) throw new Error('no bytes');
      return new TextDecoder().decode(file.content);
    };
    const first = doPageJob(job(1));
    const second = doPageJob(job(2));
    expect(contentOf(first)).toContain('documentId="issue-000/page-00001.txt"');
    expect(contentOf(first)).toMatch(/<\/xmi:XMI>\n$/u);
    expect(contentOf(second)).toContain('documentId="issue-000/page-00002.txt"');
  });

  it('fails the jobs of a thread that cannot start, so the export can do them itself', async () => {
    const pool = new ExportPool(1, () => ({ script: 'throw new Error("no export thread here")', eval: true }));
    const job = { realRoot: corpus, page: { path: 'issue-000/page-00001.txt', companions: [] }, formats: ['text' as const], context: { appVersion: 'test', startedAt: START.toISOString(), options: DEFAULT_EXPORT_OPTIONS } };
    await expect(pool.run(job)).rejects.toThrow();
    await pool.close();
  });
});
