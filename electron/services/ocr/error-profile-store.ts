import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { corpusDataDir } from '../app/corpus-data-dir';
import { writeFileAtomic } from '../disk/atomic-write';
import { mapLimit } from '../disk/map-limit';
import { assembleErrorProfile, emptyErrorProfile, type ErrorProfile } from '../../../shared/ocr-assist/error-profile';
import { readProfileSidecar, type ProfileSidecar } from './error-profile-reader';

/// The file, in the corpus's data folder, that caches its error profile.
export const ERROR_PROFILE_FILE = 'error-profile.json';
// Sidecars read at once (as the corpus entity index).
const READ_CONCURRENCY = 16;

/// Where the error profile of the corpus at `root` is cached (see `corpusDataDir`).
export function errorProfileFile(stateFile: string, root: string): string {
  return path.join(corpusDataDir(stateFile, root), ERROR_PROFILE_FILE);
}

/// The error profile of one open corpus: built from its sidecars, updated page by page after the app writes
/// sidecars, cached in `corpusDataDir(stateFile, root)/error-profile.json` for the text worker (which reads that
/// file) and for the next start.
///
/// The first update reads every page's sidecar; later ones re-read only the pages named as changed (and pages not
/// seen before), trusting the mtime and size of the others. Updates run one at a time. The file is rewritten only
/// when the profile changed; nothing is ever written inside the corpus.
export class ErrorProfileStore {
  private readonly sidecars = new Map<string, ProfileSidecar | null>();
  private running: Promise<unknown> = Promise.resolve();
  private written: string | null = null;
  private checkedAll = false;
  /// The latest profile (empty until the first update).
  profile: ErrorProfile = emptyErrorProfile();

  constructor(
    readonly root: string,
    readonly file: string,
  ) {}

  /// Brings the profile up to date with `pages` (the corpus's pages, relative paths, in display order), reading the
  /// sidecars of `changed` pages again; the first call checks every page. Resolves to the profile.
  update(pages: readonly string[], changed: ReadonlySet<string> = new Set()): Promise<ErrorProfile> {
    const run = this.running.then(() => this.pass(pages, changed));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async pass(pages: readonly string[], changed: ReadonlySet<string>): Promise<ErrorProfile> {
    const toRead = this.checkedAll ? pages.filter((page) => !this.sidecars.has(page) || changed.has(page)) : pages;
    const alive = new Set(pages);
    const dropped = [...this.sidecars.keys()].filter((page) => !alive.has(page));
    if (toRead.length === 0 && dropped.length === 0 && this.written !== null) return this.profile;
    await mapLimit(toRead, READ_CONCURRENCY, async (page) => {
      this.sidecars.set(page, await readProfileSidecar(this.root, page, this.sidecars.get(page)));
    });
    for (const page of dropped) this.sidecars.delete(page);
    this.checkedAll = true;
    const read = pages.flatMap((page) => {
      const sidecar = this.sidecars.get(page);
      return sidecar ? [{ path: page, text: sidecar.text, replacements: sidecar.replacements }] : [];
    });
    this.profile = assembleErrorProfile(read);
    const json = JSON.stringify(this.profile);
    if (json !== this.written) {
      // Not written (a read-only state folder): the suggestions go without the profile rather than fail.
      await this.save(json).catch(() => undefined);
      this.written = json;
    }
    return this.profile;
  }

  private async save(json: string): Promise<void> {
    const dir = path.dirname(this.file);
    await mkdir(dir, { recursive: true });
    // Names the corpus for a person looking at the data folder ('wx': whoever made the folder first wrote it).
    await writeFile(path.join(dir, 'root.txt'), `${path.resolve(this.root)}\n`, { flag: 'wx' }).catch(() => undefined);
    await writeFileAtomic(this.file, json, { durable: false });
  }
}

const counts = z.array(z.tuple([z.string(), z.number().int().nonnegative()]));
// The file is the app's own, but may be damaged or from another build: checked before a rule reads it.
const profileSchema = z.object({
  format: z.literal('jiaodui-error-profile'),
  version: z.literal(1),
  pages: z.number().int().nonnegative(),
  replacements: z.number().int().nonnegative(),
  entries: z.array(
    z.object({
      from: z.string().min(1),
      to: z.string(),
      count: z.number().int().positive(),
      batch: z.number().int().nonnegative(),
      accepted: z.number().int().nonnegative(),
      left: counts,
      right: counts,
      pages: z.array(z.string()),
    }),
  ),
  kept: z.array(z.object({ text: z.string().min(1), count: z.number().int().nonnegative(), left: counts, right: counts })),
});

/// Reads a cached error profile file; null when it is missing or not a profile this build understands.
export async function readErrorProfileFile(file: string): Promise<ErrorProfile | null> {
  try {
    const parsed = profileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// Pages whose sidecars the app wrote since the error profile last looked, per handler context.
const written = new WeakMap<object, Set<string>>();

/// Notes that the app wrote (or removed) the sidecars of `pages` of the corpus open in `owner` (the handler
/// context): the error profile reads them again before the next suggestions.
export function noteProfilePages(owner: object, pages: Iterable<string>): void {
  let set = written.get(owner);
  if (!set) written.set(owner, (set = new Set()));
  for (const page of pages) set.add(page);
}

/// The pages noted since the last call (and forgets them).
export function takeProfilePages(owner: object): Set<string> {
  const set = written.get(owner) ?? new Set<string>();
  written.delete(owner);
  return set;
}
