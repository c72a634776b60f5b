// The CLI's arguments as a user meets them, through `node bin/ties.js` (the compiled command):
// help for every command lists every flag, misspellings get the nearest flag, command or
// country, messages name flags rather than schema paths, --version, HOST like PORT, and the
// Node.js version check. Also: a command file loads no service until it runs.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../src/cli/command.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'ties.js');
const COMMANDS = join(ROOT, 'src', 'cli', 'commands');
const names = readdirSync(COMMANDS)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-cli-args-'));
  writeFileSync(join(dir, 'note.txt'), 'On 12 December 1991 Pakistan recognised Azerbaijan.\n');
  const r = ties(['ingest', 'note.txt', '--db', 'a.db']);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ties(args: string[], env: Record<string, string> = {}, node: string[] = []) {
  const r = spawnSync(process.execPath, [...node, BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('help', () => {
  it('ties --help lists every command and the exit codes', () => {
    const r = ties(['--help']);
    expect(r.code).toBe(0);
    for (const name of names) expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(r.stdout).toMatch(/^exit codes:\n {2}0 {2}done\n {2}1 .*\n {2}2 {2}bad arguments/m);
  });

  it.each(names)('ties %s --help lists every flag the command takes', async (name) => {
    const command = ((await import(join(COMMANDS, `${name}.ts`))) as { default: Command }).default;
    expect(command.name).toBe(name);
    const r = ties([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`usage: ties ${name}`)).toBe(true);
    const flags = Object.keys(command.flags);
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of [...flags, 'help']) expect(r.stdout).toMatch(new RegExp(`--${flag}\\b`));
    expect(r.stdout).toContain('exit codes:');
  });

  it('ties start --help shows the host, the database and the corpus, not only the port', () => {
    const r = ties(['start', '--help']);
    for (const flag of ['--port N', '--host H', '--db FILE', '--corpus DIR'])
      expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain('$HOST');
  });

  it('--version prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-v']) {
      const r = ties([flag]);
      expect([r.code, r.stdout.trim()]).toEqual([0, version]);
    }
  });
});

describe('argument errors: one line, exit 2 (4 for what is not found), the nearest right answer', () => {
  it.each([
    [
      ['timeline', 'AZE', '--form', '1990', '--db', 'a.db'],
      2,
      /^ties timeline: unknown option --form \(did you mean --from\?\)$/,
    ],
    [['extract', 'note.txt', '--jsn'], 2, /unknown option --jsn \(did you mean --json\?\)/],
    [['ingest', 'note.txt', '--job', '2'], 2, /did you mean --jobs\?/],
    [['export', '--fromat', 'csv'], 2, /did you mean --format\b/],
    [['timline', 'AZE'], 2, /^ties: unknown command 'timline' \(did you mean timeline\?\)$/],
    [['--verison'], 2, /did you mean --version\?/],
    [['timeline', 'AZE', '--zzz'], 2, /^ties timeline: unknown option --zzz$/],
    [['timeline', 'AZE', '--from', '--db', 'a.db'], 2, /--from needs a value \(YYYY\)/],
    [['timeline', 'AZE', '--json=yes', '--db', 'a.db'], 2, /--json takes no value/],
    [['export', '-f'], 2, /--format needs a value/],
    [
      ['timeline', 'AZE', '--type', 'HUG', '--db', 'a.db'],
      2,
      /^ties timeline: --type: 'HUG' is not a PLOVER type/,
    ],
    [
      ['timeline', 'AZE', '--from', '19', '--db', 'a.db'],
      2,
      /^ties timeline: --from: must be a year YYYY$/,
    ],
    [
      ['ingest', 'note.txt', '--date', '2021-02-30', '--db', 'a.db'],
      2,
      /--date takes a date as YYYY-MM-DD/,
    ],
    [
      ['timeline', 'Korea', '--db', 'a.db'],
      4,
      /'Korea' is not a country .*did you mean .*South Korea \(KOR\).*North Korea \(PRK\)/,
    ],
    [['timeline', 'Pakistn', 'AZE', '--db', 'a.db'], 4, /did you mean Pakistan \(PAK\)\?/],
    [
      ['import', 'gdelt', 'note.txt', '--db', 'a.db'],
      3,
      /^ties import: note\.txt is not a GDELT event export: line 1/,
    ],
    [
      ['import', 'gdlet', 'note.txt', '--db', 'a.db'],
      2,
      /say what to import: 'gdelt' or 'json' \(did you mean gdelt\?\)$/,
    ],
    [
      ['serve', '--port', 'http'],
      2,
      /the port \(--port or PORT\) must be a number from 0 to 65535, not 'http'/,
    ],
  ])('ties %j exits %i', (args, code, message) => {
    const r = ties(args);
    expect(r.code).toBe(code);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    // A schema's path ("type.0:") never reaches a user.
    expect(r.stderr).not.toMatch(/\w\.\d+:/);
  });

  it('takes repeated and comma-separated types, and the options after the countries', () => {
    const r = ties([
      'timeline',
      'PAK',
      'AZE',
      '--type',
      'support',
      '--type',
      'AGREE,CONSULT',
      '--db',
      'a.db',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Pakistan \(PAK\) – Azerbaijan \(AZE\): 1 event\n/);
  });
});

describe('environment and start-up', () => {
  it('HOST works like PORT', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', 'a.db'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOST: '127.0.0.2', PORT: '0' },
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        output += b.toString();
        const m = /serving (http:\/\/\S+\/) /.exec(output);
        if (m) resolve(m[1]!);
      });
      child.stderr.on('data', (b: Buffer) => (output += b.toString()));
      child.on('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.2:[1-9]\d*\/$/);
    expect((await fetch(`${url}api/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a Node.js older than engines says, in one line', () => {
    const old = "Object.defineProperty(process.versions, 'node', { value: '20.10.0' })";
    const r = ties(['--help'], {}, ['--import', `data:text/javascript,${encodeURIComponent(old)}`]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'ties: needs Node.js 20.19 or later (22.12 or later on 22); this is 20.10.0',
    );
    const engines = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }
    ).engines.node;
    expect(engines).toBe('^20.19.0 || >=22.12.0');
  });

  it('says in one line when dist/ is not built', () => {
    const copy = join(dir, 'unbuilt');
    mkdirSync(join(copy, 'bin'), { recursive: true });
    copyFileSync(BIN, join(copy, 'bin', 'ties.js'));
    writeFileSync(join(copy, 'package.json'), '{ "type": "module" }\n');
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'ties.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "ties: not built yet: run 'npm install' (or 'npm run build') in the ties folder\n",
    );
  });

  it.each(names)(
    'commands/%s.ts loads services only when it runs (ties --help stays fast)',
    (name) => {
      const source = readFileSync(join(COMMANDS, `${name}.ts`), 'utf8');
      // What loads the extractor's data, the store, the server or zod; small helpers (errors,
      // services/limits.ts) may be imported.
      const heavy = new RegExp(
        "^import (?!type )[^;]*from '\\.\\./\\.\\./" +
          '(services/([\\w-]+\\.service|schemas|workers/)|extract/(index|actors|events|dates|input)|' +
          'store/|http/|interop/|merge/|codes/)',
        'm',
      );
      expect(source).not.toMatch(heavy);
      expect(source).not.toMatch(/^import (?!type )[^;]*from 'zod'/m);
    },
  );

  it('the package entry (import from "ties") is the compiled extractor, with types', async () => {
    const script =
      "import('ties').then((m) => console.log(m.extract({ text: 'On 12 December 1991 Pakistan " +
      "recognised Azerbaijan.', date: null }).events[0].type))";
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('SUPPORT');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string; default: string }>;
    };
    expect(readFileSync(join(ROOT, pkg.exports['.']!.types), 'utf8')).toMatch(
      /export declare function extract\(/,
    );
  });
});

describe('packaging', () => {
  it('npm pack ships only what runs: the command, the compiled code and page, data, corpus', () => {
    const args = ['pack', '--dry-run', '--json', '--ignore-scripts'];
    const r = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map(
      (f) => f.path,
    );
    const shipped = new RegExp(
      '^(bin/ties\\.js|dist/.+\\.(js|d\\.ts|sql|html|css)|data/.+\\.(tsv|txt|json|bin|md)|corpus/.+' +
        '|scripts/link-bin\\.mjs|package\\.json|README\\.md|LICENSE)$',
    );
    expect(files.filter((f) => !shipped.test(f))).toEqual([]);
    for (const f of ['bin/ties.js', 'dist/cli/main.js', 'dist/store/migrations/0001_init.sql']) {
      expect(files).toContain(f);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      private?: boolean;
    };
    expect(pkg.private).toBe(true);
    // npm packs (and gzips) the whole list to report it: slow on a busy machine.
  }, 180_000);
});
