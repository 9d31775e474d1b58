import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as entitiesCommand from '../../../electron/cli/commands/entities';
import { run } from '../../../electron/cli/commands/entities';
import type { CliCommand } from '../../../electron/cli/io';

// Checked by the compiler: the module can be listed in the CLI's command table as it is.
const asCommand: CliCommand = entitiesCommand;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'jiaodui-entities-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runCli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('entities --suggest', () => {
  it('prints suggestions as JSON with code-point offsets on the normalised page text', async () => {
    const page = path.join(dir, 'page.txt');
    // CRLF line endings and a decomposed character: offsets must refer to the LF, NFC text.
    await writeFile(page, '𠮷标题e\u0301\r\n\r\n记者 张三丰\r\n11月30日下午，副县长陈大明在平城区人民医院说', 'utf8');
    const { code, stdout, stderr } = await runCli(page, '--suggest', '--json', '--sources', 'rule');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const found = JSON.parse(stdout) as { start: number; end: number; text: string; type: string; source: string; confidence: number }[];
    const text = Array.from('𠮷标题\u00e9\n\n记者 张三丰\n11月30日下午，副县长陈大明在平城区人民医院说');
    expect(found.map((f) => [f.text, f.type])).toEqual([
      ['张三丰', 'PER'],
      ['11月30日下午', 'DATE'],
      ['陈大明', 'PER'],
      ['平城区人民医院', 'ORG'],
    ]);
    for (const f of found) {
      expect(text.slice(f.start, f.end).join('')).toBe(f.text);
      expect(Object.keys(f).sort()).toEqual(['confidence', 'end', 'source', 'start', 'text', 'type']);
    }
  });

  it('reads GBK pages and uses a known-entities file', async () => {
    const page = path.join(dir, 'gbk.txt');
    await writeFile(page, iconv.encode('今天魏芳在值班，魏芳说很好。这是一段足够长的中文文本，用来让编码检测可靠地识别出GBK编码。', 'gbk'));
    const known = path.join(dir, 'known.json');
    await writeFile(known, JSON.stringify({ 魏芳: 'PER' }));
    const { code, stdout } = await runCli(page, '--suggest', '--json', '--known', known, '--sources', 'known');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { start: 2, end: 4, text: '魏芳', type: 'PER', source: 'known', confidence: 0.9 },
      { start: 8, end: 10, text: '魏芳', type: 'PER', source: 'known', confidence: 0.9 },
    ]);
  });

  it('runs the jieba segmenter by default and prints a table without --json', async () => {
    const page = path.join(dir, 'plain.txt');
    await writeFile(page, '朔州市公安局民警巡逻至朔城区', 'utf8');
    const { code, stdout } = await runCli(page, '--suggest');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('start\tend\ttype\tsource\tconfidence\ttext');
    expect(stdout).toContain('朔城区');
  });

  it('resolves a relative page path against the folder the CLI was started in', async () => {
    await writeFile(path.join(dir, 'rel.txt'), '记者 张三丰', 'utf8');
    let stdout = '';
    const code = await asCommand.run(['rel.txt', '--suggest', '--json', '--sources', 'rule'], {
      stdout: (s) => (stdout += s),
      stderr: () => {},
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ start: 3, end: 6, text: '张三丰', type: 'PER', source: 'rule', confidence: 0.9 }]);
    expect(asCommand.summary).toMatch(/people/);
  });

  it('exits 1 with a plain message when the page does not exist', async () => {
    const { code, stderr } = await runCli(path.join(dir, 'missing.txt'), '--suggest', '--json');
    expect(code).toBe(1);
    expect(stderr).toMatch(/does not exist/);
  });

  it('exits 1 when the known-entities file is not a JSON object', async () => {
    const page = path.join(dir, 'p.txt');
    await writeFile(page, '文本', 'utf8');
    const known = path.join(dir, 'known.json');
    await writeFile(known, '["魏芳"]');
    const { code, stderr } = await runCli(page, '--suggest', '--known', known);
    expect(code).toBe(1);
    expect(stderr).toMatch(/must be a JSON object/);
  });

  it('exits 2 on wrong usage', async () => {
    expect((await runCli('page.txt')).code).toBe(2);
    expect((await runCli('--suggest')).stderr).toMatch(/expected exactly one page file/);
    expect((await runCli('a.txt', '--suggest', '--sources', 'magic')).stderr).toMatch(/unknown source magic/);
    expect((await runCli('a.txt', '--suggest', '--frobnicate')).code).toBe(2);
    expect((await runCli('--help')).code).toBe(0);
  });
});
