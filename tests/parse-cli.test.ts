// `ties parse` as a user runs it: a child process reading standard input.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConllu } from '../src/extract/syntax/conllu.ts';

describe('ties parse', () => {
  const BIN = join(new URL('..', import.meta.url).pathname, 'bin', 'ties.js');
  const ties = (args: string[], input: string) =>
    spawnSync(process.execPath, [BIN, 'parse', ...args], {
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints the layer of a text as CoNLL-U with offsets', () => {
    const r = ties(['-'], 'Turkey recognised Azerbaijan. It was 1991.');
    expect(r.status).toBe(0);
    const s = readConllu(r.stdout);
    expect(s).toHaveLength(2);
    expect(s[0]!.comments).toContain('# text = Turkey recognised Azerbaijan.');
    expect(s[0]!.words.map((w) => [w.form, w.misc])).toEqual([
      ['Turkey', 'TokenRange=0:6'],
      ['recognised', 'TokenRange=7:17'],
      ['Azerbaijan', 'SpaceAfter=No|TokenRange=18:28'],
      ['.', 'TokenRange=28:29'],
    ]);
  });

  it('re-parses the gold words of a CoNLL-U file, keeping its shape', () => {
    const input =
      "# sent_id = a\n# text = We don't know.\n1\tWe\twe\tPRON\t_\t_\t3\tnsubj\t_\t_\n" +
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\t_\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\t_\t_\t4\tadvmod\t_\t_\n" +
      '4\tknow\tknow\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_\n\n';
    const r = ties(['--conllu', '-'], input);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("2-3\tdon't");
    const [s] = readConllu(r.stdout);
    expect(s!.words.map((w) => `${w.form} ${w.upos} ${w.head} ${w.deprel}`)).toEqual([
      'We PRON 4 nsubj',
      'do AUX 4 aux',
      "n't PART 4 advmod",
      'know VERB 0 root',
      '. PUNCT 4 punct',
    ]);
  });

  it('rejects a file that is not CoNLL-U in one line', () => {
    const r = ties(['--conllu', '-'], 'just some text\n');
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ties parse: standard input: line 1/);
  });
});
