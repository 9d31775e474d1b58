import { describe, expect, it } from 'vitest';
import { readRotations, rememberRotation } from '../../../renderer/scan/useRotation';

const storageWith = (value: string | null) => ({ getItem: () => value });

describe('remembered scan rotations', () => {
  it('round-trips rotations per page and forgets a page turned back to 0', () => {
    const rotations = readRotations(storageWith(null));
    rememberRotation(rotations, '/c\na.xml', 90);
    const json = rememberRotation(rotations, '/c\nb.txt', 270);
    expect(readRotations(storageWith(json))).toEqual(new Map([['/c\na.xml', 90], ['/c\nb.txt', 270]]));
    const cleared = rememberRotation(rotations, '/c\na.xml', 0);
    expect(readRotations(storageWith(cleared))).toEqual(new Map([['/c\nb.txt', 270]]));
  });

  it('ignores stored data that is not JSON or holds odd angles', () => {
    expect(readRotations(storageWith('{'))).toEqual(new Map());
    expect(readRotations(storageWith('[["a", 45], ["b", 180], [3, 90]]'))).toEqual(new Map([['b', 180]]));
  });

  it('keeps the newest 5,000 pages', () => {
    const rotations = readRotations(storageWith(null));
    for (let i = 0; i <= 5000; i++) rememberRotation(rotations, `p${i}`, 90);
    expect(rotations.size).toBe(5000);
    expect(rotations.has('p0')).toBe(false);
    expect(rotations.has('p5000')).toBe(true);
  });
});
