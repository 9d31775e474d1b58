import { readFileSync, readdirSync } from 'node:fs';
import { loadLanguageModel } from '../electron/services/ocr/language-model';
import { computeCorrections } from '../shared/model/corrections';
import { buildErrorProfile } from '../shared/ocr-assist/error-profile';
import { suggestCorrections } from '../shared/ocr-assist/suggest';
import { alignPage, improves, suggestionSpan } from '../tests/bench/ocr-heldout-align';
const dir = '/work/heldout/ocr/dev';
const model = loadLanguageModel();
const names = readdirSync(dir).filter((f) => f.endsWith('.gt.txt')).sort().map((f) => f.replace('.gt.txt', ''));
const pages = names.map((n) => ({ n, ocr: readFileSync(`${dir}/${n}.txt`, 'utf8'), truth: readFileSync(`${dir}/${n}.gt.txt`, 'utf8') }));
const train = pages.slice(0, 3).map((p) => ({ path: p.n, text: p.truth, corrections: computeCorrections(p.ocr, p.truth) }));
const profile = buildErrorProfile(train);
console.log(profile.entries.slice(0, 60).map((e) => `${e.from}→${e.to}×${e.count}`).join('  '));
for (const p of pages.slice(3)) {
  const a = alignPage(p.ocr, p.truth);
  for (const s of suggestCorrections(p.ocr, { model, errorProfile: { profile } }).filter((s) => s.rule === 'profile')) {
    const sp = suggestionSpan(a, s);
    console.log(p.n, improves(a, s) ? "OK " : "BAD", JSON.stringify(a.chars.slice(sp.from - 4, sp.to + 4).join('')), '→', s.replacement, 'truth', JSON.stringify(a.truth.slice(a.toTruth[sp.from]! - 4, a.toTruth[sp.from]! + 5).join('')), s.confidence);
  }
}
