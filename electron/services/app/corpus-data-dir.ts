import { createHash } from 'node:crypto';
import path from 'node:path';

/// The folder where the app keeps what it learned about one corpus (the entity model, the corpus-wide ignore
/// list, the OCR error profile): `corpora/<id>/` beside the state file, never inside the corpus itself, so
/// originals' folders get nothing but sidecars and a corpus on a read-only share still learns.
///
/// `<id>` is the first 24 hex digits of the SHA-256 of the corpus root's absolute path; a `root.txt` written by
/// whoever creates the folder names the corpus for a person looking at the folder.
export function corpusDataDir(stateFile: string, root: string): string {
  return path.join(path.dirname(stateFile), 'corpora', corpusDataId(root));
}

/// The id of a corpus's data folder (see `corpusDataDir`).
export function corpusDataId(root: string): string {
  return createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 24);
}
