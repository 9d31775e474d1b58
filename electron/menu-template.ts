import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';

/// Builds the application menu: File, Edit, View, each command item sending an 'app.command' event.
///
/// Pure (no Electron runtime import) so the test can read it. Command accelerators are shown but not
/// registered with the system (`registerAccelerator: false`, honoured on Windows and Linux): the renderer's own
/// keymap handles the keys in both shells, so a key press is not handled twice.
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  send: (command: MenuCommand) => void,
): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => send(name),
  });
  const isMac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [{ role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [
        command('Open Folder…', 'open-folder', 'CmdOrCtrl+O'),
        command('Save', 'save', 'CmdOrCtrl+S'),
        command('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        // Quitting goes through the close guard, which asks about unsaved work first.
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        command('Find and Replace in Corpus…', 'find-replace', 'CmdOrCtrl+Shift+H'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        command('Previous Page', 'previous-page', 'Alt+Up'),
        command('Next Page', 'next-page', 'Alt+Down'),
        { type: 'separator' },
        command('Toggle Language', 'toggle-language'),
        command('Keyboard Shortcuts', 'shortcuts', 'CmdOrCtrl+/'),
        { type: 'separator' },
        // Ctrl+= / Ctrl+− / Ctrl+0 size the page text (renderer/view), not the whole window.
        command('Larger Text', 'text-bigger', 'CmdOrCtrl+='),
        command('Smaller Text', 'text-smaller', 'CmdOrCtrl+-'),
        command('Reset Text Size', 'text-reset', 'CmdOrCtrl+0'),
        { type: 'separator' },
        command('Show or Hide Page List', 'toggle-sidebar', 'CmdOrCtrl+B'),
        command('Show or Hide Side Panels', 'toggle-panels', 'CmdOrCtrl+Shift+B'),
        command('Focus Mode', 'focus-mode', 'CmdOrCtrl+Shift+F'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
}
