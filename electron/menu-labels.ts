import type { Language } from '../shared/ipc/contract';

// The application menu's words in both UI languages. They live in the main process (the renderer's tables in
// renderer/i18n cannot be imported here); the test checks both tables have the same keys and no empty label.
const en = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  openFolder: 'Open Folder…',
  openRecent: 'Open Recent',
  noRecent: 'No Recent Folders',
  clearRecent: 'Clear Recently Opened',
  save: 'Save',
  export: 'Export…',
  quit: 'Quit Jiaodui',
  close: 'Close Window',
  undo: 'Undo',
  redo: 'Redo',
  findReplace: 'Find and Replace in Corpus…',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  previousPage: 'Previous Page',
  nextPage: 'Next Page',
  toggleLanguage: 'Switch to Chinese (中文)',
  shortcuts: 'Keyboard Shortcuts',
  textBigger: 'Larger Text',
  textSmaller: 'Smaller Text',
  textReset: 'Reset Text Size',
  toggleSidebar: 'Show or Hide Page List',
  togglePanels: 'Show or Hide Side Panels',
  focusMode: 'Focus Mode',
  fullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  zoom: 'Zoom',
  front: 'Bring All to Front',
  userGuide: 'User Guide',
  showLogs: 'Show Logs',
  about: 'About Jiaodui',
  services: 'Services',
  hide: 'Hide Jiaodui',
  hideOthers: 'Hide Others',
  unhide: 'Show All',
};

/// A menu label's key.
export type MenuLabelKey = keyof typeof en;

const zhCN: Record<MenuLabelKey, string> = {
  file: '文件',
  edit: '编辑',
  view: '视图',
  window: '窗口',
  help: '帮助',
  openFolder: '打开文件夹…',
  openRecent: '最近打开',
  noRecent: '没有最近打开的文件夹',
  clearRecent: '清除最近打开记录',
  save: '保存',
  export: '导出…',
  quit: '退出校对',
  close: '关闭窗口',
  undo: '撤销',
  redo: '重做',
  findReplace: '在语料中查找和替换…',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  previousPage: '上一页',
  nextPage: '下一页',
  toggleLanguage: '切换到英文 (English)',
  shortcuts: '键盘快捷键',
  textBigger: '放大文字',
  textSmaller: '缩小文字',
  textReset: '文字恢复默认大小',
  toggleSidebar: '显示或隐藏页面列表',
  togglePanels: '显示或隐藏侧栏',
  focusMode: '专注模式',
  fullScreen: '切换全屏',
  minimize: '最小化',
  zoom: '缩放',
  front: '前置全部窗口',
  userGuide: '用户指南',
  showLogs: '显示日志',
  about: '关于校对',
  services: '服务',
  hide: '隐藏校对',
  hideOthers: '隐藏其他',
  unhide: '全部显示',
};

/// Both tables, by UI language.
export const MENU_LABELS: Record<Language, Record<MenuLabelKey, string>> = { en, 'zh-CN': zhCN };

/// The About box's text (Windows and Linux, where the app shows its own).
export function aboutText(language: Language, version: string): { title: string; message: string; detail: string } {
  return language === 'zh-CN'
    ? { title: '关于校对', message: `校对 ${version}`, detail: '离线校对扫描报纸的 OCR 文本并标注实体。' }
    : { title: 'About Jiaodui', message: `Jiaodui ${version}`, detail: 'Offline proofreading of OCR text from scanned newspapers, with entity tagging.' };
}

/// The notice when File → Open Recent names a folder that is no longer there.
export function recentGoneText(language: Language, folder: string): { title: string; message: string; detail: string } {
  return language === 'zh-CN'
    ? {
        title: '校对',
        message: `文件夹已不存在：${folder}`,
        detail: '它可能已被移动、改名或删除，或者所在的磁盘没有连接。在它回来之前，“最近打开”中不再列出它。',
      }
    : {
        title: 'Jiaodui',
        message: `The folder no longer exists: ${folder}`,
        detail: 'It may have been moved, renamed or deleted, or its drive is not connected. Open Recent leaves it out until it is back.',
      };
}
