import type { CliCommand } from '../io';
import * as exportCommand from './export';
import * as importCommand from './import';
import * as validateCommand from './validate';

/// Every CLI command by name. Add a command by importing its module and listing it here.
export const commands: Record<string, CliCommand> = {
  export: exportCommand,
  import: importCommand,
  validate: validateCommand,
};
