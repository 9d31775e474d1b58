import { DEFAULT_TAGSET, TAGSET_FILE_NAME, parseTagset, serializeTagset } from '../../../shared/entities/tagset';
import type { SaveTagsetRequest, TagsetInfo } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { failWith, worded } from '../../../shared/errors/fail-with';
import { corpusFile, isOutside, readFileInCorpus, type CorpusFile } from '../disk/confined-fs';
import { writeFileAtomicInCorpus } from '../disk/confined-write';
import { sha256Hex } from '../disk/hash';

/// Reads the corpus tag set from `jiaodui.tagset.json` at the corpus root.
///
/// A missing file gives the default tag set; a malformed one gives the default too, with `problem` saying in plain
/// words what is wrong, so the UI can show it (the file itself is left alone). Fails with 'io' only when the file
/// exists but cannot be read.
export async function readTagsetFile(root: string): Promise<Result<TagsetInfo>> {
  const file = await corpusFile(root, TAGSET_FILE_NAME);
  if (!file.ok) return file;
  let bytes: Buffer;
  try {
    bytes = await readFileInCorpus(file.value);
  } catch (error) {
    if (isOutside(error)) return failWith('tagset.outside', { file: TAGSET_FILE_NAME });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({ tagset: DEFAULT_TAGSET, origin: 'default', problem: null, fileHash: null });
    return failWith('tagset.unreadable', { file: TAGSET_FILE_NAME }, (error as Error).message);
  }
  const fileHash = sha256Hex(bytes);
  const parsed = parseTagset(new TextDecoder('utf-8').decode(bytes));
  if (!parsed.ok) {
    // The English lists every schema problem; the screen shows the first (a reason: which field, what is wrong,
    // worded in the UI language) and how many more there are.
    const detail = parsed.error.detail?.replace(/\n/g, '; ') ?? '';
    const english = `${parsed.error.message}${detail ? ` ${detail}` : ''} The default tag set is used until the file is fixed or replaced.`;
    const values = parsed.error.values ?? { file: TAGSET_FILE_NAME };
    let problem = worded('tagset.malformed', values, english);
    if (parsed.error.messageId === 'tagset.notJson') problem = worded('tagset.malformedJson', { file: TAGSET_FILE_NAME }, english);
    else if (values.count !== undefined) problem = worded('tagset.malformedMore', values, english);
    return ok({ tagset: DEFAULT_TAGSET, origin: 'default', problem, fileHash });
  }
  return ok({ tagset: parsed.value, origin: 'file', problem: null, fileHash });
}

/// Validates a tag set and writes it atomically to `jiaodui.tagset.json`.
///
/// Refuses ('sidecar-changed') when the file's bytes are no longer those the settings were loaded with, and
/// ('read-only') to replace a malformed file unless `replaceMalformed` is set; the malformed file is then first
/// copied to `jiaodui.tagset.json.broken-<time>` so nothing the user wrote is lost.
export async function writeTagsetFile(root: string, request: SaveTagsetRequest, now: () => Date = () => new Date()): Promise<Result<TagsetInfo>> {
  const serialized = serializeTagset(request.tagset);
  if (!serialized.ok) return serialized;
  const current = await readTagsetFile(root);
  if (!current.ok) return current;
  if (current.value.fileHash !== request.expectedFileHash) {
    return failWith('tagset.changed', { file: TAGSET_FILE_NAME });
  }
  const file = await corpusFile(root, TAGSET_FILE_NAME);
  if (!file.ok) return file;
  if (current.value.problem !== null) {
    if (request.replaceMalformed !== true) {
      return failWith('tagset.invalidOnDisk', { file: TAGSET_FILE_NAME }, current.value.problem.message);
    }
    try {
      await keepAside(file.value, `${TAGSET_FILE_NAME}.broken-${now().toISOString().replace(/[:.]/g, '-')}`);
    } catch (error) {
      return failWith('tagset.notKeptAside', { file: TAGSET_FILE_NAME }, (error as Error).message);
    }
  }
  try {
    await writeFileAtomicInCorpus(file.value, serialized.value);
  } catch (error) {
    return failWith('tagset.notWritten', { file: TAGSET_FILE_NAME }, (error as Error).message);
  }
  // Report what the file now says (labels trimmed by the schema), not what was sent.
  const stored = parseTagset(serialized.value);
  return ok({ tagset: stored.ok ? stored.value : request.tagset, origin: 'file', problem: null, fileHash: sha256Hex(serialized.value) });
}

// A copy of the malformed file under `name` beside it, both confined to the corpus (read and written through
// verified handles and folders).
async function keepAside(file: CorpusFile, name: string): Promise<void> {
  const bytes = await readFileInCorpus(file);
  await writeFileAtomicInCorpus({ realRoot: file.realRoot, rel: name, abs: `${file.abs}${name.slice(TAGSET_FILE_NAME.length)}` }, bytes);
}
