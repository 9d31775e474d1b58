/// UI strings for sidecars that cannot be used (issue 13: untrustworthy sidecars are read-only), in English; `zhCN`
/// must have the same keys. What exactly is wrong comes as a reason (`reason.<id>`, renderer/i18n/reasons-saves-zh.ts)
/// shown by `readonly.why`, with `readonly.more` when the checker found more.
export const en = {
  'readonly.sidecar-inconsistent':
    'The sidecar of this page does not fit the page’s text. The page is open read-only and the sidecar is left as it is.',
  'readonly.why': 'In detail: {problem}.',
  'readonly.more': '({count} more problems not shown.)',
} as const satisfies Record<string, string>;

/// The same strings in Simplified Chinese.
export const zhCN: Record<keyof typeof en, string> = {
  'readonly.sidecar-inconsistent': '此页面的附属文件与页面文本不符。页面以只读方式打开，附属文件保持不变。',
  'readonly.why': '具体问题：{problem}。',
  'readonly.more': '（另有 {count} 个问题未列出。）',
};
