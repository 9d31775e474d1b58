import { useCallback, useState } from 'react';
import type { Rotation } from './rotation';

const STORAGE_KEY = 'jiaodui.scanRotation';
// Pages remembered at most; the oldest turn is forgotten first (an unrotated page is not stored at all).
const MAX_REMEMBERED = 5000;

/// Remembered rotations by page key (`<corpus root>\n<page path>`), kept in localStorage across restarts.
export function readRotations(storage: Pick<Storage, 'getItem'>): Map<string, Rotation> {
  try {
    const data: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(data)) return new Map();
    return new Map(data.filter((entry): entry is [string, Rotation] => Array.isArray(entry) && typeof entry[0] === 'string' && [90, 180, 270].includes(entry[1] as number)));
  } catch {
    return new Map();
  }
}

/// Records `rotation` for `key` in `rotations` (0 removes it; the newest is kept last) and returns the JSON to store.
export function rememberRotation(rotations: Map<string, Rotation>, key: string, rotation: Rotation): string {
  rotations.delete(key);
  if (rotation !== 0) rotations.set(key, rotation);
  while (rotations.size > MAX_REMEMBERED) rotations.delete(rotations.keys().next().value!);
  return JSON.stringify([...rotations]);
}

let cache: Map<string, Rotation> | null = null;

/// The scan rotation of one page, remembered per page (by corpus and page path) across pages and restarts.
export function useRotation(key: string): [Rotation, (rotation: Rotation) => void] {
  const [, setVersion] = useState(0);
  cache ??= readRotations(safeStorage());
  const rotation = cache.get(key) ?? 0;
  const update = useCallback(
    (next: Rotation) => {
      cache ??= readRotations(safeStorage());
      const json = rememberRotation(cache, key, next);
      try {
        localStorage.setItem(STORAGE_KEY, json);
      } catch {
        // Storage full or disabled: the rotation lasts for this session only.
      }
      setVersion((v) => v + 1);
    },
    [key],
  );
  return [rotation, update];
}

function safeStorage(): Pick<Storage, 'getItem'> {
  try {
    return localStorage;
  } catch {
    return { getItem: () => null };
  }
}
