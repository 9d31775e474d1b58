// Helpers shared by the layout importer tests: paths, image sizes and an offset-consistency check.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { cpLength, cpSlice } from '../../../shared/text/codepoints';
import type { LayoutPage } from '../../../shared/layout/types';

/// The repository root.
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/// The hand-written layout fixtures.
export const fixturesDir = path.join(repoRoot, 'tests/fixtures/layout');

/// The shared scan samples (read-only, outside the repository).
export const scansDir = path.resolve(repoRoot, 'tests/fixtures/samples/scans');

/// Reads a fixture as text.
export function readFixtureSync(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

/// Width and height of a baseline or progressive JPEG, read from its SOF marker.
export function jpegSizeSync(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error(`${file} is not a JPEG`);
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`${file}: lost marker sync at ${at}`);
    const marker = bytes[at + 1]!;
    const length = bytes.readUInt16BE(at + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw new Error(`${file}: no frame header`);
}

/// Asserts that every line and word sits in the page text at the code-point offsets it claims.
export function expectOffsetsConsistent(page: LayoutPage): void {
  for (const line of page.lines) {
    expect(cpSlice(page.text, line.textStart, line.textStart + cpLength(line.text))).toBe(line.text);
    for (const word of line.words) {
      expect(cpSlice(page.text, word.start, word.end)).toBe(word.text);
      expect(word.start).toBeGreaterThanOrEqual(line.textStart);
      expect(word.end).toBeLessThanOrEqual(line.textStart + cpLength(line.text));
    }
    if (line.charConfidences) expect(line.charConfidences).toHaveLength(cpLength(line.text));
  }
  expect(page.text.split('\n').filter((l) => l !== '')).toEqual(page.lines.map((l) => l.text));
}
