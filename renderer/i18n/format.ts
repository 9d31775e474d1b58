import type { Language } from '../../shared/ipc/contract';

// One formatter per language and style: Intl constructors are slow enough to matter in long lists.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

// A date from an ISO string, a time stamp in ms or a Date; null when it is not a date.
function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/// The time of day in the UI language (zh-CN: 18:33:20; en: 6:33:20 PM). An unreadable date is returned as given.
export function formatTime(language: Language, value: string | number | Date): string {
  const date = toDate(value);
  if (!date) return String(value);
  return cached(`t:${language}`, () => new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', second: '2-digit' })).format(date);
}

/// The date and time in the UI language (zh-CN: 2026/12/7 18:33; en: 7 Dec 2026, 6:33 PM).
export function formatDateTime(language: Language, value: string | number | Date): string {
  const date = toDate(value);
  if (!date) return String(value);
  return cached(`dt:${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

/// A count or measure in the UI language (grouping, and at most `maxFractionDigits` decimals).
export function formatNumber(language: Language, value: number, maxFractionDigits = 0): string {
  return cached(`n:${language}:${maxFractionDigits}`, () => new Intl.NumberFormat(language, { maximumFractionDigits: maxFractionDigits })).format(value);
}

/// A share (0–1) as a percentage in the UI language (zh-CN: 42%; en: 42%).
export function formatPercent(language: Language, share: number, maxFractionDigits = 0): string {
  return cached(`p:${language}:${maxFractionDigits}`, () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: maxFractionDigits })).format(share);
}

/// How long ago (or from now) `value` is, relative to `now`, in the UI language ("3 分钟前", "3 minutes ago").
export function formatRelative(language: Language, value: string | number | Date, now: number = Date.now()): string {
  const date = toDate(value);
  if (!date) return String(value);
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = cached(`r:${language}`, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [['second', 60], ['minute', 60], ['hour', 24], ['day', 30], ['month', 12], ['year', Infinity]];
  let amount = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(amount) < size) return format.format(amount, unit);
    amount = Math.round(amount / size);
  }
  return format.format(amount, 'year');
}
