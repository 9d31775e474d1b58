import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/// The marker in every outside file's content that must never reach a response.
export const SECRET = 'OUTSIDE-SECRET';
/// The page saved through the swapped folder: the same bytes inside and outside, so only confinement (not the
/// page-hash check) can stop a save from landing outside.
export const SAVED_PAGE = '人民日报𠮷\n第二行\n';

// The swapper: file swaps by renaming a fresh symlink over the file, folder swaps by moving the folder away and
// putting a symlink in its place, then both restored; over and over until killed.
const SWAPPER = `
const fs = require('fs'), p = require('path');
const [root, outside] = process.argv.slice(1);
const inside = { 'top.txt': 'INSIDE top 页', 'top.png': 'INSIDE-PNG' };
const quiet = (f) => { try { f(); } catch {} };
for (;;) {
  for (const f of Object.keys(inside)) quiet(() => { fs.symlinkSync(p.join(outside, f), p.join(root, '.l-' + f)); fs.renameSync(p.join(root, '.l-' + f), p.join(root, f)); });
  quiet(() => { fs.renameSync(p.join(root, 'dir'), p.join(root, '.dir-away')); fs.symlinkSync(p.join(outside, 'dir'), p.join(root, 'dir')); });
  for (const f of Object.keys(inside)) quiet(() => { fs.writeFileSync(p.join(root, '.n-' + f), inside[f]); fs.renameSync(p.join(root, '.n-' + f), p.join(root, f)); });
  quiet(() => { fs.unlinkSync(p.join(root, 'dir')); fs.renameSync(p.join(root, '.dir-away'), p.join(root, 'dir')); });
}`;

/// A corpus whose `top.txt`, `top.png` and folder `dir` another process keeps swapping for symlinks to outside.
export interface RaceCorpus {
  root: string;
  outside: string;
  /// Every file under `outside` with its content, as it is now.
  outsideTree(): Promise<Map<string, string>>;
  /// The outside tree before the swapping began.
  outsideBefore: Map<string, string>;
  /// Kills the swapper and removes everything.
  stop(): Promise<void>;
}

/// Makes the corpus and the outside folder (same names; outside content carries SECRET, except dir/page.txt)
/// and starts the swapper in a child process.
export async function startRaceCorpus(): Promise<RaceCorpus> {
  const base = await realpath(await mkdtemp(path.join(tmpdir(), 'jiaodui-race-')));
  const root = path.join(base, 'corpus');
  const outside = path.join(base, 'outside');
  await mkdir(path.join(root, 'dir'), { recursive: true });
  await mkdir(path.join(outside, 'dir'), { recursive: true });
  await writeFile(path.join(root, 'top.txt'), 'INSIDE top 页');
  await writeFile(path.join(root, 'top.png'), 'INSIDE-PNG');
  await writeFile(path.join(root, 'dir', 'read.txt'), 'INSIDE read 页');
  await writeFile(path.join(root, 'dir', 'scan.png'), 'INSIDE-SCAN');
  await writeFile(path.join(root, 'dir', 'page.txt'), SAVED_PAGE);
  await writeFile(path.join(outside, 'top.txt'), `${SECRET} top`);
  await writeFile(path.join(outside, 'top.png'), `${SECRET} png`);
  await writeFile(path.join(outside, 'dir', 'read.txt'), `${SECRET} read`);
  await writeFile(path.join(outside, 'dir', 'scan.png'), `${SECRET} scan`);
  await writeFile(path.join(outside, 'dir', 'page.txt'), SAVED_PAGE);
  const outsideTree = () => tree(outside);
  const outsideBefore = await outsideTree();
  const swapper = spawn(process.execPath, ['-e', SWAPPER, root, outside], { stdio: 'ignore' });
  // Let the swapper start swapping.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    root,
    outside,
    outsideTree,
    outsideBefore,
    stop: async () => {
      swapper.kill('SIGKILL');
      await rm(base, { recursive: true, force: true });
    },
  };
}

/// True when bytes or text carry the outside marker.
export function leaked(bytes: string | Uint8Array): boolean {
  return (typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('latin1')).includes(SECRET);
}

/// How a run of attempts went.
export interface Tally {
  served: number;
  refused: number;
  escaped: number;
}

/// Runs `one` for attempts 0 … attempts-1, `wave` at a time, and counts the outcomes.
export async function race(attempts: number, one: (i: number) => Promise<keyof Tally>, wave = 8): Promise<Tally> {
  const tally: Tally = { served: 0, refused: 0, escaped: 0 };
  for (let start = 0; start < attempts; start += wave) {
    const batch = Array.from({ length: Math.min(wave, attempts - start) }, (_, k) => one(start + k));
    for (const outcome of await Promise.all(batch)) tally[outcome]++;
  }
  return tally;
}

/// 'escaped' when the bytes carry the outside marker, else 'served'.
export function judge(bytes: string | Uint8Array): keyof Tally {
  return leaked(bytes) ? 'escaped' : 'served';
}

async function tree(folder: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    const abs = path.join(entry.parentPath, entry.name);
    found.set(path.relative(folder, abs), entry.isFile() ? await readFile(abs, 'utf8') : '<folder>');
  }
  return found;
}
