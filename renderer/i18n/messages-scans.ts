/// UI strings of the scan features added in session 2 (issue 6: text source, corpus settings), in English;
/// `zhCN` must have the same keys.
export const en = {
  'notice.other-source-sidecar':
    'This page also has saved corrections made from its other text source. They are kept unchanged in their own sidecar; choose that source in Corpus settings to see them.',
  'corpusSettings.open': 'Corpus settings',
  'corpusSettings.title': 'Corpus settings',
  'corpusSettings.textSource': 'Page text from',
  'corpusSettings.textSource.layout': 'The layout file (PAGE XML, then ALTO, then hOCR) when a page has one',
  'corpusSettings.textSource.text': 'The .txt file when a page has one',
  'corpusSettings.hint':
    'Applies to pages that have both a .txt and a layout file. Saved corrections belong to the file they were made from and are never moved or deleted. Kept in {file} in the corpus folder.',
  'corpusSettings.apply': 'Apply',
  'corpusSettings.cancel': 'Cancel',
  'corpusSettings.problem': 'The settings file cannot be used: {message}',
  'corpusSettings.unsaved': 'Save or discard the open page’s changes before changing the text source.',
} as const satisfies Record<string, string>;

/// The same strings in Simplified Chinese.
export const zhCN: Record<keyof typeof en, string> = {
  'notice.other-source-sidecar': '此页还有根据另一文本来源保存的校对结果，它们原样保留在各自的附属文件中；在“语料设置”中选择该来源即可查看。',
  'corpusSettings.open': '语料设置',
  'corpusSettings.title': '语料设置',
  'corpusSettings.textSource': '页面文本来源',
  'corpusSettings.textSource.layout': '页面有版面文件时用版面文件（先 PAGE XML，再 ALTO，再 hOCR）',
  'corpusSettings.textSource.text': '页面有 .txt 文件时用 .txt 文件',
  'corpusSettings.hint': '适用于同时有 .txt 和版面文件的页面。已保存的校对结果属于其来源文件，不会被移动或删除。设置保存在语料文件夹的 {file} 中。',
  'corpusSettings.apply': '应用',
  'corpusSettings.cancel': '取消',
  'corpusSettings.problem': '设置文件无法使用：{message}',
  'corpusSettings.unsaved': '请先保存或放弃当前页面的修改，再更改文本来源。',
};
