import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/extract/input/index.ts';
import { htmlToText } from '../src/extract/input/html.ts';
import { TiesError } from '../src/errors.ts';
import { extract } from '../src/extract/index.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('readDocument', () => {
  it('reads UTF-8 text with curly quotes and non-breaking spaces unchanged', () => {
    const t = 'Pakistan’s\u00a0people “met”.';
    expect(readDocument(bytes(t), { name: 'a.txt' }).text).toBe(t);
  });

  it('keeps a byte order mark so offsets match other readers', () => {
    expect(readDocument(bytes('\ufeffHello there.'), { name: 'a.txt' }).text).toBe(
      '\ufeffHello there.',
    );
  });

  it.each([
    ['empty', new Uint8Array(0), /empty/],
    ['white space', bytes('  \n\n '), /no text/],
    ['binary', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0]), /binary/],
  ])('rejects %s input with a one-line error', (_, input, message) => {
    let error: unknown;
    try {
      readDocument(input, { name: 'x.txt' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TiesError);
    expect((error as TiesError).code).toBe('BAD_INPUT');
    expect((error as TiesError).message).toMatch(message);
    expect((error as TiesError).message).not.toContain('\n');
  });

  it('reads invalid UTF-8 as Windows-1252 and says so', () => {
    const r = readDocument(
      Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]),
      { name: 'a.txt' },
    );
    expect(r.text).toBe('café “ok”');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['not-utf8']);
  });

  it('takes a Markdown heading or a plain first line as the title', () => {
    expect(readDocument(bytes('# Franco-German relations\n\nText.'), { name: 'a.md' }).title).toBe(
      'Franco-German relations',
    );
    expect(
      readDocument(bytes('Azerbaijan and Pakistan: relations\n\nText.'), { name: 'a.txt' }).title,
    ).toBe('Azerbaijan and Pakistan: relations');
    expect(readDocument(bytes('This is a sentence.\nMore.'), { name: 'a.txt' }).title).toBeNull();
  });

  it('detects HTML by extension or by content', () => {
    expect(readDocument(bytes('<p>Hi &amp; bye</p>'), { name: 'a.html' }).text).toBe('Hi & bye');
    expect(readDocument(bytes('<!doctype html><p>Hi</p>'), { name: 'a.txt' }).format).toBe('html');
  });
});

describe('htmlToText', () => {
  const rows: [string, string][] = [
    ['<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['<script>alert(1)</script><p>Safe</p>', 'Safe'],
    ['<style>p{}</style>Text<!-- hidden -->', 'Text'],
    ['<div>Unclosed <b>bold', 'Unclosed bold'],
    ['a < b and <i>c</i>', 'a < b and c'],
    ['Line<br>break', 'Line\nbreak'],
    ['&#8220;Q&#x201D; &nbsp;x &bogus;', '“Q” \u00a0x &bogus;'],
    ['<img src=x onerror="alert(1)">Pic', 'Pic'],
    ['<script>never closed', ''],
    ['<p>C&ocirc;te d&rsquo;Ivoire &eacute;t&eacute;</p>', 'Côte d’Ivoire été'],
    ['<p>&THORN;&aring;&#8212;&#x2014;</p>', 'Þå——'],
    ['<table><tr><td>a</td><td>b</td></tr></table>', 'a b'],
  ];
  it.each(rows)('%j', (html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });

  it('takes the title from <title>, else the first <h1>', () => {
    expect(
      htmlToText('<html><head><title>T &amp; U</title></head><body>x</body></html>').title,
    ).toBe('T & U');
    expect(htmlToText('<h1>Heading</h1><p>x</p>').title).toBe('Heading');
  });
});

describe('the publication date an HTML page declares', () => {
  const rows: [string, string | null][] = [
    [
      '<meta property="article:published_time" content="2020-06-20T08:15:00Z"><p>x</p>',
      '2020-06-20',
    ],
    ['<meta content="2019-03-04" name="date"><p>x</p>', '2019-03-04'],
    [
      '<script type="application/ld+json">{"datePublished": "2018-11-30T10:00:00+05:00"}</script><p>x</p>',
      '2018-11-30',
    ],
    ['<article><time datetime="2017-01-02" pubdate>Jan 2</time><p>x</p></article>', '2017-01-02'],
    ['<meta name="description" content="2020-06-20 was a day"><p>x</p>', null],
    ['<p>Published 2020-06-20</p>', null],
  ];
  it.each(rows)('%s → %s', (html, date) => {
    expect(readDocument(bytes(html), { name: 'a.html' }).date).toBe(date);
  });
});

// A saved news page: a site menu and footer whose link texts read like events, around an article.
const page = (
  body: string,
) => `<!doctype html><html><head><title>Ministers meet</title></head><body>
<header><a href="/">Home</a></header>
<nav><ul><li><a href="/a">Russia invades Ukraine</a></li><li><a href="/b">China sanctions Japan</a></li>
<li><a href="/c">World</a></li></ul></nav>
<div class="menu-wrapper"><a href="/d">Iran threatens Israel</a></div>
<main><article><h1>Ministers meet</h1>${body}</article></main>
<aside><h2>Related</h2><a href="/e">Turkey accuses Greece of provocation</a></aside>
<footer><p>Kenya condemns Somalia &copy; 2024 News Site</p></footer></body></html>`;
const article = [
  '<p>The foreign ministers of Norway and Finland met in Oslo on March 3, 2024, to discuss fishing',
  ' rights in the Barents Sea and the safety of ships crossing it in winter.</p>',
  '<p>The two ministers signed an agreement on search and rescue at sea, the ministry said in a',
  ' statement. They will meet again in Helsinki next year to review the arrangement.</p>',
  '<p>Officials said the talks were friendly and covered energy and trade as well.</p>',
].join('');

describe('saved web pages: only the main content is read', () => {
  it('drops menus, related links and footers around an article', () => {
    const { text, title } = htmlToText(page(article));
    expect(title).toBe('Ministers meet');
    expect(text).toContain('signed an agreement on search and rescue');
    for (const furniture of [
      'invades',
      'sanctions Japan',
      'threatens',
      'accuses Greece',
      'condemns',
      'Home',
    ]) {
      expect(text).not.toContain(furniture);
    }
  });

  it('keeps the body less its furniture when the page holds no article', () => {
    const text = htmlToText(page('<p>Norway and Finland met in Oslo.</p>')).text;
    expect(text).toContain('Norway and Finland met in Oslo.');
    expect(text).not.toContain('invades');
    expect(text).not.toContain('condemns');
  });

  it('finds no event in the furniture, and evidence offsets index the text as read', () => {
    const doc = readDocument(bytes(page(article)), { name: 'p.html' });
    const x = extract({ text: doc.text, title: doc.title, date: '2024-03-05' });
    expect(x.events.length).toBeGreaterThan(0);
    for (const e of x.events) {
      expect(e.actors.sort()).toEqual(['FIN', 'NOR']);
      expect(doc.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    }
  });
});
