// A complete Chinese UI: every UI string has a Chinese translation that is not the English one, every message file
// is registered, every main-process failure has a wording, and the main process builds failures only by message id.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../renderer/i18n/messages';
import { ERROR_MESSAGES, MESSAGE_IDS } from '../../../shared/errors/codes';
import { errorWords } from '../../../renderer/i18n/error-words';

const repo = path.resolve(__dirname, '../../..');
const en = messages.en as Record<string, string>;
const zh = messages['zh-CN'] as Record<string, string>;

// Words that are names or format ids, the same in every language; a string made only of these, placeholders,
// digits and punctuation may be equal in English and Chinese.
const PROPER_NAMES = new Set(
  ('ALTO TEI CoNLL CoNLL-U IOB IOB2 BIO BIOES JSON JSONL CSV TSV TXT XML HTML hOCR PAGE PNG JPEG JPG GIF TIFF PDF ZIP OCR ' +
    'LF CRLF CR BOM UTF-8 UTF-16 GB18030 GBK Big5 SHA-256 NFC Unicode Ctrl Shift Alt Enter Esc Tab Jiaodui jieba English ID URL PER LOC ORG')
    .split(' ')
    .map((w) => w.toLowerCase()),
);

// The Latin words of a string that are not placeholders or proper names.
function latinWords(text: string): string[] {
  return (text.replace(/\{\w+\}/g, ' ').match(/[A-Za-z][A-Za-z0-9.-]*/g) ?? []).filter((w) => !PROPER_NAMES.has(w.toLowerCase().replace(/[.-]+$/, '')));
}

// Keys whose text is a product or format name (TEI P5, Label Studio, W3C Web Annotation), the same in every language.
const isProperName = (key: string) => key.startsWith('exportFormat.');

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI messages', () => {
  it('have a Chinese text for every English key, and no Chinese key without an English one', () => {
    const missing = Object.keys(en).filter((key) => typeof zh[key] !== 'string' || zh[key]!.trim() === '');
    const extra = Object.keys(zh).filter((key) => !(key in en));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('are translated: a text with English words is not the same in Chinese, and its Chinese has Chinese in it', () => {
    const untranslated = Object.keys(en).filter((key) => !isProperName(key) && latinWords(en[key]!).length > 0 && (zh[key] === en[key] || !/\p{Script=Han}/u.test(zh[key]!)));
    expect(untranslated).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = Object.keys(en).filter((key) => placeholders(en[key]!).join() !== placeholders(zh[key]!).join());
    expect(mismatched).toEqual([]);
  });

  it('come from message files that are all registered in messages.ts, each with the same keys in both languages', async () => {
    const dir = path.join(repo, 'renderer/i18n');
    const files = readdirSync(dir).filter((f) => /^messages-.+\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    const registry = readFileSync(path.join(dir, 'messages.ts'), 'utf8');
    for (const file of files) {
      expect(registry, `${file} is imported by messages.ts`).toContain(`'./${file.replace(/\.ts$/, '')}'`);
      const table = (await import(path.join(dir, file))) as { en?: Record<string, string>; zhCN?: Record<string, string> };
      expect(table.en, `${file} exports en`).toBeDefined();
      expect(table.zhCN, `${file} exports zhCN`).toBeDefined();
      expect(Object.keys(table.zhCN!).sort(), file).toEqual(Object.keys(table.en!).sort());
      for (const key of Object.keys(table.en!)) expect(en[key], `${file}: ${key} is in the merged table`).toBe(table.en![key]);
    }
  });
});

describe('main-process failures', () => {
  it('each registered message id has a wording in both languages with the placeholders of its English', () => {
    for (const id of MESSAGE_IDS) {
      expect(en[`err.${id}`], id).toBe(ERROR_MESSAGES[id].en);
      expect(zh[`err.${id}`], id).toMatch(/\p{Script=Han}/u);
      expect(placeholders(zh[`err.${id}`]!), id).toEqual(placeholders(ERROR_MESSAGES[id].en));
    }
  });

  it('are worded in Chinese from the code alone when a failure carries no message id', () => {
    for (const code of ['no-corpus', 'not-found', 'outside-corpus', 'invalid-argument', 'io', 'internal', 'too-large', 'busy'] as const) {
      expect(errorWords('zh-CN', { code, message: 'English text' })).toMatch(/\p{Script=Han}/u);
    }
  });

  it('are worded with their values, counts and dates in the UI language', () => {
    const error = { code: 'corpus-locked' as const, message: '', messageId: 'corpus.locked' as const, values: { pid: 42, host: 'pc', since: '2026-12-07T06:33:20Z' } };
    const words = errorWords('zh-CN', error);
    expect(words).toContain('42');
    expect(words).not.toMatch(/AM|PM/);
    expect(errorWords('zh-CN', { code: 'invalid-argument', message: '', messageId: 'batch.oneCharacter', values: { pattern: '𠮷a', count: 2 } })).toBe(
      '单字模式只查找一个字符；“𠮷a”有 2 个字符。较长的文本请用普通模式。',
    );
  });

  // Every .ts file under a folder, tests left out.
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sources(full);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
    });
  }

  it('are built in electron/ and shared/ only through failWith with a registered id (the CLI, which prints English, aside)', () => {
    const files = [...sources(path.join(repo, 'electron')), ...sources(path.join(repo, 'shared'))].filter(
      (f) => !f.includes(`${path.sep}cli${path.sep}`) && !f.endsWith(path.join('shared', 'result.ts')),
    );
    const raw: string[] = [];
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?<![\w.])fail\(\s*['"`]([\w-]+)/g)) raw.push(`${path.relative(repo, file)}: fail('${m[1]}'`);
      // (…WithReason: the same with a reason as its value `problem`, shared/errors/with-reason.ts.)
      for (const m of text.matchAll(/failWith(?:Reason)?\(\s*['"]([\w.-]+)['"]/g)) used.add(m[1]!);
      for (const m of text.matchAll(/problemWith(?:Reason)?\([^,]+,\s*['"]([\w.-]+)['"]/g)) used.add(m[1]!);
      // A message not tied to a failure (an outcome, a problem in a list): worded('id', …).
      for (const m of text.matchAll(/(?<![\w.])worded(?:WithReason)?\(\s*['"]([\w.-]+)['"]/g)) used.add(m[1]!);
      // An id chosen by a condition: failWith(cond ? 'a' : 'b', …).
      for (const m of text.matchAll(/failWith\([^'\n]*\?\s*'([\w.-]+)'\s*:\s*'([\w.-]+)'/g)) {
        used.add(m[1]!);
        used.add(m[2]!);
      }
    }
    expect(raw).toEqual([]);
    expect([...used].filter((id) => !Object.hasOwn(ERROR_MESSAGES, id))).toEqual([]);
    expect(MESSAGE_IDS.filter((id) => !used.has(id))).toEqual([]);
  });
});
