import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArgsOf } from '../../../electron/cli-route';
import { loadBundledMain, waitFor, type FakeElectronRecord } from './bundled-main';

describe('cliArgsOf', () => {
  it('finds a CLI command after the executable (installed) or after the script (electron main.cjs)', () => {
    expect(cliArgsOf(['/opt/Jiaodui/jiaodui', 'validate', 'x'], true)).toEqual(['validate', 'x']);
    expect(cliArgsOf(['electron', 'dist/electron/main.cjs', 'export', '--help'], false)).toEqual(['export', '--help']);
    expect(cliArgsOf(['jiaodui', '--no-sandbox', '--ozone-platform=headless', 'suggest', 'a.txt'], true)).toEqual(['suggest', 'a.txt']);
  });

  it('leaves ordinary launches to the app', () => {
    expect(cliArgsOf(['/opt/Jiaodui/jiaodui'], true)).toBeNull();
    expect(cliArgsOf(['/opt/Jiaodui/jiaodui', '--corpus', 'validate'], true)).toBeNull();
    expect(cliArgsOf(['/opt/Jiaodui/jiaodui', '/home/ann/报纸'], true)).toBeNull();
    expect(cliArgsOf(['electron', 'main.cjs'], false)).toBeNull();
  });
});

describe('the bundled main process run as `jiaodui validate <corpus>` (fake electron)', () => {
  let dir: string;
  let record: FakeElectronRecord;
  let stdout = '';
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-cli-route-'));
    const corpus = path.join(dir, '报纸');
    await fs.mkdir(corpus);
    await fs.writeFile(path.join(corpus, '甲.txt'), '𠮷野家\n');
    // A sidecar that is not JSON: validate reports a problem and exits 1.
    await fs.writeFile(path.join(corpus, '甲.txt.jiaodui.json'), '{ not json');
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      stdout += String(chunk);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      record = await loadBundledMain(dir, ['validate', corpus]);
      await waitFor(() => record.exitCodes.length > 0);
    } finally {
      process.stdout.write = write;
    }
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('runs the CLI command and exits with its code, without a window, single-instance lock or crash reporter', () => {
    expect(record.exitCodes).toEqual([1]);
    expect(record.windows).toHaveLength(0);
    expect(record.singleInstanceAsked).toBe(false);
    expect(record.crashReporter).toBeNull();
    expect(stdout).toContain('甲');
  });
});
