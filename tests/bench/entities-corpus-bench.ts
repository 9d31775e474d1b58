/// Corpus-wide entity benchmark: generates a 10,000-page corpus (every 2nd page with a sidecar of 20 spans) in
/// .bench/entities-corpus/ and times the corpus entity index (cold, warm, after one sidecar changed) and the
/// corpus propagation preview, through the same handler table the app uses.
///
/// Run with `npx tsx tests/bench/entities-corpus-bench.ts` (`--keep` reuses the generated corpus). The text is
/// generated, not taken from the shared corpus. Prints a table and exits 0.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../../electron/services/disk/hash';
import { createHandlers } from '../../electron/services/handlers/table';
import { computeLineOrigins } from '../../shared/layout/line-links';
import type { CorpusEntityIndex, PropagationApplyOutcome, PropagationPreview, PropagationUndoOutcome } from '../../shared/ipc/contract';
import { serializeSidecar } from '../../shared/model/sidecar-io';
import type { EntitySpan } from '../../shared/model/sidecar-schema';
import { cpLength } from '../../shared/text/codepoints';

const PAGES = 10_000;
const CHARS_PER_PAGE = 2_000;
const SIDECAR_EVERY = 2;
const SPANS_PER_SIDECAR = 20;
const NAMES = ['武跃林', '朔城区', '𠮷田村', '市场监督管理局', '韩小冬', '平城区人民医院', '11月30日', '张三丰'];
const TYPES = ['PER', 'LOC', 'LOC', 'ORG', 'PER', 'ORG', 'DATE', 'PER'];
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = path.join(repoRoot, '.bench', 'entities-corpus');
const corpusRoot = path.join(benchDir, 'corpus');
const keep = process.argv.includes('--keep');

let seed = 20261123;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
}

// Random Han text with a name dropped in every ~100 characters.
function pageText(): string {
  let text = '';
  while (text.length < CHARS_PER_PAGE) {
    for (let i = 0; i < 100; i++) text += random() < 0.04 ? '\n' : String.fromCodePoint(0x4e00 + Math.floor(random() * 0x5000));
    text += NAMES[Math.floor(random() * NAMES.length)];
  }
  return text;
}

function spansFor(text: string): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (const [n, name] of NAMES.entries()) {
    for (let at = text.indexOf(name); at !== -1 && spans.length < SPANS_PER_SIDECAR; at = text.indexOf(name, at + name.length)) {
      const start = cpLength(text.slice(0, at));
      spans.push({ id: `e${spans.length}`, start, end: start + cpLength(name), type: TYPES[n]!, text: name });
    }
  }
  return spans;
}

async function generate(): Promise<void> {
  await rm(benchDir, { recursive: true, force: true });
  for (let i = 0; i < PAGES; i++) {
    const folder = path.join(corpusRoot, `issue-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) await mkdir(folder, { recursive: true });
    const name = `page-${String(i).padStart(5, '0')}.txt`;
    const text = pageText();
    await writeFile(path.join(folder, name), text);
    if (i % SIDECAR_EVERY !== 0) continue;
    const now = new Date(0).toISOString();
    const sidecar = serializeSidecar({
      format: 'jiaodui-sidecar',
      schemaVersion: 3,
      app: { name: 'jiaodui', version: 'bench' },
      source: { file: name, format: 'text', bytes: Buffer.byteLength(text), sha256: sha256Hex(text), encoding: 'UTF-8', bom: false, lineEnding: text.includes('\n') ? 'LF' : 'none' },
      status: 'in-progress',
      created: now,
      modified: now,
      text,
      moves: [],
      corrections: [],
      entities: spansFor(text),
      lineOrigins: computeLineOrigins(text, text, []),
      rejectedEntities: [],
      rejectedCorrections: [],
    });
    await writeFile(path.join(folder, `${name}.jiaodui.json`), sidecar);
  }
}

async function time<T>(label: string, rows: string[][], work: () => Promise<T>, describe: (value: T) => string): Promise<T> {
  const start = performance.now();
  const value = await work();
  rows.push([label, `${Math.round(performance.now() - start)} ms`, describe(value)]);
  return value;
}

if (!keep || !existsSync(corpusRoot)) {
  const start = performance.now();
  await generate();
  console.log(`generated ${PAGES} pages in ${Math.round(performance.now() - start)} ms`);
}

const handlers = createHandlers({
  dialogs: { chooseFolder: async () => null },
  emit: () => undefined,
  stateFile: path.join(benchDir, 'state.json'),
  appVersion: 'bench',
  shell: 'browser',
});
await handlers.openCorpus(corpusRoot);
await handlers.scanFinished();

const call = async <T>(channel: string, args: unknown[]): Promise<T> => {
  const result = await handlers.handle(channel, args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};
const rows: string[][] = [];
// The corpus text cache (shared with batch search) fills in the background when the scan ends; the first preview
// would wait for it, so it is timed on its own.
await time('corpus text cache, background fill after the scan', rows, () => handlers.corpusTextsLoaded(), () => 'every page read, decoded and hashed');
const describeIndex = (i: CorpusEntityIndex) => `${i.entries.length} texts, ${i.sidecars} sidecars, ${i.entries.reduce((n, e) => n + e.count, 0)} spans, ${(JSON.stringify(i).length / 1e6).toFixed(1)} MB JSON`;
await time('corpus index, cold (every sidecar read)', rows, () => call<CorpusEntityIndex>('entities.corpusIndex', []), describeIndex);
await time('corpus index, quick (as after a save)', rows, () => call<CorpusEntityIndex>('entities.corpusIndex', []), describeIndex);
const oneSidecar = path.join(corpusRoot, 'issue-000', 'page-00000.txt.jiaodui.json');
const { readFile } = await import('node:fs/promises');
await writeFile(oneSidecar, (await readFile(oneSidecar, 'utf8')).replace('"in-progress"', '"reviewed"   '));
await time('corpus index, refresh (every sidecar stat, 1 changed)', rows, () => call<CorpusEntityIndex>('entities.corpusIndex', [{ refresh: true }]), describeIndex);
const describePreview = (p: PropagationPreview) => `${p.total} occurrences on ${p.pages.length} of ${p.pagesSearched} pages`;
await time('propagation preview 韩小冬 (first, cache filled)', rows, () => call<PropagationPreview>('entities.propagationPreview', [{ text: '韩小冬', type: 'PER', scope: 'corpus' }]), describePreview);
const preview = await time('propagation preview 韩小冬 (again)', rows, () => call<PropagationPreview>('entities.propagationPreview', [{ text: '韩小冬', type: 'PER', scope: 'corpus' }]), describePreview);
const APPLY_PAGES = 200;
const request = {
  text: preview.text,
  type: 'PER',
  pages: preview.pages.slice(0, APPLY_PAGES).map((p) => ({ path: p.path, sourceSha256: p.sourceSha256, sidecarHash: p.sidecarHash, occurrences: p.occurrences.map(({ start, end }) => ({ start, end })) })),
};
const applied = await time(`propagation apply, ${APPLY_PAGES} pages`, rows, () => call<PropagationApplyOutcome>('entities.propagationApply', [request]), (o) => `${o.added} spans on ${o.pages.filter((p) => p.outcome === 'done').length} pages`);
await time(`propagation undo, ${APPLY_PAGES} pages`, rows, () => call<PropagationUndoOutcome>('entities.propagationUndo', [applied.undoToken]), (o) => `${o.removed} spans removed`);

console.log(`\nload average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`Corpus entities, ${PAGES} pages of ${CHARS_PER_PAGE} characters, every ${SIDECAR_EVERY}nd with a sidecar of up to ${SPANS_PER_SIDECAR} spans`);
console.log('| step | time | result |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (!keep) await rm(benchDir, { recursive: true, force: true });
