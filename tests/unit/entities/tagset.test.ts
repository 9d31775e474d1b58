import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TAGSET,
  UNKNOWN_TYPE_COLOUR,
  displayTypes,
  parseTagset,
  serializeTagset,
  typeForKey,
} from '../../../shared/entities/tagset';

describe('the tag set', () => {
  it('has the five default types with distinct colours and keys', () => {
    expect(DEFAULT_TAGSET.types.map((t) => `${t.id} ${t.label}`)).toEqual([
      'PER 人名',
      'LOC 地名',
      'ORG 机构',
      'DATE 时间',
      'MISC 其他',
    ]);
    expect(new Set(DEFAULT_TAGSET.types.map((t) => t.colour)).size).toBe(5);
    expect(typeForKey(DEFAULT_TAGSET, '3')?.id).toBe('ORG');
  });

  it('survives a write and read round trip', () => {
    const written = serializeTagset(DEFAULT_TAGSET);
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(written.value.endsWith('\n')).toBe(true);
    expect(parseTagset(written.value)).toEqual({ ok: true, value: DEFAULT_TAGSET });
  });

  it('accepts a user-added type without a shortcut key', () => {
    const json = JSON.stringify({ ...DEFAULT_TAGSET, types: [...DEFAULT_TAGSET.types, { id: 'WORK', label: '作品', colour: '#123456' }] });
    const parsed = parseTagset(json);
    expect(parsed.ok && parsed.value.types.at(-1)?.id).toBe('WORK');
  });

  it('says the file is not JSON when it cannot be parsed', () => {
    const parsed = parseTagset('{ types: ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(/jiaodui\.tagset\.json is not valid JSON/);
  });

  it('names the field and the problem when a colour is malformed', () => {
    const bad = structuredClone(DEFAULT_TAGSET);
    bad.types[1]!.colour = 'green';
    const parsed = parseTagset(JSON.stringify(bad));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.detail).toContain('types[1].colour: a colour is written #rrggbb');
  });

  it('refuses two types with the same shortcut key or id', () => {
    const bad = structuredClone(DEFAULT_TAGSET);
    bad.types[1]!.key = '1';
    bad.types[2]!.id = 'per';
    const parsed = parseTagset(JSON.stringify(bad));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.detail).toContain('the shortcut key "1" is used twice');
      expect(parsed.error.detail).toContain('the type id "PER" is used twice');
    }
  });

  it('refuses to write an invalid tag set', () => {
    expect(serializeTagset({ ...DEFAULT_TAGSET, types: [] }).ok).toBe(false);
  });

  it('shows types found only in sidecars after the configured ones instead of dropping them', () => {
    const shown = displayTypes(DEFAULT_TAGSET, [{ type: 'PER' }, { type: 'EVENT' }, { type: 'EVENT' }, { type: 'WORK' }]);
    expect(shown.map((t) => t.id)).toEqual(['PER', 'LOC', 'ORG', 'DATE', 'MISC', 'EVENT', 'WORK']);
    expect(shown[5]).toEqual({ id: 'EVENT', label: 'EVENT', colour: UNKNOWN_TYPE_COLOUR, known: false });
    expect(shown[0]!.known).toBe(true);
  });
});
