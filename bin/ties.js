#!/usr/bin/env node
// The `ties` command: checks the Node.js version, then runs the CLI compiled to dist/ (by
// `npm install`, or `npm run build`). Plain JavaScript that any Node.js parses, so that an old
// one gets the one-line message rather than a syntax error.
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
// package.json "engines": vite 7 (which builds the page) needs ^20.19.0 || >=22.12.0.
if (!((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22)) {
  console.error(
    `ties: needs Node.js 20.19 or later (22.12 or later on 22); this is ${process.versions.node}`,
  );
  process.exit(1);
}
const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error("ties: not built yet: run 'npm install' (or 'npm run build') in the ties folder");
  process.exit(1);
}
const { main: run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
