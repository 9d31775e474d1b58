import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportParse, ImportProblem } from '../../../shared/export/import-types';

/// One file of an import as a parser sees it: its text, its path relative to the folder given (its name when a
/// single file was given, `/`-separated), and the text of a file beside it with the same base name and another
/// extension (a brat `.ann`'s `.txt`), or null.
export interface ImportInput {
  text: string;
  relPath: string;
  companion(extension: string): Promise<string | null>;
}

/// How one import format reads its files: which files of a folder it takes, and the parser.
export interface EntityFileReader {
  /// Extensions (with the dot, lower case) of the files taken from a folder, e.g. ['.jsonl'], ['.ann'].
  extensions: readonly string[];
  parse(input: ImportInput): Promise<ImportParse> | ImportParse;
}

// An import file larger than this is refused rather than read into memory whole.
const MAX_IMPORT_FILE_BYTES = 512 * 1024 * 1024;

/// Reads and parses the import at `fileOrFolder`: the file itself, or every file of the folder (and its sub-folders,
/// hidden ones skipped) with one of the reader's extensions, in path order. Files that cannot be read are problems.
export async function parseImportFiles(fileOrFolder: string, reader: EntityFileReader): Promise<{ parse: ImportParse; files: number } | { error: string }> {
  let real: string;
  let isFolder: boolean;
  try {
    real = await realpath(fileOrFolder);
    isFolder = (await stat(real)).isDirectory();
  } catch {
    return { error: `"${fileOrFolder}" cannot be found.` };
  }
  const files = isFolder ? await filesUnder(real, reader.extensions) : [{ abs: real, rel: path.basename(real) }];
  if (isFolder && files.length === 0) return { error: `"${fileOrFolder}" holds no ${reader.extensions.join(' or ')} file.` };
  const parse: ImportParse = { documents: [], problems: [] };
  for (const file of files) {
    const text = await readText(file.abs);
    if (typeof text !== 'string') {
      parse.problems.push({ where: file.rel, code: 'malformed', message: text.error });
      continue;
    }
    const companion = async (extension: string) => {
      const other = file.abs.slice(0, file.abs.length - path.extname(file.abs).length) + extension;
      const read = await readText(other);
      return typeof read === 'string' ? read : null;
    };
    let parsed: ImportParse;
    try {
      parsed = await reader.parse({ text, relPath: file.rel, companion });
    } catch (error) {
      parse.problems.push({ where: file.rel, code: 'malformed', message: `The file could not be read: ${(error as Error).message}` });
      continue;
    }
    for (const document of parsed.documents) parse.documents.push(document);
    for (const problem of parsed.problems) parse.problems.push(problem satisfies ImportProblem);
  }
  return { parse, files: files.length };
}

async function readText(abs: string): Promise<string | { error: string }> {
  try {
    const info = await stat(abs);
    if (info.size > MAX_IMPORT_FILE_BYTES) return { error: `The file is too large to import (${info.size} bytes).` };
    // Import files are UTF-8 (doccano, Label Studio and brat all write it); a byte-order mark is dropped.
    return (await readFile(abs, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    return { error: `The file cannot be read: ${(error as Error).message}` };
  }
}

async function filesUnder(root: string, extensions: readonly string[]): Promise<{ abs: string; rel: string }[]> {
  const found: { abs: string; rel: string }[] = [];
  const folders = [''];
  while (folders.length > 0) {
    const rel = folders.pop()!;
    const entries = await readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) folders.push(childRel);
      else if (entry.isFile() && extensions.includes(path.extname(entry.name).toLowerCase())) found.push({ abs: path.join(root, childRel), rel: childRel });
    }
  }
  return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
