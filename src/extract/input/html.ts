// HTML to plain text, for extraction: the text a reader sees, in order, with block elements as
// line breaks. Offsets of everything extracted later refer to this text. Never throws:
// malformed HTML (unclosed tags, stray `<`) degrades to text.

const DROP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'canvas']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr',
  'pre', 'figure', 'figcaption', 'hr', 'address', 'caption', 'form', 'fieldset', 'details', 'summary',
]);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', laquo: '«', raquo: '»',
  copy: '©', reg: '®', deg: '°', middot: '·', bull: '•', euro: '€', pound: '£', yen: '¥',
  eacute: 'é', egrave: 'è', uuml: 'ü', ouml: 'ö', auml: 'ä', ccedil: 'ç', scedil: 'ş', szlig: 'ß',
  aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', times: '×', shy: '',
};

/** Decodes HTML character references (named ones we know, all numeric ones). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);?/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const n = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
    }
    return NAMED[ref.toLowerCase()] ?? all;
  });
}

// Where pages state when they were published: Open Graph / article meta, Dublin Core, schema.org,
// and the HTML <time> element of the article.
const PUBLISHED = [
  /<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|datePublished|date|DC\.date(?:\.issued)?|dcterms\.date|pubdate|publish[-_]?date|sailthru\.date|parsely-pub-date)["'][^>]*?content=["']([^"']+)["']/i,
  /<meta[^>]+content=["']([^"']+)["'][^>]*?(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|datePublished|date|DC\.date(?:\.issued)?|dcterms\.date|pubdate)["']/i,
  /"datePublished"\s*:\s*"([^"]+)"/,
  /<time[^>]+datetime=["']([^"']+)["'][^>]*\bpubdate\b/i,
];

/** The publication day an HTML page declares (`YYYY-MM-DD`), or null. */
export function publishedDate(html: string): string | null {
  for (const re of PUBLISHED) {
    const m = re.exec(html)?.[1]?.trim();
    const day = m && /^(\d{4}-\d{2}-\d{2})/.exec(m)?.[1];
    if (day && !Number.isNaN(Date.parse(day))) return day;
  }
  return null;
}

/** The visible text of an HTML document and its title. */
export function htmlToText(html: string): { text: string; title: string | null } {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  let title = titleMatch ? decodeEntities(titleMatch[1]!).replace(/\s+/g, ' ').trim() || null : null;
  const out: string[] = [];
  const tag = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<(?:![^>]*|\/?([a-zA-Z][\w:-]*)[^>]*)>/g;
  let last = 0;
  let dropUntil: string | null = null;
  let h1: string | null = null;
  let inH1 = false;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const raw = m[0];
    const name = (m[1] ?? '').toLowerCase();
    const closing = raw.startsWith('</');
    if (dropUntil) {
      if (closing && name === dropUntil) {
        dropUntil = null;
        last = tag.lastIndex;
      }
      continue;
    }
    const chunk = html.slice(last, m.index);
    out.push(chunk);
    if (inH1) h1 = (h1 ?? '') + chunk;
    last = tag.lastIndex;
    if (!name) continue; // comment, doctype, CDATA
    if (!closing && DROP.has(name) && !raw.endsWith('/>')) {
      dropUntil = name;
      continue;
    }
    if (name === 'h1') inH1 = !closing;
    if (name === 'br') out.push('\n');
    else if (BLOCK.has(name)) out.push('\n\n');
    else if (name === 'td' || name === 'th') out.push(closing ? '' : ' ');
  }
  if (!dropUntil) out.push(html.slice(last));
  if (!title && h1) title = decodeEntities(h1).replace(/\s+/g, ' ').trim() || null;
  const text = decodeEntities(out.join(''))
    .split(/\n{2,}/)
    .map((block) => block.replace(/[ \t\r\f\v]*\n[ \t\r\f\v]*/g, '\n').replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return { text, title };
}
