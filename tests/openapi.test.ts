// The API describes itself: every route the app serves under /api/ is in /api/openapi.json (and
// nothing else is), with the query parameters its zod schema accepts, and a request the schema
// rejects gets the same one-line INVALID error as before. Real app, real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

let dir: string;
let db: Db;
let app: ReturnType<typeof createApp>;
let doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        parameters?: { name: string; in: string; required?: boolean }[];
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ties-openapi-'));
  db = openDatabase(join(dir, 'test.db'));
  app = createApp({ db });
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as typeof doc;
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `METHOD /api/path/{param}` for every route the app serves under /api/ (middleware left out). */
function servedRoutes(): string[] {
  const routes = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z_]\w*)/g, '{$1}')}`);
  return [...new Set(routes)].sort();
}

function describedRoutes(): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

const params = (path: string, method = 'get') =>
  (doc.paths[path]?.[method]?.parameters ?? []).map((p) => p.name).sort();

describe('GET /api/openapi.json', () => {
  it('describes every route the app serves', () => {
    const described = new Set(describedRoutes());
    const missing = servedRoutes().filter((r) => !described.has(r));
    expect(
      missing,
      `served but not described in /api/openapi.json: ${missing.join(', ')}. Declare the route with createRoute() and ` +
        'app.openapi() and its zod request schema (src/http/openapi.ts shows the shared response schemas), or, when its ' +
        'body is read by hand, describe it with app.openAPIRegistry.registerPath() next to the handler',
    ).toEqual([]);
  });

  it('describes no route the app does not serve', () => {
    const served = new Set(servedRoutes());
    const stale = describedRoutes().filter((r) => !served.has(r));
    expect(
      stale,
      `described but not served: ${stale.join(', ')}; remove them from the description`,
    ).toEqual([]);
  });

  it('covers the routes the first description left out', () => {
    for (const path of [
      '/api/conflicts',
      '/api/events/{id}/explain',
      '/api/figures',
      '/api/stances',
      '/api/export',
    ]) {
      expect(doc.paths[path]?.get?.summary, path).toBeTruthy();
    }
  });

  it('gives every operation a summary, a 200 answer and its error answers', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(
          expect.arrayContaining([method === 'post' ? '201' : '200']),
        );
      }
    }
    expect(Object.keys(doc.paths['/api/events']!.get!.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404']),
    );
    expect(doc.components.schemas).toHaveProperty('TimelineEvent');
    expect(doc.components.schemas).toHaveProperty('Error');
  });

  it('lists the query parameters the request schemas accept', () => {
    expect(params('/api/events')).toEqual([
      'a',
      'b',
      'doc',
      'from',
      'limit',
      'offset',
      'q',
      'quad',
      'to',
      'type',
    ]);
    expect(params('/api/search')).toEqual(['limit', 'q']);
    expect(params('/api/conflicts')).toEqual(['a', 'b', 'cursor', 'event', 'limit']);
    expect(params('/api/figures')).toEqual(['a', 'b']);
    expect(params('/api/documents/{id}')).toEqual(['id']);
    const a = doc.paths['/api/timeline']!.get!.parameters!.find((p) => p.name === 'a');
    expect(a).toMatchObject({ in: 'query', required: true });
  });

  it('describes the body of POST /api/documents in both media types', () => {
    const post = doc.paths['/api/documents']!.post as unknown as {
      requestBody: { content: Record<string, unknown> };
    };
    expect(Object.keys(post.requestBody.content).sort()).toEqual([
      'application/json',
      'multipart/form-data',
    ]);
  });
});

describe('requests the schemas reject', () => {
  const error = async (path: string) => {
    const res = await app.request(path);
    return {
      status: res.status,
      body: (await res.json()) as { error: { code: string; message: string } },
    };
  };

  it('get the one-line INVALID error naming the field', async () => {
    expect(await error('/api/events?from=19x')).toEqual({
      status: 400,
      body: { error: { code: 'INVALID', message: 'from must be a year YYYY' } },
    });
    expect(await error('/api/search?q=')).toEqual({
      status: 400,
      body: { error: { code: 'INVALID', message: 'q must not be empty' } },
    });
    expect((await error('/api/conflicts?event=x')).body.error).toEqual({
      code: 'INVALID',
      message: 'event must be an event id',
    });
    expect((await error('/api/export?format=xml')).body.error.code).toBe('INVALID');
    expect(await error('/api/figures')).toEqual({
      status: 400,
      body: { error: { code: 'INVALID', message: 'a is required' } },
    });
  });
});
