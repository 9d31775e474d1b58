import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuAction, type MenuModel } from '../../../electron/menu-template';
import { MENU_LABELS } from '../../../electron/menu-labels';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const en: MenuModel = { language: 'en', recent: [] };
const zh: MenuModel = { language: 'zh-CN', recent: [] };

function clickAll(platform: NodeJS.Platform, model: MenuModel = en): { sent: MenuAction[]; items: MenuItemConstructorOptions[] } {
  const sent: MenuAction[] = [];
  const items = flatten(buildMenuTemplate(platform, model, (action) => sent.push(action)));
  for (const item of items) (item.click as (() => void) | undefined)?.();
  return { sent, items };
}
const commands = (sent: MenuAction[]) => sent.flatMap((a) => (a.kind === 'command' ? [a.command] : []));
const submenuOf = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label === label)?.submenu as MenuItemConstructorOptions[];

describe('application menu', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    expect(buildMenuTemplate('win32', en, () => {}).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(buildMenuTemplate('linux', zh, () => {}).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('puts the macOS app menu first, with About, Services, Hide and Quit roles, and uses the Window and Help roles', () => {
    const template = buildMenuTemplate('darwin', en, () => {});
    expect(template[0]?.role).toBe('appMenu');
    const appRoles = (template[0]?.submenu as MenuItemConstructorOptions[]).map((item) => item.role).filter(Boolean);
    expect(appRoles).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(template.slice(1).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(template.find((m) => m.label === 'Window')?.role).toBe('windowMenu');
    expect(template.find((m) => m.label === 'Help')?.role).toBe('help');
    expect(flatten(template).map((item) => item.role)).toEqual(expect.arrayContaining(['minimize', 'zoom', 'front', 'close']));
    // macOS has its native About in the app menu; the Help menu does not repeat it.
    expect(submenuOf(template, 'Help').map((item) => item.label)).toEqual(['Keyboard Shortcuts', 'User Guide', 'Show Logs']);
  });

  it('sends the matching app command from each command item, and the Help actions', () => {
    const { sent } = clickAll('linux');
    expect(commands(sent)).toEqual(['open-folder', 'save', 'export', 'undo', 'redo', 'find-replace', 'previous-page', 'next-page', 'toggle-language',
      'text-bigger', 'text-smaller', 'text-reset', 'toggle-sidebar', 'toggle-panels', 'focus-mode', 'shortcuts',
    ]);
    expect(sent.filter((a) => a.kind !== 'command')).toEqual([{ kind: 'clear-recent' }, { kind: 'user-guide' }, { kind: 'show-logs' }, { kind: 'about' }]);
  });

  it('lists the recent corpora under File → Open Recent, each opening its folder, and clears them', () => {
    const recent = ['/data/报纸 𠮷', 'C:\\Scans\\A&B'];
    const template = buildMenuTemplate('win32', { language: 'en', recent }, () => {});
    const openRecent = submenuOf(submenuOf(template, 'File'), 'Open Recent');
    expect(openRecent.map((item) => item.label ?? item.type)).toEqual(['/data/报纸 𠮷', 'C:\\Scans\\A&&B', 'separator', 'Clear Recently Opened']);
    const { sent } = clickAll('win32', { language: 'en', recent });
    expect(sent.filter((a) => a.kind === 'open-recent' || a.kind === 'clear-recent')).toEqual([
      { kind: 'open-recent', path: '/data/报纸 𠮷' },
      { kind: 'open-recent', path: 'C:\\Scans\\A&B' },
      { kind: 'clear-recent' },
    ]);
  });

  it('shows an empty Open Recent as a disabled line and a disabled Clear', () => {
    const openRecent = submenuOf(submenuOf(buildMenuTemplate('darwin', zh, () => {}), '文件'), '最近打开');
    expect(openRecent.map((item) => [item.label ?? item.type, item.enabled ?? true])).toEqual([
      ['没有最近打开的文件夹', false],
      ['separator', true],
      ['清除最近打开记录', false],
    ]);
  });

  it('labels every item in the UI language, role items included, in both languages', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const model of [en, zh]) {
        const items = clickAll(platform, model).items.filter((item) => item.type !== 'separator');
        const labels = new Set(Object.values(MENU_LABELS[model.language]));
        for (const item of items) {
          if (item.role === 'appMenu') continue; // macOS shows the app's name there whatever the label
          expect(labels.has(String(item.label)), `${platform} ${model.language} ${item.role ?? ''} ${String(item.label)}`).toBe(true);
        }
      }
    }
    const zhLabels = clickAll('darwin', zh).items.map((item) => item.label);
    expect(zhLabels).toEqual(expect.arrayContaining(['关于校对', '服务', '隐藏校对', '退出校对', '用户指南', '显示日志', '键盘快捷键']));
  });

  it('has the same label keys, none empty, in both tables', () => {
    expect(Object.keys(MENU_LABELS['zh-CN']).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
    for (const table of Object.values(MENU_LABELS)) for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
  });

  it('shows Ctrl/Cmd+O, S and E without registering them, and Ctrl+Q on Quit for Windows and Linux', () => {
    const { items } = clickAll('win32');
    const byLabel = (label: string) => items.find((item) => item.label === label);
    expect(byLabel('Open Folder…')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false });
    expect(byLabel('Save')).toMatchObject({ accelerator: 'CmdOrCtrl+S', registerAccelerator: false });
    expect(byLabel('Export…')).toMatchObject({ accelerator: 'CmdOrCtrl+E', registerAccelerator: false });
    expect(byLabel('Quit Jiaodui')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
    expect(byLabel('Quit Jiaodui')?.registerAccelerator).toBeUndefined();
  });

  it('uses the standard roles for cut, copy, paste, select all and quit', () => {
    const roles = clickAll('linux').items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'quit']));
  });
});
