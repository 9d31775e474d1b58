import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The fuses are flipped by electron-builder's own `electronFuses` option at packaging. Packaging needs the Electron
// binary, which this machine cannot download, so this test runs the same two steps on a stand-in binary: the
// builder's translation of electron-builder.yml into an @electron/fuses config, then @electron/fuses writing it.

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
// js-yaml ships with electron-builder's dependencies and has no bundled types.
const yaml = require('js-yaml') as { load(text: string): unknown };
// The builder's method that turns the `electronFuses` option into an @electron/fuses config. It reads nothing
// from the packager instance, so it can be called on its own.
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(this: unknown, fuses: object): Promise<FuseConfig> } };
};

const config = yaml.load(await fs.readFile(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as { asar?: boolean; electronFuses: Record<string, boolean> };

// The fuse wire's format, as @electron/fuses reads it (its constants module is not exported): this marker, then the
// wire version, its length, and one ASCII '0' or '1' per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;
// Electron 41's wire as shipped: RunAsNode, NodeOptions, CliInspect and FileProtocolExtraPrivileges on, the rest off.
const SHIPPED = [1, 0, 1, 1, 0, 0, 0, 1].map((bit) => (bit ? FuseState.ENABLE : FuseState.DISABLE));
let dir: string;
let binary: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-fuses-'));
  // Windows layout: the fuse wire lives in Jiaodui.exe itself (on macOS, in the Electron Framework inside the .app).
  binary = path.join(dir, 'Jiaodui.exe');
  const wire = Buffer.from([Number(FuseVersion.V1), SHIPPED.length, ...SHIPPED]);
  await fs.writeFile(binary, Buffer.concat([Buffer.from('MZ fake executable '), Buffer.from(SENTINEL), wire, Buffer.from(' rest of the binary')]));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('Electron fuses (electron-builder.yml electronFuses)', () => {
  it('packs the app into an asar archive, which the integrity fuse checks', () => {
    expect(config.asar).toBe(true);
  });

  it('asks for exactly the hardening fuses, and ad-hoc re-signing on macOS', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('is turned by electron-builder into a config that sets these fuses and leaves the others as shipped', async () => {
    const fuses = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses);
    expect(fuses).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('flips the bits of the fuse wire in the binary accordingly', async () => {
    const fuses = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses);
    await flipFuses(binary, fuses);
    const wire = await getCurrentFuseWire(binary);
    const state = (option: FuseV1Options) => wire[option];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    // The page is served from app:// (issue 18), so file:// loses its extra privileges.
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
    // Left as Electron ships it.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(FuseState.DISABLE);
    // Nothing outside the wire changed.
    const bytes = await fs.readFile(binary);
    expect(bytes.subarray(0, 19).toString()).toBe('MZ fake executable ');
    expect(bytes.subarray(bytes.length - 19).toString()).toBe(' rest of the binary');
  });
});
