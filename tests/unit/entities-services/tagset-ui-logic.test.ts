import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { entityRows, filterEntries } from '../../../renderer/entities-corpus/entity-rows';
import { translate } from '../../../renderer/i18n/messages';
import { draftOf, draftProblems, tagsetOf, unknownTypes, withNewType } from '../../../renderer/entities-corpus/tagset-draft';
import { tagsetJsonSchema } from '../../../shared/entities/tagset-json-schema';
import { DEFAULT_TAGSET, parseTagset } from '../../../shared/entities/tagset';
import type { CorpusEntityEntry } from '../../../shared/ipc/contract';

const entry = (text: string, types: string[], pages: string[]): CorpusEntityEntry => ({
  text,
  types: types.map((type) => ({ type, count: 1 })),
  count: pages.length,
  pages: pages.map((path, i) => ({ path, start: 10 + i, count: 1 })),
});

describe('tag-set draft', () => {
  it('round-trips the default tag set, a cleared key meaning "no shortcut"', () => {
    expect(tagsetOf(draftOf(DEFAULT_TAGSET))).toEqual(DEFAULT_TAGSET);
    const draft = draftOf(DEFAULT_TAGSET).map((t) => (t.id === 'MISC' ? { ...t, key: '' } : t));
    expect(tagsetOf(draft).types[4]).toEqual({ id: 'MISC', label: '其他', colour: '#e69f00' });
    expect(draftProblems(draft, 'types')).toEqual([]);
  });

  it('names the type of each problem, and words it in the UI language', () => {
    const draft = [...draftOf(DEFAULT_TAGSET).map((t) => (t.id === 'LOC' ? { ...t, label: ' ', key: '1' } : t)), { id: '', label: '𠮷', colour: '#123456', key: '', isNew: true }];
    const problems = draftProblems(draft, '实体类型');
    expect(problems).toContainEqual({ id: 'tagset.noLabel', values: { at: 'LOC' } });
    expect(problems).toContainEqual({ id: 'tagset.typeId', values: { at: '#6' } });
    expect(problems).toContainEqual({ id: 'tagset.duplicateKey', values: { at: '实体类型', value: '1' } });
    const words = (language: 'en' | 'zh-CN') => problems.map((p) => translate(language, `reason.${p.id}`, p.values));
    expect(words('en')).toContain('LOC: a type needs a label');
    expect(words('zh-CN')).toEqual(expect.arrayContaining(['LOC：类型需要一个名称', '#6：类型 ID 以字母开头，后接最多 31 个字母、数字、_ 或 -', '实体类型：快捷键“1”用了两次']));
  });

  it('adds types with fresh ids, unused colours and free keys, and adds unknown types by their id', () => {
    const one = withNewType(draftOf(DEFAULT_TAGSET));
    expect(one.at(-1)).toMatchObject({ id: 'TYPE1', key: '6', isNew: true });
    const two = withNewType(one);
    expect(two.at(-1)!.id).toBe('TYPE2');
    expect(two.at(-1)!.colour).not.toBe(one.at(-1)!.colour);
    expect(draftProblems(two, 'types')).toEqual([]);
    const withWork = withNewType(two, 'WORK', 'WORK');
    expect(withWork.at(-1)).toMatchObject({ id: 'WORK', label: 'WORK', colour: '#9e9e9e', key: '8' });
    expect(unknownTypes(two, [{ type: 'PER', count: 3 }, { type: 'WORK', count: 2 }])).toEqual([{ type: 'WORK', count: 2 }]);
    expect(unknownTypes(withWork, [{ type: 'WORK', count: 2 }])).toEqual([]);
  });
});

describe('corpus index rows', () => {
  const entries = [entry('武跃林', ['PER'], ['a.txt', 'b.txt']), entry('朔城区', ['LOC'], ['a.txt']), entry('𠮷田', ['WORK'], ['c.txt'])];

  it('filters by text, type id or type label', () => {
    expect(filterEntries(entries, '跃', DEFAULT_TAGSET).map((e) => e.text)).toEqual(['武跃林']);
    expect(filterEntries(entries, 'loc', DEFAULT_TAGSET).map((e) => e.text)).toEqual(['朔城区']);
    expect(filterEntries(entries, '人名', DEFAULT_TAGSET).map((e) => e.text)).toEqual(['武跃林']);
    expect(filterEntries(entries, '𠮷', DEFAULT_TAGSET).map((e) => e.text)).toEqual(['𠮷田']);
    expect(filterEntries(entries, '  ', DEFAULT_TAGSET)).toHaveLength(3);
  });

  it('lists the pages of expanded entities right after them, opening at the first place', () => {
    const rows = entityRows(entries, new Set(['武跃林']));
    expect(rows.map((r) => (r.kind === 'entity' ? `${r.entry.text}${r.expanded ? '-' : '+'}` : `${r.path}@${r.start}`))).toEqual([
      '武跃林-',
      'a.txt@10',
      'b.txt@11',
      '朔城区+',
      '𠮷田+',
    ]);
  });
});

describe('tag-set JSON Schema', () => {
  it('is committed up to date in resources/tagset.schema.json', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../../../resources/tagset.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(tagsetJsonSchema());
  });

  it('describes the default tag set file', () => {
    const schema = tagsetJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(['format', 'version', 'types']);
    expect(parseTagset(JSON.stringify(DEFAULT_TAGSET)).ok).toBe(true);
  });
});
