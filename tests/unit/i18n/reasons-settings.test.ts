// Issue 16 item 5 (zhui3a): JSON syntax errors, operating-system errors, path shapes, the learned model's problems
// and invalid request arguments travel as reasons, worded in the UI language inside their failure's sentence.
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonErrorOffset, jsonSyntaxReason, placeOf } from '../../../shared/errors/json-reason';
import { osReason } from '../../../shared/errors/os-reason';
import { reasonEnglish, withReason } from '../../../shared/errors/reasons';
import { FILE_REASONS } from '../../../shared/errors/reasons-files';
import { worded } from '../../../shared/errors/fail-with';
import { resolveInCorpus } from '../../../electron/services/disk/confine';
import { corpusFile } from '../../../electron/services/disk/confined-fs';
import { readPageOnDiskSync } from '../../../electron/services/page/page-on-disk';
import { MODEL_FILE, readModelFile } from '../../../electron/services/entities/learned-store';
import { MODEL_VERSION } from '../../../shared/entities/learn/model';
import { corpusDataDir } from '../../../electron/services/app/corpus-data-dir';
import { createHandlers } from '../../../electron/services/handlers/table';
import { errorWords } from '../../../renderer/i18n/error-words';

const EXT_B = '𠮷';

const jsonError = (text: string): unknown => {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error('parsed');
};

describe('JSON syntax reasons', () => {
  it('give the line and the column in code points, counting a CRLF once', () => {
    expect(placeOf(`{"a":\r\n  "${EXT_B}${EXT_B}"x`, 15)).toEqual({ line: 2, column: 7 });
    const text = `{\n  "名": "${EXT_B}",\n  "b": }`;
    expect(jsonSyntaxReason(text, jsonError(text))).toEqual({ id: 'json.syntaxAt', values: { line: 3, column: 8 } });
  });

  it('say the text ends too early when the problem is at its end, and fall back when there is no position', () => {
    expect(jsonSyntaxReason('{"a": [1, 2', jsonError('{"a": [1, 2')).id).toBe('json.endsEarly');
    expect(jsonSyntaxReason('', jsonError('')).id).toBe('json.endsEarly');
    expect(jsonSyntaxReason('x', jsonError('x'))).toEqual({ id: 'json.syntaxAt', values: { line: 1, column: 1 } });
    expect(jsonSyntaxReason('{}', new SyntaxError('something else'))).toEqual({ id: 'json.invalid' });
  });

  it('find a problem exactly when JSON.parse refuses the text, at the place the parser names when it names one', () => {
    const texts = fc.oneof(
      fc.json(),
      fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', ':', '"', 'x', '\\', '\n', EXT_B, '-', '.', 'e')).map(([json, at, piece]) => {
        const cut = at % (json.length + 1);
        return json.slice(0, cut) + piece + json.slice(cut + (at % 2));
      }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let parsed = true;
        let message = '';
        try {
          JSON.parse(text);
        } catch (error) {
          parsed = false;
          message = (error as Error).message;
        }
        const offset = jsonErrorOffset(text);
        expect(offset === null).toBe(parsed);
        const position = /at position (\d+)/.exec(message)?.[1];
        if (position !== undefined) expect(offset).toBe(Math.min(Number(position), text.length));
      }),
      { numRuns: 3000 },
    );
  });

  it('are worded in both languages', () => {
    const values = withReason({ file: 'jiaodui.corpus.json' }, 'problem', { id: 'json.syntaxAt', values: { line: 3, column: 8 } });
    const problem = worded('corpusSettings.unusable', values);
    expect(errorWords('en', problem)).toBe('jiaodui.corpus.json: this is not valid JSON (line 3, column 8). The default text source (layout file first) is used.');
    expect(errorWords('zh-CN', problem)).toBe('jiaodui.corpus.json：这不是有效的 JSON（第 3 行第 8 列）。现使用默认文本来源（优先版面文件）。');
  });
});

describe('operating-system reasons', () => {
  it('word each registered code, and keep the OS text of any other as technical', () => {
    const codes = Object.keys(FILE_REASONS).filter((id) => id.startsWith('os.')).map((id) => id.slice(3));
    expect(codes).toEqual(expect.arrayContaining(['ENOENT', 'EACCES', 'EPERM', 'ENOSPC', 'EBUSY', 'EISDIR', 'EMFILE']));
    for (const code of codes) {
      const error = Object.assign(new Error(`${code}: some English from the OS`), { code });
      const problem = worded('corpusSettings.unreadable', withReason({ file: 'jiaodui.corpus.json' }, 'problem', osReason(error)));
      expect(errorWords('zh-CN', problem).replace('jiaodui.corpus.json', ''), code).not.toMatch(/[A-Za-z]/);
      expect(errorWords('en', problem), code).toContain(reasonEnglish(osReason(error)));
    }
    const odd = Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    expect(osReason(odd)).toEqual({ id: 'other.technical', values: { detail: 'EXDEV: cross-device link not permitted' } });
    expect(errorWords('zh-CN', worded('corpusSettings.unreadable', withReason({ file: 'a.json' }, 'problem', osReason(odd))))).toBe(
      '无法读取 a.json（（英文原文）EXDEV: cross-device link not permitted）；现使用默认文本来源（优先版面文件）。',
    );
  });
});

describe('path-shape, learned-model and request reasons', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await realpath(await mkdtemp(path.join(tmpdir(), 'jiaodui-reasons-')));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['', '路径为空'],
    ['a\0b.txt', '路径中含有 NUL 字符'],
    ['a\\b.txt', '路径中含有反斜杠'],
    ['/etc/passwd', '这是绝对路径'],
    ['C:x.txt', '路径指定了 Windows 盘符'],
    [`a/../${EXT_B}.txt`, '路径中含有“..”段'],
    [`a//${EXT_B}.txt`, '路径中含有空段或“.”段'],
  ])('words the path %j refused for its shape', async (rel, chinese) => {
    for (const failed of [await resolveInCorpus(dir, rel), await corpusFile(dir, rel)]) {
      expect(failed.ok).toBe(false);
      if (failed.ok) continue;
      expect(failed.error.code).toBe('outside-corpus');
      expect(errorWords('zh-CN', failed.error)).toBe(`路径“${rel.replace(/\0/g, '\\0')}”不允许使用：${chinese}。`);
      expect(failed.error.message).toMatch(/^The path ".*" is not allowed: it .+\.$/s);
    }
    const problem = readPageOnDiskSync(dir, rel);
    expect('messageId' in problem && problem.messageId).toBe('pageRead.pathNotAllowed');
    if ('messageId' in problem) expect(errorWords('zh-CN', problem)).toBe(`路径“${rel}”不允许使用：${chinese}。`);
  });

  it.each([
    ['not a model', { format: 'other' }, '实体模型文件无法使用：这不是实体模型文件。'],
    ['another version', { format: 'jiaodui-entity-model', version: 99 }, `实体模型文件无法使用：实体模型的版本是 99；本程序读取版本 ${MODEL_VERSION}。`],
    ['damaged weights', { format: 'jiaodui-entity-model', version: MODEL_VERSION, types: ['PER'], hashes: '', weights: 'not base64!', transitions: [], temperature: 1 }, '实体模型文件无法使用：实体模型已损坏（base64）。'],
    ['missing types', { format: 'jiaodui-entity-model', version: MODEL_VERSION, types: 'PER' }, '实体模型文件无法使用：实体模型已损坏（types）。'],
  ])('words a learned model that cannot be used: %s', async (_name, stored, chinese) => {
    const stateFile = path.join(dir, 'state.json');
    const data = corpusDataDir(stateFile, path.join(dir, 'corpus'));
    await mkdir(data, { recursive: true });
    await writeFile(path.join(data, MODEL_FILE), JSON.stringify(stored));
    const read = await readModelFile(stateFile, path.join(dir, 'corpus'));
    expect(read.kind).toBe('unusable');
    if (read.kind !== 'unusable') return;
    expect(read.why.messageId).toBe('learned.invalid');
    expect(errorWords('zh-CN', read.why)).toBe(chinese);
    expect(read.why.message).toMatch(/^The entity model file cannot be used: (This is not|The entity model is)/);
  });

  it('keeps zod’s English for invalid request arguments (a programming error), marked as the original English', async () => {
    const handlers = createHandlers({
      dialogs: { chooseFolder: async () => null },
      emit: () => undefined,
      stateFile: path.join(dir, 'state.json'),
      appVersion: '9.9.9',
      shell: 'browser',
      onDirtyChange: () => undefined,
    });
    const failed = await handlers.handle('app.setDirty', ['yes']);
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.message).toMatch(/^Invalid arguments for "app\.setDirty": .*expected boolean/);
    expect(errorWords('zh-CN', failed.error)).toMatch(/^“app\.setDirty”的参数无效：（英文原文）.*expected boolean/);
    await handlers.scanFinished();
  });
});
