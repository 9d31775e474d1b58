import { describe, expect, it } from 'vitest';
import { trainModel, textEvidence, type TrainingPage } from '../../../../shared/entities/learn/train';
import { learnedWithProbes, suggestLearned } from '../../../../shared/entities/learn/predict';
import { priorLabels } from '../../../../shared/entities/learn/prior';
import { combineWithLearned, LEARNED_POLICY } from '../../../../shared/entities/suggest/learned-combine';
import type { LearnedModel } from '../../../../shared/entities/learn/model';
import type { EntitySuggestion } from '../../../../shared/entities/suggest/types';
import { zhongMeiPage } from './convention-page';

const EXT_B = '𠮷';

function model(tags: number): LearnedModel {
  return { version: 2, types: ['LOC'], rows: new Map(), weights: new Float32Array(0), transitions: new Float32Array(12), temperature: 1, prior: 15, stats: { tags, pages: 1, sentences: 1, trainedAt: '', trainingMs: 0 } };
}

function s(start: number, end: number, type: string, source: EntitySuggestion['source'], confidence = 0.7): EntitySuggestion {
  return { start, end, text: 'x'.repeat(end - start), type, source, confidence };
}

describe('the prior: the rules and the segmenter as the model starting point', () => {
  it('labels the votes of the rules and the segmenter over the model types, leaving out corpus strings and other types', () => {
    const labels = priorLabels(8, [
      { start: 0, end: 2, type: 'LOC', source: 'rule' },
      { start: 3, end: 4, type: 'LOC', source: 'known' },
      { start: 4, end: 6, type: 'DATE', source: 'rule' },
      { start: 6, end: 8, type: 'LOC', source: 'segmenter' },
    ], ['LOC']);
    expect(Array.from(labels)).toEqual([1, 2, 0, 0, 0, 0, 1, 2]);
  });

  it('a model trained where the editor accepted exactly the rules suggestions answers what the rules answer on new text', () => {
    // The rules find 朔城区 and 怀仁市 as places; the editor accepted them and nothing else.
    const lines = ['朔城区举行会议。', '怀仁市召开大会。', '代表来到朔城区。', '大家在怀仁市见面。'];
    let text = '';
    const spans: TrainingPage['spans'][number][] = [];
    for (const line of lines) {
      for (const name of ['朔城区', '怀仁市']) {
        const i = line.indexOf(name);
        if (i >= 0) spans.push({ start: Array.from(text).length + i, end: Array.from(text).length + i + 3, type: 'LOC' });
      }
      text += `${line}\n`;
    }
    const trained = trainModel([{ text, spans }])!;
    expect(trained.prior).toBeGreaterThan(0);
    const fresh = `${EXT_B}应县和平鲁区的代表到了。`;
    const rules = textEvidence(fresh, undefined).votes.filter((v) => v.type === 'LOC').map((v) => [v.start, v.end]);
    expect(rules.length).toBeGreaterThan(0);
    const learned = suggestLearned(fresh, trained, textEvidence(fresh, undefined)).map((v) => [v.start, v.end]);
    expect(learned).toEqual(rules);
  });

  it('gives the probability of any span asked, and the same probability as the decoder for its own spans', () => {
    const lines = ['中美关系持续发展。', '双方就中美合作交换了意见。', '中美两国元首通了电话。'];
    const page = zhongMeiPage(lines);
    const trained = trainModel([page])!;
    const fresh = `${EXT_B}中美合作。`;
    const probes = [{ start: 1, end: 2, type: 'LOC' }, { start: 1, end: 3, type: 'LOC' }, { start: 2, end: 3, type: 'PER' }];
    const { found, probabilities } = learnedWithProbes(fresh, trained, textEvidence(fresh, undefined), probes);
    const first = found.find((f) => f.start === 1 && f.end === 2)!;
    expect(first).toBeDefined();
    expect(probabilities[0]).toBeCloseTo(first.confidence, 2);
    // 中美 as one place is less likely than 中 alone; PER is not a type the model knows.
    expect(probabilities[1]!).toBeLessThan(probabilities[0]!);
    expect(probabilities[2]).toBeNull();
  });
});

describe('combining the learned model with the other sources', () => {
  const others = [s(0, 3, 'LOC', 'rule'), s(5, 7, 'LOC', 'segmenter', 0.3), s(9, 10, 'LOC', 'known', 0.9), s(12, 20, 'DATE', 'rule')];
  const probabilities = [0.9, 0.01, null, null];
  const learned = [s(0, 3, 'LOC', 'learned', 0.95), s(5, 6, 'LOC', 'learned', 0.8), s(9, 10, 'LOC', 'learned', 0.9), s(21, 23, 'LOC', 'learned', 0.3)];

  it('below the take-over point, comes beside everything; a span it shares with a rule keeps the rule as source unless the corpus tagged it', () => {
    const out = combineWithLearned(others, probabilities, learned, model(LEARNED_POLICY.takeOverAt - 1));
    expect(out.map((x) => `${x.source}:${x.start}-${x.end}`)).toEqual(['rule:0-3', 'segmenter:5-7', 'known:9-10', 'rule:12-20', 'learned:5-6', 'learned:9-10', 'learned:21-23']);
  });

  it('from the take-over point replaces corpus strings of its types, keeps rules it does not overrule, drops weak spans of its own', () => {
    const out = combineWithLearned(others, probabilities, learned, model(LEARNED_POLICY.takeOverAt));
    expect(out.map((x) => `${x.source}:${x.start}-${x.end}`)).toEqual(['rule:0-3', 'segmenter:5-7', 'rule:12-20', 'learned:9-10']);
  });

  it('never drops a rule in the app’s policy; with an overrule point (a bench setting) drops one the model finds unlikely and puts its own there', () => {
    expect(LEARNED_POLICY.overruleAt).toBe(Number.POSITIVE_INFINITY);
    const overruling = { ...LEARNED_POLICY, overruleAt: 300 };
    const kept = combineWithLearned(others, probabilities, learned, model(300));
    expect(kept.map((x) => `${x.source}:${x.start}-${x.end}`)).toEqual(['rule:0-3', 'segmenter:5-7', 'rule:12-20', 'learned:9-10']);
    const out = combineWithLearned(others, probabilities, learned, model(300), overruling);
    expect(out.map((x) => `${x.source}:${x.start}-${x.end}`)).toEqual(['rule:0-3', 'rule:12-20', 'learned:5-6', 'learned:9-10']);
  });
});
