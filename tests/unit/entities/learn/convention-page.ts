import type { TrainingPage } from '../../../../shared/entities/learn/train';

/// A training page of `lines` (one a line) on which the editor tagged the 中 and 美 of each line's first 中美 as two
/// places of their own (a corpus convention the rules do not have).
export function zhongMeiPage(lines: readonly string[]): TrainingPage {
  let text = '';
  const spans: TrainingPage['spans'][number][] = [];
  for (const line of lines) {
    const at = Array.from(text).length + line.indexOf('中美');
    spans.push({ start: at, end: at + 1, type: 'LOC' }, { start: at + 1, end: at + 2, type: 'LOC' });
    text += `${line}\n`;
  }
  return { text, spans };
}
