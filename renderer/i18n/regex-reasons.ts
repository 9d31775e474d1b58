import type { Language } from '../../shared/ipc/contract';

// The JavaScript engine's (V8's) reasons why a regular expression does not compile, in Chinese. A reason not listed
// is shown as the engine says it.
const ZH: Record<string, string> = {
  'Unterminated group': '分组未闭合',
  "Unmatched ')'": '多余的“)”',
  'Nothing to repeat': '量词前没有可重复的内容',
  'Unterminated character class': '字符类未闭合',
  '\\ at end of pattern': '表达式以 \\ 结尾',
  'numbers out of order in {} quantifier': '{} 量词中的数字顺序颠倒',
  'Range out of order in character class': '字符类中的范围顺序颠倒',
  'Invalid capture group name': '捕获组名称无效',
  'Duplicate capture group name': '捕获组名称重复',
  'Invalid named capture referenced': '引用了不存在的命名捕获组',
  'Invalid property name': 'Unicode 属性名称无效',
  'Invalid property name in character class': '字符类中的 Unicode 属性名称无效',
  'Invalid Unicode escape': 'Unicode 转义无效',
  'Invalid escape': '转义无效',
  'Invalid class escape': '字符类转义无效',
  'Invalid decimal escape': '数字转义无效',
  'Invalid named reference': '命名引用无效',
  'Lone quantifier brackets': '孤立的量词括号',
  'Invalid group': '分组无效',
  'Incomplete quantifier': '量词不完整',
  'Invalid quantifier': '量词无效',
  'Invalid character class': '字符类无效',
  'Regular expression too large': '正则表达式过大',
};

/// The engine's reason a regular expression is invalid, in the UI language (as it is in English, or when unknown).
export function regexReasonWords(language: Language, reason: string): string {
  return language === 'zh-CN' ? (ZH[reason] ?? reason) : reason;
}
