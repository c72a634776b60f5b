// Every `ties` command, in the order `ties --help` lists them.
import type { Command } from '../command.ts';
import { documentsCommand } from './documents.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { ingestCommand } from './ingest.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';
import { startCommand } from './start.ts';
import { timelineCommand } from './timeline.ts';

export const commands: readonly Command[] = [
  ingestCommand,
  timelineCommand,
  searchCommand,
  documentsCommand,
  serveCommand,
  startCommand,
  importCommand,
  exportCommand,
];
