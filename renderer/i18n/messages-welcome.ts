/// UI strings of the first-run welcome (issue 17), in English; `zhCN` must have the same keys.
export const en = {
  'welcome.title': 'Welcome to Jiaodui',
  'welcome.what':
    'Jiaodui helps you proofread the OCR text of scanned newspapers: correct the text beside its scan, tag people, places and organisations, and export the result. Your originals are never changed; each page\'s work is saved in a file beside it.',
  'welcome.open': 'This is a small sample corpus to try things on. To work on your own pages, choose Open folder in the toolbar and pick the folder that holds them.',
  'welcome.dismiss': 'Got it',
} as const satisfies Record<string, string>;

/// The same strings in Simplified Chinese.
export const zhCN: Record<keyof typeof en, string> = {
  'welcome.title': '欢迎使用校对',
  'welcome.what': '校对帮助您校对报纸扫描件的 OCR 文字：对照扫描图修改文字，标注人名、地名和机构名，并导出结果。原始文件从不改动；每页的工作保存在它旁边的文件里。',
  'welcome.open': '这是一个小型示例语料，可以先在这里试一试。要处理您自己的页面，请点工具栏里的“打开文件夹”，选择存放这些页面的文件夹。',
  'welcome.dismiss': '知道了',
} as const;
