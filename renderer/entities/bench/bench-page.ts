import { DEFAULT_TAGSET } from '../../../shared/entities/tagset';
import type { EntitySpan } from '../../../shared/model/sidecar-schema';
import { CodePointIndex } from '../../../shared/text/codepoints';

/// Entity texts the bench page is tagged with (made-up uses of real-looking names; one has 𠮷).
export const NAMES = ['武跃林', '朔城区', '市场监督管理局', '刘淑花', '冯云龙', '马邑花园小区', '12月1日', '𠮷林区'];

/// Puts names from NAMES into the text at spread-out places and tags `count` of them (a few nested), leaving one
/// in three untagged so the known-string suggester has work, as a page tagged by hand would look. Deterministic.
export function withEntities(base: string, tagged: number): { text: string; spans: EntitySpan[] } {
  const count = Math.ceil(tagged * 1.5);
  const lines = base.split('\n');
  const perLine = Math.ceil(count / lines.filter((l) => l.length > 20).length);
  const spans: EntitySpan[] = [];
  let offset = 0;
  let made = 0;
  const out: string[] = [];
  for (const line of lines) {
    let built = '';
    const index = new CodePointIndex(line);
    if (line.length > 20 && made < count) {
      const step = Math.floor(index.length / (perLine + 1));
      let last = 0;
      for (let k = 1; k <= perLine && made < count; k++) {
        const cut = index.toUtf16(k * step);
        built += line.slice(last, cut);
        last = cut;
        const name = NAMES[made % NAMES.length]!;
        const start = offset + Array.from(built).length;
        const length = Array.from(name).length;
        if (made % 3 !== 2) spans.push({ id: `b${made}`, start, end: start + length, type: DEFAULT_TAGSET.types[made % 5]!.id, text: name });
        if (made % 9 === 0 && length > 2) spans.push({ id: `n${made}`, start, end: start + 2, type: 'LOC', text: Array.from(name).slice(0, 2).join('') });
        built += name;
        made++;
      }
      built += line.slice(last);
    } else built = line;
    out.push(built);
    offset += Array.from(built).length + 1;
  }
  return { text: out.join('\n'), spans };
}

