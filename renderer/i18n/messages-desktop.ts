/// UI strings of the desktop conventions (issue 18: drop a folder, recently opened folders), in English; `zhCN`
/// must have the same keys.
export const en = {
  'desktop.dropHint': 'Drop a folder to open it',
  'desktop.recent': 'Recently opened',
  'desktop.clearRecent': 'Clear Recently Opened',
};

/// The same strings in Simplified Chinese.
export const zhCN: Record<keyof typeof en, string> = {
  'desktop.dropHint': '拖放文件夹以打开',
  'desktop.recent': '最近打开',
  'desktop.clearRecent': '清除最近打开记录',
};
