/// UI strings of the learned entity model (issue 15), in English; `zhCN` must have the same keys.
export const en = {
  'learned.status': 'Learned model',
  'learned.none': 'The model learns from the entities you tag: none yet.',
  'learned.summary': 'Learned from {tags} tags on {pages} pages · trained {time}',
  'learned.training': 'Training on your latest tags…',
  'learned.problem': 'The learned model: {message}',
};

/// The same strings in Simplified Chinese.
export const zhCN: Record<keyof typeof en, string> = {
  'learned.status': '学习模型',
  'learned.none': '模型从您标注的实体中学习：尚无标注。',
  'learned.summary': '已从 {pages} 页的 {tags} 个标注中学习 · 训练于 {time}',
  'learned.training': '正在根据最新标注训练…',
  'learned.problem': '学习模型：{message}',
};
