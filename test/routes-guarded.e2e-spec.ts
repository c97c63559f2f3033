import { startTestApp, TestApp } from './support/test-app';

/** The only routes reachable without a token. Adding one here is a deliberate decision. */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'GET /api/health',
  'GET /metrics',
  // acknowledgement links (signed, single-use, expiring) and the gateway's webhooks (HMAC-signed)
  'GET /api/paging/ack/:token',
  'POST /api/paging/ack/:token',
  'POST /api/paging/webhooks/receipt',
  'POST /api/paging/webhooks/inbound',
  // published communiqués only: what the préfecture website pulls (press module)
  'GET /api/public/communiques',
  'GET /api/public/communiques.atom',
  'GET /api/public/communiques.html',
  'GET /api/public/communiques/:id.html',
  'GET /api/public/communiques/:id',
  'GET /api/public/elections/:id/results',
  'GET /api/public/elections/:id/results.html',
]);

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('route guard walker', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 401 without a token on every route not declared public', async () => {
    const express = t.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
    const routes = express.router.stack
      // middleware mounted for every method (audit, metrics) is not a route
      .filter((l) => l.route && Object.keys(l.route.methods).length === 1)
      .flatMap((l) =>
        Object.keys(l.route!.methods).map((m) => ({
          method: m.toUpperCase(),
          path: l.route!.path,
        })),
      )
      // Swagger UI serves documentation only, no data
      .filter((r) => !r.path.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(10);

    const unguarded: string[] = [];
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      const url = path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](
        url,
      ).send({});
      if (PUBLIC_ROUTES.has(key)) continue;
      if (res.status !== 401) unguarded.push(`${key} answered ${res.status}`);
    }
    expect(unguarded).toEqual([]);
    // the allow-list holds only routes that exist
    const existing = new Set(routes.map((r) => `${r.method} ${r.path}`));
    expect([...PUBLIC_ROUTES].filter((r) => !existing.has(r))).toEqual([]);
  });
});

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('documents the routes with their request schemas', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>
      >;
      components: {
        schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
      };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/me',
        '/api/users',
        '/api/users/{id}',
        '/api/audit',
        '/api/health',
      ]),
    );
    const ref =
      doc.paths['/api/auth/login'].post.requestBody!.content['application/json'].schema.$ref!;
    const schema = doc.components.schemas[ref.split('/').pop()!];
    expect(schema.required).toEqual(['email', 'password']);
  });
});
