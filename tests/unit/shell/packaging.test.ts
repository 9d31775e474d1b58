import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
// js-yaml ships with electron-builder's dependencies and has no bundled types.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface TargetEntry {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  icon: string;
  win: { target: TargetEntry[] };
  nsis: { oneClick: boolean; perMachine: boolean; deleteAppDataOnUninstall: boolean };
  mac: { category: string; target: TargetEntry[] };
  linux: { target: TargetEntry[]; executableName: string };
}

const config = yaml.load(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app org.jiaodui.app / Jiaodui', () => {
    expect(config.appId).toBe('org.jiaodui.app');
    expect(config.productName).toBe('Jiaodui');
  });

  // No arch lists: each installer is built on a runner of its own architecture (the release workflow's matrix).
  it('builds a per-user NSIS installer for Windows that leaves the app data on uninstall', () => {
    expect(config.win.target).toEqual([{ target: 'nsis' }]);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('builds a DMG for macOS in the productivity category', () => {
    expect(config.mac.target).toEqual([{ target: 'dmg' }]);
    expect(config.mac.category).toBe('public.app-category.productivity');
  });

  it('builds an AppImage and a .deb for Linux', () => {
    expect(config.linux.target).toEqual([{ target: 'AppImage' }, { target: 'deb' }]);
    expect(config.linux.executableName).toBe('jiaodui');
  });

  it('packs dist/ and ships the sample corpus as an extra resource where main.ts looks for it', () => {
    expect(config.files).toContain('dist/**');
    expect(config.extraResources).toContainEqual({ from: 'resources/sample-corpus', to: 'sample-corpus' });
    expect(fs.readFileSync(path.join(repoRoot, 'electron', 'main.ts'), 'utf8')).toContain("path.join(process.resourcesPath, 'sample-corpus')");
  });

  it('ships the user guide where Help → User Guide looks for it', () => {
    expect(config.extraResources).toContainEqual({ from: 'docs/user-guide.md', to: 'docs/user-guide.md' });
    expect(fs.existsSync(path.join(repoRoot, 'docs', 'user-guide.md'))).toBe(true);
    expect(fs.readFileSync(path.join(repoRoot, 'electron', 'main.ts'), 'utf8')).toContain("path.join(process.resourcesPath, 'docs', 'user-guide.md')");
  });

  it('uses a 1024×1024 PNG icon', () => {
    const png = fs.readFileSync(path.join(repoRoot, config.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR: width and height are the big-endian words at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(1024);
    expect(png.readUInt32BE(20)).toBe(1024);
  });
});
