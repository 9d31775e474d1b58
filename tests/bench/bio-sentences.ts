/// Reader for two-column BIO files ("char TAG" per line, a blank line between sentences), such as the MSRA NER
/// set: each sentence becomes its NFC text and its entities with code-point offsets. Shared by the entity bench's
/// CoNLL entry and the learning-curve bench.
import { readFileSync } from 'node:fs';

/// One gold entity of a BIO sentence: code-point offsets [start, end) into the sentence text.
export interface BioEntity {
  start: number;
  end: number;
  type: string;
  text: string;
}

/// One sentence of a BIO file: its text (the tokens joined, NFC) and its gold entities.
export interface BioSentence {
  text: string;
  entities: BioEntity[];
}

/// Parses BIO text (see the module comment). Tags are B-X, I-X, E-X, S-X, or O; an I-X that does not continue an
/// entity of type X starts a new one (the lenient CoNLL reading). A token line that is not "token tag" throws.
export function parseBioSentences(content: string): BioSentence[] {
  const sentences: BioSentence[] = [];
  let chars: string[] = [];
  let entities: BioEntity[] = [];
  let open: { start: number; type: string } | null = null;
  const close = (end: number) => {
    if (open) entities.push({ start: open.start, end, type: open.type, text: chars.slice(open.start, end).join('') });
    open = null;
  };
  const flush = () => {
    close(chars.length);
    if (chars.length > 0) sentences.push(normalizeSentence({ text: chars.join(''), entities }));
    chars = [];
    entities = [];
  };
  const lines = content.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') {
      flush();
      continue;
    }
    const parts = line.split(/\s+/);
    if (parts.length !== 2) throw new Error(`BIO line ${n + 1}: expected "token tag", got ${JSON.stringify(line)}`);
    const [token, tag] = parts as [string, string];
    const position = chars.length;
    // A token may be more than one code point (rare in character-level files); offsets stay in code points.
    const tokenChars = Array.from(token);
    const match = /^([BIES])-(.+)$/.exec(tag);
    if (!match || tag === 'O') {
      close(position);
    } else {
      const [, prefix, type] = match as unknown as [string, string, string];
      const continues = open !== null && (open as { type: string }).type === type && (prefix === 'I' || prefix === 'E');
      if (!continues) {
        close(position);
        open = { start: position, type };
      }
    }
    chars.push(...tokenChars);
    if (match && (match[1] === 'E' || match[1] === 'S')) close(chars.length);
  }
  flush();
  return sentences;
}

// The files are expected in NFC already; if a sentence is not, its offsets would shift under normalisation, so it is
// rejected rather than silently misaligned.
function normalizeSentence(sentence: BioSentence): BioSentence {
  if (sentence.text.normalize('NFC') !== sentence.text) {
    throw new Error(`BIO sentence is not NFC: ${JSON.stringify(sentence.text.slice(0, 20))}…`);
  }
  return sentence;
}

/// Reads a BIO file from disk (UTF-8) and parses it with parseBioSentences.
export function readBioSentences(path: string): BioSentence[] {
  return parseBioSentences(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}
