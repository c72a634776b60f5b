// Every `ties` command, in the order `ties --help` lists them.
import type { Command } from '../command.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';

export const commands: readonly Command[] = [importCommand, exportCommand];
