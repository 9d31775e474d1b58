import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { BatchReplaceOutcome, BatchSearchOutcome, PageData, PropagationApplyOutcome, PropagationPreview } from '../../../shared/ipc/contract';
import type { Sidecar } from '../../../shared/model/sidecar-schema';
import { useHandlerTable } from './handler-table-fixture';

// Two kinds of sidecar that pass the schema and the page hash but do not fit the page's text. Before issue 13 they
// opened editable and the first save or batch replace overwrote them.
const PAGE = '𠮷田.txt';
const ORIGINAL = '𠮷田记者武跃林报道。\n锅护房。';
const SPOILERS: { name: string; spoil(s: Sidecar): void; reason: string }[] = [
  { name: 'corrections that do not reproduce its text', spoil: (s) => void (s.text = s.text.replace('报道', '报导')), reason: 'sidecar.correctionsGiveOtherText' },
  { name: 'an entity outside the text', spoil: (s) => void s.entities.push({ id: 'far', start: 40, end: 43, type: 'PER', text: '武跃林' }), reason: 'sidecar.entityOutsideText' },
];

const t = useHandlerTable();
const { call } = t;

// A page with a valid sidecar (one correction, one entity), then spoiled; returns the spoiled bytes.
async function spoiledPage(spoil: (s: Sidecar) => void): Promise<string> {
  await t.corpus.put(PAGE, ORIGINAL);
  expect((await t.handlers.openCorpus(t.corpus.root)).ok).toBe(true);
  await t.handlers.scanFinished();
  const page = await call<PageData>('page.open', PAGE);
  const text = page.text.replace('锅护', '锅炉');
  await call('page.save', { path: PAGE, text, status: 'in-progress', entities: [{ id: 'e1', start: 4, end: 7, type: 'PER', text: '武跃林' }], sourceSha256: page.sha256, expectedSidecarHash: null });
  const sidecar = JSON.parse((await t.corpus.read(`${PAGE}.jiaodui.json`)).toString('utf8')) as Sidecar;
  spoil(sidecar);
  const spoiled = JSON.stringify(sidecar, null, 2);
  await t.corpus.put(`${PAGE}.jiaodui.json`, spoiled);
  return spoiled;
}

const onDisk = async () => (await t.corpus.read(`${PAGE}.jiaodui.json`)).toString('utf8');

describe.each(SPOILERS)('a sidecar with $name', ({ spoil, reason }) => {
  it('opens the page read-only with the reason and the first problem as a reason id with values', async () => {
    await spoiledPage(spoil);
    const page = await call<PageData>('page.open', PAGE);
    expect(page.readOnly).toMatchObject({ reason: 'sidecar-inconsistent', why: { problemReason: reason, more: 0 } });
    expect(page.readOnly!.message).toMatch(/does not fit this page.*read-only/);
    // The original text is shown, not the sidecar's.
    expect(page.text).toBe(page.originalText);
    expect(page.entities).toEqual([]);
  });

  it('is never overwritten by a save, even with the hash the page was opened with', async () => {
    const spoiled = await spoiledPage(spoil);
    const page = await call<PageData>('page.open', PAGE);
    const r = await t.handlers.handle('page.save', [{ path: PAGE, text: page.text, status: 'reviewed', entities: [], sourceSha256: page.sha256, expectedSidecarHash: page.sidecarHash }]);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'read-only', detail: 'sidecar-inconsistent' });
    expect(await onDisk()).toBe(spoiled);
  });

  it('is left alone by a batch replace with the version the search saw', async () => {
    const spoiled = await spoiledPage(spoil);
    const query = { pattern: '锅护', mode: 'plain', scope: 'corrected', replacement: '锅炉' };
    const found = await call<BatchSearchOutcome>('batch.search', query);
    expect(found.pages[PAGE]!.blocked).toMatch(/does not fit/);
    const hits = found.hits.map((h) => ({ start: h.start, end: h.end }));
    const r = await t.handlers.handle('batch.replace', [{ query, pages: [{ path: PAGE, version: found.pages[PAGE]!.version, hits }] }]);
    const outcome = r.ok ? (r.value as BatchReplaceOutcome) : null;
    expect(outcome?.changedPages).toEqual([]);
    expect(outcome?.problems[0]?.message).toMatch(/Left alone/);
    expect(await onDisk()).toBe(spoiled);
  });

  it('is skipped by a propagation preview and refused by an apply that names its exact bytes', async () => {
    const spoiled = await spoiledPage(spoil);
    const preview = await call<PropagationPreview>('entities.propagationPreview', { text: '锅护', type: 'LOC', scope: 'corpus' });
    expect(preview.skipped.map((s) => s.path)).toEqual([PAGE]);
    const page = await call<PageData>('page.open', PAGE);
    const sidecarHash = createHash('sha256').update(spoiled).digest('hex');
    expect(page.sidecarHash).toBe(sidecarHash);
    const applied = await call<PropagationApplyOutcome>('entities.propagationApply', {
      text: '锅护',
      type: 'LOC',
      pages: [{ path: PAGE, sourceSha256: page.sha256, sidecarHash, occurrences: [{ start: 12, end: 14 }] }],
    });
    expect(applied.pages).toEqual([expect.objectContaining({ path: PAGE, outcome: 'refused' })]);
    expect(applied.added).toBe(0);
    expect(await onDisk()).toBe(spoiled);
  });

  it('is reported by validate with the same problem the page opener found', async () => {
    await spoiledPage(spoil);
    const out: string[] = [];
    const exit = await runCli(['validate', t.corpus.root], { stdout: (l) => out.push(l), stderr: () => {}, cwd: t.work });
    expect(exit).toBe(1);
    const page = await call<PageData>('page.open', PAGE);
    const problemLine = out.find((l) => l.startsWith(`${PAGE}: `));
    expect(problemLine).toBeDefined();
    expect(page.readOnly!.message).toContain(problemLine!.slice(PAGE.length + 2));
  });
});
