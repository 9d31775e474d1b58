import fs from 'node:fs';
import path from 'node:path';

/// The user's own copy of the bundled sample corpus, in the app's data folder: `<userData>/sample-corpus`.
///
/// The bundled folder lies inside the installation (read-only under /opt, inside the signed macOS app bundle,
/// removed by an uninstall), so the app never opens it in place: sidecars, locks and edits go to this copy. It is
/// made once, on the first start that opens the sample; an existing copy (with the user's work) is kept as it is.
export function userSampleCorpus(bundled: string, userData: string): string {
  const copy = path.join(userData, 'sample-corpus');
  if (!fs.existsSync(copy)) {
    // Copied beside the target, then renamed: a start interrupted mid-copy leaves no half sample behind.
    const partial = `${copy}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(bundled, partial, { recursive: true });
    fs.renameSync(partial, copy);
  }
  return copy;
}
