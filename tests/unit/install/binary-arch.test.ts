import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryArch } from '../../../scripts/binary-arch';
import { checkNativeBinaries, listNativeCandidates } from '../../../scripts/native-scan';

const modules = path.resolve(import.meta.dirname, '..', '..', '..', 'node_modules');
// The native addons npm installed for this machine: the segmenter and sharp with its libvips.
const installed = [path.join(modules, '@node-rs'), path.join(modules, '@img')].filter((dir) => fs.existsSync(dir)).flatMap((dir) => listNativeCandidates(dir));

function pe(machine: number): Uint8Array {
  const bytes = new Uint8Array(0x90);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x5a]);
  view.setUint32(0x3c, 0x80, true);
  view.setUint32(0x80, 0x50450000, false);
  view.setUint16(0x84, machine, true);
  return bytes;
}

function machO(cpu: number): Uint8Array {
  const bytes = new Uint8Array(32);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0xfeedfacf, true);
  view.setUint32(4, cpu, true);
  return bytes;
}

function universal(cpus: number[]): Uint8Array {
  const bytes = new Uint8Array(8 + cpus.length * 20);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0xcafebabe, false);
  view.setUint32(4, cpus.length, false);
  cpus.forEach((cpu, index) => view.setUint32(8 + index * 20, cpu, false));
  return bytes;
}

describe('binaryArch', () => {
  it('reads the native modules installed here as built for this machine', () => {
    const addons = installed.filter((file) => file.endsWith('.node'));
    expect(addons.some((file) => file.includes('jieba'))).toBe(true);
    expect(addons.some((file) => file.includes('sharp'))).toBe(true);
    for (const file of installed) {
      const info = binaryArch(fs.readFileSync(file).subarray(0, 4096));
      expect(info, file).not.toBeNull();
      expect(info?.arches, file).toEqual([process.arch]);
    }
  });

  it('reads Windows PE machines', () => {
    expect(binaryArch(pe(0x8664))).toEqual({ format: 'pe', arches: ['x64'] });
    expect(binaryArch(pe(0xaa64))).toEqual({ format: 'pe', arches: ['arm64'] });
    expect(binaryArch(pe(0x014c))).toEqual({ format: 'pe', arches: ['ia32'] });
  });

  it('reads thin and universal Mach-O files', () => {
    expect(binaryArch(machO(0x0100000c))).toEqual({ format: 'mach-o', arches: ['arm64'] });
    expect(binaryArch(machO(0x01000007))).toEqual({ format: 'mach-o', arches: ['x64'] });
    expect(binaryArch(universal([0x01000007, 0x0100000c]))).toEqual({ format: 'mach-o-universal', arches: ['x64', 'arm64'] });
  });

  it('answers null for what is not a native binary', () => {
    expect(binaryArch(new TextEncoder().encode('module.exports = 1;\n'))).toBeNull();
    expect(binaryArch(new Uint8Array([0x4d, 0x5a]))).toBeNull();
    // A Java class file starts with the universal magic; its version is no architecture count.
    expect(binaryArch(new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x41]))).toBeNull();
  });
});

describe('checkNativeBinaries', () => {
  const x64 = { format: 'elf' as const, arches: ['x64' as const] };
  it('passes a package whose addons all match and are all there', () => {
    const report = checkNativeBinaries(
      [
        { file: 'resources/app.asar.unpacked/node_modules/@node-rs/jieba-linux-x64-gnu/jieba.node', info: x64 },
        { file: 'resources/app.asar.unpacked/node_modules/@img/sharp-linux-x64/lib/sharp.node', info: x64 },
      ],
      'x64',
      ['jieba', 'sharp'],
    );
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.lines).toHaveLength(2);
  });

  it('fails on an addon of the other architecture, and on an expected addon that is missing', () => {
    const report = checkNativeBinaries([{ file: 'app/sharp-darwin-x64/sharp.node', info: { format: 'mach-o', arches: ['x64'] } }], 'arm64', ['jieba', 'sharp']);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(['app/sharp-darwin-x64/sharp.node is built for x64, not arm64', 'no jieba native addon (.node) in the package']);
  });

  it('accepts a universal binary that contains the architecture', () => {
    const report = checkNativeBinaries([{ file: 'Jiaodui.app/jieba.node', info: { format: 'mach-o-universal', arches: ['x64', 'arm64'] } }], 'arm64', ['jieba']);
    expect(report.ok).toBe(true);
  });
});
