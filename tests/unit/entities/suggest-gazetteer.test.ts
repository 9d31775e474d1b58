import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryNames, isGazetteerName, isPlaceChain, shortFormOf, suggestGazetteerPlaces } from '../../../shared/entities/suggest/gazetteer';
import { suggestEntities } from '../../../shared/entities/suggest/index';
import { suggestByRules } from '../../../shared/entities/suggest/rules';
import type { EntitySuggestion } from '../../../shared/entities/suggest/types';
import { PLACE_NAMES_MODULE, placeNamesModule, readAreaData } from '../../../scripts/make-place-names';

const typed = (found: EntitySuggestion[]) => found.map((s) => `${s.type}:${s.text}`);

describe('the place gazetteer', () => {
  it('is the module that scripts/make-place-names.ts writes from the installed china-area-data', () => {
    expect(readFileSync(PLACE_NAMES_MODULE, 'utf8')).toBe(placeNamesModule(readAreaData()));
  });

  it('knows full names, their short forms and countries, but not short forms that are common words', () => {
    expect(['萧山区', '义乌市', '浙江省', '杭州', '义乌', '恩施', '广西', '美国', '也门'].every(isGazetteerName)).toBe(true);
    expect(['公安', '和平', '合作', '联合国', '中非'].some(isGazetteerName)).toBe(false);
    expect(shortFormOf('恩施土家族苗族自治州')).toBe('恩施');
    expect(shortFormOf('新疆维吾尔自治区')).toBe('新疆');
    expect(shortFormOf('应县')).toBeNull();
    expect(countryNames().length).toBeGreaterThan(200);
  });

  it('reads chains of places', () => {
    expect(isPlaceChain('浙江省金华')).toBe(true);
    expect(isPlaceChain('要求')).toBe(false);
  });

  it('suggests short forms where they stand alone, not inside a longer name', () => {
    const cps = Array.from('𠮷在杭州萧山区打工，回右玉，金华江边，义乌人，大浙江');
    const found = suggestGazetteerPlaces(cps);
    expect(found.map((s) => s.text)).toEqual(['杭州', '右玉']);
    for (const s of found) expect(cps.slice(s.start, s.end).join('')).toBe(s.text);
  });
});

describe('rules that use the gazetteer', () => {
  it('splits a chain of administrative units and keeps a development zone whole', () => {
    expect(typed(suggestByRules('在杭州萧山区打工，义乌稠城街道，朔州经济开发区'))).toEqual(
      expect.arrayContaining(['LOC:杭州', 'LOC:萧山区', 'LOC:义乌', 'LOC:稠城街道', 'LOC:朔州经济开发区']),
    );
    expect(typed(suggestByRules('在杭州萧山区打工'))).not.toContain('LOC:杭州萧山区');
  });

  it('starts an organisation at its level or its place, cutting off a verb or another organisation', () => {
    const found = typed(suggestEntities('，要求市水务局会同各县。市教育局联合市文化广电旅游局举办。学校邀请浙江婺剧艺术研究院', { sources: ['rule'] }));
    expect(found).toEqual(expect.arrayContaining(['ORG:市水务局', 'ORG:市教育局', 'ORG:市文化广电旅游局', 'ORG:浙江婺剧艺术研究院']));
    expect(found.some((t) => t.includes('要求') || t.includes('联合') || t.includes('邀请'))).toBe(false);
  });

  it('keeps a place that owns the level, and does not cut inside a place name', () => {
    const found = typed(suggestEntities('实时传回兰溪市人民医院。和武义县第一人民医院的医生。朔城区市场监督管理局', { sources: ['rule'] }));
    expect(found).toEqual(expect.arrayContaining(['ORG:兰溪市人民医院', 'ORG:武义县第一人民医院', 'ORG:朔城区市场监督管理局']));
  });

  it('does not read the 局 of 局长 as a second bureau', () => {
    expect(typed(suggestEntities('市应急管理局局长张三出席会议', { sources: ['rule'] }))).toEqual(['ORG:市应急管理局', 'PER:张三']);
  });

  it('needs an owner before 中心, and reads people\'s organisations by their level', () => {
    const found = typed(suggestEntities('市急救中心联合全市医院，指挥中心。市红十字会志愿者，县妇联', { sources: ['rule'] }));
    expect(found).toEqual(expect.arrayContaining(['ORG:市急救中心', 'ORG:市红十字会', 'ORG:县妇联']));
    expect(found).not.toContain('ORG:指挥中心');
  });

  it('finds numbered roads and dotted dates', () => {
    expect(typed(suggestByRules('在古方村附近的330国道边，“11·9”消防宣传月'))).toEqual(
      expect.arrayContaining(['LOC:古方村', 'LOC:330国道', 'DATE:11·9']),
    );
  });

  it('leaves out places inside a document title or a short quoted term, not in quoted speech', () => {
    const found = typed(suggestEntities('通过了《金华市农村饮用水方案》。“金华佛手”远销海外。“我们去了杭州萧山区。”', { sources: ['rule'] }));
    expect(found).not.toContain('LOC:金华市');
    expect(found).not.toContain('LOC:金华');
    expect(found).toContain('LOC:萧山区');
  });
});
