// The `import <layout-file> [--json]` command, run on real files in a temporary folder.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as importCommand from '../../../electron/cli/commands/import';
import { run } from '../../../electron/cli/commands/import';
import type { CliCommand } from '../../../electron/cli/io';
import type { LayoutPage } from '../../../shared/layout/types';
import { fixturesDir, repoRoot, scansDir } from './test-support';

/// Runs the command as the CLI would, from `cwd`, collecting what it writes (one line per call, as processIo does).
async function runImport(argv: string[], cwd = repoRoot) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += `${s}\n`), stderr: (s) => (stderr += `${s}\n`), cwd });
  return { code, stdout, stderr };
}

describe('the import command', () => {
  it('has the shape the CLI dispatcher expects', () => {
    const command: CliCommand = importCommand;
    expect(command.summary).toMatch(/hOCR, ALTO or PAGE XML/);
    expect(command.usage).toMatch(/^Usage: jiaodui import/);
  });

  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-import-'));
    await copyFile(path.join(fixturesDir, 'page-2019.xml'), path.join(dir, 'page 2019.xml'));
    await copyFile(path.join(fixturesDir, 'broken-unclosed.hocr'), path.join(dir, 'broken.hocr'));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(await readFixture('alto-v3.xml'), 'utf16le')]);
    await writeFile(path.join(dir, 'utf16.xml'), utf16);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the page as JSON with text, per-line regions, polygons, confidences and the image', async () => {
    const { code, stdout, stderr } = await runImport([path.join(dir, 'page 2019.xml'), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const page = JSON.parse(stdout) as LayoutPage;
    expect(page.image).toBe('images/page-2019.jpg');
    expect(page.text).toBe('头版头条\n\n𠮷祥如意\n\n第二段\n\n页脚');
    expect(page.lines[0]).toMatchObject({
      text: '头版头条',
      region: { x: 100, y: 100, width: 1800, height: 200 },
      polygon: [[100, 100], [1900, 120], [1890, 300], [110, 280]],
      confidence: 0.97,
    });
  });

  it('reads the shared Tesseract hOCR sample, resolving a relative path against the working folder', async () => {
    const { code, stdout } = await runImport(['--json', 'pharmacy-supply.hocr'], scansDir);
    expect(code).toBe(0);
    const page = JSON.parse(stdout) as LayoutPage;
    expect(page).toMatchObject({ format: 'hocr', image: 'pharmacy-supply.jpg', imageWidth: 1876, imageHeight: 2632 });
    expect(page.lines).toHaveLength(14);
  });

  it('decodes a UTF-16 file with a byte-order mark', async () => {
    const { code, stdout } = await runImport([path.join(dir, 'utf16.xml'), '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as LayoutPage).text).toBe('𠮷早报，\n\nPage 2');
  });

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await runImport([path.join(dir, 'page 2019.xml')]);
    expect(code).toBe(0);
    expect(stdout).toContain('format: page 2019-07-15');
    expect(stdout).toContain('image:  images/page-2019.jpg (2000×3000 px)');
    expect(stdout).toMatch(/^ +1 +97% +100,100 1800×200 +头版头条$/m);
  });

  it('exits 1 naming the file and the line for malformed XML', async () => {
    const file = path.join(dir, 'broken.hocr');
    const { code, stdout, stderr } = await runImport([file, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}: line 8, column 3: the XML is malformed`);
  });

  it('exits 1 for a missing file, saying so', async () => {
    const { code, stderr } = await runImport([path.join(dir, 'nope.xml')]);
    expect(code).toBe(1);
    expect(stderr).toContain('nope.xml: no such file');
    expect(stderr).not.toContain('Usage');
  });

  it('exits 1 for a folder', async () => {
    const { code, stderr } = await runImport([dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('it is a folder');
  });

  it('exits 2 with the usage for no file, two files or an unknown option', async () => {
    for (const argv of [[], ['a.xml', 'b.xml'], ['a.xml', '--yaml']]) {
      const { code, stderr } = await runImport(argv);
      expect(code).toBe(2);
      expect(stderr).toContain('Usage: jiaodui import <layout-file> [--json]');
    }
  });

  it('prints the usage on stdout and exits 0 for --help', async () => {
    const { code, stdout } = await runImport(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: jiaodui import');
  });
});

async function readFixture(name: string): Promise<string> {
  return readFile(path.join(fixturesDir, name), 'utf8');
}
