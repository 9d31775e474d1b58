import fs from 'node:fs';
import path from 'node:path';

/// How Playwright reaches a browser already installed on this machine: a Chromium executable (Linux) or a
/// branded channel (Chrome or Edge on macOS and Windows). Playwright never downloads a browser of its own here.
export type SystemBrowser = { kind: 'executable'; path: string } | { kind: 'channel'; channel: 'chrome' | 'msedge'; path: string };

/// The facts the choice depends on (injected so tests can describe any machine).
export interface BrowserProbe {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
}

const LINUX_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

function windowsCandidates(env: NodeJS.ProcessEnv, parts: string[]): string[] {
  const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((root): root is string => !!root);
  return roots.map((root) => parts.reduce((joined, part) => path.win32.join(joined, part), root));
}

/// The installed browser the e2e tests use, or null when there is none (preflight then says what to install).
export function findSystemBrowser(probe: BrowserProbe): SystemBrowser | null {
  const first = (files: string[]) => files.find((file) => probe.exists(file));
  if (probe.platform === 'darwin') {
    const chrome = first(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']);
    if (chrome) return { kind: 'channel', channel: 'chrome', path: chrome };
    const edge = first(['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']);
    return edge ? { kind: 'channel', channel: 'msedge', path: edge } : null;
  }
  if (probe.platform === 'win32') {
    const chrome = first(windowsCandidates(probe.env, ['Google', 'Chrome', 'Application', 'chrome.exe']));
    if (chrome) return { kind: 'channel', channel: 'chrome', path: chrome };
    const edge = first(windowsCandidates(probe.env, ['Microsoft', 'Edge', 'Application', 'msedge.exe']));
    return edge ? { kind: 'channel', channel: 'msedge', path: edge } : null;
  }
  const chromium = first(LINUX_CHROMIUM);
  return chromium ? { kind: 'executable', path: chromium } : null;
}

/// This machine's answer.
export function thisMachineBrowser(): SystemBrowser | null {
  return findSystemBrowser({ platform: process.platform, env: process.env, exists: (file) => fs.existsSync(file) });
}
