#!/usr/bin/env node
// The `ties` command: runs the TypeScript sources through tsx's loader, so the command works
// right after `npm install` with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
