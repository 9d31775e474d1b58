import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '../shared/ipc/contract';
import { MENU_LABELS, type MenuLabelKey } from './menu-labels';

/// What a menu item asks for: a renderer command, or something the main process does itself.
export type MenuAction =
  | { kind: 'command'; command: MenuCommand }
  /// File → Open Recent → a folder (the renderer first deals with unsaved work).
  | { kind: 'open-recent'; path: string }
  | { kind: 'clear-recent' }
  /// Help → User Guide: docs/user-guide.md in the default app.
  | { kind: 'user-guide' }
  /// Help → Show Logs: the log folder in the file manager.
  | { kind: 'show-logs' }
  /// Help → About on Windows and Linux (macOS has the app menu's native About panel).
  | { kind: 'about' };

/// What the menu shows besides its fixed items.
export interface MenuModel {
  /// The UI language; the menu is rebuilt when it changes.
  language: Language;
  /// Recently opened corpora, most recent first (File → Open Recent).
  recent: readonly string[];
}

/// Builds the application menu in the UI language, with the platform's roles.
///
/// macOS: the app menu (About, Services, Hide, Hide Others, Show All, Quit), File, Edit, View, Window (Minimize,
/// Zoom, Bring All to Front) and Help. Windows and Linux: File (ending with Quit, Ctrl+Q), Edit, View, Window
/// (Minimize, Close) and Help with About. Role items get their label from the UI language, not the system's.
/// Pure (no Electron runtime import) so the test can read it. Command accelerators are shown but not
/// registered with the system (`registerAccelerator: false`, honoured on Windows and Linux): the renderer's own
/// keymap handles the keys in both shells, so a key press is not handled twice.
export function buildMenuTemplate(platform: NodeJS.Platform, model: MenuModel, send: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  const label = (key: MenuLabelKey) => MENU_LABELS[model.language][key];
  const command = (key: MenuLabelKey, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: label(key),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => send({ kind: 'command', command: name }),
  });
  const role = (name: NonNullable<MenuItemConstructorOptions['role']>, key: MenuLabelKey): MenuItemConstructorOptions => ({ role: name, label: label(key) });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const isMac = platform === 'darwin';

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          role: 'appMenu',
          label: 'Jiaodui',
          submenu: [
            role('about', 'about'),
            separator,
            role('services', 'services'),
            separator,
            role('hide', 'hide'),
            role('hideOthers', 'hideOthers'),
            role('unhide', 'unhide'),
            separator,
            // Cmd-Q: the app's before-quit, then the window's close, which the close guard holds while work is unsaved.
            role('quit', 'quit'),
          ],
        },
      ]
    : [];
  const recent: MenuItemConstructorOptions[] =
    model.recent.length === 0
      ? [{ label: label('noRecent'), enabled: false }]
      : model.recent.map((folder) => ({ label: menuText(folder), click: () => send({ kind: 'open-recent', path: folder }) }));
  const help: MenuItemConstructorOptions[] = [
    command('shortcuts', 'shortcuts', 'F1'),
    { label: label('userGuide'), click: () => send({ kind: 'user-guide' }) },
    { label: label('showLogs'), click: () => send({ kind: 'show-logs' }) },
    ...(isMac ? [] : [separator, { label: label('about'), click: () => send({ kind: 'about' }) }]),
  ];
  return [
    ...appMenu,
    {
      label: label('file'),
      submenu: [
        command('openFolder', 'open-folder', 'CmdOrCtrl+O'),
        {
          label: label('openRecent'),
          submenu: [...recent, separator, { label: label('clearRecent'), enabled: model.recent.length > 0, click: () => send({ kind: 'clear-recent' }) }],
        },
        command('save', 'save', 'CmdOrCtrl+S'),
        command('export', 'export', 'CmdOrCtrl+E'),
        separator,
        // Quitting goes through the close guard, which asks about unsaved work first.
        isMac ? role('close', 'close') : { ...role('quit', 'quit'), accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: label('edit'),
      submenu: [
        command('undo', 'undo', 'CmdOrCtrl+Z'),
        command('redo', 'redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        separator,
        command('findReplace', 'find-replace', 'CmdOrCtrl+Shift+H'),
        separator,
        role('cut', 'cut'),
        role('copy', 'copy'),
        role('paste', 'paste'),
        role('selectAll', 'selectAll'),
      ],
    },
    {
      label: label('view'),
      submenu: [
        command('previousPage', 'previous-page', 'Alt+Up'),
        command('nextPage', 'next-page', 'Alt+Down'),
        separator,
        command('toggleLanguage', 'toggle-language'),
        separator,
        // Ctrl+= / Ctrl+− / Ctrl+0 size the page text (renderer/view), not the whole window.
        command('textBigger', 'text-bigger', 'CmdOrCtrl+='),
        command('textSmaller', 'text-smaller', 'CmdOrCtrl+-'),
        command('textReset', 'text-reset', 'CmdOrCtrl+0'),
        separator,
        command('toggleSidebar', 'toggle-sidebar', 'CmdOrCtrl+B'),
        command('togglePanels', 'toggle-panels', 'CmdOrCtrl+Shift+B'),
        command('focusMode', 'focus-mode', 'CmdOrCtrl+Shift+F'),
        separator,
        role('togglefullscreen', 'fullScreen'),
      ],
    },
    {
      role: 'windowMenu',
      label: label('window'),
      submenu: isMac ? [role('minimize', 'minimize'), role('zoom', 'zoom'), separator, role('front', 'front')] : [role('minimize', 'minimize'), role('close', 'close')],
    },
    // On macOS the 'help' role adds the system's menu search field.
    { ...(isMac ? { role: 'help' as const } : {}), label: label('help'), submenu: help },
  ];
}

// Windows reads '&' in a label as the access-key marker; a folder named "A&B" must show as it is.
function menuText(text: string): string {
  return text.replace(/&/g, '&&');
}
