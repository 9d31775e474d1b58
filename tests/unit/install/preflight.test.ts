import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTALL_ADVICE, missingNeeds, type PreflightProbe } from '../../../scripts/preflight-checks';
import { findSystemBrowser } from '../../../scripts/system-browser';

const machine = (platform: NodeJS.Platform, files: string[], commands: string[], cjk: boolean, env: NodeJS.ProcessEnv = {}): PreflightProbe => ({
  platform,
  env,
  exists: (file) => files.includes(file),
  hasCommand: (command) => commands.includes(command),
  hasCjkFont: () => cjk,
});

describe('preflight of npm test', () => {
  it('passes a Debian machine with Chromium, a CJK font, xmllint and jing', () => {
    expect(missingNeeds(machine('linux', ['/usr/bin/chromium'], ['xmllint', 'jing'], true))).toEqual([]);
  });

  it('names every missing package, in order', () => {
    expect(missingNeeds(machine('linux', [], [], false))).toEqual(['browser', 'cjk-font', 'xmllint', 'jing']);
    expect(missingNeeds(machine('darwin', [], ['xmllint'], true))).toEqual(['browser', 'jing']);
  });

  it('gives one sentence per package with the Debian/Ubuntu, macOS and Windows way to install it', () => {
    for (const advice of Object.values(INSTALL_ADVICE)) {
      expect(advice).toContain('Debian/Ubuntu');
      expect(advice).toContain('macOS');
      expect(advice).toContain('Windows');
      expect(advice).not.toContain('\n');
      // One sentence: a single full stop, at the end.
      expect(advice.replace(/`[^`]*`/g, '').match(/\.(\s|$)/g)).toHaveLength(1);
    }
    expect(INSTALL_ADVICE['cjk-font']).toContain('fonts-noto-cjk');
    expect(INSTALL_ADVICE.browser).toContain('apt-get install chromium');
  });
});

describe('the browser the e2e tests use', () => {
  it('is Debian’s Chromium on Linux', () => {
    expect(findSystemBrowser(machine('linux', ['/usr/bin/chromium'], [], true))).toEqual({ kind: 'executable', path: '/usr/bin/chromium' });
  });

  it('is an installed Chrome, else Edge, on macOS, through Playwright’s channel', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findSystemBrowser(machine('darwin', [chrome, edge], [], true))).toMatchObject({ kind: 'channel', channel: 'chrome' });
    expect(findSystemBrowser(machine('darwin', [edge], [], true))).toMatchObject({ kind: 'channel', channel: 'msedge' });
    expect(findSystemBrowser(machine('darwin', ['/usr/bin/chromium'], [], true))).toBeNull();
  });

  it('is Chrome or Edge from Program Files or the user’s programs on Windows', () => {
    const env = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\编辑\\AppData\\Local' };
    const edge = path.win32.join(env['ProgramFiles(x86)'], 'Microsoft', 'Edge', 'Application', 'msedge.exe');
    const chrome = path.win32.join(env.LOCALAPPDATA, 'Google', 'Chrome', 'Application', 'chrome.exe');
    expect(findSystemBrowser(machine('win32', [edge], [], true, env))).toEqual({ kind: 'channel', channel: 'msedge', path: edge });
    expect(findSystemBrowser(machine('win32', [edge, chrome], [], true, env))).toEqual({ kind: 'channel', channel: 'chrome', path: chrome });
    expect(findSystemBrowser(machine('win32', [], [], true, env))).toBeNull();
  });
});
