import { beforeEach, describe, expect, it } from 'vitest';
import { PageSession } from '../../../renderer/page/page-session';
import { FakeApi, FakeClock, TestEditor, settle } from './fakes';

let api: FakeApi;
let clock: FakeClock;
let session: PageSession;
let editor: TestEditor;

/// Opens `path` and mounts a real editor state on it, as PageEditor does.
async function open(path: string): Promise<boolean> {
  const opened = await session.open(path);
  if (opened) mount();
  return opened;
}
function mount(): void {
  const state = session.getState();
  editor = new TestEditor(state.page!);
  session.attachEditor(state.load, editor.port);
}
function type(text: string): void {
  editor.type(text);
  session.changed();
}

beforeEach(() => {
  api = new FakeApi();
  api.addPage('a.txt', '甲乙𠮷\n丙丁');
  api.addPage('b.txt', '戊己');
  clock = new FakeClock();
  session = new PageSession({ api, clock, autosaveSeconds: 5 });
});

describe('PageSession: saving', () => {
  it('opens a page clean, remembers it for the corpus, and becomes dirty on typing', async () => {
    await open('a.txt');
    expect(session.getState()).toMatchObject({ path: 'a.txt', dirty: false, error: null });
    expect(api.remembered).toEqual([{ path: 'a.txt', caret: 0 }]);
    type('𠮷');
    expect(session.getState().dirty).toBe(true);
    expect(api.dirtyFlags).toEqual([true]);
  });

  it('remembers the caret within a second even while transactions keep coming', async () => {
    await open('a.txt');
    for (let i = 0; i < 6; i++) {
      editor.type('X');
      session.transaction();
      await clock.advance(400);
    }
    expect(api.remembered.length).toBeGreaterThan(1);
    expect(api.remembered.at(-1)!.path).toBe('a.txt');
    expect(api.remembered.at(-1)!.caret).toBeGreaterThan(0);
  });

  it('journals steady typing within a second, though the typing never pauses', async () => {
    await open('a.txt');
    for (let i = 0; i < 10; i++) {
      type('X');
      await clock.advance(200);
    }
    expect(api.journalWrites).toBeGreaterThanOrEqual(3);
    expect(api.journal.get('a.txt')!.text.startsWith('XXXXXXXX')).toBe(true);
  });

  it('autosaves after the pause, writes the journal within a second, and clears it once saved', async () => {
    await open('a.txt');
    type('X');
    await clock.advance(1000);
    expect(api.journal.get('a.txt')?.text).toBe('X甲乙𠮷\n丙丁');
    expect(api.saves).toHaveLength(0);
    await clock.advance(4000);
    expect(api.saves.map((s) => s.text)).toEqual(['X甲乙𠮷\n丙丁']);
    expect(session.getState()).toMatchObject({ dirty: false, save: { kind: 'saved' } });
    expect(api.journal.has('a.txt')).toBe(false);
  });

  it('keeps an edit typed while the save ran unsaved', async () => {
    await open('a.txt');
    type('X');
    api.holdSaves = true;
    const saving = session.save();
    await settle();
    type('Y');
    api.release();
    expect(await saving).toBe(true);
    expect(api.saves[0]!.text).toBe('X甲乙𠮷\n丙丁');
    expect(session.getState().dirty).toBe(true);
  });

  it('writes nothing when the edits were undone back to what was loaded', async () => {
    await open('a.txt');
    const loaded = editor.state;
    type('X');
    editor.state = loaded.apply(loaded.tr.insertText('Y', 1));
    editor.state = editor.state.apply(editor.state.tr.delete(1, 2));
    session.changed();
    expect(session.getState().dirty).toBe(false);
    await clock.advance(10_000);
    expect(await session.save()).toBe(true);
    expect(api.saves).toHaveLength(0);
    expect(api.disk.get('a.txt')!.sidecar).toBeNull();
    expect(api.journal.has('a.txt')).toBe(false);
  });

  it('runs an autosave and Ctrl+S one after the other, the second writing nothing new', async () => {
    await open('a.txt');
    type('X');
    api.holdSaves = true;
    const ctrlS = session.save();
    await clock.advance(5000); // the autosave comes due while Ctrl+S waits for its answer
    const autosave = session.save();
    api.release();
    await settle();
    api.release();
    expect(await ctrlS).toBe(true);
    expect(await autosave).toBe(true);
    expect(api.saves).toHaveLength(1);
    expect(session.getState().save.kind).toBe('saved');
  });

  it('a status change alone is unsaved work, and setting it back is not', async () => {
    await open('a.txt');
    session.setStatus('reviewed');
    expect(session.getState().dirty).toBe(true);
    session.setStatus('unreviewed');
    expect(session.getState().dirty).toBe(false);
  });
});

describe('PageSession: leaving the page', () => {
  it('waits for a save in flight before leaving, and asks nothing when it saved everything', async () => {
    await open('a.txt');
    type('X');
    api.holdSaves = true;
    const saving = session.save();
    const leaving = session.open('b.txt');
    await settle();
    expect(session.getState().prompt).toBeNull();
    api.release();
    expect(await saving).toBe(true);
    expect(await leaving).toBe(true);
    expect(session.getState().prompt).toBeNull();
    expect(session.getState().page?.path).toBe('b.txt');
    expect(api.disk.get('a.txt')!.sidecar?.text).toBe('X甲乙𠮷\n丙丁');
  });

  it('asks Save / Discard / Cancel after Ctrl+S when work was typed after it, and Cancel stays', async () => {
    await open('a.txt');
    type('X');
    api.holdSaves = true;
    void session.save();
    await settle();
    type('Y');
    const leaving = session.open('b.txt');
    api.release();
    await settle();
    expect(session.getState().prompt).toEqual({ page: 'a.txt' });
    session.answer('cancel');
    expect(await leaving).toBe(false);
    expect(session.getState()).toMatchObject({ prompt: null, path: 'a.txt', dirty: true });
  });

  it('Discard leaves the page and forgets its journal; Save saves first', async () => {
    await open('a.txt');
    type('X');
    await clock.advance(1000);
    expect(api.journal.has('a.txt')).toBe(true);
    const leaving = session.open('b.txt');
    await settle();
    session.answer('discard');
    expect(await leaving).toBe(true);
    expect(api.journal.has('a.txt')).toBe(false);
    expect(api.saves).toHaveLength(0);
    mount();
    type('Z');
    const back = session.open('a.txt');
    await settle();
    session.answer('save');
    expect(await back).toBe(true);
    expect(api.disk.get('b.txt')!.sidecar?.text).toBe('Z戊己');
  });

  it('reopening the page during its save shows what was saved', async () => {
    await open('a.txt');
    type('X');
    api.holdSaves = true;
    void session.save();
    const reopening = session.open('a.txt');
    await settle();
    expect(session.getState().page?.text).toBe('甲乙𠮷\n丙丁');
    api.release();
    expect(await reopening).toBe(true);
    expect(session.getState()).toMatchObject({ dirty: false });
    expect(session.getState().page?.text).toBe('X甲乙𠮷\n丙丁');
  });

  it('confirms closing the window once the unsaved work is saved', async () => {
    await open('a.txt');
    type('X');
    const closing = session.requestClose();
    await settle();
    session.answer('save');
    await closing;
    expect(api.closes).toBe(1);
    expect(api.saves).toHaveLength(1);
  });

  it('an autosave scheduled for a page left does not fire on the next one', async () => {
    await open('a.txt');
    type('X');
    const leaving = session.open('b.txt');
    await settle();
    session.answer('discard');
    await leaving;
    mount();
    await clock.advance(10_000);
    expect(api.saves).toHaveLength(0);
  });
});
