import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/commands/suggest';

let folder: string;
let page: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'jiaodui-suggest-'));
  page = path.join(folder, 'page.txt');
  // CRLF on disk: offsets must refer to the LF-normalised text.
  await writeFile(page, '𠮷市妇联共有 10 党员\r\n干部下沉社区,马騫在岗。\r\n', 'utf8');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }, out, err };
}

describe('suggest command', () => {
  it('prints suggestions as JSON with code-point offsets on the normalised page text', async () => {
    const { io, out } = collect();
    expect(await run([page, '--json'], io)).toBe(0);
    const list = JSON.parse(out.join('')) as { start: number; end: number; replacement: string; rule: string }[];
    expect(list.find((s) => s.rule === 'traditional')).toMatchObject({ start: 21, end: 22, replacement: '骞' });
    expect(list.find((s) => s.rule === 'cjk-spacing')).toMatchObject({ start: 6, end: 7 });
    expect(Object.keys(list[0]!).sort()).toEqual(['confidence', 'end', 'explanation', 'replacement', 'rule', 'start']);
  });

  it('writes the page with only the safe fixes applied and leaves the original untouched', async () => {
    const { io, out } = collect();
    const target = path.join(folder, 'fixed.txt');
    expect(await run([page, '--apply', 'safe', '--out', target], io)).toBe(0);
    expect(await readFile(target, 'utf8')).toBe('𠮷市妇联共有10党员干部下沉社区，马騫在岗。\n');
    expect(await readFile(page, 'utf8')).toContain('\r\n');
    expect(out.join('')).toContain('wrote');
  });

  it('exits 1 with a plain message when the page does not exist', async () => {
    const { io, err } = collect();
    expect(await run([path.join(folder, 'missing.txt')], io)).toBe(1);
    expect(err.join('')).toContain('does not exist');
  });

  it('exits 1 when the page is not text', async () => {
    const image = path.join(folder, 'scan.png');
    await writeFile(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const { io, err } = collect();
    expect(await run([image], io)).toBe(1);
    expect(err.join('')).toContain('PNG');
  });

  it('exits 2 on wrong usage: no page, unknown apply mode, missing --out, --out onto the page', async () => {
    for (const argv of [[], [page, '--apply', 'all', '--out', 'x.txt'], [page, '--apply', 'safe'], [page, '--apply', 'safe', '--out', page], [page, '--frob']]) {
      const { io, err } = collect();
      expect(await run(argv, io)).toBe(2);
      expect(err.join('')).toContain('Usage: suggest');
    }
  });
});
