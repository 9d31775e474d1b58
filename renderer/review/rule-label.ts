import type { MessageKey } from '../i18n/messages';
import { en } from '../i18n/messages-review';

/// The translated name of a rule, or its id when the UI has no name for it (a rule newer than the strings).
export function ruleLabel(t: (key: MessageKey) => string, rule: string): string {
  const key = `review.rule.${rule}`;
  return key in en ? t(key as MessageKey) : rule;
}
