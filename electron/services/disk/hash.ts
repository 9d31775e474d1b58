import { createHash } from 'node:crypto';

/// The SHA-256 of some bytes (or of a string's UTF-8 bytes) as 64 lower-case hex digits.
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
