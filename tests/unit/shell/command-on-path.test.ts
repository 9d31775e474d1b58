import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// How the installers put a `jiaodui` command on the PATH (docs/command-line.md); the installers themselves are
// built and run only in the release workflow.
const require = createRequire(import.meta.url);
// js-yaml ships with electron-builder's dependencies and has no bundled types.
const yaml = require('js-yaml') as { load(text: string): unknown };
const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const config = yaml.load(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as {
  linux: { executableName: string };
  deb?: { afterInstall?: string };
  nsis: { include?: string; perMachine: boolean };
};

describe('the jiaodui command on the PATH', () => {
  it('Linux .deb: the executable is named jiaodui and electron-builder’s own after-install script links /usr/bin to it', () => {
    expect(config.linux.executableName).toBe('jiaodui');
    expect(config.deb?.afterInstall).toBeUndefined();
    const template = fs.readFileSync(path.join(repoRoot, 'node_modules', 'app-builder-lib', 'templates', 'linux', 'after-install.tpl'), 'utf8');
    expect(template).toContain("'/usr/bin/${executable}'");
  });

  it('Windows: the per-user NSIS installer includes the opt-in PATH script, which the uninstaller undoes', () => {
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.include).toBe('resources/installer.nsh');
    const script = fs.readFileSync(path.join(repoRoot, config.nsis.include!), 'utf8');
    const install = script.slice(script.indexOf('!macro customInstall'), script.indexOf('!macroend'));
    const uninstall = script.slice(script.indexOf('!macro customUnInstall'));
    // Opt-in: a Yes/No question whose silent answer is No, writing the user's (HKCU) PATH only on Yes.
    expect(install).toMatch(/MessageBox MB_YESNO[^\n]*\/SD IDNO IDNO jiaodui_path_done/);
    expect(install).toContain('WriteRegExpandStr HKCU "Environment" "Path"');
    expect(install).not.toContain('HKLM');
    expect(uninstall).toContain('${WordReplace} "$0" ";$INSTDIR" ""');
  });
});
