import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { z } from 'zod';
import { EXPORT_SCOPE_KINDS, LANGUAGES, type LastPage, type Preferences } from '../../../shared/ipc/contract';
import { isExportFormat } from '../../../shared/export/format-ids';
import { DEFAULT_EXPORT_OPTIONS } from '../../../shared/export/types';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/model/sidecar-schema';
import { pageStatsSchema, type PageStats } from '../../../shared/model/page-stats';
import { NO_WINDOW_STATES, type WindowStates } from '../../window-state';

/// How many recently opened corpora are remembered.
export const MAX_RECENT_CORPORA = 10;

/// What the scan remembers about one page's sidecar, so an unchanged sidecar need not be parsed again.
export interface IndexEntry {
  sidecarMtime: number;
  sidecarSize: number;
  status: ReviewStatus | null;
  /// The sidecar's statistics for the page list and the dashboard; null in an entry written by a build that kept
  /// none (the scan then reads that sidecar once more).
  stats: PageStats | null;
}

/// The corpus index cache of one corpus: page path → what its sidecar said when last read.
export type CorpusIndex = Record<string, IndexEntry>;

/// Preferences a fresh installation starts with.
export const DEFAULT_PREFERENCES: Preferences = { language: 'zh-CN', autosaveSeconds: 5 };

// The export dialog's remembered choices, read field by field: a format this version does not know (written by a
// newer one) is dropped and any other bad field falls back to its default, so one stale value never loses the rest.
const storedExportChoicesSchema = z
  .object({
    formats: z
      .array(z.string())
      .transform((ids) => [...new Set(ids.filter(isExportFormat))])
      .catch([]),
    scope: z.enum(EXPORT_SCOPE_KINDS).catch('all'),
    statuses: z
      .array(z.enum(REVIEW_STATUSES))
      .transform((statuses) => [...new Set(statuses)])
      .catch([]),
    options: z
      .object({
        teiGrouping: z.enum(['per-page', 'one-document']).catch(DEFAULT_EXPORT_OPTIONS.teiGrouping),
        lineBreaks: z.enum(['original', 'paragraphs']).catch(DEFAULT_EXPORT_OPTIONS.lineBreaks),
        nestedSpans: z.enum(['outermost', 'innermost']).catch(DEFAULT_EXPORT_OPTIONS.nestedSpans),
      })
      .catch({ ...DEFAULT_EXPORT_OPTIONS }),
  })
  .optional()
  .catch(undefined);

const storedStateSchema = z.object({
  preferences: z
    .object({
      language: z.enum(LANGUAGES).catch(DEFAULT_PREFERENCES.language),
      autosaveSeconds: z.number().int().min(0).max(3600).catch(DEFAULT_PREFERENCES.autosaveSeconds),
      exportChoices: storedExportChoicesSchema,
      welcomeDismissed: z.boolean().optional().catch(undefined),
    })
    .catch(DEFAULT_PREFERENCES),
  recentCorpora: z.array(z.string()).catch([]),
  // Corpus root → the page open there last and its caret (a reload or restart reopens it).
  lastPages: z.record(z.string(), z.object({ path: z.string().min(1), caret: z.number().int().nonnegative() })).catch({}),
  // The main window's size, position, maximised and full-screen state per display (electron/window-state.ts).
  windowStates: windowStatesSchema(),
});

function windowStatesSchema() {
  const rect = z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().finite().positive(), height: z.number().finite().positive() });
  const saved = z.object({ bounds: rect, maximized: z.boolean(), fullScreen: z.boolean() });
  // A bad entry drops the remembered window state only (the window then opens at its default size).
  return z
    .object({ last: z.string().nullable(), byDisplay: z.record(z.string(), saved) })
    .catch({ ...NO_WINDOW_STATES })
    .default({ ...NO_WINDOW_STATES });
}

// The corpus index lives in its own file (`<state>.index.json`): it holds an entry per page, and a preference
// change must not wait for 10,000 entries to be written.
const storedIndexSchema = z.object({
  corpusIndex: z
    .record(
      z.string(),
      z.record(
        z.string(),
        z.object({
          sidecarMtime: z.number(),
          sidecarSize: z.number(),
          status: z.enum(REVIEW_STATUSES).nullable(),
          // Entries of builds before issue 16 have no statistics: null, read again from the sidecar.
          stats: pageStatsSchema.nullable().catch(null),
        }),
      ),
    )
    .catch({}),
});

type StoredState = z.infer<typeof storedStateSchema>;
type StoredIndex = z.infer<typeof storedIndexSchema>;

/// The application's own saved state: preferences, recent corpora and the corpus index cache.
export interface AppStore {
  /// The current preferences.
  preferences(): Preferences;
  /// Applies a partial update, saves, and returns the resulting preferences.
  setPreferences(patch: Partial<Preferences>): Promise<Preferences>;
  /// Recently opened corpus roots, most recent first.
  recentCorpora(): string[];
  /// Moves `root` to the front of the recent list (keeping at most MAX_RECENT_CORPORA) and saves.
  addRecentCorpus(root: string): Promise<void>;
  /// Empties the recent list (File → Open Recent → Clear Recently Opened) and saves.
  clearRecentCorpora(): Promise<void>;
  /// The main window's remembered states per display.
  windowStates(): WindowStates;
  /// Replaces the remembered window states and saves.
  setWindowStates(states: WindowStates): Promise<void>;
  /// The page last open in a corpus and its caret, or null.
  lastPage(root: string): LastPage | null;
  /// Remembers the page open in a corpus and its caret.
  setLastPage(root: string, lastPage: LastPage): Promise<void>;
  /// The cached index of a corpus (empty when never scanned).
  corpusIndex(root: string): CorpusIndex;
  /// Replaces the cached index of a corpus and saves.
  setCorpusIndex(root: string, index: CorpusIndex): Promise<void>;
  /// Replaces one page's entry in the cached index of a corpus after a save, in memory only: a save must not wait
  /// for the whole index to be written (autosave every few seconds, 10,000 entries). It is written with the next
  /// scan's index; if the app stops first, that scan reads the sidecar again (its mtime changed), so nothing is lost.
  noteIndexEntry(root: string, page: string, entry: IndexEntry): void;
}

/// Opens (or creates) the app state store kept in a lowdb JSON file at `file` (its folder is created if needed).
///
/// A damaged state file is moved aside to `<file>.broken-<time>` and the store starts from defaults, so a bad
/// file never stops the app from starting; unknown or invalid fields fall back to their defaults individually.
export async function openAppStore(file: string): Promise<AppStore> {
  const db = await openLow<StoredState>(file, storedStateSchema, defaults);
  const indexDb = await openLow<StoredIndex>(indexFileOf(file), storedIndexSchema, () => ({ corpusIndex: {} }));
  const data = (): StoredState => db.data;

  return {
    preferences: () => ({ ...data().preferences }),
    async setPreferences(patch) {
      await db.update((d) => {
        d.preferences = { ...d.preferences, ...definedOnly(patch) };
      });
      return { ...data().preferences };
    },
    recentCorpora: () => [...data().recentCorpora],
    async addRecentCorpus(root) {
      await db.update((d) => {
        d.recentCorpora = [root, ...d.recentCorpora.filter((r) => r !== root)].slice(0, MAX_RECENT_CORPORA);
      });
    },
    async clearRecentCorpora() {
      await db.update((d) => {
        d.recentCorpora = [];
      });
    },
    windowStates: () => structuredClone(data().windowStates),
    async setWindowStates(states) {
      await db.update((d) => {
        d.windowStates = structuredClone(states);
      });
    },
    lastPage: (root) => {
      const last = data().lastPages[root];
      return last ? { ...last } : null;
    },
    async setLastPage(root, lastPage) {
      const current = data().lastPages[root];
      if (current?.path === lastPage.path && current.caret === lastPage.caret) return;
      await db.update((d) => {
        d.lastPages[root] = { ...lastPage };
      });
    },
    corpusIndex: (root) => ({ ...(indexDb.data.corpusIndex[root] ?? {}) }),
    async setCorpusIndex(root, index) {
      await indexDb.update((d) => {
        d.corpusIndex[root] = index;
      });
    },
    noteIndexEntry(root, page, entry) {
      (indexDb.data.corpusIndex[root] ??= {})[page] = entry;
    },
  };
}

function defaults(): StoredState {
  return { preferences: { ...DEFAULT_PREFERENCES }, recentCorpora: [], lastPages: {}, windowStates: { ...NO_WINDOW_STATES } };
}

/// The file holding the corpus index cache beside a state file (`state.json` → `state.index.json`).
export function indexFileOf(stateFile: string): string {
  return stateFile.replace(/(\.json)?$/, '.index.json');
}

async function openLow<T>(file: string, schema: z.ZodType<T>, defaults: () => T): Promise<Low<T>> {
  await mkdir(path.dirname(file), { recursive: true });
  // Low + JSONFile rather than JSONFilePreset: the preset silently swaps in an in-memory adapter when
  // NODE_ENV is 'test', which would make the store's own tests meaningless.
  const db = new Low<T>(new JSONFile<T>(file), defaults());
  try {
    await db.read();
  } catch {
    // Not JSON at all: keep the bad file for inspection and start again.
    await rename(file, `${file}.broken-${Date.now()}`);
    db.data = defaults();
  }
  const cleaned = schema.safeParse(db.data);
  db.data = cleaned.success ? cleaned.data : defaults();
  return db;
}

function definedOnly<T extends object>(patch: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
