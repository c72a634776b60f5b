// The explorer's prospects panel in a real headless Chromium, against the real app over a real
// database: a pending purchase fulfilled by a later contract, and a planned visit still open.
// Locators are by role and accessible name.
import { describe, expect, test } from 'vitest';
import { ingestDocument } from '../../src/services/ingest.service.ts';
import { openView } from './explorer-harness.ts';
import { useExplorer } from './explorer-session.ts';

const DOCS = [
  {
    title: 'interest',
    date: '2016-10-01',
    text: 'Azerbaijan has expressed interest in buying the JF-17 fighter jets from Pakistan.',
  },
  {
    title: 'contract',
    date: '2024-05-01',
    text: 'In 2024 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.',
  },
  {
    title: 'visit plan',
    date: '2017-01-10',
    text: 'The Pakistani president will visit Baku next year.',
  },
];

const ui = useExplorer((db) => {
  for (const d of DOCS) ingestDocument(db, { ...d, name: `${d.title}.txt` });
});

describe('prospects panel', () => {
  test('lists open and fulfilled prospects; each opens its sentence, a fulfilled one its event', async () => {
    await openView(ui.page, new URL('/?a=AZE&b=PAK', ui.app.url).href);
    const panel = ui.page.getByRole('region', { name: /^Plans, proposals and hopes/ });
    await panel.waitFor();
    expect(await panel.getByRole('heading').textContent()).toBe(
      'Plans, proposals and hopes (1 open of 2)',
    );
    const rows = panel.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);
    const fulfilled = rows.filter({ hasText: 'JF-17' });
    expect(await fulfilled.getByRole('button').first().textContent()).toMatch(
      /^pending · COOPERATE · .*fulfilled/,
    );
    expect(
      await rows.filter({ hasText: 'will visit' }).getByRole('button').first().textContent(),
    ).toMatch(/^plan · CONSULT · .*open/);

    // The prospect's own sentence, highlighted in its document.
    await fulfilled.getByRole('button', { name: /JF-17/ }).click();
    const mark = ui.page.getByRole('region', { name: /^interest/ }).locator('mark');
    await expect
      .poll(() => mark.textContent())
      .toBe('Azerbaijan has expressed interest in buying the JF-17 fighter jets from Pakistan');

    // The fulfilling event, selected: its card names the contract document.
    await fulfilled.getByRole('button', { name: 'Fulfilled by AGREE (2024)' }).click();
    const card = ui.page.getByRole('region', { name: /AGREE/ });
    await expect.poll(() => card.textContent()).toContain('contract');
    expect(ui.page.url()).toMatch(/[?&]event=\w+/);
    expect(ui.errors).toEqual([]);
  });
});
