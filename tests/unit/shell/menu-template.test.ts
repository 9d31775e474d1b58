import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { buildMenuTemplate } from '../../../electron/menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function clickAll(platform: NodeJS.Platform): { sent: MenuCommand[]; items: MenuItemConstructorOptions[] } {
  const sent: MenuCommand[] = [];
  const items = flatten(buildMenuTemplate(platform, (command) => sent.push(command)));
  for (const item of items) (item.click as (() => void) | undefined)?.();
  return { sent, items };
}

describe('application menu', () => {
  it('has File, Edit and View menus on Windows', () => {
    expect(buildMenuTemplate('win32', () => {}).map((m) => m.label)).toEqual(['File', 'Edit', 'View']);
  });

  it('adds the app menu first on macOS', () => {
    const template = buildMenuTemplate('darwin', () => {});
    expect(template[0]?.role).toBe('appMenu');
    expect(template.slice(1).map((m) => m.label)).toEqual(['File', 'Edit', 'View']);
  });

  it('sends the matching app command from each command item', () => {
    const { sent } = clickAll('linux');
    expect(sent).toEqual(['open-folder', 'save', 'export', 'undo', 'redo', 'find-replace', 'previous-page', 'next-page', 'toggle-language', 'shortcuts',
      'text-bigger', 'text-smaller', 'text-reset', 'toggle-sidebar', 'toggle-panels', 'focus-mode',
    ]);
  });

  it('shows Ctrl/Cmd+O, S and E on Open Folder, Save and Export without registering them', () => {
    const { items } = clickAll('win32');
    const byLabel = (label: string) => items.find((item) => item.label === label);
    expect(byLabel('Open Folder…')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false });
    expect(byLabel('Save')).toMatchObject({ accelerator: 'CmdOrCtrl+S', registerAccelerator: false });
    expect(byLabel('Export…')).toMatchObject({ accelerator: 'CmdOrCtrl+E', registerAccelerator: false });
  });

  it('uses the standard roles for cut, copy, paste, select all and quit', () => {
    const roles = clickAll('linux').items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'quit']));
  });
});
