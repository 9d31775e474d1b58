/// Options the Electron main process reads from its command line.
///
/// `--corpus <folder>` opens that corpus at start-up (used by `npm start` and the Electron e2e fixture);
/// `--user-data-dir <folder>` keeps the app's saved state there instead of the per-user default (tests);
/// `--lang en|zh-CN` asks the renderer for that UI language (it becomes the saved preference), like the harness.
export interface LaunchArgs {
  corpus: string | null;
  userDataDir: string | null;
  lang: 'en' | 'zh-CN' | null;
}

/// Reads the launch options from `process.argv`-style arguments.
///
/// Accepts both `--corpus dir` and `--corpus=dir`; unknown arguments (Chromium switches, the app path) are
/// ignored. A flag without a value, or a language other than en and zh-CN, counts as absent.
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const lang = readFlag(argv, '--lang');
  return {
    corpus: readFlag(argv, '--corpus'),
    userDataDir: readFlag(argv, '--user-data-dir'),
    lang: lang === 'en' || lang === 'zh-CN' ? lang : null,
  };
}

function readFlag(argv: readonly string[], flag: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === undefined) continue;
    if (arg === flag) {
      const value = argv[i + 1];
      return value !== undefined && !value.startsWith('--') ? value : null;
    }
    if (arg.startsWith(`${flag}=`)) {
      const value = arg.slice(flag.length + 1);
      return value === '' ? null : value;
    }
  }
  return null;
}
