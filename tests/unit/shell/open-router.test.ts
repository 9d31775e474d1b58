import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../electron/launch-args';
import { createOpenRouter, folderOfSecondLaunch, launchData } from '../../../electron/open-router';

function setup(defaultApp = false) {
  const calls: string[] = [];
  const router = createOpenRouter({ showWindow: () => calls.push('show'), requestOpen: (folder) => calls.push(`open ${folder}`) }, { defaultApp });
  return { router, calls };
}
const abs = (p: string) => path.resolve(p);

describe('jiaodui <folder> on the command line', () => {
  it('takes the first argument that is not a flag as the folder, after the executable', () => {
    expect(parseLaunchArgs(['C:\\Program Files\\Jiaodui\\Jiaodui.exe', 'D:\\报纸\\1950']).corpus).toBe('D:\\报纸\\1950');
    expect(parseLaunchArgs(['/opt/Jiaodui/jiaodui', '--no-sandbox', '--lang', 'en', '~/𠮷 scans']).corpus).toBe('~/𠮷 scans');
  });

  it('skips the app path when Electron runs it as a default app, and macOS -psn_ arguments', () => {
    expect(parseLaunchArgs(['electron', 'dist/electron/main.cjs', '/data/a'], { defaultApp: true }).corpus).toBe('/data/a');
    expect(parseLaunchArgs(['electron', 'dist/electron/main.cjs'], { defaultApp: true }).corpus).toBeNull();
    expect(parseLaunchArgs(['/Applications/Jiaodui.app/Contents/MacOS/Jiaodui', '-psn_0_12345']).corpus).toBeNull();
  });

  it('lets --corpus win over a positional folder, and never takes a flag value as the folder', () => {
    expect(parseLaunchArgs(['jiaodui', '/data/a', '--corpus', '/data/b']).corpus).toBe('/data/b');
    expect(parseLaunchArgs(['jiaodui', '--user-data-dir', '/state', '--lang', 'zh-CN']).corpus).toBeNull();
  });
});

describe('open router', () => {
  it('keeps a folder that arrives before start-up (macOS open-file) as the start-up folder, over the command line', () => {
    const { router, calls } = setup();
    let prevented = false;
    router.openFile({ preventDefault: () => (prevented = true) }, '/data/dock');
    expect(prevented).toBe(true);
    expect(calls).toEqual([]);
    expect(router.takeStartupFolder('/data/cli')).toBe(abs('/data/dock'));
  });

  it('uses the command line at start-up when nothing came earlier', () => {
    expect(setup().router.takeStartupFolder('/data/cli')).toBe('/data/cli');
    expect(setup().router.takeStartupFolder(null)).toBeNull();
  });

  it('after start-up, shows the window and asks the renderer to open a folder from a second launch or open-file', () => {
    const { router, calls } = setup();
    router.takeStartupFolder(null);
    router.secondInstance({ argv: ['/opt/Jiaodui/jiaodui', 'papers'], workingDirectory: '/home/编辑', additionalData: {} });
    router.openFile({ preventDefault: () => {} }, '/Volumes/扫描 𠮷');
    expect(calls).toEqual(['show', `open ${abs('/home/编辑/papers')}`, 'show', `open ${abs('/Volumes/扫描 𠮷')}`]);
  });

  it('only shows the window for a second launch without a folder', () => {
    const { router, calls } = setup();
    router.takeStartupFolder(null);
    router.secondInstance({ argv: ['/opt/Jiaodui/jiaodui', '--flag'], workingDirectory: '/' });
    expect(calls).toEqual(['show']);
  });

  it('reads the folder from the lock data first, then the arguments (default app: after the app path)', () => {
    expect(folderOfSecondLaunch({ argv: ['x', 'y'], workingDirectory: '/w', additionalData: { folder: abs('/data/from-lock') } }, false)).toBe(abs('/data/from-lock'));
    // Only an absolute folder from the lock data is taken; anything else falls back to the arguments.
    expect(folderOfSecondLaunch({ argv: ['x', 'y'], workingDirectory: abs('/w'), additionalData: { folder: 'rel' } }, false)).toBe(abs('/w/y'));
    expect(folderOfSecondLaunch({ argv: ['electron', 'main.cjs'], workingDirectory: '/w', additionalData: null }, true)).toBeNull();
  });

  it('sends the launch folder resolved against the launch folder with the lock request, or nothing', () => {
    expect(launchData('papers', abs('/home/a'))).toEqual({ folder: abs('/home/a/papers') });
    expect(launchData(null, '/home/a')).toEqual({});
  });
});
