import fs from 'node:fs';
import path from 'node:path';
import type { BinaryInfo } from './binary-arch';

/// Files that may hold native code: Node addons and shared libraries (libvips ships as .dll, .dylib or .so.N).
const NATIVE_NAME = /\.(node|dll|dylib)$|\.so(\.\d+)*$/;

/// Every native-code candidate under `root` (symbolic links are not followed: a macOS framework links its
/// versions, and each real file is reached once through its own folder).
export function listNativeCandidates(root: string): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() ?? root;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && NATIVE_NAME.test(entry.name)) found.push(full);
    }
  }
  return found.sort();
}

/// The verdict on a package's native binaries: one line per binary, and the problems that fail the check.
export interface NativeReport {
  ok: boolean;
  lines: string[];
  problems: string[];
}

/// Checks that every binary is built for `arch` (a universal Mach-O must contain it) and that each name in
/// `expect` (for example "jieba", "sharp") occurs in the path of at least one .node addon.
export function checkNativeBinaries(binaries: readonly { file: string; info: BinaryInfo | null }[], arch: string, expect: readonly string[]): NativeReport {
  const lines: string[] = [];
  const problems: string[] = [];
  for (const { file, info } of binaries) {
    if (!info) {
      // Not native code after all (a text file named *.so.1, say) only matters for a .node addon.
      if (file.endsWith('.node')) problems.push(`${file}: not a native binary this check can read`);
      continue;
    }
    lines.push(`${file}: ${info.format} ${info.arches.join('+')}`);
    if (!info.arches.includes(arch as BinaryInfo['arches'][number])) problems.push(`${file} is built for ${info.arches.join('+')}, not ${arch}`);
  }
  const addons = binaries.filter(({ file }) => file.endsWith('.node')).map(({ file }) => file.replace(/\\/g, '/'));
  for (const name of expect) {
    if (!addons.some((file) => file.includes(name))) problems.push(`no ${name} native addon (.node) in the package`);
  }
  return { ok: problems.length === 0, lines, problems };
}
