import { beforeEach, describe, expect, it } from 'vitest';
import { PageSession } from '../../../renderer/page/page-session';
import { FakeApi, FakeClock, TestEditor, settle } from './fakes';

let api: FakeApi;
let clock: FakeClock;
let session: PageSession;
let editor: TestEditor;

function mount(): void {
  const state = session.getState();
  editor = new TestEditor(state.page!);
  session.attachEditor(state.load, editor.port);
}
async function open(path: string): Promise<void> {
  expect(await session.open(path)).toBe(true);
  mount();
}
function type(text: string): void {
  editor.type(text);
  session.changed();
}

beforeEach(() => {
  api = new FakeApi();
  api.addPage('a.txt', '甲乙𠮷\n丙丁');
  clock = new FakeClock();
  session = new PageSession({ api, clock, autosaveSeconds: 5 });
});

describe('PageSession: a refused save', () => {
  it('opens the comparison; "keep mine" saves over the disk version against its new hash', async () => {
    await open('a.txt');
    api.writeSidecarOutside('a.txt', '他们的文本');
    type('我');
    expect(await session.save()).toBe(false);
    const { conflict, save } = session.getState();
    expect(save).toMatchObject({ kind: 'error', code: 'sidecar-changed' });
    expect(conflict).toMatchObject({ reason: 'save-refused', mine: { text: '我甲乙𠮷\n丙丁' } });
    expect(conflict!.theirs?.text).toBe('他们的文本');
    expect(api.disk.get('a.txt')!.sidecar?.text).toBe('他们的文本');

    session.keepMine(conflict!.mine);
    expect(session.getState()).toMatchObject({ conflict: null, dirty: true });
    mount(); // the new editor, showing mine, saves once mounted
    await settle();
    expect(api.disk.get('a.txt')!.sidecar?.text).toBe('我甲乙𠮷\n丙丁');
    expect(session.getState()).toMatchObject({ dirty: false, save: { kind: 'saved' } });
  });

  it('"take theirs" shows the disk version, unsaved work and its journal dropped', async () => {
    await open('a.txt');
    type('我');
    await clock.advance(1000);
    api.writeSidecarOutside('a.txt', '他们的文本');
    await session.save();
    await session.takeTheirs();
    expect(session.getState()).toMatchObject({ conflict: null, dirty: false });
    expect(session.getState().page?.text).toBe('他们的文本');
    expect(api.journal.has('a.txt')).toBe(false);
  });
});

describe('PageSession: files changed outside the app', () => {
  it('reloads the open page silently when nothing is unsaved', async () => {
    await open('a.txt');
    const load = session.getState().load;
    api.writeSidecarOutside('a.txt', '新的');
    await session.filesChanged([{ path: 'a.txt.jiaodui.json', kind: 'changed' }]);
    expect(session.getState().load).toBe(load + 1);
    expect(session.getState().page?.text).toBe('新的');
    expect(session.getState().conflict).toBeNull();
  });

  it('opens the comparison when there is unsaved work, touching nothing on disk', async () => {
    await open('a.txt');
    type('我');
    api.writeSidecarOutside('a.txt', '新的');
    await session.filesChanged([{ path: 'a.txt.jiaodui.json', kind: 'changed' }]);
    expect(session.getState().conflict).toMatchObject({ reason: 'external-change', mine: { text: '我甲乙𠮷\n丙丁' } });
    expect(session.getState().conflict?.theirs?.text).toBe('新的');
    expect(api.saves).toHaveLength(0);
    expect(session.getState().dirty).toBe(true);
  });

  it('ignores the change its own save made, and changes of other files', async () => {
    await open('a.txt');
    type('我');
    await session.save();
    type('再');
    const load = session.getState().load;
    await session.filesChanged([{ path: 'a.txt.jiaodui.json', kind: 'changed' }]);
    await session.filesChanged([{ path: 'other.txt', kind: 'added' }]);
    expect(session.getState()).toMatchObject({ load, conflict: null, dirty: true });
  });
});

describe('PageSession: the recovery journal', () => {
  async function crashWithWork(): Promise<void> {
    await open('a.txt');
    type('恢复');
    await clock.advance(1000);
    expect(api.journal.get('a.txt')?.text).toBe('恢复甲乙𠮷\n丙丁');
    // The app dies: a new session (a restart) on the same main process state.
    session.dispose();
    session = new PageSession({ api, clock, autosaveSeconds: 5 });
  }

  it('offers the work back when the page is unchanged on disk; Restore then save clears it', async () => {
    await crashWithWork();
    await open('a.txt');
    expect(session.getState().recovery?.record.text).toBe('恢复甲乙𠮷\n丙丁');
    expect(session.getState().page?.text).toBe('甲乙𠮷\n丙丁');
    session.restore();
    mount();
    expect(session.getState()).toMatchObject({ recovery: null, dirty: true });
    expect(session.getState().page?.text).toBe('恢复甲乙𠮷\n丙丁');
    expect(await session.save()).toBe(true);
    expect(api.disk.get('a.txt')!.sidecar?.text).toBe('恢复甲乙𠮷\n丙丁');
    expect(api.journal.has('a.txt')).toBe(false);
  });

  it('Discard forgets the work', async () => {
    await crashWithWork();
    await open('a.txt');
    await session.dropRecovery();
    expect(session.getState().recovery).toBeNull();
    expect(api.journal.has('a.txt')).toBe(false);
  });

  it('offers a comparison, not a restore, when the sidecar changed since', async () => {
    await crashWithWork();
    api.writeSidecarOutside('a.txt', '别人改过');
    await open('a.txt');
    expect(session.getState().recovery).toBeNull();
    expect(session.getState().conflict).toMatchObject({ reason: 'journal', mine: { text: '恢复甲乙𠮷\n丙丁' } });
    expect(session.getState().page?.text).toBe('别人改过');
  });
});
