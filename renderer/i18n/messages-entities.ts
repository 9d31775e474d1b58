/// UI strings of entity tagging (issue 4), in English; `zhCN` must have the same keys.
export const en = {} as const satisfies Record<string, string>;

/// The same strings in Simplified Chinese.
export const zhCN: Record<keyof typeof en, string> = {};
