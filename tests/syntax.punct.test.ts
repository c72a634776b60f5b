// Punctuation re-attached by the UD guidelines after parsing: each row a hand-made sentence,
// the heads a parser might give (some marks wrong), and the heads the guidelines require.
import { describe, expect, it } from 'vitest';
import { fixPunct } from '../src/extract/syntax/punct.ts';

const MARKS = /^[.,;:!?"“”()[\]{}-]+$/;

/** The heads after re-attachment, as "word>head" for the marks; `heads` uses 0 for the root. */
function fixed(sentence: string, heads: number[]): string[] {
  const forms = sentence.split(' ');
  const n = forms.length;
  const h = Int32Array.from(heads, (x) => (x === 0 ? n : x - 1));
  fixPunct(forms, (i) => MARKS.test(forms[i]!), h);
  return forms.map((f, i) => `${f}>${h[i] === n ? 'ROOT' : forms[h[i]!]}`);
}

describe('fixPunct', () => {
  it('hangs the final stop from the root, not from the last word', () => {
    // Turkey(1) recognised(2) Azerbaijan(3) .(4)
    expect(fixed('Turkey recognised Azerbaijan .', [2, 0, 2, 3])).toContain('.>recognised');
  });

  it('hangs a comma before a conjunct from that conjunct', () => {
    // Iran(1) ,(2) Iraq(3) and(4) Syria(5) met(6) .(7)
    const out = fixed('Iran , Iraq and Syria met .', [6, 1, 1, 5, 1, 0, 6]);
    expect(out).toContain(',>Iraq');
    expect(out).toContain('.>met');
  });

  it('hangs the comma after an opening clause from that clause', () => {
    // When(1) talks(2) failed(3) ,(4) Chile(5) left(6)
    const out = fixed('When talks failed , Chile left', [3, 3, 6, 6, 6, 0]);
    expect(out).toContain(',>failed');
  });

  it('hangs quotes from the head of what they enclose', () => {
    // He(1) called(2) it(3) "(4) a(5) betrayal(6) "(7)
    const out = fixed('He called it " a betrayal "', [2, 0, 2, 2, 6, 2, 6]);
    expect(out).toContain('">betrayal');
    expect(out.filter((x) => x === '">betrayal')).toHaveLength(2);
  });

  it('passes a mark’s dependents to its head and keeps one root', () => {
    // Peace(1) :(2) talks(3) resume(4) — the parser made ":" the root.
    const out = fixed('Peace : talks resume', [2, 0, 4, 2]);
    expect(out.filter((x) => x.endsWith('>ROOT'))).toHaveLength(1);
    expect(out).not.toContain('resume>:');
    expect(out).not.toContain('Peace>:');
  });
});
