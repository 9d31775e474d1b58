import { Menu } from 'electron';
import { buildMenuTemplate, type MenuAction, type MenuModel } from './menu-template';

/// Installs the application menu for `model`; each item calls `send` with its action.
///
/// Called again whenever the UI language or the recent list changes: a menu cannot be relabelled in place, so it
/// is built anew (cheap: a few dozen items).
export function installApplicationMenu(model: MenuModel, send: (action: MenuAction) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, model, send)));
}
