import { Menu } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';
import { buildMenuTemplate } from './menu-template';

/// Installs the application menu; each command item calls `send` with its command.
///
/// The caller turns the command into an 'app.command' event for the renderer.
export function installApplicationMenu(send: (command: MenuCommand) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, send)));
}
