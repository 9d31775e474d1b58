// `tsx scripts/check-native-arch.ts <folder> --arch x64|arm64 [--expect jieba,sharp]`: checks that every native
// binary inside a packaged app (.node addons, the .dll/.dylib/.so libraries beside them) is built for the
// installer's architecture, and that the expected addons are there at all. Prints one line per binary; exits 1
// on any mismatch. The release workflow runs it on each unpacked package.
import fs from 'node:fs';
import path from 'node:path';
import { binaryArch } from './binary-arch';
import { checkNativeBinaries, listNativeCandidates } from './native-scan';

function flag(name: string): string | null {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

const folder = process.argv[2];
const arch = flag('--arch');
if (!folder || !arch || folder.startsWith('--')) {
  console.error('Usage: tsx scripts/check-native-arch.ts <folder> --arch x64|arm64 [--expect jieba,sharp]');
  process.exit(2);
}
const expect = (flag('--expect') ?? 'jieba,sharp').split(',').filter(Boolean);
const report = checkNativeBinaries(
  listNativeCandidates(path.resolve(folder)).map((file) => {
    // The header is all that is read: 4 KB holds ELF, PE and Mach-O headers and a universal file's arch list.
    const handle = fs.openSync(file, 'r');
    try {
      const header = Buffer.alloc(4096);
      const read = fs.readSync(handle, header, 0, header.length, 0);
      return { file: path.relative(folder, file), info: binaryArch(header.subarray(0, read)) };
    } finally {
      fs.closeSync(handle);
    }
  }),
  arch,
  expect,
);
for (const line of report.lines) console.log(line);
if (!report.ok) {
  for (const problem of report.problems) console.error(problem);
  process.exit(1);
}
console.log(`All ${report.lines.length} native binaries are built for ${arch}.`);
