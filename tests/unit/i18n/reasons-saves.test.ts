// The reasons of sidecars, saves, batch runs and export (issue 16 item 5, part b): each site gives a reason id with
// values, worded in English and in Chinese, so that the Chinese UI shows no English sentence inside its own.
import { describe, expect, it } from 'vitest';
import { englishOf } from '../../../shared/errors/fail-with';
import { osReason } from '../../../shared/errors/os-reason';
import { reasonOfError } from '../../../shared/errors/error-reason';
import { reasonEnglish, withReason, type Reason } from '../../../shared/errors/reasons';
import { SAVE_REASONS } from '../../../shared/errors/reasons-saves';
import { failWithReason, problemWithReason, wordedWithReason } from '../../../shared/errors/with-reason';
import { sidecarProblems } from '../../../shared/model/sidecar-consistency';
import { parseSidecar, serializeSidecar } from '../../../shared/model/sidecar-io';
import type { Sidecar } from '../../../shared/model/sidecar-schema';
import { arrangeText } from '../../../shared/model/moves';
import { errorWords, wordReasons } from '../../../renderer/i18n/error-words';
import { translate, type MessageKey } from '../../../renderer/i18n/messages';
import { problemWords } from '../../../renderer/export/problem-words';
import { sidecarStateFromBytes, unusableReason } from '../../../electron/services/page/sidecar-file';
import { lockBusyReason, SidecarLockBusy } from '../../../electron/services/page/sidecar-lock';
import { ExportProblems } from '../../../electron/services/export/export-problems';
import { sha256Hex } from '../../../electron/services/disk/hash';
import { checkSpans } from '../../../electron/services/export/import-entities';
import { parseDoccano } from '../../../shared/export/importers/doccano';
import { parseLabelStudio } from '../../../shared/export/importers/label-studio';
import { parseBratAnn } from '../../../shared/export/importers/brat';

// A reason in each UI language, as the renderer words it inside a failure's values.
const zh = (r: Reason) => String(wordReasons('zh-CN', withReason({}, 'problem', r)).problem);
const en = (r: Reason) => String(wordReasons('en', withReason({}, 'problem', r)).problem);
// Latin words other than names, codes and the JSON path/keys a reason quotes.
const latin = (text: string) => (text.replace(/\{\w+\}|“[^”]*”|"[^"]*"|\$[\w.[\]"]*|\b[A-Z]{2,}\b|SHA-256|Unicode NFC|JSON|\btrue\b|\bfalse\b|\bbrat\b|\.txt\b/g, ' ').match(/[A-Za-z]{3,}/g) ?? []);

const ORIGINAL = '𠮷田记者报道。\n第二行。';
const HASH = 'a'.repeat(64);
function sidecar(over: Partial<Sidecar> = {}): Sidecar {
  return {
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: '1' },
    source: { file: 'p.txt', format: 'text', bytes: 1, sha256: HASH, encoding: 'UTF-8', bom: false, lineEnding: 'LF' },
    status: 'in-progress',
    created: '2026-12-08T00:00:00Z',
    modified: '2026-12-08T00:00:00Z',
    text: ORIGINAL,
    moves: [],
    corrections: [],
    entities: [],
    lineOrigins: [],
    rejectedEntities: [],
    rejectedCorrections: [],
    ...over,
  };
}

describe('part b reasons', () => {
  it('each has a Chinese wording without English words (names, codes and quoted keys aside)', () => {
    for (const id of Object.keys(SAVE_REASONS) as (keyof typeof SAVE_REASONS)[]) {
      const words = translate('zh-CN', `reason.${id}`, {});
      expect(words, id).toMatch(/\p{Script=Han}/u);
      expect(latin(words), id).toEqual([]);
    }
  });
});

describe('JSON syntax and OS errors (the converters of reasons-files.ts, at part b’s sites)', () => {
  it('makes an unparsable sidecar read-only with the place it breaks', () => {
    const parsed = parseSidecar('{\n  "format": "jiaodui-sidecar",\n  𠮷 }');
    expect(parsed.kind).toBe('invalid-json');
    if (parsed.kind === 'ok') return;
    expect(parsed.message).toMatch(/not valid JSON/);
    expect(parsed.reason).toEqual({ id: 'json.syntaxAt', values: { line: 3, column: 3 } });
    expect(zh(parsed.reason)).toBe('这不是有效的 JSON（第 3 行第 3 列）');
    expect(en(parsed.reason)).toBe('this is not valid JSON (line 3, column 3)');
    const cut = parseSidecar('{ "format": "jiaodui-sidecar", ');
    expect(cut.kind === 'ok' ? null : cut.reason.id).toBe('json.endsEarly');
  });

  it('words a batch undo that failed on an OS error by its code', () => {
    const failedUndo = problemWithReason('𠮷.txt', 'batch.undoFailed', {}, osReason(Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' })), 'EBUSY: resource busy');
    expect(failedUndo.message).toBe('It could not be undone: EBUSY: resource busy');
    expect(errorWords('zh-CN', failedUndo)).toBe('无法撤销：正被另一个程序使用');
  });
});

describe('sidecar schema', () => {
  it('words the first zod issue at its field path, with the count of the others', () => {
    const bad = JSON.parse(serializeSidecar(sidecar())) as Record<string, unknown>;
    bad.status = 'done';
    bad.corrections = [{ start: 'a', end: 1, original: '', corrected: '' }];
    bad.colour = 1;
    const parsed = parseSidecar(JSON.stringify(bad));
    expect(parsed.kind).toBe('schema');
    if (parsed.kind === 'ok') return;
    expect(parsed.more).toBe(2);
    expect(parsed.reason).toEqual({ id: 'schema.notOneOf', values: { at: 'status', expected: '"unreviewed" | "in-progress" | "reviewed" | "needs-attention"' } });
    expect(zh(parsed.reason)).toBe('status 必须是 "unreviewed" | "in-progress" | "reviewed" | "needs-attention"');
    expect(parsed.message).toMatch(/does not match the sidecar schema/);
  });

  it('words a field of the wrong type and an unknown field', () => {
    const one = (over: Record<string, unknown>) => {
      const data = { ...(JSON.parse(serializeSidecar(sidecar())) as Record<string, unknown>), ...over };
      const parsed = parseSidecar(JSON.stringify(data));
      return parsed.kind === 'ok' ? null : parsed.reason;
    };
    expect(one({ corrections: [{ start: 'a', end: 1, original: '', corrected: '' }] })).toEqual({ id: 'schema.notNumber', values: { at: 'corrections[0].start' } });
    expect(zh(one({ source: { ...sidecar().source, file: 7 } })!)).toBe('source.file 必须是文本');
    expect(zh(one({ colour: 1 })!)).toBe('$ 含有校对不认识的字段：colour');
  });
});

describe('sidecar consistency', () => {
  it('gives each problem a reason, the model’s own failures as reasons of the same id', () => {
    const far = sidecarProblems(sidecar({ entities: [{ id: 'e1', start: 20, end: 22, type: 'PER', text: '𠮷田' }] }), ORIGINAL);
    expect(far[0]!.reason).toEqual({ id: 'sidecar.entityOutsideText', values: { id: 'e1', start: 20, end: 22, length: 12 } });
    expect(zh(far[0]!.reason)).toBe('实体 e1（20–22）超出文本末尾（共 12 个码位）');
    const moves = sidecarProblems(sidecar({ moves: [{ start: 0, end: 40, to: 0 }] }), ORIGINAL);
    expect(moves[0]!.code).toBe('moves-do-not-fit');
    expect(moves[0]!.reason.id).toBe('model.badMove');
    expect(zh(moves[0]!.reason)).toBe('移动 0–40 → 0 为空或超出原文范围（原文 12 个码位）');
    const arranged = arrangeText(ORIGINAL, [{ start: 0, end: 40, to: 0 }]);
    expect(arranged.ok ? null : reasonEnglish(reasonOfError(arranged.error))).toBe(arranged.ok ? null : arranged.error.message);
  });

  it('makes the page read-only with the first problem and the count of the rest', () => {
    const entity = { id: 'e', start: 0, end: 1, type: 'PER', text: '𠮷' };
    const bytes = new TextEncoder().encode(serializeSidecar(sidecar({ text: `${ORIGINAL}x`, entities: [entity, { ...entity, start: 1, end: 2, text: '田' }] })));
    const state = sidecarStateFromBytes(bytes, { sha256: HASH, originalText: ORIGINAL });
    expect(state.kind).toBe('unusable');
    if (state.kind !== 'unusable') return;
    expect(state.reason).toBe('sidecar-inconsistent');
    expect(state.more).toBe(1);
    expect(zh(unusableReason(state))).toBe('将其校改记录应用于原文，得不到其保存的文本');
    const changed = sidecarStateFromBytes(bytes, { sha256: 'b'.repeat(64), originalText: ORIGINAL });
    expect(changed.kind === 'unusable' && zh(unusableReason(changed))).toBe('校改保存后页面文件已被修改（其 SHA-256 与附属文件中记录的不再一致）');
    expect(sha256Hex(bytes)).toHaveLength(64);
  });
});

describe('failures and problems with a reason', () => {
  it('keep the fuller English for logs and word the reason in the UI language', () => {
    const r = { id: 'sidecar.entityDuplicateId', values: { id: 'e1' } } as const;
    const failed = failWithReason('save.inconsistentMany', { count: 2 }, r, 'Two entities share the id e1. Entity e2 is empty (3–3). Entity e3 is empty (4–4).');
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.message).toBe('The page cannot be saved: Two entities share the id e1. Entity e2 is empty (3–3). Entity e3 is empty (4–4). (and 2 more problems)');
    expect(errorWords('zh-CN', failed.error)).toBe('无法保存页面：有两个实体使用同一编号 e1（另有 2 个问题）');
    expect(errorWords('en', failed.error)).toBe('The page cannot be saved: two entities share the id e1 (and 2 more problems)');

    const busy = problemWithReason('𠮷.txt', 'batch.undoBusy', {}, lockBusyReason(new SidecarLockBusy({ pid: 42, host: 'pc' } as never)), 'Another program (process 42 on pc) is writing this sidecar right now.');
    expect(busy.message).toBe(englishOf('batch.undoBusy', { problem: 'Another program (process 42 on pc) is writing this sidecar right now.' }));
    expect(errorWords('zh-CN', busy)).toBe('未能撤销：另一个程序（pc 上的进程 42）正在写入此附属文件');
    const blocked = problemWithReason('𠮷.txt', 'batch.blocked', {}, { id: 'sidecar.notJiaodui' });
    expect(errorWords('zh-CN', blocked)).toBe('其已保存的校改无法使用，因此未作处理：其“format”不是“jiaodui-sidecar”');
    const index = wordedWithReason('entityIndex.sidecarUnusable', { path: '𠮷.txt' }, { id: 'json.endsEarly' }, 'The sidecar is not valid JSON (Unexpected end of JSON input).');
    expect(index.message).toContain('Unexpected end of JSON input');
    expect(errorWords('zh-CN', index)).toBe('“𠮷.txt”的附属文件无法使用，其中的实体未计入语料实体索引：这不是有效的 JSON：内容提前结束（文件可能被截断）');
  });

  it('give export problems a worded detail; one shared wording of "the sidecar cannot be used"', () => {
    const problems = new ExportProblems();
    problems.addSidecarUnusable('𠮷.txt', 'The sidecar is not valid JSON (…).', { id: 'json.syntaxAt', values: { line: 2, column: 5 } });
    problems.addSidecarUnusable('b.txt', 'The sidecar is not valid JSON (…).');
    const [first, second] = problems.all();
    expect(second).toMatchObject({ path: '𠮷.txt', code: 'sidecar-unusable', messageId: 'export.sidecarUnusable' });
    expect(second!.message).toBe('Exported the original text, uncorrected and untagged, because the saved corrections cannot be used: The sidecar is not valid JSON (…).');
    expect(errorWords('zh-CN', { message: second!.message, messageId: second!.messageId!, values: second!.values! })).toBe('其已保存的校改无法使用，因此导出的是未经校对、未标注的原文：这不是有效的 JSON（第 2 行第 5 列）');
    // Without a reason (a caller that has only the English), the UI words the code alone.
    expect(first).toEqual({ path: 'b.txt', code: 'sidecar-unusable', message: second!.message });
  });
});

describe('entity-import problems (the CLI’s import-entities)', () => {
  it('carry a reason beside their English', () => {
    const doccano = parseDoccano('{"text": "𠮷田", "label": [[0, 5, "PER"]], "page": "a.txt"}\n{"text": 1\n', 'c.jsonl');
    expect(doccano.problems.map((p) => p.reason)).toEqual([
      { id: 'import.spanPastText', values: { start: 0, end: 5, type: 'PER', length: 2 } },
      // The second line is cut short.
      { id: 'json.endsEarly' },
    ]);
    expect(zh(doccano.problems[0]!.reason!)).toBe('片段 0–5（PER）超出文本末尾（文本共 2 个字符）');
    expect(doccano.problems[0]!.message).toBe("The span 0–5 (PER) ends past the text's 2 characters.");
    const studio = parseLabelStudio('[{"data": {"text": "𠮷田", "page": "a.txt"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 1, "labels": []}}]}]}]', 't.json');
    expect(studio.problems[0]!.reason!.id).toBe('import.noLabels');
    const brat = parseBratAnn('T1\tPER 1 0\t𠮷\n', '𠮷田', 'a.ann');
    expect(brat.problems[0]!.reason).toEqual({ id: 'import.fragmentBackwards', values: { start: 1, end: 0 } });
    expect(zh(brat.problems[0]!.reason!)).toBe('片段 1–0 的结束位置在开始位置之前');
    expect(en(brat.problems[0]!.reason!)).toBe('the fragment 1–0 ends before it starts');
    const spans = checkSpans('𠮷田记者', [{ start: 0, end: 2, type: 'PER', quote: '𠮷里' }]);
    expect(spans[0]!.reason).toEqual({ id: 'import.spanMisquotes', values: { n: 1, type: 'PER', start: 0, end: 2, quote: '𠮷里', found: '𠮷田' } });
    expect(zh(spans[0]!.reason!)).toBe('第 1 个片段（PER 0–2，“𠮷里”）与页面不符：该处文本是“𠮷田”');
  });
});

describe('the export report', () => {
  it('shows a problem’s registered message alone, in the UI language', () => {
    const problems = new ExportProblems();
    problems.addSidecarUnusable('𠮷.txt', 'The sidecar is not valid JSON (…).', { id: 'json.endsEarly' });
    const [problem] = problems.all();
    const t = (key: MessageKey, values?: Record<string, string | number>) => translate('zh-CN', key, values);
    const words = problemWords(t, problem!, (error) => errorWords('zh-CN', error));
    expect(words).toBe('其已保存的校改无法使用，因此导出的是未经校对、未标注的原文：这不是有效的 JSON：内容提前结束（文件可能被截断）');
    // Without the error words (or a message id), the code's own words.
    expect(problemWords(t, problem!)).toBe(t('exportProblem.sidecar-unusable'));
  });
});
