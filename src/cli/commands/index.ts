// Every `ties` command, in the order `ties --help` lists them.
import type { Command } from '../command.ts';
import { conflictsCommand } from './conflicts.ts';
import { explainCommand } from './explain.ts';
import { figuresCommand } from './figures.ts';
import { stancesCommand } from './stances.ts';
import { prospectsCommand } from './prospects.ts';
import { documentsCommand } from './documents.ts';
import { exportCommand } from './export.ts';
import { extractCommand } from './extract.ts';
import { importCommand } from './import.ts';
import { ingestCommand } from './ingest.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';
import { startCommand } from './start.ts';
import { timelineCommand } from './timeline.ts';

export const commands: readonly Command[] = [extractCommand, 
  ingestCommand,
  timelineCommand,
  conflictsCommand,
  explainCommand,
  figuresCommand,
  stancesCommand,
  prospectsCommand,
  searchCommand,
  documentsCommand,
  serveCommand,
  startCommand,
  importCommand,
  exportCommand,
];
