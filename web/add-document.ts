// Adding a document: paste text or drop / pick a .txt, .md or .html file, optionally dated. The
// server extracts it; the page then shows its events. Failures are said in words, in place.
import { ApiError, postDocument, type AddedDocument, type NewDocument } from './api.ts';
import { h, replaceChildren } from './dom.ts';

const FORMATS: Record<string, NonNullable<NewDocument['format']>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
};
const MAX_BYTES = 5 * 1024 * 1024;

/** The format a file name implies, or null when ties does not read it. */
export function formatOfName(name: string): NewDocument['format'] | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return FORMATS[ext] ?? null;
}

/** The add-document form, in a <details> so it takes no room until wanted. */
export class AddDocument {
  readonly el: HTMLElement;
  private readonly title = h('input', {
    attrs: { id: 'add-title', type: 'text', autocomplete: 'off' },
  });
  private readonly date = h('input', { attrs: { id: 'add-date', type: 'date' } });
  private readonly text = h('textarea', {
    attrs: { id: 'add-text', rows: 7, placeholder: 'Paste an article, a report or an essay…' },
  });
  private readonly file = h('input', {
    attrs: {
      id: 'add-file',
      type: 'file',
      accept: '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html',
    },
  });
  private readonly status = h('p', { class: 'add-status', attrs: { role: 'status' } });
  private readonly submit = h(
    'button',
    { class: 'primary', attrs: { type: 'submit' } },
    'Add document',
  );
  private picked: {
    name: string;
    text: string;
    format: NonNullable<NewDocument['format']>;
  } | null = null;

  constructor(private readonly onAdded: (r: AddedDocument) => Promise<void>) {
    const drop = h(
      'div',
      { class: 'drop', attrs: { id: 'add-drop' } },
      h(
        'label',
        { attrs: { for: 'add-file' } },
        'Or choose a file (.txt, .md, .html), or drop it here: ',
      ),
      this.file,
    );
    const form = h(
      'form',
      { class: 'add-form' },
      h('label', { attrs: { for: 'add-text' } }, 'Document text'),
      this.text,
      drop,
      h(
        'div',
        { class: 'add-row' },
        h('div', {}, h('label', { attrs: { for: 'add-title' } }, 'Title (optional)'), this.title),
        h(
          'div',
          {},
          h('label', { attrs: { for: 'add-date' } }, 'Published on (optional)'),
          this.date,
        ),
      ),
      h('div', { class: 'add-row' }, this.submit),
      this.status,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.send();
    });
    this.file.addEventListener('change', () => {
      const f = this.file.files?.[0];
      if (f) void this.pick(f);
    });
    for (const ev of ['dragenter', 'dragover'] as const) {
      drop.addEventListener(ev, (e) => {
        e.preventDefault();
        drop.classList.add('over');
      });
    }
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      const f = e.dataTransfer?.files[0];
      if (f) void this.pick(f);
    });
    this.el = h(
      'details',
      { class: 'panel add-panel', attrs: { id: 'add-document' } },
      h('summary', {}, 'Add a document'),
      form,
    );
  }

  /** Takes a file dropped anywhere on the page: opens the form with it. */
  async acceptFile(f: File): Promise<void> {
    (this.el as HTMLDetailsElement).open = true;
    await this.pick(f);
    this.submit.focus();
  }

  private say(message: string, kind: 'ok' | 'error' | 'busy'): void {
    this.status.className = `add-status ${kind}`;
    this.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    replaceChildren(this.status, message);
  }

  private async pick(f: File): Promise<void> {
    const format = formatOfName(f.name);
    if (!format) {
      this.picked = null;
      this.say(`“${f.name}” is not a .txt, .md or .html file, so ties cannot read it.`, 'error');
      return;
    }
    if (f.size > MAX_BYTES) {
      this.picked = null;
      this.say(`“${f.name}” is ${(f.size / 1048576).toFixed(1)} MB; the limit is 5 MB.`, 'error');
      return;
    }
    const text = await f.text();
    this.picked = { name: f.name, text, format };
    this.say(`Ready to add “${f.name}” (${text.length.toLocaleString('en')} characters).`, 'ok');
  }

  private async send(): Promise<void> {
    const pasted = this.text.value;
    const doc: NewDocument | null = this.picked
      ? { text: this.picked.text, name: this.picked.name, format: this.picked.format }
      : pasted.trim()
        ? { text: pasted }
        : null;
    if (!doc) {
      this.say('Paste some text or choose a file first.', 'error');
      this.text.focus();
      return;
    }
    if (this.title.value.trim()) doc.title = this.title.value.trim();
    if (this.date.value) doc.date = this.date.value;
    this.submit.disabled = true;
    this.say('Extracting events…', 'busy');
    try {
      const r = await postDocument(doc);
      const title = r.document.title || 'the document';
      this.say(
        r.added
          ? `Added “${title}”: ${r.events} ${r.events === 1 ? 'event' : 'events'} found.`
          : `“${title}” was already in the store (${r.events} events).`,
        'ok',
      );
      this.text.value = '';
      this.title.value = '';
      this.date.value = '';
      this.file.value = '';
      this.picked = null;
      await this.onAdded(r);
    } catch (e) {
      const msg =
        e instanceof ApiError ? e.message : `Something went wrong: ${(e as Error).message}`;
      this.say(`The document was not added. ${msg}`, 'error');
    } finally {
      this.submit.disabled = false;
    }
  }
}
