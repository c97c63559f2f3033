import { DataSource } from 'typeorm';
import { startTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

describe('authentication, users and audit', () => {
  let t: TestApp;
  let admin: { id: string; email: string; token: string };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: 5 });
    admin = await t.userWithToken(['admin']);
  });
  afterAll(() => t.close());

  it('logs in with the right password and returns the user', async () => {
    const user = await t.userWithToken(['cod_operator']);
    const res = await t.http.post('/api/auth/login').send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 900,
      user: { id: user.id, email: user.email, displayName: 'Test cod_operator', roles: ['cod_operator'], serviceId: null },
    });
    expect(res.headers['set-cookie']?.[0]).toMatch(/^vigie_refresh=.+; Path=\/api\/auth; .*HttpOnly; SameSite=Strict/);
    const me = await t.http.get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(user.email);
  });

  it('refuses a wrong password or an unknown account with the same 401', async () => {
    const user = await t.userWithToken(['viewer']);
    const wrong = await t.http.post('/api/auth/login').send({ email: user.email, password: 'not-the-password' });
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@test.vigie', password: 'whatever-it-is' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual({ code: 'invalid_credentials', message: 'Invalid email or password' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('throttles repeated attempts on one account with 429', async () => {
    const user = await t.userWithToken(['viewer']);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.http.post('/api/auth/login').send({ email: user.email, password: 'guess-number-' + i });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    const blocked = await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('throttled');
  });

  it('requires a valid token on protected routes', async () => {
    expect((await t.http.get('/api/me')).status).toBe(401);
    expect((await t.http.get('/api/me').set('Authorization', 'Bearer nope')).status).toBe(401);
    const res = await t.http.get('/api/me').set('Authorization', 'Basic abc');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'unauthenticated', message: 'Authentication required' });
  });

  it('rotates the refresh cookie and refuses it once used', async () => {
    const user = await t.userWithToken(['director']);
    const login = await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    const cookie = login.headers['set-cookie'][0].split(';')[0];
    const refreshed = await t.http.post('/api/auth/refresh').set('Cookie', cookie);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.id).toBe(user.id);
    const next = refreshed.headers['set-cookie'][0].split(';')[0];
    expect(next).not.toBe(cookie);
    expect((await t.http.post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
    expect((await t.http.post('/api/auth/refresh')).status).toBe(204); // no cookie: no session
    // logout revokes the session behind the access token
    const token = refreshed.body.accessToken as string;
    expect((await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(204);
    expect((await t.http.post('/api/auth/refresh').set('Cookie', next)).status).toBe(401);
  });

  it('lets admins create users, set roles and disable them; others get 403', async () => {
    const operator = await t.userWithToken(['cod_operator']);
    const forbidden = await t.http.get('/api/users').set('Authorization', `Bearer ${operator.token}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('forbidden');

    const auth = { Authorization: `Bearer ${admin.token}` };
    const created = await t.http
      .post('/api/users')
      .set(auth)
      .send({ email: 'Chef.Salle@Test.Vigie', displayName: 'Chef de salle', password: 'a-long-password-1', roles: ['cod_operator'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'chef.salle@test.vigie', roles: ['cod_operator'], disabled: false });

    const duplicate = await t.http
      .post('/api/users')
      .set(auth)
      .send({ email: 'chef.salle@test.vigie', displayName: 'Encore', password: 'a-long-password-1', roles: ['viewer'] });
    expect(duplicate.status).toBe(409);

    const id = created.body.id as string;
    const promoted = await t.http.patch(`/api/users/${id}`).set(auth).send({ roles: ['sidpc', 'cod_operator'] });
    expect(promoted.body.roles).toEqual(['sidpc', 'cod_operator']);
    const token = await t.login('chef.salle@test.vigie', 'a-long-password-1');
    expect((await t.http.get('/api/me').set('Authorization', `Bearer ${token}`)).body.roles).toEqual(['sidpc', 'cod_operator']);

    const disabled = await t.http.patch(`/api/users/${id}`).set(auth).send({ disabled: true });
    expect(disabled.body.disabled).toBe(true);
    // the token still unexpired is refused at once, and so is a new login
    expect((await t.http.get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const relogin = await t.http.post('/api/auth/login').send({ email: 'chef.salle@test.vigie', password: 'a-long-password-1' });
    expect(relogin.status).toBe(401);
  });

  it('binds a liaison officer to an existing service', async () => {
    const auth = { Authorization: `Bearer ${admin.token}` };
    const base = { email: 'liaison@test.vigie', displayName: 'Liaison', password: 'a-long-password-1', roles: ['service_liaison'] };
    const missing = await t.http.post('/api/users').set(auth).send(base);
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ path: 'serviceId', message: 'required for the service_liaison role' }]);
    const unknown = await t.http
      .post('/api/users')
      .set(auth)
      .send({ ...base, serviceId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    const ds = t.app.get(DataSource);
    const [service] = (await ds.query("SELECT id FROM service WHERE code = 'SDIS63'")) as { id: string }[];
    const ok = await t.http.post('/api/users').set(auth).send({ ...base, serviceId: service.id });
    expect(ok.status).toBe(201);
    expect(ok.body.serviceId).toBe(service.id);
  });

  it('answers invalid bodies with 400 and the list of problems, never 500', async () => {
    const auth = { Authorization: `Bearer ${admin.token}` };
    const bad = await t.http.post('/api/users').set(auth).send({ email: 'not-an-email', password: 'short', roles: ['pope'], extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation');
    const paths = (bad.body.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['displayName', 'email', 'password', 'roles.0']));

    const malformed = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('validation');

    const notUuid = await t.http.patch('/api/users/123').set(auth).send({ displayName: 'x' });
    expect(notUuid.status).toBe(400);
    const empty = await t.http.patch(`/api/users/${admin.id}`).set(auth).send({});
    expect(empty.status).toBe(400);
    const wrongType = await t.http.post('/api/auth/login').send({ email: ['a'], password: 12 });
    expect(wrongType.status).toBe(400);
    expect((wrongType.body as { details: { path: string }[] }).details.map((d) => d.path).sort()).toEqual(['email', 'password']);
  });

  it('records every mutating request in an append-only audit trail readable by admins', async () => {
    const user = await t.userWithToken(['press']);
    await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-x' });
    await new Promise((r) => setTimeout(r, 200)); // entries are written once the response is sent
    const res = await t.http.get('/api/audit?limit=200').set('Authorization', `Bearer ${admin.token}`);
    expect(res.status).toBe(200);
    const failed = (res.body as { action: string; actorEmail: string; outcome: string; status: number }[]).find(
      (e) => e.action === 'POST /api/auth/login' && e.actorEmail === user.email && e.status === 401,
    );
    expect(failed).toMatchObject({ outcome: 'denied' });
    const creations = (res.body as { action: string; actorId: string }[]).filter((e) => e.action === 'POST /api/users');
    expect(creations.length).toBeGreaterThan(0);
    expect(creations[0].actorId).toBe(admin.id);

    expect((await t.http.get('/api/audit').set('Authorization', `Bearer ${user.token}`)).status).toBe(403);
    const ds = t.app.get(DataSource);
    await expect(ds.query('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
    await expect(ds.query("UPDATE audit_entry SET outcome = 'success'")).rejects.toThrow(/append-only/);
  });
});
