// `npm run build:cli` (run by `npm install` through `prepare`): compiles src/ to dist/ with tsc,
// so no TypeScript compiler runs in a user's command. dist/ mirrors src/ at the same depth (the
// code finds data/ and corpus/ relative to itself); the SQL migrations are copied beside the
// code that applies them. Type errors are `npm test`'s business (tsc --noEmit), not install's.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// A source file removed since the last build must not live on in dist/ (commands are found by
// listing dist/cli/commands/). The page's build, dist/web/, is left alone.
mkdirSync(dist, { recursive: true });
for (const entry of readdirSync(dist))
  if (entry !== 'web') rmSync(join(dist, entry), { recursive: true, force: true });

execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--noCheck'], {
  stdio: 'inherit',
});

/**
 * tsc (5.9) rewrites `.ts` in static imports and in dynamic ones at the top of a module, but not
 * in a dynamic `import('./x.ts')` inside an arrow function or a method (the commands load their
 * services that way): finish the job on the emitted JavaScript.
 */
function rewriteDynamicImports(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) rewriteDynamicImports(path);
    else if (entry.name.endsWith('.js')) {
      const code = readFileSync(path, 'utf8');
      const fixed = code.replace(/\bimport\((['"])(\.{1,2}\/[^'"]*)\.ts\1\)/g, 'import($1$2.js$1)');
      if (fixed !== code) writeFileSync(path, fixed);
    }
  }
}
rewriteDynamicImports(dist);

/** Files beside the code that are not code: SQL migrations. */
function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(path);
    else if (entry.name.endsWith('.sql'))
      cpSync(path, join(dist, relative(join(root, 'src'), path)));
  }
}
copyAssets(join(root, 'src'));
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
