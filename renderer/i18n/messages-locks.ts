/// UI strings of the corpus lock (one writer per corpus) and the sidecar lock, in English; `zhCN` must have the
/// same keys. `{host}`, `{pid}` and `{since}` name the program holding the corpus.
export const en = {
  'corpusLock.notice':
    'Read-only: this corpus is open for editing in another Jiaodui (computer {host}, process {pid}, since {since}). Nothing can be saved here; close it there, then open the folder again.',
  'corpusLock.unknownHolder': 'Read-only: this corpus is open for editing in another program. Nothing can be saved here; close it there, then open the folder again.',
  'readonly.corpus-locked': 'The corpus is open for editing in another Jiaodui, so this page is open read-only.',
  'error.corpus-locked': 'Not saved: the corpus is open for editing in another Jiaodui, so it is read-only here. Your edits are still here.',
};

/// The same strings in Simplified Chinese.
export const zhCN: Record<keyof typeof en, string> = {
  'corpusLock.notice': '只读：此语料正在另一个校对程序中编辑（计算机 {host}，进程 {pid}，自 {since} 起）。此处无法保存；请先在那里关闭，再重新打开此文件夹。',
  'corpusLock.unknownHolder': '只读：此语料正在另一个程序中编辑。此处无法保存；请先在那里关闭，再重新打开此文件夹。',
  'readonly.corpus-locked': '此语料正在另一个校对程序中编辑，因此本页面以只读方式打开。',
  'error.corpus-locked': '未保存：此语料正在另一个校对程序中编辑，在此处为只读。您的修改仍保留在编辑器中。',
};
