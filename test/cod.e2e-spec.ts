import type { CodState } from '../server/src/contracts/crisis';
import type { StateEvent } from '../server/src/contracts/realtime';
import { connected, nextEvent, startTestApp, TestApp } from './support/test-app';

type Token = { id: string; token: string };

describe('COD activation state machine and positions', () => {
  let t: TestApp;
  let director: Token;
  let sidpc: Token;
  let operator: Token;
  let crisisId: string;
  const auth = (u: Token) => ({ Authorization: `Bearer ${u.token}` });
  const transition = (u: Token, body: object) => t.http.post('/api/cod/transitions').set(auth(u)).send(body);
  const logbook = async (u: Token) =>
    ((await t.http.get(`/api/crises/${crisisId}/logbook`).set(auth(u))).body as { data: { text: string; category: string; cellule: string; source: string }[] }).data;

  beforeAll(async () => {
    t = await startTestApp();
    [director, sidpc, operator] = await Promise.all([
      t.userWithToken(['director']),
      t.userWithToken(['sidpc']),
      t.userWithToken(['cod_operator']),
    ]);
    const crisis = await t.http
      .post('/api/crises')
      .set(auth(sidpc))
      .send({ title: 'Crue de l’Allier', kind: 'inondation', exercise: true });
    expect(crisis.status).toBe(201);
    crisisId = crisis.body.id;
  });
  afterAll(() => t.close());

  it('starts in veille and tells each user which transitions they may make', async () => {
    const res = await t.http.get('/api/cod').set(auth(sidpc));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ level: 'veille', changedBy: null, crisisId: null, seq: expect.any(Number) });
    expect(res.body.allowedTransitions).toEqual(['pre_alerte']);
    expect((await t.http.get('/api/cod').set(auth(director))).body.allowedTransitions).toEqual([
      'pre_alerte',
      'active_restreint',
      'active_elargi',
    ]);
    expect((await t.http.get('/api/cod').set(auth(operator))).body.allowedTransitions).toEqual([]);
  });

  it('runs pré-alerte → activation → reconfiguration → désactivation, each published and logged', async () => {
    const watcher = t.socket(operator.token);
    await connected(watcher);

    const changed = nextEvent<StateEvent<'cod.changed'>>(watcher, 'cod.changed');
    const pre = await transition(sidpc, { to: 'pre_alerte', reason: 'Vigilance orange crues', crisisId });
    expect(pre.status).toBe(200);
    expect(pre.body).toMatchObject({ level: 'pre_alerte', crisisId, reason: 'Vigilance orange crues', seq: expect.any(Number) });
    const event = await changed;
    expect(event).toMatchObject({ level: 'pre_alerte', crisisId, seq: pre.body.seq });
    expect(event.changedBy?.id).toBe(sidpc.id);

    // the SIDPC may not activate: 403, state unchanged
    const refused = await transition(sidpc, { to: 'active_restreint', reason: 'Montée des eaux' });
    expect(refused.status).toBe(403);
    expect((await t.http.get('/api/cod').set(auth(sidpc))).body.level).toBe('pre_alerte');

    const seqs: number[] = [pre.body.seq];
    for (const [to, reason] of [
      ['active_restreint', 'Débordements à Pont-du-Château'],
      ['active_elargi', 'Évacuations en cours'],
      ['veille', 'Décrue confirmée'],
    ]) {
      const res = await transition(director, { to, reason });
      expect(res.status).toBe(200);
      expect(res.body.level).toBe(to);
      seqs.push(res.body.seq);
    }
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const state = (await t.http.get('/api/cod').set(auth(director))).body as CodState;
    expect(state).toMatchObject({ level: 'veille', crisisId: null, reason: 'Décrue confirmée' });

    const decisions = (await logbook(operator)).filter((e) => e.category === 'decision');
    expect(decisions.map((e) => e.text)).toEqual([
      'Passage en pré-alerte — motif : Vigilance orange crues',
      'Activation du COD (configuration restreinte) — motif : Débordements à Pont-du-Château',
      'Reconfiguration du COD (configuration élargie) — motif : Évacuations en cours',
      'Désactivation du COD, retour en veille — motif : Décrue confirmée',
    ]);
    expect(decisions.every((e) => e.cellule === 'direction' && e.source === 'system')).toBe(true);

    const history = (await t.http.get('/api/cod/history').set(auth(operator))).body.data as { from: string; to: string }[];
    expect(history.slice(0, 4).map((h) => `${h.from}>${h.to}`)).toEqual([
      'active_elargi>veille',
      'active_restreint>active_elargi',
      'pre_alerte>active_restreint',
      'veille>pre_alerte',
    ]);
  });

  it('answers forbidden transitions with 409, unauthorised roles with 403, bad bodies with 400', async () => {
    const impossible = await transition(director, { to: 'veille', reason: 'Déjà en veille' });
    expect(impossible.status).toBe(409);
    expect(impossible.body.code).toBe('invalid_transition');
    expect(impossible.body.details[0].message).toContain('pre_alerte');
    expect((await transition(operator, { to: 'pre_alerte', reason: 'Je tente', crisisId })).status).toBe(403);
    const noCrisis = await transition(director, { to: 'active_restreint', reason: 'Sans événement' });
    expect(noCrisis.status).toBe(400);
    expect(noCrisis.body.details).toEqual([{ path: 'crisisId', message: expect.any(String) }]);
    const bad = await transition(director, { to: 'rouge', reason: '' });
    expect(bad.status).toBe(400);
    expect((bad.body as { details: { path: string }[] }).details.map((d) => d.path).sort()).toEqual(['reason', 'to']);
    const viewer = await t.userWithToken(['cabinet_staff']);
    expect((await t.http.get('/api/cod').set(auth(viewer))).status).toBe(403);
  });

  it('refuses to engage the COD on a second crisis while active', async () => {
    expect((await transition(director, { to: 'active_restreint', reason: 'Crue', crisisId })).status).toBe(200);
    const other = await t.http.post('/api/crises').set(auth(sidpc)).send({ title: 'Feu de forêt', kind: 'feu' });
    const res = await transition(director, { to: 'active_elargi', reason: 'Autre', crisisId: other.body.id });
    expect(res.status).toBe(409);
  });

  it('signs people in and out of positions, live and in the main courante', async () => {
    const watcher = t.socket(director.token);
    await connected(watcher);
    const arrived = nextEvent<StateEvent<'position.changed'>>(watcher, 'position.changed');
    const signIn = await t.http.post('/api/cod/positions').set(auth(operator)).send({ cellule: 'situation', function: 'Chef de salle' });
    expect(signIn.status).toBe(201);
    expect(await arrived).toMatchObject({ userId: operator.id, cellule: 'situation', signedOutAt: null });
    // moving to another position closes the first one
    await t.http.post('/api/cod/positions').set(auth(operator)).send({ cellule: 'liaison:SDIS63' });
    const present = (await t.http.get('/api/cod/positions').set(auth(director))).body.data as { userId: string; cellule: string }[];
    expect(present.filter((p) => p.userId === operator.id).map((p) => p.cellule)).toEqual(['liaison:SDIS63']);
    expect((await t.http.post('/api/cod/positions/sign-out').set(auth(operator))).status).toBe(200);
    expect((await t.http.post('/api/cod/positions/sign-out').set(auth(operator))).status).toBe(409);
    const info = (await logbook(director)).filter((e) => e.category === 'information').map((e) => e.text);
    expect(info.some((text) => text.includes('prend son poste — situation'))).toBe(true);
    expect(info.some((text) => text.includes('quitte son poste — liaison:SDIS63'))).toBe(true);
    expect((await t.http.post('/api/cod/positions').set(auth(operator)).send({ cellule: 'cuisine' })).status).toBe(400);
  });
});
