// A tiny element builder. Children that are strings become text nodes, never HTML: document
// text in this page must stay inert whatever it contains.

type Child = Node | string | number | null | undefined | false;

/** Attributes and properties `h` understands. */
export interface ElementOptions {
  class?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  /** Set as style properties, not a style attribute: the page's CSP allows no inline style attribute. */
  style?: Partial<Record<'background' | 'width', string>>;
  on?: { [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void };
}

/** Creates `<tag>` with options and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (options.class) el.className = options.class;
  for (const [k, v] of Object.entries(options.attrs ?? {})) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  if (options.style) Object.assign(el.style, options.style);
  for (const [k, fn] of Object.entries(options.on ?? {}))
    el.addEventListener(k, fn as EventListener);
  append(el, ...children);
  return el;
}

/** Appends children, strings as text nodes. */
export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(
      typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c,
    );
  }
}

/** Replaces all children of `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** The element with `id`, typed; throws when the page skeleton lacks it (a bug). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el as T;
}
