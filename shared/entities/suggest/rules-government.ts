import type { EntitySuggestion } from './types';

/// Party and government bodies named by their level alone, as Chinese news does for its own city or province:
/// 市委 (the city's Party committee), 省委, 县委, 区委, 市人大, 市政协, 县纪委, 市政府, and
/// the people's organisations 市妇联, 县总工会, 市红十字会 ….
const SHORT_BODY = /(?<![城超都上门股楼夜街地社小郊营园景山灾疫片辖节反外本全])[省市县区](?:纪委|委|人大|政协|政府|妇联|总工会|团委|科协|文联|侨联|工商联|残联|红十字会)(?![员托屈婉任])/gu;

/// Suggests party and government bodies written in their short form (按照市委…, 省委、市委) as organisations.
///
/// The level character must not end a word (城市委员会 is not 市委, 超市 is not a level) and 委 must not start a
/// word (委员, 委托). Longer names that contain these (市委统战部, 市人大常委会) are found by the suffix rules and
/// win when suggestions are merged. Offsets are code points.
export function suggestShortBodies(text: string, confidence: number): EntitySuggestion[] {
  const found: EntitySuggestion[] = [];
  let cp = 0;
  let utf16 = 0;
  for (const match of text.matchAll(SHORT_BODY)) {
    // Advance the code-point count to the match (the pattern matches only BMP characters).
    cp += Array.from(text.slice(utf16, match.index)).length;
    utf16 = match.index;
    const length = match[0].length;
    found.push({ start: cp, end: cp + length, text: match[0], type: 'ORG', source: 'rule', confidence });
  }
  return found;
}
