import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../electron/launch-args';
import { chooseStartupCorpus } from '../../../electron/startup-corpus';
import { parseHarnessArgs } from '../../../scripts/harness-args';

describe('parseLaunchArgs', () => {
  it('reads --corpus and --user-data-dir among Electron and Chromium arguments', () => {
    const args = parseLaunchArgs(['/usr/bin/electron', 'dist/electron/main.cjs', '--no-sandbox', '--corpus', '/data/报纸', '--user-data-dir=/tmp/state', '--lang', 'en']);
    expect(args).toEqual({ corpus: '/data/报纸', userDataDir: '/tmp/state', lang: 'en' });
  });

  it('treats a flag without a value as absent', () => {
    expect(parseLaunchArgs(['electron', '--corpus']).corpus).toBeNull();
    expect(parseLaunchArgs(['electron', '--corpus', '--user-data-dir', '/s'])).toEqual({ corpus: null, userDataDir: '/s', lang: null });
    expect(parseLaunchArgs(['electron', '--corpus=']).corpus).toBeNull();
  });

  it('accepts only the two UI languages for --lang', () => {
    expect(parseLaunchArgs(['electron', '--lang=zh-CN']).lang).toBe('zh-CN');
    expect(parseLaunchArgs(['electron', '--lang', 'fr']).lang).toBeNull();
  });
});

describe('chooseStartupCorpus', () => {
  const base = { cliCorpus: null, currentCorpus: null, recentCorpora: [], sampleCorpus: '/app/sample-corpus' };

  it('opens the bundled sample corpus on a first start', () => {
    expect(chooseStartupCorpus(base)).toBe('/app/sample-corpus');
  });

  it('reopens the most recent corpus instead of the sample once one was opened before', () => {
    expect(chooseStartupCorpus({ ...base, recentCorpora: ['/data/b', '/data/a'] })).toBe('/data/b');
  });

  it('leaves an already open corpus alone', () => {
    expect(chooseStartupCorpus({ ...base, currentCorpus: '/data/b', recentCorpora: ['/data/b'] })).toBeNull();
  });

  it('lets the command line win over everything', () => {
    expect(chooseStartupCorpus({ ...base, cliCorpus: '/cli', currentCorpus: '/data/b', recentCorpora: ['/data/b'] })).toBe('/cli');
  });

  it('opens nothing on a first start when no sample corpus is shipped', () => {
    expect(chooseStartupCorpus({ ...base, sampleCorpus: null })).toBeNull();
  });
});

describe('parseHarnessArgs', () => {
  it('reads every option, in both --flag value and --flag=value forms', () => {
    const parsed = parseHarnessArgs(['--corpus', 'pages', '--port=8123', '--lang', 'zh-CN', '--state', 's.json', '--no-build']);
    expect(parsed).toEqual({ ok: true, value: { corpus: 'pages', port: 8123, lang: 'zh-CN', state: 's.json', noBuild: true } });
  });

  it('defaults to port 0 (pick a free port) and no corpus', () => {
    expect(parseHarnessArgs([])).toEqual({ ok: true, value: { corpus: null, port: 0, lang: null, state: null, noBuild: false } });
  });

  it('refuses unknown flags, bad ports and unknown languages with a plain message', () => {
    expect(parseHarnessArgs(['--prot', '1'])).toEqual({ ok: false, message: 'Unknown argument --prot.' });
    expect(parseHarnessArgs(['--port', '70000']).ok).toBe(false);
    expect(parseHarnessArgs(['--port', 'abc']).ok).toBe(false);
    expect(parseHarnessArgs(['--lang', 'fr'])).toEqual({ ok: false, message: '--lang must be en or zh-CN.' });
    expect(parseHarnessArgs(['--corpus'])).toEqual({ ok: false, message: '--corpus needs a folder.' });
  });
});
