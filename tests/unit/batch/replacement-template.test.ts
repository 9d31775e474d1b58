import { describe, expect, it } from 'vitest';
import { checkReplacementTemplate, expandReplacement } from '../../../shared/batch/replacement-template';

describe('expandReplacement', () => {
  const m = { match: '𠮷野家', groups: ['𠮷', null, '家'], named: { shop: '家' } };

  it('fills groups, the whole match, named groups and dollar signs as String.replace does', () => {
    expect(expandReplacement('[$1|$2|$3]', m)).toBe('[𠮷||家]');
    expect(expandReplacement('$&!', m)).toBe('𠮷野家!');
    expect(expandReplacement('$<shop>', m)).toBe('家');
    expect(expandReplacement('$$1', m)).toBe('$1');
    expect(expandReplacement('￥$', m)).toBe('￥$');
  });

  it('reads $nn as group n followed by a digit when there are fewer than nn groups', () => {
    expect(expandReplacement('$10', m)).toBe('𠮷0');
    const same = '𠮷'.replace(/(𠮷)(x)?(家)?/u, '$10');
    expect(expandReplacement('$10', { match: '𠮷', groups: ['𠮷', null, null] })).toBe(same);
  });

  it('leaves unknown references as written', () => {
    expect(expandReplacement('$9 $<none>', m)).toBe('$9 $<none>');
  });
});

describe('checkReplacementTemplate', () => {
  it('accepts references to groups the expression has', () => {
    expect(checkReplacementTemplate('$1-$2 $<a> $$ $&', 2, ['a']).ok).toBe(true);
  });

  it('refuses groups the expression lacks, with the count in the message', () => {
    const r = checkReplacementTemplate('$3', 2, []);
    expect(r.ok ? '' : r.error.message).toMatch(/“\$3”.*has 2 capture group/);
    const none = checkReplacementTemplate('$1', 0, []);
    expect(none.ok ? '' : none.error.message).toMatch(/has 0 capture group/);
    expect(checkReplacementTemplate('$<b>', 1, ['a']).ok).toBe(false);
  });

  it('refuses the text-before and text-after references', () => {
    expect(checkReplacementTemplate('$`', 0, []).ok).toBe(false);
    expect(checkReplacementTemplate("$'", 0, []).ok).toBe(false);
  });
});
