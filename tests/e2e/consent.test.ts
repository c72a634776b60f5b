// Writes need consent, in a real Chromium (decision 0012): a page on another site cannot store a
// document through a form or a no-cors fetch; the built page runs under its CSP with no inline
// script; a server with a token asks for it once.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  launchChromium,
  newWatchedPage,
  openView,
  ready,
  startExplorer,
  type Explorer,
} from './explorer-harness.ts';
import { dropFile } from './explorer-session.ts';

const TOKEN = 'explorer-token-0123456789abcdef';
const TEXT = 'Pakistan and Azerbaijan signed a defence agreement in 2003.';

let browser: Browser;
let open: Explorer;
let locked: Explorer;
let evil: Server;
let evilUrl: string;

// The attacker's page: everything a page on another site can send without a preflight.
const attack = (target: string) => `<!doctype html><title>evil</title>
<form id="plain" method="post" enctype="text/plain" action="${target}" target="f1"><input name="text" value="${TEXT}"></form>
<form id="multi" method="post" enctype="multipart/form-data" action="${target}" target="f2"><input name="text" value="${TEXT}"></form>
<iframe name="f1"></iframe><iframe name="f2"></iframe>
<script>
  document.getElementById('plain').submit();
  document.getElementById('multi').submit();
  const sent = [
    fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', body: ${JSON.stringify(TEXT)} }),
    fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ text: ${JSON.stringify(TEXT)} }) }),
  ];
  Promise.allSettled(sent).then(() => setTimeout(() => (document.title = 'done'), 500));
</script>`;

beforeAll(async () => {
  [open, locked] = await Promise.all([
    startExplorer(() => {}),
    startExplorer(() => {}, { token: TOKEN }),
  ]);
  browser = await launchChromium();
  const target = new URL('/api/documents', open.url).href;
  evil = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(attack(target)),
  );
  // The ties server is on 127.0.0.1; the attacker's page on 'localhost' is another site.
  await new Promise<void>((r) => evil.listen(0, 'localhost', r));
  const address = evil.address() as { port: number };
  evilUrl = `http://localhost:${address.port}/`;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([open?.close(), locked?.close(), new Promise((r) => evil?.close(r))]);
});

const documents = (e: Explorer) =>
  e.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;

describe('consent', () => {
  test('a page on another site stores nothing through forms or no-cors fetches', async () => {
    const { context, page } = await newWatchedPage(browser);
    try {
      const answers: number[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/api/documents')) answers.push(r.status());
      });
      await page.goto(evilUrl);
      await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('done');
      // The two forms' answers reach the frames; the no-cors ones are opaque to the page.
      await expect.poll(() => answers.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      expect(answers.every((s) => s === 403)).toBe(true);
      expect(documents(open)).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('the built page has no inline script and runs under its CSP without a violation', async () => {
    const html = readFileSync(join(open.dir, 'web', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts)
      expect([attrs, body!.trim()]).toEqual([expect.stringMatching(/\bsrc=/), '']);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    const { context, page, errors } = await newWatchedPage(browser);
    try {
      const res = await page.goto(open.url);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      await ready(page);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a server with a token: the page asks once, keeps it, and adds a document with it', async () => {
    const { context, page, errors } = await newWatchedPage(browser);
    try {
      const asked: string[] = [];
      page.on('dialog', (d) => {
        asked.push(d.message());
        void d.accept(TOKEN);
      });
      await openView(page, locked.url);
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(/needs its token/);
      // Stored for this browser: a reload does not ask again.
      await page.reload();
      await ready(page);
      expect(asked).toHaveLength(1);
      // A dropped file goes as a multipart form, with the token.
      const md =
        '# Turkey and Azerbaijan\n\nOn 3 March 2010, Turkey and Azerbaijan signed a strategic partnership agreement in Ankara.\n';
      await dropFile(page, 'turkey-azerbaijan.md', md, 'text/markdown');
      await page.getByRole('button', { name: 'Add document' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: /Added/ }).textContent())
        .toMatch(/Added “Turkey and Azerbaijan”/);
      expect(locked.db.prepare('SELECT format FROM documents').pluck().all()).toEqual(['md']);
      expect(asked).toHaveLength(1);
      // 401s are answered before the token is given; nothing else goes wrong.
      expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
