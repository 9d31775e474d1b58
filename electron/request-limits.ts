import type { RequestChannel } from '../shared/ipc/contract';

const KiB = 1024;
const MiB = 1024 * KiB;

/// How large requests to the main process may be: every number in one place.
///
/// The harness bridge checks these against the request body's bytes (from Content-Length before reading, and
/// while streaming); Electron IPC checks them against an estimate of the arguments' size before validation.
export const REQUEST_LIMITS = {
  /// Body limit of a channel not listed in `channelBodyBytes`: their arguments are a path, a query, a few flags.
  defaultBodyBytes: 64 * KiB,
  /// Channels that carry page texts or long lists.
  channelBodyBytes: {
    /// A page of up to 50 million characters (about 150 MB of UTF-8 for CJK text) with its spans and corrections.
    'page.save': 256 * MiB,
    /// The editor's current text, as long as a saved page may be.
    'ocr.suggest': 256 * MiB,
    /// Up to 5 million characters of text to tag.
    'entities.tagWords': 32 * MiB,
    /// Ticked hits per page (code-point pairs), for thousands of pages.
    'batch.replace': 64 * MiB,
    /// Ticked occurrences per page, with hashes, for thousands of pages.
    'entities.propagationApply': 64 * MiB,
    /// The pages to export (paths), up to the whole corpus.
    'export.run': 64 * MiB,
    /// A tag set with its types, colours and keys.
    'entities.saveTagset': 1 * MiB,
  } satisfies Partial<Record<RequestChannel, number>> as Partial<Record<RequestChannel, number>>,
  /// Body limit of a harness folder-dialog answer (one path).
  dialogBodyBytes: 64 * KiB,
  /// All harness request bodies being read at once may hold at most this many bytes; past it a request is
  /// answered 503 'busy' (four 256 MiB saves at once took the process to 2.5 GiB before this budget).
  inFlightBudgetBytes: 512 * MiB,
} as const;

/// The limits a server or IPC registration works with (tests pass smaller ones).
export interface RequestLimits {
  defaultBodyBytes: number;
  channelBodyBytes: Partial<Record<string, number>>;
  dialogBodyBytes: number;
  inFlightBudgetBytes: number;
}

/// The body limit of a request channel in bytes.
export function bodyLimitOf(channel: string, limits: RequestLimits = REQUEST_LIMITS): number {
  return Object.hasOwn(limits.channelBodyBytes, channel) ? limits.channelBodyBytes[channel]! : limits.defaultBodyBytes;
}

/// An upper estimate of the JSON size in bytes of already-deserialised arguments (Electron IPC), or `Infinity` as
/// soon as it passes `stopAbove`, so a huge argument is not walked to its end.
///
/// Strings count 3 bytes per UTF-16 unit (the most UTF-8 needs) plus quotes; numbers and other scalars 24 bytes;
/// each array element or object key adds its separator. Cycles cannot come through IPC's structured clone.
export function estimateArgsBytes(value: unknown, stopAbove: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') total += item.length * 3 + 2;
    else if (Array.isArray(item)) {
      total += 2 + item.length;
      for (const element of item) stack.push(element);
    } else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      total += 2 + entries.length;
      for (const [key, element] of entries) {
        total += key.length * 3 + 3;
        stack.push(element);
      }
    } else total += 24;
    if (total > stopAbove) return Infinity;
  }
  return total;
}
