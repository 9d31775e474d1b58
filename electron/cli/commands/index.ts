import type { CliCommand } from '../io';
import * as entitiesCommand from './entities';
import * as exportCommand from './export';
import * as importCommand from './import';
import * as importEntitiesCommand from './import-entities';
import * as suggestCommand from './suggest';
import * as validateCommand from './validate';

/// Every CLI command by name. Add a command by importing its module and listing it here.
export const commands: Record<string, CliCommand> = {
  entities: entitiesCommand,
  export: exportCommand,
  import: importCommand,
  'import-entities': importEntitiesCommand,
  suggest: suggestCommand,
  validate: validateCommand,
};
