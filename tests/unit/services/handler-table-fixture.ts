import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { createHandlers, type HandlerDeps, type Handlers } from '../../../electron/services/handlers/table';
import type { EventChannel, EventPayloads } from '../../../shared/ipc/contract';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

// The setup the handler-table tests share: a temp corpus, a temp state folder ("work"), a table built over them
// with a fake sender that records events, helpers to call channels, and a teardown that lets background work end
// before the folders go (a scan still running writes the index cache into `work`, refused requests are logged there:
// else rm meets a file written meanwhile, ENOTEMPTY).

/// One event the table sent, as the fake sender recorded it.
export interface RecordedEvent {
  event: EventChannel;
  payload: unknown;
}

/// The deps a test table is built with unless a test says otherwise: no folder chosen, events dropped, browser shell.
export function testHandlerDeps(stateFile: string, overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  return { dialogs: { chooseFolder: async () => null }, emit: () => undefined, stateFile, appVersion: '9.9.9', shell: 'browser', ...overrides };
}

/// A handler table over `stateFile` with the test defaults (see testHandlerDeps).
export function testHandlers(stateFile: string, overrides: Partial<HandlerDeps> = {}): Handlers {
  return createHandlers(testHandlerDeps(stateFile, overrides));
}

/// What differs between the test files: the corpus folder's name and the deps beyond the defaults (a dep that needs
/// the state folder reads it from the fixture when called).
export interface HandlerTableOptions {
  corpusPrefix?: string;
  deps?: Partial<HandlerDeps>;
}

/// A table over a temp corpus, with the helpers the tests call channels through.
export interface HandlerTableFixture {
  corpus: TempCorpus;
  /// The temp state folder (real path); the state file is `state.json` in it.
  work: string;
  stateFile: string;
  /// The current table (`restart` replaces it).
  handlers: Handlers;
  /// Every event sent so far by any table of the fixture (clear it with `events.length = 0`).
  events: RecordedEvent[];
  /// The payloads of `event` sent so far.
  seen<E extends EventChannel>(event: E): EventPayloads[E][];
  /// Calls `channel` with the argument array `args`; throws on a failed result, else gives its value.
  value<T>(channel: string, args: unknown): Promise<T>;
  /// `value` with the arguments spread.
  call<T>(channel: string, ...args: unknown[]): Promise<T>;
  /// The error code `channel` fails with, or null when it succeeds.
  code(channel: string, args: unknown): Promise<string | null>;
  /// Writes `files` (relative path → content) into the corpus, opens it and waits for its scan.
  open(files: Record<string, string>): Promise<void>;
  /// A restart: the current table's scan ends and a new table on the same state file takes its place.
  restart(): Promise<Handlers>;
  /// Another table on its own state file in `work` (a second window or program); torn down with the fixture.
  another(name: string, overrides?: Partial<HandlerDeps>): Handlers;
  /// Lets every table's background work end, closes them and their logs, and removes the folders.
  dispose(): Promise<void>;
}

/// Makes the temp corpus, the state folder and the table.
export async function makeHandlerTable(options: HandlerTableOptions = {}): Promise<HandlerTableFixture> {
  const corpus = await makeTempCorpus(options.corpusPrefix);
  const work = await realpath(await mkdtemp(path.join(tmpdir(), 'jiaodui-handler-table-')));
  const stateFile = path.join(work, 'state.json');
  const events: RecordedEvent[] = [];
  const extra = options.deps ?? {};
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void events.push({ event, payload });
  const tables: Handlers[] = [];
  const build = (file: string, overrides: Partial<HandlerDeps>) => {
    const table = testHandlers(file, { emit, ...extra, ...overrides });
    tables.push(table);
    return table;
  };
  const fixture: HandlerTableFixture = {
    corpus,
    work,
    stateFile,
    handlers: build(stateFile, {}),
    events,
    seen: <E extends EventChannel>(event: E) => events.filter((e) => e.event === event).map((e) => e.payload as EventPayloads[E]),
    async value<T>(channel: string, args: unknown) {
      const r = await fixture.handlers.handle(channel, args);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
      return r.value as T;
    },
    call: <T>(channel: string, ...args: unknown[]) => fixture.value<T>(channel, args),
    async code(channel, args) {
      const r = await fixture.handlers.handle(channel, args);
      return r.ok ? null : r.error.code;
    },
    async open(files) {
      for (const [rel, content] of Object.entries(files)) await corpus.put(rel, content);
      expect((await fixture.handlers.openCorpus(corpus.root)).ok).toBe(true);
      await fixture.handlers.scanFinished();
    },
    async restart() {
      await fixture.handlers.scanFinished();
      fixture.handlers = build(stateFile, {});
      return fixture.handlers;
    },
    another: (name, overrides = {}) => build(path.join(work, `${name}.json`), overrides),
    async dispose() {
      // Closed first: a watcher stops before the last scan is awaited, so no change it saw starts another.
      for (const table of tables.splice(0)) {
        await table.close();
        await table.scanFinished();
        await table.errorLog.close();
      }
      await corpus.remove();
      await rm(work, { recursive: true, force: true });
    },
  };
  return fixture;
}

/// Registers a fresh fixture for each test of the file (beforeEach / afterEach) and gives a view of the current one:
/// its helpers may be destructured once at the top of the file.
export function useHandlerTable(options: HandlerTableOptions = {}): HandlerTableFixture {
  let current: HandlerTableFixture | null = null;
  beforeEach(async () => {
    current = await makeHandlerTable(options);
  });
  afterEach(async () => {
    await current?.dispose();
    current = null;
  });
  const now = (): HandlerTableFixture => {
    if (current === null) throw new Error('the handler table exists only while a test runs');
    return current;
  };
  return {
    get corpus() {
      return now().corpus;
    },
    get work() {
      return now().work;
    },
    get stateFile() {
      return now().stateFile;
    },
    get handlers() {
      return now().handlers;
    },
    get events() {
      return now().events;
    },
    seen: <E extends EventChannel>(event: E) => now().seen(event),
    value: <T>(channel: string, args: unknown) => now().value<T>(channel, args),
    call: <T>(channel: string, ...args: unknown[]) => now().call<T>(channel, ...args),
    code: (channel, args) => now().code(channel, args),
    open: (files) => now().open(files),
    restart: () => now().restart(),
    another: (name, overrides) => now().another(name, overrides),
    dispose: () => now().dispose(),
  };
}
