import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TextSource } from '../../../shared/ipc/contract';
import type { ScannedPage } from './scanned-page';
import { SIDECAR_SUFFIX, type ReviewStatus } from '../../../shared/model/sidecar-schema';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import type { CorpusIndex, IndexEntry } from '../app/app-state';
import { isInside } from '../disk/confine';
import { corpusFileInRealRoot, statInCorpus } from '../disk/confined-fs';
import { findLeftoverTemps, removeStaleTemps, tempTargetOf, type LeftoverTemp } from '../disk/temp-leftovers';
import { readCorpusSettings } from './corpus-config';
import { baseOf, classifyName, comparePathsNaturally, sortByPathNaturally } from '../../../shared/model/page-files';
import { choosePages, hasLayoutExtension, sniffLayoutFormat, type GroupFile } from './page-grouping';
import { pushAll } from '../../../shared/push-all';
import type { PageStats } from '../../../shared/model/page-stats';
import { readSidecarFacts } from './sidecar-facts';

/// Options of a corpus scan.
export interface ScanOptions {
  /// Pages per batch handed to onBatch (default 500).
  batchSize?: number;
  /// Called with each batch of pages as they are found, and the number of directory entries looked at so far.
  onBatch?: (pages: ScannedPage[], scanned: number) => void;
  /// Stops the scan; the result is then a 'cancelled' failure.
  signal?: AbortSignal;
  /// The cached index from the previous scan: sidecars whose mtime and size are unchanged are not read again.
  index?: CorpusIndex;
  /// Whether each page's review status is read from its sidecar (default true). An export of all or named pages
  /// does not need them: every status is then null, and the index cache stays empty.
  statuses?: boolean;
  /// Where page text comes from when a page has both a `.txt` and a layout file; default: the corpus settings.
  textSource?: TextSource;
  /// What to do with temporary files a crashed save left: 'remove' the stale ones (default), or only 'report'
  /// them in `leftoverTemps` (the command line's validate).
  temps?: 'remove' | 'report';
}

/// The outcome of a full scan: every page, naturally sorted, and the index cache to keep for next time.
export interface ScanResult {
  pages: ScannedPage[];
  index: CorpusIndex;
  /// Directory entries looked at.
  scanned: number;
  /// Folders that could not be read (permission denied, vanished), relative paths.
  unreadable: string[];
  /// Sidecars whose page file is gone (no file of the sidecar's name minus `.jiaodui.json` beside it), relative paths.
  orphanSidecars: string[];
  /// Temporary files of atomic writes found (see temp-leftovers), with whether each is stale (removed unless
  /// `temps` was 'report').
  leftoverTemps: LeftoverTemp[];
  /// The stale temporary files this scan removed, relative paths.
  removedTemps: string[];
}

/// Walks a corpus folder and lists its pages, reporting them in batches while walking.
///
/// Files with the same base name form one page group (`choosePages`): its page is a `.txt` file or a layout
/// file (hOCR, ALTO, PAGE XML, recognised by its head), as the corpus's text source setting says; the group's
/// other files are the page's companions. Sidecars,
/// hidden entries, temporary files and node_modules are skipped, and symlinks are followed only to files
/// inside the corpus (never to folders, so a link cycle cannot trap the scan). Temporary files a crashed save
/// left behind (stale, held by no save) are removed and listed in `removedTemps`. Each page's review status and
/// statistics (corrections, entities, note) come from its sidecar, through the index cache when the sidecar's
/// mtime and size are unchanged.
export async function scanCorpus(root: string, options: ScanOptions = {}): Promise<Result<ScanResult>> {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    if (!(await stat(realRoot)).isDirectory()) return failWith('corpus.notFolder', { root });
  } catch {
    return failWith('corpus.notFound', { root });
  }

  const textSource = options.textSource ?? (await readCorpusSettings(realRoot)).textSource;
  const previous = options.index ?? {};
  const index: CorpusIndex = {};
  const all: ScannedPage[] = [];
  const unreadable: string[] = [];
  const orphanSidecars: string[] = [];
  const removedTemps: string[] = [];
  const leftoverTemps: LeftoverTemp[] = [];
  let pending: ScannedPage[] = [];
  let scanned = 0;

  const flush = (force: boolean) => {
    if (pending.length === 0 || (!force && pending.length < batchSize)) return;
    while (pending.length >= batchSize || (force && pending.length > 0)) {
      const batch = sortByPathNaturally(pending.slice(0, batchSize), (page) => page.path);
      pending = pending.slice(batchSize);
      options.onBatch?.(batch, scanned);
    }
  };

  // Depth-first with an explicit stack of folders (relative paths, '' = root), visited in natural order.
  const folders: string[] = [''];
  while (folders.length > 0) {
    if (options.signal?.aborted) return failWith('corpus.scanCancelled');
    const relDir = folders.pop()!;
    const listing = await listFolder(realRoot, relDir);
    if (listing === null) {
      unreadable.push(relDir);
      continue;
    }
    scanned += listing.entries;
    if (listing.tempNames.length > 0) {
      const folder = relDir === '' ? null : relDir;
      pushAll(leftoverTemps, await findLeftoverTemps(realRoot, folder, { names: listing.tempNames }));
      if (options.temps !== 'report') pushAll(removedTemps, await removeStaleTemps(realRoot, folder, { names: listing.tempNames }));
    }
    for (const name of listing.sidecarNames) {
      if (!listing.fileNames.has(name.slice(0, -SIDECAR_SUFFIX.length))) orphanSidecars.push(relDir === '' ? name : `${relDir}/${name}`);
    }
    const pages = await describePages(realRoot, relDir, listing, { realRoot, previous, index, textSource, statuses: options.statuses ?? true });
    pushAll(all, pages);
    pushAll(pending, pages);
    flush(false);
    pushAll(folders, listing.folders.sort(comparePathsNaturally).reverse());
  }
  flush(true);
  sortByPathNaturally(all, (page) => page.path);
  orphanSidecars.sort(comparePathsNaturally);
  return ok({ pages: all, index, scanned, unreadable, orphanSidecars, leftoverTemps, removedTemps });
}

/// The pages of the given page groups (`bases`: relative paths without extension, e.g. `issue1/p1`) as a scan
/// would list them now, naturally sorted; a group whose files are gone has none. For the corpus watcher, which
/// updates the page list for the files changed outside the app without walking the corpus again: each affected
/// folder is listed once, and only the named groups' files are looked at (their sidecars read afresh).
export async function describeGroups(root: string, bases: Iterable<string>, options: { textSource?: TextSource } = {}): Promise<ScannedPage[]> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return [];
  }
  const textSource = options.textSource ?? (await readCorpusSettings(realRoot)).textSource;
  const byFolder = new Map<string, Set<string>>();
  for (const base of bases) {
    const slash = base.lastIndexOf('/');
    const relDir = slash < 0 ? '' : base.slice(0, slash);
    byFolder.set(relDir, (byFolder.get(relDir) ?? new Set()).add(base.slice(slash + 1)));
  }
  const all: ScannedPage[] = [];
  for (const [relDir, names] of byFolder) {
    const listing = await listFolder(realRoot, relDir);
    if (listing === null) continue; // the folder is gone: so are its pages
    const inGroups = (name: string) => names.has(baseOf(name));
    const only = { ...listing, pageNames: listing.pageNames.filter(inGroups), companionNames: listing.companionNames.filter(inGroups) };
    pushAll(all, await describePages(realRoot, relDir, only, { realRoot, previous: {}, index: {}, textSource }));
  }
  return sortByPathNaturally(all, (page) => page.path);
}

interface FolderListing {
  entries: number;
  folders: string[];
  pageNames: string[];
  companionNames: string[];
  sidecarNames: Set<string>;
  /// Names of every entry that is not a folder, to tell whether a sidecar's page file exists.
  fileNames: Set<string>;
  /// Names of atomic writes' temporary files (`.<name>.<hex>.tmp`).
  tempNames: string[];
}

async function listFolder(realRoot: string, relDir: string): Promise<FolderListing | null> {
  const abs = path.join(realRoot, relDir.split('/').filter(Boolean).join(path.sep));
  const listing: FolderListing = { entries: 0, folders: [], pageNames: [], companionNames: [], sidecarNames: new Set(), fileNames: new Set(), tempNames: [] };
  try {
    const dir = await opendir(abs, { bufferSize: 256 });
    for await (const entry of dir) {
      listing.entries++;
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.name.endsWith(SIDECAR_SUFFIX) && !entry.name.startsWith('.')) listing.sidecarNames.add(entry.name);
      if (tempTargetOf(entry.name) !== null) listing.tempNames.push(entry.name);
      let isDirectory = entry.isDirectory();
      if (!isDirectory) listing.fileNames.add(entry.name);
      if (entry.isSymbolicLink()) {
        const target = await symlinkTarget(realRoot, path.join(abs, entry.name));
        // Links to folders are skipped (cycles); links to files count only when they stay inside the corpus.
        if (target !== 'file') continue;
        isDirectory = false;
      } else if (!isDirectory && !entry.isFile()) continue;
      const role = classifyName(entry.name, isDirectory);
      if (role === 'folder') listing.folders.push(rel);
      else if (role === 'page') listing.pageNames.push(entry.name);
      else if (role === 'companion') listing.companionNames.push(entry.name);
    }
  } catch {
    return null;
  }
  return listing;
}

async function symlinkTarget(realRoot: string, abs: string): Promise<'file' | 'other'> {
  try {
    const real = await realpath(abs);
    if (!isInside(realRoot, real)) return 'other';
    return (await stat(real)).isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

interface DescribeContext {
  realRoot: string;
  previous: CorpusIndex;
  index: CorpusIndex;
  textSource: TextSource;
  /// Whether to read review statuses (absent: yes).
  statuses?: boolean;
}

async function describePages(realRoot: string, relDir: string, listing: FolderListing, context: DescribeContext): Promise<ScannedPage[]> {
  const prefix = relDir === '' ? '' : `${relDir}/`;
  const absDir = path.join(realRoot, relDir.split('/').filter(Boolean).join(path.sep));
  const groups = new Map<string, string[]>();
  for (const name of [...listing.pageNames, ...listing.companionNames]) {
    const base = baseOf(name);
    groups.set(base, [...(groups.get(base) ?? []), name]);
  }
  const described = await Promise.all(
    [...groups.values()].map(async (names): Promise<ScannedPage[]> => {
      const files: GroupFile[] = await Promise.all(
        names.map(async (name) => ({ name, layout: hasLayoutExtension(name) ? await sniffLayoutFormat({ realRoot, rel: prefix + name, abs: path.join(absDir, name) }) : null })),
      );
      const sources = new Set(files.filter((file) => file.layout !== null || listing.pageNames.includes(file.name)).map((file) => file.name));
      const pages = await Promise.all(
        choosePages(files, context.textSource).map((chosen) => describePage(absDir, prefix, listing, context, chosen.page, chosen.source, chosen.companions, sources)),
      );
      return pages.filter((p): p is ScannedPage => p !== null);
    }),
  );
  return described.flat();
}

async function describePage(
  absDir: string,
  prefix: string,
  listing: FolderListing,
  context: DescribeContext,
  name: string,
  source: ScannedPage['source'] & string,
  companionNames: string[],
  sources: Set<string>,
): Promise<ScannedPage | null> {
  const rel = prefix + name;
  let info;
  try {
    info = await stat(path.join(absDir, name));
  } catch {
    return null; // vanished between listing and stat
  }
  const sidecarName = name + SIDECAR_SUFFIX;
  let status: ReviewStatus | null = null;
  let stats: PageStats | null = null;
  if (context.statuses !== false && listing.sidecarNames.has(sidecarName)) {
    const entry = await sidecarIndexEntry(context.realRoot, prefix + sidecarName, context.previous[rel]);
    if (entry) {
      context.index[rel] = entry;
      status = entry.status;
      stats = entry.stats;
    }
  }
  const companions = companionNames.map((companion) => prefix + companion).sort(comparePathsNaturally);
  const page: ScannedPage = { path: rel, base: baseOf(rel), companions, bytes: info.size, mtimeMs: info.mtimeMs, status, source };
  if (stats !== null) page.stats = stats;
  // Sidecars saved while another text source was chosen are kept and named, never taken over or deleted.
  const otherSidecars = companionNames.filter((companion) => sources.has(companion) && listing.sidecarNames.has(companion + SIDECAR_SUFFIX));
  if (otherSidecars.length > 0) page.otherSidecars = otherSidecars.map((companion) => prefix + companion + SIDECAR_SUFFIX).sort(comparePathsNaturally);
  return page;
}

async function sidecarIndexEntry(realRoot: string, rel: string, cached: IndexEntry | undefined): Promise<IndexEntry | null> {
  try {
    const file = corpusFileInRealRoot(realRoot, rel);
    if (!file.ok) return null;
    const info = await statInCorpus(file.value);
    // An entry of an older build has no statistics: the sidecar is read once more to fill them in.
    if (cached && cached.sidecarMtime === info.mtimeMs && cached.sidecarSize === info.size && cached.stats !== null) return cached;
    const facts = await readSidecarFacts(realRoot, rel);
    return { sidecarMtime: info.mtimeMs, sidecarSize: info.size, status: facts?.status ?? null, stats: facts?.stats ?? null };
  } catch {
    return null;
  }
}
