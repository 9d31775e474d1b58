// First step of `npm test`: checks the system packages the tests need and, for each missing one, says in one
// sentence what to install (Debian/Ubuntu, macOS, Windows). Exits 1 before anything else runs when one is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { INSTALL_ADVICE, missingNeeds } from './preflight-checks';

function hasCommand(command: string): boolean {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''].map((ext) => command + ext) : [command];
  return dirs.some((dir) => names.some((name) => fs.existsSync(path.join(dir, name))));
}

// macOS and Windows ship Chinese fonts; fontconfig lists them on Linux (and on macOS when installed).
const SHIPPED_CJK_FONTS: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['/System/Library/Fonts/PingFang.ttc', '/System/Library/Fonts/STHeiti Medium.ttc', '/System/Library/Fonts/Hiragino Sans GB.ttc'],
  win32: ['msyh.ttc', 'simsun.ttc', 'simhei.ttf'].map((font) => path.win32.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts', font)),
};

function hasCjkFont(): boolean {
  if ((SHIPPED_CJK_FONTS[process.platform] ?? []).some((font) => fs.existsSync(font))) return true;
  const listed = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return listed.status === 0 && listed.stdout.trim() !== '';
}

const missing = missingNeeds({ platform: process.platform, env: process.env, exists: (file) => fs.existsSync(file), hasCommand, hasCjkFont });
if (missing.length > 0) {
  for (const need of missing) console.error(INSTALL_ADVICE[need]);
  process.exit(1);
}
