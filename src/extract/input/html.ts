// HTML to plain text, for extraction: the text a reader sees of the page's main content, in order,
// with block elements as line breaks. Offsets of everything extracted later refer to this text.
// The page is parsed by linkedom (an HTML5 parser that decodes every named and numeric character
// reference); its main content is picked by Mozilla's Readability (the reader-view algorithm),
// so menus, footers and link lists around an article never reach the extractor. A page that
// Readability finds no article in keeps its body, less navigation, banners and footers. Never
// throws: malformed HTML (unclosed tags, stray `<`) degrades to text.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'pre',
  'figure',
  'figcaption',
  'hr',
  'address',
  'caption',
  'form',
  'fieldset',
  'details',
  'summary',
]);
// Page furniture: what surrounds the content on a site rather than saying anything itself.
const FURNITURE = [
  'nav',
  'footer',
  'aside',
  'body > header',
  '[role=navigation]',
  '[role=banner]',
  '[role=contentinfo]',
  '[role=complementary]',
  '[aria-hidden=true]',
  'form',
  'button',
  'select',
].join(',');
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|footer|sidebar|cookies?|share|social|related|newsletter|subscribe|skip-link)(?:$|[\s_-])/i;
// Readability's article is taken only when it holds at least this much text; a shorter one is
// more likely a fragment it picked from a page that is not an article.
const MIN_ARTICLE = 250;

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

interface Node_ {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node_>;
}

/** The text of a DOM subtree: block elements separated by blank lines, `<br>` as a line break. */
function domText(root: Node_): string {
  const out: string[] = [];
  // Iterative, so that a deeply nested page cannot overflow the stack.
  const stack: (Node_ | string)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    if (node.nodeType === 3) {
      out.push(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toLowerCase();
    if (DROP.has(name)) continue;
    if (name === 'br') {
      out.push('\n');
      continue;
    }
    const sep = BLOCK.has(name) ? '\n\n' : name === 'td' || name === 'th' ? ' ' : '';
    out.push(sep);
    stack.push(sep);
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return out
    .join('')
    .split(/\n{2,}/)
    .map((b) =>
      b
        .replace(/[ \t\r\f\v]*\n[ \t\r\f\v]*/g, '\n')
        .replace(/[ \t\r\f\v]+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
}

function squash(s: string | null | undefined): string | null {
  return s?.replace(/\s+/g, ' ').trim() || null;
}

/** The main text of a parsed page: Readability's article, else the body less its furniture. */
function mainText(html: string): string {
  const { document } = parseHTML(html);
  try {
    const article = new Readability(document as unknown as Document).parse();
    if (article?.content && (article.textContent ?? '').trim().length >= MIN_ARTICLE) {
      return domText(
        parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document,
      );
    }
  } catch {
    // Readability gives up on some odd trees; the body below is then the text.
  }
  // Readability rewrote the first tree in place, so the fallback reads a fresh one.
  const page = parseHTML(html).document;
  for (const el of [...page.querySelectorAll(FURNITURE)]) el.remove();
  for (const el of [...page.querySelectorAll('[class],[id]')]) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (FURNITURE_NAME.test(names) && el.tagName.toLowerCase() !== 'body') el.remove();
  }
  return domText(page as unknown as Node_);
}

/** The visible text of an HTML document's main content and its title. */
export function htmlToText(html: string): { text: string; title: string | null } {
  const { document } = parseHTML(html);
  const title =
    squash(document.querySelector('title')?.textContent) ??
    squash(document.querySelector('h1')?.textContent);
  return { text: mainText(html), title };
}
