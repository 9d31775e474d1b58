// Random edits for property tests of the editor: replace, insert (sometimes 𠮷 or a line break), delete.
import type { EditorState } from 'prosemirror-state';

const EXT_B = '𠮷';

/// A small deterministic random generator, so a failure can be replayed.
export function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/// One random edit: replace, insert (sometimes 𠮷 or a line break) or delete a range, possibly across lines.
export function randomEdit(state: EditorState, next: () => number): EditorState {
  const size = state.doc.content.size;
  const pick = () => 1 + Math.floor(next() * (size - 1));
  const a = Math.min(pick(), size - 1);
  const $a = state.doc.resolve(a);
  if (!$a.parent.isTextblock) return state;
  // Keep positions off the middle of a surrogate pair, as a real selection never lands there.
  const text = $a.parent.textContent;
  const offset = $a.parentOffset;
  const safe = offset > 0 && /[\uDC00-\uDFFF]/.test(text[offset] ?? '') ? a - 1 : a;
  const kind = next();
  if (kind < 0.4) {
    const end = Math.min(safe + 1, $a.end());
    const chars = ['已', EXT_B, '國', 'x'];
    return state.apply(state.tr.insertText(chars[Math.floor(next() * chars.length)]!, safe, end));
  }
  if (kind < 0.6) return state.apply(state.tr.insertText(EXT_B, safe));
  if (kind < 0.7) return state.apply(state.tr.split(safe));
  if (kind < 0.8) {
    // Join this line to the previous one, as Backspace at a line start does, or cut everything to the end.
    const lineStart = $a.before();
    if (lineStart > 0 && next() < 0.7) return state.apply(state.tr.join(lineStart));
    if (next() < 0.3) return state.apply(state.tr.delete(safe, size - 1));
    return state;
  }
  const b = Math.min(size - 1, safe + Math.floor(next() * 60));
  const $b = state.doc.resolve(b);
  const bText = $b.parent.textContent;
  const bSafe = $b.parentOffset > 0 && /[\uDC00-\uDFFF]/.test(bText[$b.parentOffset] ?? '') ? b - 1 : b;
  if (bSafe <= safe) return state;
  return state.apply(state.tr.delete(safe, bSafe));
}

