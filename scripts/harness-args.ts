/// Options of `npm run dev:browser`.
export interface HarnessArgs {
  corpus: string | null;
  port: number;
  lang: 'en' | 'zh-CN' | null;
  state: string | null;
  /// Skip the "build if needed" step (the e2e global setup has built already).
  noBuild: boolean;
}

/// The usage line printed with argument errors.
export const HARNESS_USAGE = 'Usage: npm run dev:browser -- --corpus <folder> [--port N] [--lang en|zh-CN] [--state <file>] [--no-build]';

/// Reads the harness command line; an unknown flag or bad value gives a plain-words message instead.
export function parseHarnessArgs(argv: readonly string[]): { ok: true; value: HarnessArgs } | { ok: false; message: string } {
  const args: HarnessArgs = { corpus: null, port: 0, lang: null, state: null, noBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    switch (flag) {
      case '--corpus': {
        const v = value();
        if (!v) return { ok: false, message: '--corpus needs a folder.' };
        args.corpus = v;
        break;
      }
      case '--port': {
        const v = value();
        const port = v === null ? NaN : Number(v);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: '--port needs a number from 0 to 65535.' };
        args.port = port;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'en' && v !== 'zh-CN') return { ok: false, message: '--lang must be en or zh-CN.' };
        args.lang = v;
        break;
      }
      case '--state': {
        const v = value();
        if (!v) return { ok: false, message: '--state needs a file path.' };
        args.state = v;
        break;
      }
      case '--no-build':
        args.noBuild = true;
        break;
      default:
        return { ok: false, message: `Unknown argument ${raw}.` };
    }
  }
  return { ok: true, value: args };
}
