import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import { parseSidecar } from '../../../shared/model/sidecar-io';
import type { PageData, SaveRequest } from '../../../shared/ipc/contract';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

const ORIGINAL = '人民曰报\r\n今天夭气很好𠮷，北京市民出行。\r\n';
let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(async () => {
  await corpus.remove();
});

async function openOk(rel: string): Promise<PageData> {
  const r = await openPage(corpus.root, rel);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function requestFor(page: PageData, patch: Partial<SaveRequest> = {}): SaveRequest {
  return { path: page.path, text: page.text, status: page.status, entities: page.entities, sourceSha256: page.sha256, expectedSidecarHash: page.sidecarHash, ...patch };
}

describe('openPage', () => {
  it('opens a page without a sidecar: original text normalised to LF and NFC, no corrections', async () => {
    await corpus.put('a/p.txt', ORIGINAL);
    const page = await openOk('a/p.txt');
    expect(page.originalText).toBe('人民曰报\n今天夭气很好𠮷，北京市民出行。\n');
    expect(page.text).toBe(page.originalText);
    expect(page.lineEnding).toBe('CRLF');
    expect(page.sidecarHash).toBeNull();
    expect(page.readOnly).toBeNull();
    expect(page.status).toBe('unreviewed');
    expect(page.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses paths outside the corpus', async () => {
    for (const bad of ['../x.txt', '/etc/passwd', 'a/../../b.txt']) {
      const r = await openPage(corpus.root, bad);
      expect(r.ok ? null : r.error.code).toBe('outside-corpus');
    }
  });

  it('fails with binary-file for an image renamed to .txt', async () => {
    await corpus.put('img.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const r = await openPage(corpus.root, 'img.txt');
    expect(r.ok ? null : r.error.code).toBe('binary-file');
  });

  it('fails with not-found for a missing page', async () => {
    const r = await openPage(corpus.root, 'missing.txt');
    expect(r.ok ? null : r.error.code).toBe('not-found');
  });

  it('adds an empty-file notice for an empty page', async () => {
    await corpus.put('e.txt', '');
    const page = await openOk('e.txt');
    expect(page.text).toBe('');
    expect(page.notices.map((n) => n.code)).toEqual(['empty-file']);
  });

  it('adds an undecodable-bytes notice naming the lines', async () => {
    await corpus.put('bad.txt', Buffer.concat([Buffer.from('第一行内容正常\n第二行'), Buffer.from([0xff]), Buffer.from('继续\n')]));
    const page = await openOk('bad.txt');
    expect(page.undecodable).toEqual({ count: 1, lines: [2] });
    const notice = page.notices.find((n) => n.code === 'undecodable-bytes');
    expect(notice?.message).toMatch(/line 2/);
  });

  it('decodes a GB18030 page', async () => {
    await corpus.put('gb.txt', iconv.encode('人民日报第三版，今天天气很好，北京市民出行。\n'.repeat(3), 'gb18030'));
    const page = await openOk('gb.txt');
    expect(page.encoding.name).toBe('GB18030');
    expect(page.text.startsWith('人民日报第三版')).toBe(true);
  });

  const unusable: [string, string, string][] = [
    ['not JSON', '{ oops', 'sidecar-invalid-json'],
    ['foreign', JSON.stringify({ hello: 'world' }), 'sidecar-foreign'],
    ['a newer version', JSON.stringify({ format: 'jiaodui-sidecar', schemaVersion: 99 }), 'sidecar-newer-version'],
    ['schema-invalid', JSON.stringify({ format: 'jiaodui-sidecar', schemaVersion: 1, text: 5 }), 'sidecar-schema'],
  ];
  for (const [label, content, reason] of unusable) {
    it(`opens read-only with the original text when the sidecar is ${label}, and saving does not overwrite it`, async () => {
      await corpus.put('p.txt', ORIGINAL);
      await corpus.put('p.txt.jiaodui.json', content);
      const page = await openOk('p.txt');
      expect(page.readOnly?.reason).toBe(reason);
      expect(page.text).toBe(page.originalText);
      expect(page.sidecarHash).toMatch(/^[0-9a-f]{64}$/);
      const r = await savePage(corpus.root, requestFor(page, { text: 'x' }), '0.1.0');
      expect(r.ok ? null : r.error.code).toBe('read-only');
      expect((await corpus.read('p.txt.jiaodui.json')).toString()).toBe(content);
    });
  }

  it('opens read-only when the page file changed after the sidecar was written', async () => {
    await corpus.put('p.txt', ORIGINAL);
    const page = await openOk('p.txt');
    const saved = await savePage(corpus.root, requestFor(page, { text: page.text.replace('曰', '日') }), '0.1.0');
    expect(saved.ok).toBe(true);
    await corpus.put('p.txt', ORIGINAL + '新的一行\r\n');
    const reopened = await openOk('p.txt');
    expect(reopened.readOnly?.reason).toBe('sidecar-hash-mismatch');
    expect(reopened.text).toBe(reopened.originalText);
  });
});

describe('savePage', () => {
  it('writes a sidecar with corrections in code points and never changes the page file', async () => {
    await corpus.put('p.txt', ORIGINAL);
    const before = await corpus.read('p.txt');
    const page = await openOk('p.txt');
    const text = page.text.replace('曰', '日').replace('夭', '天');
    const entities = [{ id: 'e1', start: 13, end: 15, type: 'place', text: '北京' }];
    const r = await savePage(corpus.root, requestFor(page, { text, status: 'reviewed', entities }), '0.1.0');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.corrections).toEqual([
      { start: 2, end: 3, original: '曰', corrected: '日' },
      { start: 7, end: 8, original: '夭', corrected: '天' },
    ]);
    expect((await corpus.read('p.txt')).equals(before)).toBe(true);

    const parsed = parseSidecar((await corpus.read('p.txt.jiaodui.json')).toString('utf8'));
    if (parsed.kind !== 'ok') throw new Error(parsed.message);
    expect(parsed.sidecar.text).toBe(text);
    expect(parsed.sidecar.status).toBe('reviewed');
    expect(parsed.sidecar.source).toMatchObject({ file: 'p.txt', sha256: page.sha256, lineEnding: 'CRLF', encoding: 'UTF-8', bom: false });

    const reopened = await openOk('p.txt');
    expect(reopened.text).toBe(text);
    expect(reopened.entities).toEqual(entities);
    expect(reopened.sidecarHash).toBe(r.value.sidecarHash);
    expect(reopened.sidecarModified).toBe(r.value.modified);
  });

  it('records which original lines each corrected line came from, and keeps stored rejections', async () => {
    await corpus.put('p.txt', '核酸检\n\n测𠮷点\n第三行\n');
    const page = await openOk('p.txt');
    const text = '核酸检测𠮷点\n第三行\n';
    const rejectedEntities = [{ text: '第三行', type: 'LOC' }];
    const first = await savePage(corpus.root, requestFor(page, { text, rejectedEntities }), '0.1.0');
    if (!first.ok) throw new Error(first.error.message);
    const parsed = parseSidecar((await corpus.read('p.txt.jiaodui.json')).toString('utf8'));
    if (parsed.kind !== 'ok') throw new Error(parsed.message);
    expect(parsed.sidecar.lineOrigins).toEqual([[0, 2], [3], []]);
    expect(parsed.sidecar.source.format).toBe('text');

    // A save that does not send rejections (an older caller) keeps the stored ones.
    const again = await openOk('p.txt');
    expect(again.rejectedEntities).toEqual(rejectedEntities);
    const second = await savePage(corpus.root, requestFor(again, { text: again.text + '末' }), '0.1.0');
    if (!second.ok) throw new Error(second.error.message);
    expect((await openOk('p.txt')).rejectedEntities).toEqual(rejectedEntities);
  });

  it('keeps created from the previous sidecar and updates modified', async () => {
    await corpus.put('p.txt', ORIGINAL);
    const page = await openOk('p.txt');
    const first = await savePage(corpus.root, requestFor(page), '0.1.0', () => new Date('2026-01-01T00:00:00Z'));
    if (!first.ok) throw new Error(first.error.message);
    const second = await savePage(corpus.root, requestFor(page, { expectedSidecarHash: first.value.sidecarHash, status: 'in-progress' }), '0.1.0', () => new Date('2026-02-01T00:00:00Z'));
    if (!second.ok) throw new Error(second.error.message);
    const parsed = parseSidecar((await corpus.read('p.txt.jiaodui.json')).toString('utf8'));
    expect(parsed.kind === 'ok' && [parsed.sidecar.created, parsed.sidecar.modified]).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
  });

  it('refuses when the sidecar changed since the page was opened', async () => {
    await corpus.put('p.txt', ORIGINAL);
    const page = await openOk('p.txt');
    const first = await savePage(corpus.root, requestFor(page), '0.1.0');
    expect(first.ok).toBe(true);
    const stale = await savePage(corpus.root, requestFor(page, { text: 'stale' }), '0.1.0');
    expect(stale.ok ? null : stale.error.code).toBe('sidecar-changed');
  });

  it('refuses when the page file changed since it was opened, leaving no sidecar', async () => {
    await corpus.put('p.txt', ORIGINAL);
    const page = await openOk('p.txt');
    await corpus.put('p.txt', '别的内容');
    const r = await savePage(corpus.root, requestFor(page), '0.1.0');
    expect(r.ok ? null : r.error.code).toBe('sidecar-changed');
    await expect(corpus.read('p.txt.jiaodui.json')).rejects.toThrow();
  });

  it('refuses entities outside the text or quoting the wrong text', async () => {
    await corpus.put('p.txt', ORIGINAL);
    const page = await openOk('p.txt');
    const outside = await savePage(corpus.root, requestFor(page, { entities: [{ id: 'a', start: 100, end: 102, type: 'place', text: '北京' }] }), '0.1.0');
    expect(outside.ok ? null : outside.error.code).toBe('invalid-argument');
    const wrong = await savePage(corpus.root, requestFor(page, { entities: [{ id: 'a', start: 0, end: 2, type: 'org', text: '北京' }] }), '0.1.0');
    expect(wrong.ok ? null : wrong.error.code).toBe('invalid-argument');
  });

  it('counts entity offsets in code points past an astral character', async () => {
    await corpus.put('p.txt', ORIGINAL);
    const page = await openOk('p.txt');
    // "北京" follows "𠮷，" : code point 13 (UTF-16 index 14).
    const ok = await savePage(corpus.root, requestFor(page, { entities: [{ id: 'a', start: 13, end: 15, type: 'place', text: '北京' }] }), '0.1.0');
    expect(ok.ok).toBe(true);
  });

  it('stores the text in NFC', async () => {
    await corpus.put('p.txt', 'Cafe\n');
    const page = await openOk('p.txt');
    const r = await savePage(corpus.root, requestFor(page, { text: 'Cafe\u0301\n' }), '0.1.0');
    expect(r.ok).toBe(true);
    expect((await openOk('p.txt')).text).toBe('Caf\u00e9\n');
  });

  it('lets only one of two simultaneous saves from the same version win', async () => {
    await corpus.put('p.txt', ORIGINAL);
    const page = await openOk('p.txt');
    const results = await Promise.all([savePage(corpus.root, requestFor(page, { text: 'A' }), '0.1.0'), savePage(corpus.root, requestFor(page, { text: 'B' }), '0.1.0')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'sidecar-changed')).toHaveLength(1);
  });
});
