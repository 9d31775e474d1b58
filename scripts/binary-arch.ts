/// The CPU architectures (Node's names) a native binary is built for, read from its header.
export type BinaryArch = 'x64' | 'arm64' | 'ia32' | 'arm' | 'other';

/// What a binary's header says: its format and the architectures inside it (several for a macOS universal file).
export interface BinaryInfo {
  format: 'elf' | 'pe' | 'mach-o' | 'mach-o-universal';
  arches: BinaryArch[];
}

const ELF_MACHINES: Record<number, BinaryArch> = { 0x03: 'ia32', 0x28: 'arm', 0x3e: 'x64', 0xb7: 'arm64' };
const PE_MACHINES: Record<number, BinaryArch> = { 0x014c: 'ia32', 0x01c4: 'arm', 0x8664: 'x64', 0xaa64: 'arm64' };
const MACH_CPUS: Record<number, BinaryArch> = { 0x00000007: 'ia32', 0x01000007: 'x64', 0x0000000c: 'arm', 0x0100000c: 'arm64' };

/// Reads the architecture of an ELF (Linux), PE (Windows) or Mach-O (macOS, thin or universal) binary from its
/// first bytes; null when `header` is none of these (or too short to tell).
///
/// Only the header is needed: ELF e_machine at 18, PE's Machine after the "PE\0\0" signature that e_lfanew (0x3c)
/// points to, Mach-O's cputype at 4, and a universal file's list of fat_arch entries (20 bytes each, big-endian).
export function binaryArch(header: Uint8Array): BinaryInfo | null {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const has = (bytes: number) => header.byteLength >= bytes;
  if (has(20) && view.getUint32(0, false) === 0x7f454c46) {
    const littleEndian = header[5] === 1;
    return { format: 'elf', arches: [ELF_MACHINES[view.getUint16(18, littleEndian)] ?? 'other'] };
  }
  if (has(0x40) && header[0] === 0x4d && header[1] === 0x5a) {
    const pe = view.getUint32(0x3c, true);
    if (!has(pe + 6) || view.getUint32(pe, false) !== 0x50450000) return null;
    return { format: 'pe', arches: [PE_MACHINES[view.getUint16(pe + 4, true)] ?? 'other'] };
  }
  if (has(8)) {
    const magic = view.getUint32(0, false);
    // 0xfeedface / 0xfeedfacf written little-endian (every Mach-O Apple ships today), or big-endian.
    if (magic === 0xcefaedfe || magic === 0xcffaedfe) return { format: 'mach-o', arches: [MACH_CPUS[view.getUint32(4, true)] ?? 'other'] };
    if (magic === 0xfeedface || magic === 0xfeedfacf) return { format: 'mach-o', arches: [MACH_CPUS[view.getUint32(4, false)] ?? 'other'] };
    if (magic === 0xcafebabe || magic === 0xcafebabf) {
      const count = view.getUint32(4, false);
      // A Java class file shares the magic; its "count" (a version number) is far above any real fat header's.
      const entry = magic === 0xcafebabe ? 20 : 32;
      if (count === 0 || count > 16 || !has(8 + count * entry)) return null;
      const arches: BinaryArch[] = [];
      for (let index = 0; index < count; index += 1) arches.push(MACH_CPUS[view.getUint32(8 + index * entry, false)] ?? 'other');
      return { format: 'mach-o-universal', arches };
    }
  }
  return null;
}
