import { findSystemBrowser, type BrowserProbe } from './system-browser';

/// The system packages `npm test` needs beyond node_modules.
export type SystemNeed = 'browser' | 'cjk-font' | 'xmllint' | 'jing';

/// What preflight can ask of the machine (injected so tests can describe any machine).
export interface PreflightProbe extends BrowserProbe {
  /// Whether a command is on PATH.
  hasCommand: (command: string) => boolean;
  /// Whether a font covering Simplified Chinese is installed.
  hasCjkFont: () => boolean;
}

/// One sentence per missing package: what it is for and how to install it on Debian/Ubuntu, macOS and Windows.
export const INSTALL_ADVICE: Record<SystemNeed, string> = {
  browser:
    'No Chromium, Chrome or Edge was found for the end-to-end tests: on Debian/Ubuntu run `sudo apt-get install chromium`, on macOS install Google Chrome (`brew install --cask google-chrome`), on Windows use the built-in Microsoft Edge or `winget install Google.Chrome`.',
  'cjk-font':
    'No Chinese (CJK) font was found, so pages would render as boxes: on Debian/Ubuntu run `sudo apt-get install fonts-noto-cjk`, on macOS `brew install --cask font-noto-sans-cjk-sc`, on Windows add the Chinese (Simplified) supplemental fonts under Settings > Apps > Optional features.',
  xmllint:
    'xmllint (ALTO and PAGE schema checks in the export tests) is missing: on Debian/Ubuntu run `sudo apt-get install libxml2-utils`, on macOS `brew install libxml2` (or `xcode-select --install`), on Windows `choco install xsltproc`.',
  jing: 'jing (the TEI RELAX NG check in the export tests) is missing: on Debian/Ubuntu run `sudo apt-get install jing`, on macOS `brew install jing-trang`, on Windows run the tests in WSL with Ubuntu and `sudo apt-get install jing` there.',
};

/// The needs this machine does not meet, in a fixed order.
export function missingNeeds(probe: PreflightProbe): SystemNeed[] {
  const missing: SystemNeed[] = [];
  if (!findSystemBrowser(probe)) missing.push('browser');
  if (!probe.hasCjkFont()) missing.push('cjk-font');
  if (!probe.hasCommand('xmllint')) missing.push('xmllint');
  if (!probe.hasCommand('jing')) missing.push('jing');
  return missing;
}
