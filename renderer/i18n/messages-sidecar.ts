/// UI strings for sidecars that do not fit their page (issue 13: untrustworthy sidecars are read-only), in
/// English; `zhCN` must have the same keys. `sidecarProblem.<code>` words the first problem the main process
/// found (shared/model/sidecar-consistency.ts), filled with its values.
export const en = {
  'readonly.sidecar-inconsistent':
    'The sidecar of this page does not fit the page’s text. The page is open read-only and the sidecar is left as it is.',
  'sidecarProblem.text-not-nfc': 'Its corrected text is not in Unicode NFC form.',
  'sidecarProblem.moves-do-not-fit': 'Its block moves do not fit the original text ({detail}).',
  'sidecarProblem.corrections-do-not-fit': 'Its corrections do not fit the original text ({detail}).',
  'sidecarProblem.corrections-give-other-text': 'Applying its corrections to the original text does not give its stored text.',
  'sidecarProblem.entity-empty': 'Entity {id} is empty ({start}–{end}).',
  'sidecarProblem.entity-outside-text': 'Entity {id} ({start}–{end}) ends after the text ({length} characters).',
  'sidecarProblem.entity-misquotes': 'Entity {id} quotes “{expected}” but the text there is “{found}”.',
  'sidecarProblem.entity-duplicate-id': 'Two entities share the id {id}.',
  'sidecarProblem.line-origins-count': 'Its line origins list {listed} lines but the text has {lines}.',
  'sidecarProblem.line-origins-range': 'Its line origins name line {line}, but the original text has only {lines} lines.',
  'sidecarProblem.rejected-entity-outside-text': 'A rejected entity place ({start}–{end}) ends after the text ({length} characters).',
  'sidecarProblem.rejected-correction-outside-text': 'A rejected correction place ({start}–{end}) does not lie inside the text ({length} characters).',
} as const satisfies Record<string, string>;

/// The same strings in Simplified Chinese.
export const zhCN: Record<keyof typeof en, string> = {
  'readonly.sidecar-inconsistent': '此页面的附属文件与页面文本不符。页面以只读方式打开，附属文件保持不变。',
  'sidecarProblem.text-not-nfc': '其校对文本不是 Unicode NFC 形式。',
  'sidecarProblem.moves-do-not-fit': '其段落移动记录与原文不符（{detail}）。',
  'sidecarProblem.corrections-do-not-fit': '其校改记录与原文不符（{detail}）。',
  'sidecarProblem.corrections-give-other-text': '将其校改记录应用于原文，得不到其保存的文本。',
  'sidecarProblem.entity-empty': '实体 {id} 为空（{start}–{end}）。',
  'sidecarProblem.entity-outside-text': '实体 {id}（{start}–{end}）超出文本末尾（共 {length} 个字符）。',
  'sidecarProblem.entity-misquotes': '实体 {id} 记录的文字是“{expected}”，但该处文本是“{found}”。',
  'sidecarProblem.entity-duplicate-id': '有两个实体使用同一编号 {id}。',
  'sidecarProblem.line-origins-count': '其行来源记录了 {listed} 行，但文本有 {lines} 行。',
  'sidecarProblem.line-origins-range': '其行来源提到第 {line} 行，但原文只有 {lines} 行。',
  'sidecarProblem.rejected-entity-outside-text': '一个被拒绝的实体位置（{start}–{end}）超出文本末尾（共 {length} 个字符）。',
  'sidecarProblem.rejected-correction-outside-text': '一个被拒绝的校改位置（{start}–{end}）不在文本范围内（共 {length} 个字符）。',
};
