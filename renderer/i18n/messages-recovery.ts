/// UI strings of the renderer recovery notice (issue 18), in English; `zhCN` must have the same keys.
export const en = {
  'recovery.renderer-crashed': 'Jiaodui’s window stopped working and was reloaded. Unsaved work on the open page is offered back when the page opens.',
  'recovery.renderer-hung': 'Jiaodui’s window stopped responding and was reloaded. Unsaved work on the open page is offered back when the page opens.',
  'recovery.dismiss': 'Dismiss',
};

/// The same strings in Simplified Chinese.
export const zhCN: Record<keyof typeof en, string> = {
  'recovery.renderer-crashed': '校对窗口出现故障，已重新载入。打开页面时会提供恢复该页未保存的工作。',
  'recovery.renderer-hung': '校对窗口停止响应，已重新载入。打开页面时会提供恢复该页未保存的工作。',
  'recovery.dismiss': '关闭提示',
};
