/// TEI export benchmark: 10,000 generated pages of 3,000 characters (with 𠮷 and line breaks), 30 entities (some
/// nested, some overlapping) and 20 corrections each, through the per-page and the one-document exporter. Pages are
/// made one at a time and the output is only counted, so memory stays bounded; only the exporters' time is summed.
/// Run: `npx tsx tests/bench/tei-export-bench.ts [pages]`.
import { applyCorrections } from '../../shared/model/corrections';
import type { Correction, EntitySpan, Sidecar } from '../../shared/model/sidecar-schema';
import { cpSlice } from '../../shared/text/codepoints';
import { teiCorpusExporter, teiPerPageExporter } from '../../shared/export/tei/tei-exporters';
import { DEFAULT_EXPORT_OPTIONS, type ExportContext, type ExportPage } from '../../shared/export/types';

const PAGES = Number(process.argv[2] ?? 10_000);
const CHARS = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞𠮷'];

// A small deterministic generator, so every run measures the same pages.
let seed = 20261207;
const random = (n: number): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};

function makePage(i: number): ExportPage {
  const chars: string[] = [];
  for (let c = 0; c < 3000; c++) chars.push(c % 60 === 59 ? (c % 600 === 599 ? '\n' : '\n') : CHARS[random(CHARS.length)]!);
  for (let c = 599; c < 3000; c += 600) chars.splice(c, 0, '\n');
  const original = chars.slice(0, 3000).join('');
  const corrections: Correction[] = [];
  for (let k = 0; k < 20; k++) {
    const start = k * 150 + random(100);
    const end = start + random(3);
    corrections.push({ start, end, original: chars.slice(start, end).join(''), corrected: k % 5 === 0 ? '' : CHARS[random(CHARS.length)]! + (k % 3 === 0 ? '𠮷' : '') });
  }
  const applied = applyCorrections(original, corrections);
  if (!applied.ok) throw new Error(applied.error.message);
  const corrected = applied.value;
  const length = [...corrected].length;
  const entities: EntitySpan[] = [];
  for (let k = 0; k < 30; k++) {
    const start = random(length - 12);
    const end = start + 2 + random(9);
    entities.push({ id: `e${k}`, type: ['PER', 'LOC', 'ORG', 'DATE', 'MISC'][k % 5]!, start, end, text: cpSlice(corrected, start, end) });
  }
  const source = { format: 'text' as const, sha256: 'b'.repeat(64), bytes: original.length * 3, encoding: 'utf-8', lineEnding: 'LF' as const };
  const sidecar: Sidecar = {
    format: 'jiaodui-sidecar', schemaVersion: 3, app: { name: 'jiaodui', version: '0.1.0' }, status: 'reviewed',
    created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', text: corrected, corrections, entities,
    source: { ...source, file: `p${i}.txt`, bom: false }, lineOrigins: [], rejectedEntities: [], rejectedCorrections: [], moves: [],
  };
  return { path: `pages/p${i}.txt`, base: `pages/p${i}`, originalText: original, source, layoutXml: null, layout: null, sidecar, scan: `scans/p${i}.png` };
}

for (const grouping of ['per-page', 'one-document'] as const) {
  const context: ExportContext = { appVersion: '0.1.0', startedAt: new Date().toISOString(), options: { ...DEFAULT_EXPORT_OPTIONS, teiGrouping: grouping } };
  seed = 20261207;
  let exportMs = 0;
  let cpuUs = 0;
  let bytes = 0;
  let problems = 0;
  let peakRss = 0;
  for (let i = 0; i < PAGES; i++) {
    const page = makePage(i);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    if (grouping === 'per-page') {
      const result = teiPerPageExporter.exportPage(page, context);
      if (result.ok) bytes += result.files[0]!.content.length;
      else problems++;
    } else {
      const result = teiCorpusExporter.page(page, i, context);
      if (result.ok) bytes += result.chunk.length;
      else problems++;
    }
    exportMs += performance.now() - t0;
    const c1 = process.cpuUsage(c0);
    cpuUs += c1.user + c1.system;
    if (i % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  console.log(`TEI ${grouping}: ${PAGES} pages in ${(exportMs / 1000).toFixed(2)} s of export time (${(cpuUs / 1e6).toFixed(2)} s CPU; the machine may be shared), ${(bytes / 1e6).toFixed(1)} M UTF-16 units out, ${problems} problems, peak RSS ${(peakRss / 1e6).toFixed(0)} MB`);
}
