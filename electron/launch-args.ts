/// Options the Electron main process reads from its command line.
///
/// `jiaodui <folder>` or `--corpus <folder>` opens that corpus at start-up (`--corpus` wins when both are given);
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
///
/// The folder may also be the first argument that is not a flag (`jiaodui ~/报纸`): after the executable, and after
/// the app's path too when Electron runs it as a default app (`electron dist/electron/main.cjs …`, `defaultApp`).
/// Values of the app's own flags and anything starting with `-` (Chromium switches, macOS's `-psn_…`) are skipped.
export function parseLaunchArgs(argv: readonly string[], options: { defaultApp?: boolean } = {}): LaunchArgs {
  const lang = readFlag(argv, '--lang');
  return {
    corpus: readFlag(argv, '--corpus') ?? positionalFolder(argv, options.defaultApp ? 2 : 1),
    userDataDir: readFlag(argv, '--user-data-dir'),
    lang: lang === 'en' || lang === 'zh-CN' ? lang : null,
  };
}

// The app's flags that take a value as the next argument.
const VALUE_FLAGS = new Set(['--corpus', '--user-data-dir', '--lang']);

function positionalFolder(argv: readonly string[], start: number): string | null {
  for (let i = start; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === undefined || arg === '') continue;
    if (VALUE_FLAGS.has(arg)) {
      // Its value, unless the value is missing (readFlag treats the flag as absent then).
      if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return arg;
  }
  return null;
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
