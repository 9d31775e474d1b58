import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppStore } from '../../../electron/services/app/app-state';
import { NO_WINDOW_STATES } from '../../../electron/window-state';

// The app state's desktop fields (issue 18): remembered window states and clearing the recent list.
let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-state-window-'));
  file = path.join(dir, 'state.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const states = {
  last: '0,0,1440x900',
  byDisplay: { '0,0,1440x900': { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true, fullScreen: false } },
};

describe('app state: window and recent corpora', () => {
  it('starts with no remembered window and keeps one across restarts', async () => {
    const store = await openAppStore(file);
    expect(store.windowStates()).toEqual(NO_WINDOW_STATES);
    await store.setWindowStates(states);
    expect((await openAppStore(file)).windowStates()).toEqual(states);
  });

  it('reads a state file written before window states existed, and drops only a damaged window entry', async () => {
    await writeFile(file, JSON.stringify({ preferences: { language: 'en', autosaveSeconds: 5 }, recentCorpora: ['/a'], lastPages: {} }));
    expect((await openAppStore(file)).windowStates()).toEqual(NO_WINDOW_STATES);
    await writeFile(file, JSON.stringify({ preferences: { language: 'en', autosaveSeconds: 5 }, recentCorpora: ['/a'], windowStates: { last: 1, byDisplay: { k: { bounds: { x: 'no' } } } } }));
    const store = await openAppStore(file);
    expect(store.windowStates()).toEqual(NO_WINDOW_STATES);
    expect(store.recentCorpora()).toEqual(['/a']);
  });

  it('hands out copies, so a caller changing one does not change the store', async () => {
    const store = await openAppStore(file);
    await store.setWindowStates(states);
    store.windowStates().byDisplay['0,0,1440x900']!.maximized = false;
    expect(store.windowStates()).toEqual(states);
  });

  it('clears the recent list (Clear Recently Opened) and saves it empty', async () => {
    const store = await openAppStore(file);
    await store.addRecentCorpus('/data/甲');
    await store.addRecentCorpus('/data/𠮷');
    await store.clearRecentCorpora();
    expect(store.recentCorpora()).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8')).recentCorpora).toEqual([]);
  });
});
