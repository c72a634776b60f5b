// Every `ties` command, in the order `ties --help` lists them.
import type { Command } from '../command.ts';

export const commands: readonly Command[] = [];
