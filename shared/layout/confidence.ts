/// Turns the confidences layout formats write into Jiaodui's 0 (unsure) to 1 (sure).

/// Scales `value` written on a 0..`scale` scale to 0..1, clamped; null when it is missing or not a number.
export function toUnitConfidence(value: number | string | undefined, scale: number): number | null {
  if (value === undefined) return null;
  const number = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(number)) return null;
  return Math.min(1, Math.max(0, number / scale));
}
