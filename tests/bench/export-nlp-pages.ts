/// Generated pages for the NLP export benchmark: 3,000 characters (CJK with Extension B characters, punctuation and
/// line breaks) and 30 entities (every tenth with a one-character entity nested in it), deterministic by page number.
import type { ExportPage } from '../../shared/export/types';
import type { EntitySpan, Sidecar } from '../../shared/model/sidecar-schema';
import { cpSlice } from '../../shared/text/codepoints';

const CHARS = 3_000;
const ENTITIES = 30;
const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const EXT_B = ['𠮷', '𡈽', '𠀋', '𪚲'];
const PUNCT = ['，', '。', '！', '？', '；', '、', '“', '”'];

/// Page `n` of the generated corpus (deterministic).
export function makePage(n: number): ExportPage {
  let seed = n * 2654435761;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed % k;
  };
  const chars: string[] = [];
  for (let i = 0; i < CHARS; i++) {
    const r = rand(100);
    if (r < 2) chars.push(EXT_B[rand(EXT_B.length)]!);
    else if (r < 10) chars.push(PUNCT[rand(PUNCT.length)]!);
    else if (r < 12) chars.push('\n');
    else chars.push(HAN[rand(HAN.length)]!);
  }
  const text = chars.join('');
  const entities: EntitySpan[] = [];
  for (let e = 0; e < ENTITIES; e++) {
    const start = Math.floor((e * CHARS) / ENTITIES) + rand(40);
    const length = 2 + rand(4);
    entities.push({ id: `e${e}`, start, end: start + length, type: ['PER', 'LOC', 'ORG', 'DATE'][rand(4)]!, text: cpSlice(text, start, start + length) });
    if (e % 10 === 0) entities.push({ id: `n${e}`, start, end: start + 1, type: 'LOC', text: cpSlice(text, start, start + 1) });
  }
  const sha256 = 'a'.repeat(64);
  const sidecar: Sidecar = {
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: 'bench' },
    status: 'reviewed',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    source: { file: `p${n}.txt`, format: 'text', bytes: 0, sha256, encoding: 'utf-8', bom: false, lineEnding: 'LF' },
    text,
    corrections: [],
    entities,
    lineOrigins: [],
    rejectedEntities: [],
    rejectedCorrections: [],
    moves: [],
  };
  const path = `pages/p${String(n).padStart(5, '0')}.txt`;
  return {
    path,
    base: path.slice(0, -4),
    originalText: text,
    source: { format: 'text', sha256, bytes: 0, encoding: 'utf-8', lineEnding: 'LF' },
    layoutXml: null,
    layout: null,
    sidecar,
    scan: null,
  };
}

