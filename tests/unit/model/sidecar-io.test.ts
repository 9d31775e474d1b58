import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseSidecar, serializeSidecar } from '../../../shared/model/sidecar-io';
import { sidecarJsonSchema } from '../../../shared/model/sidecar-json-schema';
import { checkSidecarConsistency } from '../../../shared/model/sidecar-consistency';
import { computeCorrections } from '../../../shared/model/corrections';
import type { Sidecar } from '../../../shared/model/sidecar-schema';

const EXT_B = '𠮷';
const original = '吉祥如意\n己经';
const corrected = `吉${EXT_B}祥如意\n已经`;

function sampleSidecar(): Sidecar {
  return {
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: '0.1.0' },
    source: { file: 'p.txt', format: 'text', bytes: 20, sha256: 'a'.repeat(64), encoding: 'UTF-8', bom: false, lineEnding: 'LF' },
    status: 'in-progress',
    created: '2026-11-22T10:00:00.000Z',
    modified: '2026-11-22T10:05:00.000Z',
    text: corrected,
    moves: [],
    corrections: computeCorrections(original, corrected),
    entities: [
      { id: 'e2', start: 1, end: 2, type: 'MISC', text: EXT_B },
      { id: 'e1', start: 0, end: 3, type: 'PER', text: `吉${EXT_B}祥` },
    ],
    lineOrigins: [[0], [1]],
    rejectedEntities: [{ text: '如意', type: 'LOC', start: 3, end: 5 }, { text: '经', type: 'ORG' }],
    rejectedCorrections: [{ rule: 'look-alike', start: 6, end: 7, text: '已', replacement: '己' }],
  };
}

describe('sidecar serialisation', () => {
  it('is deterministic whatever the key and entity order of the input', () => {
    const a = sampleSidecar();
    const b: Sidecar = { ...sampleSidecar(), entities: [...sampleSidecar().entities].reverse() };
    const reordered = Object.fromEntries(Object.entries(b).reverse()) as Sidecar;
    expect(serializeSidecar(reordered)).toBe(serializeSidecar(a));
    expect(serializeSidecar(a).endsWith('}\n')).toBe(true);
    expect(serializeSidecar(a)).toContain('\n  "format": "jiaodui-sidecar",\n');
  });

  it('round-trips through parseSidecar', () => {
    const parsed = parseSidecar(serializeSidecar(sampleSidecar()));
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    const sample = sampleSidecar();
    expect(parsed.sidecar).toEqual({ ...sample, entities: expect.any(Array), rejectedEntities: expect.any(Array) });
    expect(new Set(parsed.sidecar.entities)).toEqual(new Set(sample.entities));
    expect(new Set(parsed.sidecar.rejectedEntities)).toEqual(new Set(sample.rejectedEntities));
  });
  it('writes a correction\'s rule after its corrected text only when it has one, and reads it back', () => {
    const sample = sampleSidecar();
    const [first, second] = sample.corrections;
    const withRule: Sidecar = { ...sample, corrections: [second!, { ...first!, rule: 'look-alike' }] };
    const text = serializeSidecar(withRule);
    expect(text).toContain(`"corrected": "${EXT_B}",\n      "rule": "look-alike"\n`);
    expect(text.match(/"rule": "look-alike"/g)).toHaveLength(2); // the correction's and the rejected suggestion's
    expect(serializeSidecar(sample)).not.toMatch(/"corrected": [^\n]*,\n\s*"rule"/);
    const parsed = parseSidecar(text);
    if (parsed.kind !== 'ok') throw new Error(parsed.message);
    expect(parsed.sidecar.corrections).toEqual([{ ...first!, rule: 'look-alike' }, second]);
    expect(parsed.sidecar.corrections[1]).not.toHaveProperty('rule');
    expect(checkSidecarConsistency(parsed.sidecar, original)).toEqual([]);
    expect(parseSidecar(text.replace('"rule": "look-alike"\n', '"rule": ""\n')).kind).toBe('schema');
  });
  it('writes the line origins on one line however long the page', () => {
    const text = serializeSidecar(sampleSidecar());
    expect(text).toContain('\n  "lineOrigins": [[0],[1]],\n');
  });
});

describe('reading a version 1 sidecar', () => {
  it('upgrades it to version 3 with a text source, unrecorded line origins, no rejections and no moves', () => {
    const { lineOrigins: _l, rejectedEntities: _e, rejectedCorrections: _c, moves: _m, ...rest } = sampleSidecar();
    const v1 = { ...rest, schemaVersion: 1, source: { ...rest.source, format: undefined } };
    const parsed = parseSidecar(JSON.stringify(v1));
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    expect(parsed.sidecar.schemaVersion).toBe(3);
    expect(parsed.sidecar.moves).toEqual([]);
    expect(parsed.sidecar.source.format).toBe('text');
    expect(parsed.sidecar.lineOrigins).toEqual([]);
    expect(parsed.sidecar.rejectedEntities).toEqual([]);
    expect(parsed.sidecar.text).toBe(corrected);
  });
  it('still refuses a version 1 sidecar that breaks the version 1 schema', () => {
    const { lineOrigins: _l, rejectedEntities: _e, rejectedCorrections: _c, moves: _m, ...rest } = sampleSidecar();
    const parsed = parseSidecar(JSON.stringify({ ...rest, schemaVersion: 1 }));
    expect(parsed.kind).toBe('schema');
    if (parsed.kind !== 'ok') expect(parsed.message).toContain('version 1');
  });
});

describe('reading a version 2 sidecar', () => {
  it('upgrades it to version 3 with no moves, keeping its corrections and line origins', () => {
    const { moves: _m, ...rest } = sampleSidecar();
    const parsed = parseSidecar(JSON.stringify({ ...rest, schemaVersion: 2 }));
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    expect(parsed.sidecar).toEqual({ ...sampleSidecar(), entities: expect.any(Array), rejectedEntities: expect.any(Array) });
    expect(checkSidecarConsistency(parsed.sidecar, original)).toEqual([]);
  });
  it('refuses a version 2 sidecar with moves (they came with version 3)', () => {
    const parsed = parseSidecar(JSON.stringify({ ...sampleSidecar(), schemaVersion: 2 }));
    expect(parsed.kind).toBe('schema');
    if (parsed.kind !== 'ok') expect(parsed.message).toContain('version 2');
  });
});

describe('reading a sidecar that cannot be used', () => {
  it('says when it is not JSON', () => {
    expect(parseSidecar('{"format": ').kind).toBe('invalid-json');
  });
  it('says when it is some other program’s JSON', () => {
    expect(parseSidecar('{"hello": 1}').kind).toBe('foreign');
    expect(parseSidecar('[1,2]').kind).toBe('foreign');
  });
  it('says when a newer Jiaodui wrote it', () => {
    // Version 4 (a page note, issue 16) is this build's; 5 is newer.
    const newer = { ...sampleSidecar(), schemaVersion: 5 };
    const parsed = parseSidecar(JSON.stringify(newer));
    expect(parsed).toMatchObject({ kind: 'newer-version' });
    if (parsed.kind !== 'ok') expect(parsed.message).toContain('version 5');
  });
  it('names the field that fails the schema', () => {
    const broken = { ...sampleSidecar(), status: 'done-ish' };
    const parsed = parseSidecar(JSON.stringify(broken));
    expect(parsed.kind).toBe('schema');
    if (parsed.kind !== 'ok') expect(parsed.message).toContain('status');
  });
});

describe('the committed JSON Schema', () => {
  const committed = JSON.parse(readFileSync(new URL('../../../resources/sidecar.schema.json', import.meta.url), 'utf8'));

  it('is up to date with the zod schema (run npm run schema after changing it)', () => {
    expect(committed).toEqual(sidecarJsonSchema());
  });

  it('accepts a sidecar we write and rejects a broken one', () => {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(committed);
    expect(validate(JSON.parse(serializeSidecar(sampleSidecar())))).toBe(true);
    expect(validate({ ...sampleSidecar(), corrections: [{ start: -1 }] })).toBe(false);
  });
});

describe('checking a sidecar against its page', () => {
  it('finds nothing wrong with a consistent sidecar', () => {
    expect(checkSidecarConsistency(sampleSidecar(), original)).toEqual([]);
  });
  it('reports corrections that do not reproduce the text and entities that quote the wrong text', () => {
    const bad = { ...sampleSidecar(), text: corrected + '!', entities: [{ id: 'x', start: 0, end: 1, type: 'PER', text: '祥' }] };
    const problems = checkSidecarConsistency(bad, original);
    expect(problems.some((p) => p.includes('does not give the stored corrected text'))).toBe(true);
    expect(problems.some((p) => p.includes('quotes “祥”'))).toBe(true);
  });
  it('reports an entity that ends after the text', () => {
    const bad = { ...sampleSidecar(), entities: [{ id: 'x', start: 5, end: 50, type: 'PER', text: '经' }] };
    expect(checkSidecarConsistency(bad, original)[0]).toContain('ends after the text');
  });
  it('reports line origins that do not match the text’s lines or name lines the original lacks', () => {
    expect(checkSidecarConsistency({ ...sampleSidecar(), lineOrigins: [[0]] }, original)[0]).toContain('2 lines');
    expect(checkSidecarConsistency({ ...sampleSidecar(), lineOrigins: [[0], [7]] }, original)[0]).toContain('line 7');
    expect(checkSidecarConsistency({ ...sampleSidecar(), lineOrigins: [] }, original)).toEqual([]);
  });
});
