import { describe, expect, it } from 'vitest';
import { applySafeFixes, suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { LineBox } from '../../../shared/ocr-assist/types';

const fix = (lines: readonly string[]): string[] => applySafeFixes(lines.join('\n')).text.split('\n');

describe('paragraph breaks the held-out scans taught', () => {
  it('ends a paragraph whose closing mark the OCR lost when a short line is followed by a blank line', () => {
    // As Tesseract gave it (20-character column): 。 read as nothing, then as ，.
    const lines = [
      '然而，这艘巨轮在初次航行中便撞冰山沉没𠮷',
      '多名乘客遇难，令人痛惜',
      '',
      '通过这一手段，客户可将原有债务利率转换成',
      '前只有一个动作，那就是射门，他们绝不把球',
      '倒去，白白浪费一次又一次的机会，',
      '',
      '然而武术经济的开发却明显滞后，一直局限于',
    ];
    expect(fix(lines)).toEqual([
      '然而，这艘巨轮在初次航行中便撞冰山沉没𠮷多名乘客遇难，令人痛惜',
      '',
      '通过这一手段，客户可将原有债务利率转换成前只有一个动作，那就是射门，他们绝不把球倒去，白白浪费一次又一次的机会，',
      '',
      '然而武术经济的开发却明显滞后，一直局限于',
    ]);
  });

  it('still joins across a blank line where a full line ends a column inside a paragraph', () => {
    const lines = ['据报道，一直与政府僵持的全印安纳德拉维达', '进步联盟总书记贾亚拉莉达称病拒绝与会，因而', '', '会议被蒙上阴影，危机难有缓解迹象。'];
    expect(fix(lines)).toEqual(['据报道，一直与政府僵持的全印安纳德拉维达进步联盟总书记贾亚拉莉达称病拒绝与会，因而会议被蒙上阴影，危机难有缓解迹象。']);
  });

  it('with the scan, a line set in two characters from the one above opens a paragraph, even after a full line', () => {
    // The first paragraph's last line runs to the edge and lost its 。; only the indentation on the scan shows the break.
    const text = ['郑州市质量检验协会授予的产品质量、售后服务', '“双优产品”称号，这是第三次获此殊荣的企业', '许多村民向他们反映，公明镇虽然是农业地区', '但单纯以农业为主不行，这样只能吃饱饭。'].join('\n');
    const box = (x: number, y: number, chars: number): LineBox => ({ x, y, width: chars * 32, height: 34 });
    const boxes = [box(150, 300, 21), box(150, 352, 21), box(214, 404, 19), box(150, 456, 21)];
    const joins = (lineBoxes?: LineBox[]) => suggestCorrections(text, { rules: ['reflow'], ...(lineBoxes ? { lineBoxes } : {}) }).map((s) => s.replacement);
    expect(joins()).toEqual([text.replace(/\n/gu, '')]);
    expect(joins(boxes)).toEqual([
      '郑州市质量检验协会授予的产品质量、售后服务“双优产品”称号，这是第三次获此殊荣的企业',
      '许多村民向他们反映，公明镇虽然是农业地区但单纯以农业为主不行，这样只能吃饱饭。',
    ]);
  });

  it('does not take a quoted term closing a short line for the end of a sentence', () => {
    const lines = ['在这一点上，高敏是经受考验、令人折服的人物，', '他办学执行的“思想自由”、“兼容并包”', '的方针，是他对北大的最大的贡献。'];
    expect(fix(lines)).toEqual(['在这一点上，高敏是经受考验、令人折服的人物，他办学执行的“思想自由”、“兼容并包”的方针，是他对北大的最大的贡献。']);
  });

  it('with the scan, a short bare line set flush right below in the same type ends the paragraph instead of heading the next', () => {
    const text = ['本报北京5月12日讯记者薛原报道：中国国家', '女篮明天离开北京赴斯洛伐克，参加将于那里举', '行的五国女篮邀请赛', '', '点票工作是通宵进行的，候选人或其代理人'].join('\n');
    const box = (x: number, y: number, chars: number, height = 34): LineBox => ({ x, y, width: chars * 32, height });
    const flush = [box(150, 300, 20), box(150, 352, 21), box(150, 404, 9), null, box(214, 500, 19)];
    const headline = [box(150, 300, 20), box(150, 352, 21), box(300, 420, 9, 60), null, box(214, 520, 19)];
    const joined = (lineBoxes?: (LineBox | null)[]) => suggestCorrections(text, { rules: ['reflow'], ...(lineBoxes ? { lineBoxes } : {}) }).map((s) => s.replacement);
    expect(joined()).toEqual(['本报北京5月12日讯记者薛原报道：中国国家女篮明天离开北京赴斯洛伐克，参加将于那里举']);
    expect(joined(flush)).toEqual(['本报北京5月12日讯记者薛原报道：中国国家女篮明天离开北京赴斯洛伐克，参加将于那里举行的五国女篮邀请赛']);
    expect(joined(headline)).toEqual(joined());
  });
});
