import { describe, expect, it } from 'vitest';
import { comparePathsNaturally, sortByPathNaturally } from '../../../shared/model/page-files';

describe('natural order of corpus paths', () => {
  it('puts page2 before page10, folder by folder, and shorter paths first', () => {
    const paths = ['b/page10.txt', 'a/page2.txt', 'b/page2.txt', 'a/page10.txt', 'a.txt', 'a/x/page1.txt', '𠮷/1.txt', 'A/page1.txt'];
    expect(sortByPathNaturally([...paths], (p) => p)).toEqual([...paths].sort(comparePathsNaturally));
    expect(sortByPathNaturally([...paths], (p) => p).slice(0, 3)).toEqual(['a/page2.txt', 'a/page10.txt', 'a/x/page1.txt']);
  });

  it('sorts items by their path as the comparison does, on 5,000 generated paths', () => {
    const folders = ['2022', '2022/01', '2022/10', '2022/2', '版面', '版面/第2版', '版面/第10版'];
    const items = Array.from({ length: 5000 }, (_, i) => ({ path: `${folders[(i * 7) % folders.length]}/page${(i * 7919) % 613}.txt` }));
    const sorted = sortByPathNaturally([...items], (item) => item.path).map((item) => item.path);
    expect(sorted).toEqual([...items].sort((a, b) => comparePathsNaturally(a.path, b.path)).map((item) => item.path));
  });
});
