/// What the specs need to know about the corpus they run on, so the same specs run on the real OCR pages beside
/// the repository (here) and on the bundled sample corpus (release CI on Windows/macOS, JIAODUI_E2E_CORPUS).

/// An edit a spec makes: select `length` UTF-16 units `offset` into the first `needle`, type `typed`.
export interface Edit {
  needle: string;
  offset: number;
  length: number;
  typed: string;
  /// The text the edit replaces (what the sidecar's correction quotes as original).
  replaced: string;
  /// Text that shows after the edit, unique in the page.
  after: string;
  /// The same stretch before the edit, unique in the page.
  before: string;
}

/// The corpus facts the specs use.
export interface CorpusProfile {
  /// Page paths as the page list shows them, in order.
  pages: string[];
  /// The page of the main story.
  first: { file: string; headline: string; fix: Edit; quickEdit: Edit };
  /// Another page, for edits made away from the first.
  second: { file: string; edit: Edit; secondEdit: Edit };
}

const realPages: CorpusProfile = {
  pages: ['000_bf7c7d8a6a23f1a9.txt', '003_0c30f1900352050f.txt'],
  first: {
    file: '000_bf7c7d8a6a23f1a9.txt',
    headline: '坚决打赢疫情防控歼灭战',
    // The traditional 騫 in 马騫 (simplified text) is the OCR error fixed in the story.
    fix: { needle: '马騫坚信', offset: 1, length: 1, typed: '骞', replaced: '騫', before: '马騫坚信', after: '马骞坚信' },
    quickEdit: { needle: '坚决打赢', offset: 0, length: 2, typed: '坚定', replaced: '决', before: '坚决打赢疫情防控歼灭战', after: '坚定打赢疫情防控歼灭战' },
  },
  second: {
    file: '003_0c30f1900352050f.txt',
    edit: { needle: '感激之情', offset: 1, length: 1, typed: '谢', replaced: '激', before: '感激之情', after: '感谢之情' },
    secondEdit: { needle: '感谢之情', offset: 3, length: 1, typed: '意', replaced: '情', before: '感谢之情', after: '感谢之意' },
  },
};

const samplePages: CorpusProfile = {
  pages: ['1987-03/page-01.txt', '1987-03/page-02.txt', 'english/harbour-notes.txt'],
  first: {
    file: '1987-03/page-01.txt',
    headline: '河湾镇新建图书室开放',
    fix: { needle: '己经成为', offset: 0, length: 1, typed: '已', replaced: '己', before: '己经成为', after: '已经成为' },
    quickEdit: { needle: '河湾镇新建', offset: 0, length: 2, typed: '河口', replaced: '湾', before: '河湾镇新建图书室开放', after: '河口镇新建图书室开放' },
  },
  second: {
    file: 'english/harbour-notes.txt',
    edit: { needle: 'rnorning', offset: 0, length: 2, typed: 'm', replaced: 'rn', before: 'rnorning', after: 'Monday morning' },
    secondEdit: { needle: 'wi1l', offset: 2, length: 1, typed: 'l', replaced: '1', before: 'wi1l', after: 'will run' },
  },
};

/// The profile of the corpus the e2e fixture copies.
export const corpus: CorpusProfile = (process.env.JIAODUI_E2E_CORPUS ?? '').replace(/\\/g, '/').endsWith('resources/sample-corpus') ? samplePages : realPages;
