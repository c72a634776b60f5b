// Markdown documents read as text with headings, paragraphs, lists and quotes, without their
// markup. Nothing is parsed into HTML: the source is cut into blocks of raw offsets, and the
// markup characters inside a block are listed as hidden ranges. The page then builds elements
// and text nodes from those offsets (document-view.ts), so evidence spans, which are offsets
// into the raw text, still land on the right words, and no document text is ever markup.

/** A block of a Markdown document: `[start, end)` of the raw text, minus `hidden` ranges. */
export interface MdBlock {
  kind: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'p' | 'li' | 'oli' | 'quote' | 'pre' | 'hr';
  start: number;
  end: number;
  /** Markup inside the block, sorted and disjoint: list markers, `>`, `**`, link targets. */
  hidden: [number, number][];
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const end = nl > at && text[nl - 1] === '\r' ? nl - 1 : nl;
    out.push({ start: at, end, text: text.slice(at, end) });
    at = nl + 1;
  }
  return out;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const BULLET = /^ {0,3}([-*+])[ \t]+/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+/;
const QUOTE = /^ {0,3}>[ \t]?/;
const FENCE = /^ {0,3}(```|~~~)/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

/**
 * Inline markup of `[start, end)` as hidden ranges: code backticks, `**`/`__` and `*`/`_`
 * emphasis, the brackets and targets of links and images, and the angle brackets of autolinks.
 */
export function inlineHidden(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  const s = text.slice(start, end);
  const add = (a: number, b: number) => out.push([start + a, start + b]);
  const taken = (a: number, b: number) => out.some(([x, y]) => a < y - start && b > x - start);
  let m: RegExpExecArray | null;
  // Code first: markup inside code spans stays as written.
  const code = /(`+)([^`\n]+?)\1/g;
  const codeSpans: [number, number][] = [];
  while ((m = code.exec(s))) {
    add(m.index, m.index + m[1]!.length);
    add(m.index + m[0].length - m[1]!.length, m.index + m[0].length);
    codeSpans.push([m.index, m.index + m[0].length]);
  }
  const inCode = (i: number) => codeSpans.some(([a, b]) => i >= a && i < b);
  const link = /(!?\[)([^\]\n]+)\]\(([^)\s]*)(?:\s+"[^"\n]*")?\)/g;
  while ((m = link.exec(s))) {
    if (inCode(m.index)) continue;
    add(m.index, m.index + m[1]!.length);
    add(m.index + m[1]!.length + m[2]!.length, m.index + m[0].length);
  }
  const auto = /<(https?:\/\/[^>\s]+)>/g;
  while ((m = auto.exec(s))) {
    if (inCode(m.index)) continue;
    add(m.index, m.index + 1);
    add(m.index + m[0].length - 1, m.index + m[0].length);
  }
  // Emphasis: the marker must open before a non-space and close after one, and `_` must not sit
  // inside a word (snake_case names stay whole).
  const emphasis = /(\*\*|__|\*|_)(?=\S)([^\n]*?\S)\1/g;
  while ((m = emphasis.exec(s))) {
    const open = m.index;
    const close = m.index + m[0].length - m[1]!.length;
    const word = /[\p{L}\p{N}]/u;
    if (
      m[1]!.startsWith('_') &&
      (word.test(s[open - 1] ?? '') || word.test(s[close + m[1]!.length] ?? ''))
    ) {
      emphasis.lastIndex = open + 1;
      continue;
    }
    if (inCode(open) || taken(open, open + m[1]!.length) || taken(close, close + m[1]!.length)) {
      emphasis.lastIndex = open + 1;
      continue;
    }
    add(open, open + m[1]!.length);
    add(close, close + m[1]!.length);
    // Nested emphasis inside is found on the next pass of the loop from just after the opener.
    emphasis.lastIndex = open + m[1]!.length;
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** The blocks of a Markdown text, in order. */
export function markdownBlocks(text: string): MdBlock[] {
  const lines = linesOf(text);
  const blocks: MdBlock[] = [];
  let para: MdBlock | null = null;
  let paraLines = 0;
  const close = () => {
    if (para) blocks.push(para);
    para = null;
    paraLines = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    if (!t.trim()) {
      close();
      continue;
    }
    const fence = FENCE.exec(t);
    if (fence) {
      close();
      // Everything up to the closing fence is code, shown as written.
      let j = i + 1;
      while (j < lines.length && !lines[j]!.text.trimStart().startsWith(fence[1]!)) j++;
      if (j > i + 1)
        blocks.push({
          kind: 'pre',
          start: lines[i + 1]!.start,
          end: lines[j - 1]!.end,
          hidden: [],
        });
      i = j;
      continue;
    }
    const setext = SETEXT.exec(t);
    if (setext && para && paraLines === 1 && (para as MdBlock).kind === 'p') {
      (para as MdBlock).kind = setext[1]!.startsWith('=') ? 'h1' : 'h2';
      close();
      continue;
    }
    if (RULE.test(t)) {
      close();
      blocks.push({ kind: 'hr', start: line.start, end: line.start, hidden: [] });
      continue;
    }
    const heading = HEADING.exec(t);
    if (heading) {
      close();
      // A closing run of #s is markup too.
      const trail = /[ \t]+#+[ \t]*$|[ \t]+$/.exec(t.slice(heading[0].length));
      const end = trail ? line.start + heading[0].length + trail.index : line.end;
      const start = line.start + heading[0].length;
      blocks.push({
        kind: `h${heading[1]!.length}` as MdBlock['kind'],
        start,
        end,
        hidden: inlineHidden(text, start, end),
      });
      continue;
    }
    const item = BULLET.exec(t) ?? ORDERED.exec(t);
    if (item) {
      close();
      para = {
        kind: BULLET.test(t) ? 'li' : 'oli',
        start: line.start + item[0].length,
        end: line.end,
        hidden: [],
      };
      paraLines = 1;
      continue;
    }
    const quote = QUOTE.exec(t);
    if (quote) {
      if (!para || (para as MdBlock).kind !== 'quote') {
        close();
        para = { kind: 'quote', start: line.start + quote[0].length, end: line.end, hidden: [] };
      } else {
        (para as MdBlock).hidden.push([line.start, line.start + quote[0].length]);
        (para as MdBlock).end = line.end;
      }
      paraLines++;
      continue;
    }
    if (para) {
      // A continuation line: its leading spaces are indentation, not text.
      const indent = /^[ \t]*/.exec(t)![0].length;
      if (indent) (para as MdBlock).hidden.push([line.start, line.start + indent]);
      (para as MdBlock).end = line.end;
      paraLines++;
    } else {
      para = { kind: 'p', start: line.start, end: line.end, hidden: [] };
      paraLines = 1;
    }
  }
  close();
  for (const b of blocks) {
    if (b.kind === 'pre' || b.kind === 'hr' || b.kind.startsWith('h')) continue;
    b.hidden = [...b.hidden, ...inlineHidden(text, b.start, b.end)].sort((x, y) => x[0] - y[0]);
  }
  return blocks;
}

/** The text of `[from, to)` without the hidden ranges. */
export function visibleText(
  text: string,
  from: number,
  to: number,
  hidden: readonly [number, number][],
): string {
  let out = '';
  let at = from;
  for (const [a, b] of hidden) {
    if (b <= at || a >= to) continue;
    if (a > at) out += text.slice(at, a);
    at = Math.max(at, b);
  }
  if (at < to) out += text.slice(at, to);
  return out;
}
