import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userSampleCorpus } from '../../../electron/sample-corpus';
import { openAppStore } from '../../../electron/services/app/app-state';
import { welcomeWanted } from '../../../renderer/components/Welcome';

const bundled = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'sample-corpus');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-first-run-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the sample corpus on a first start', () => {
  it('is copied into the app-data folder once, and the copy is what opens', () => {
    const userData = path.join(dir, 'Jiaodui');
    const copy = userSampleCorpus(bundled, userData);
    expect(copy).toBe(path.join(userData, 'sample-corpus'));
    const page = path.join('1987-03', 'page-01.txt');
    expect(fs.readFileSync(path.join(copy, page), 'utf8')).toBe(fs.readFileSync(path.join(bundled, page), 'utf8'));
    expect(fs.readdirSync(userData)).toEqual(['sample-corpus']);
  });

  it('keeps an existing copy with the user’s work as it is', () => {
    const userData = path.join(dir, 'Jiaodui');
    const copy = userSampleCorpus(bundled, userData);
    const sidecar = path.join(copy, '1987-03', 'page-01.txt.jiaodui.json');
    fs.writeFileSync(sidecar, '{"text":"𠮷"}');
    fs.rmSync(path.join(copy, 'english'), { recursive: true });
    expect(userSampleCorpus(bundled, userData)).toBe(copy);
    expect(fs.readFileSync(sidecar, 'utf8')).toBe('{"text":"𠮷"}');
    expect(fs.existsSync(path.join(copy, 'english'))).toBe(false);
  });
});

describe('the welcome', () => {
  it('shows when the main process asks for it and the user has not dismissed it', () => {
    expect(welcomeWanted('?welcome=1', undefined)).toBe(true);
    expect(welcomeWanted('?lang=en&welcome=1', false)).toBe(true);
    expect(welcomeWanted('?welcome=1', true)).toBe(false);
    expect(welcomeWanted('?lang=en', undefined)).toBe(false);
  });

  it('stays dismissed across restarts (a preference in the app-data state file)', async () => {
    const file = path.join(dir, 'state.json');
    const store = await openAppStore(file);
    expect(store.preferences().welcomeDismissed).toBeUndefined();
    await store.setPreferences({ welcomeDismissed: true });
    expect((await openAppStore(file)).preferences().welcomeDismissed).toBe(true);
  });
});
