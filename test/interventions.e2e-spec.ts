import { DataSource } from 'typeorm';
import { Clock } from '../server/src/common/workflow/clock';
import type { InterventionDetail } from '../server/src/contracts/interventions';
import type { StateEvent } from '../server/src/contracts/realtime';
import type { Role } from '../server/src/contracts/roles';
import { Contact } from '../server/src/directory/contact.entity';
import { Service } from '../server/src/directory/service.entity';
import { InterventionScheduler } from '../server/src/interventions/intervention-scheduler';
import { OutboxRelay } from '../server/src/realtime/outbox-relay';
import { pdfText } from './support/pdf';
import { connected, startTestApp, TestApp, TestSocket } from './support/test-app';

type User = { id: string; token: string };
type ReminderEvent = StateEvent<'intervention.reminded'>;

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every reminder and escalation a socket receives. */
function record(socket: TestSocket): { type: string; event: ReminderEvent }[] {
  const seen: { type: string; event: ReminderEvent }[] = [];
  socket.on('intervention.reminded', (event) => seen.push({ type: 'reminded', event }));
  socket.on('intervention.escalated', (event) => seen.push({ type: 'escalated', event }));
  return seen;
}

describe('interventions des élus', () => {
  let t: TestApp;
  let ds: DataSource;
  let scheduler: InterventionScheduler;
  let ddets: Service;
  let ddt: Service;
  let cabinet: User;
  let director: User;
  let ddetsLiaison: User;
  let ddtLiaison: User;
  let viewer: User;
  let deputy: Contact;
  let officer: Contact;
  /** The clock the scheduler and the services read; moved by the tests. */
  let now = new Date('2030-02-20T09:00:00Z');

  const as = (user: User) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${user.token}`),
    post: (path: string, body: object) =>
      t.http.post(path).set('Authorization', `Bearer ${user.token}`).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(path).set('Authorization', `Bearer ${user.token}`).send(body),
  });

  const create = async (body: Record<string, unknown> = {}): Promise<InterventionDetail> => {
    const res = await as(cabinet).post('/api/interventions', {
      receivedOn: '2030-02-18',
      channel: 'courrier',
      officialId: deputy.id,
      beneficiaryKind: 'personne',
      beneficiaryName: 'M. Karim Benali',
      beneficiaryCommuneInsee: '63300',
      theme: 'emploi_social',
      subject: 'Renouvellement de droits RSA bloqué',
      ...body,
    });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as InterventionDetail;
  };
  const move = (user: User, id: string, body: object) =>
    as(user).post(`/api/interventions/${id}/transitions`, body);

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    // every injected Clock (services and scheduler read time from it, never from Date)
    jest.spyOn(Clock.prototype, 'now').mockImplementation(() => now);
    scheduler = t.app.get(InterventionScheduler);
    [ddets, ddt] = await ds.getRepository(Service).save([
      { code: 'T-DDETS', name: 'DDETS 63', kind: 'etat' },
      { code: 'T-DDT', name: 'DDT 63', kind: 'etat' },
    ]);
    [deputy, officer] = await ds.getRepository(Contact).save([
      {
        name: 'Hélène Martin',
        function: 'depute',
        title: 'Députée de la 3e circonscription',
        communeInsee: null,
      },
      { name: 'Paul Astreinte', function: 'astreinte', title: null, communeInsee: null },
    ]);
    const user = (roles: Role[], serviceId?: string) => t.userWithToken(roles, { serviceId });
    [cabinet, director, ddetsLiaison, ddtLiaison, viewer] = await Promise.all([
      user(['cabinet_staff']),
      user(['director']),
      user(['service_liaison'], ddets.id),
      user(['service_liaison'], ddt.id),
      user(['viewer']),
    ]);
    for (let i = 0; i < 50 && !t.app.get(OutboxRelay).isLeader; i++)
      await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => t.close());

  it('registers an intervention with a unique reference, and validates every field', async () => {
    const first = await create();
    const second = await create({ subject: 'Second dossier' });
    expect(first).toMatchObject({
      reference: 'INT-2030-0001',
      status: 'enregistree',
      official: { id: deputy.id, name: 'Hélène Martin', function: 'depute' },
      serviceId: null,
      allowedTransitions: ['transmise', 'repondue', 'classee'],
    });
    expect(first.history).toEqual([expect.objectContaining({ from: null, to: 'enregistree' })]);
    expect(second.reference).toBe('INT-2030-0002');

    const bad = await as(cabinet).post('/api/interventions', {
      receivedOn: '2030-02-31',
      channel: 'pigeon',
      officialId: deputy.id,
      beneficiaryKind: 'personne',
      beneficiaryName: '',
      theme: 'sejour',
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body as { details: { path: string }[] }).details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['receivedOn', 'channel', 'beneficiaryName', 'subject']),
    );

    const notOfficial = await as(cabinet).post('/api/interventions', {
      receivedOn: '2030-02-18',
      channel: 'courriel',
      officialId: officer.id,
      beneficiaryKind: 'organisation',
      beneficiaryName: 'SARL Dupont',
      theme: 'autre',
      subject: 'x',
    });
    expect(notOfficial.status).toBe(400);
    expect(notOfficial.body.details).toEqual([
      { path: 'officialId', message: 'not an elected official (astreinte)' },
    ]);
    expect((await as(viewer).get('/api/interventions')).status).toBe(403);
    expect((await as(director).post('/api/interventions', {})).status).toBe(403);
  });

  it('need-to-know: a service sees and answers only what is routed to it', async () => {
    const item = await create({ confidentiality: 'restreinte' });
    // not routed yet: no service sees it
    expect((await as(ddetsLiaison).get(`/api/interventions/${item.id}`)).status).toBe(404);

    const routed = await move(cabinet, item.id, {
      to: 'transmise',
      serviceId: ddets.id,
      dueDate: '2030-03-06',
    });
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({
      status: 'transmise',
      serviceName: 'DDETS 63',
      dueDate: '2030-03-06',
      transmittedOn: '2030-02-20',
    });

    const mine = await as(ddetsLiaison).get('/api/interventions');
    expect((mine.body as { data: { id: string }[] }).data.map((d) => d.id)).toEqual([item.id]);
    const seen = await as(ddetsLiaison).get(`/api/interventions/${item.id}`);
    expect(seen.status).toBe(200);
    // confidential: the service does not learn who intervened
    expect(seen.body).toMatchObject({ official: null, allowedTransitions: ['elements_recus'] });

    // the other service: not listed, not readable, not movable, not even by searching
    expect((await as(ddtLiaison).get('/api/interventions')).body.data).toEqual([]);
    expect((await as(ddtLiaison).get(`/api/interventions?q=${item.reference}`)).body.data).toEqual(
      [],
    );
    expect((await as(ddtLiaison).get(`/api/interventions/${item.id}`)).status).toBe(404);
    expect((await move(ddtLiaison, item.id, { to: 'elements_recus', note: 'x' })).status).toBe(404);
    expect((await as(ddtLiaison).get('/api/interventions/stats')).status).toBe(403);
    expect((await as(ddtLiaison).get(`/api/interventions/officials/${deputy.id}`)).status).toBe(
      403,
    );

    // the routed service answers, with its elements; it may not close
    expect((await move(ddetsLiaison, item.id, { to: 'elements_recus' })).status).toBe(400);
    expect(
      (await move(ddetsLiaison, item.id, { to: 'repondue', outcome: 'favorable' })).status,
    ).toBe(403);
    const answered = await move(ddetsLiaison, item.id, {
      to: 'elements_recus',
      note: 'Dossier complet, droits rouverts le 25/02.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.elementsReceivedOn).toBe('2030-02-20');

    // routed elsewhere for a complement: the first service loses sight of it
    expect((await move(cabinet, item.id, { to: 'transmise', serviceId: ddt.id })).status).toBe(200);
    expect((await as(ddetsLiaison).get(`/api/interventions/${item.id}`)).status).toBe(404);
    const ddtView = await as(ddtLiaison).get(`/api/interventions/${item.id}`);
    expect(ddtView.status).toBe(200);
    // default due date from the rule table: J+15
    expect(ddtView.body.dueDate).toBe('2030-03-07');

    const closed = await move(cabinet, item.id, { to: 'repondue', outcome: 'favorable' });
    expect(closed.body).toMatchObject({
      status: 'repondue',
      finalReplySentOn: '2030-02-20',
      allowedTransitions: [],
    });
    expect((await move(cabinet, item.id, { to: 'classee', note: 'x' })).status).toBe(409);
    const detail = await as(director).get(`/api/interventions/${item.id}`);
    expect((detail.body as InterventionDetail).history.map((h) => `${h.from}>${h.to}`)).toEqual([
      'null>enregistree',
      'enregistree>transmise',
      'transmise>elements_recus',
      'elements_recus>transmise',
      'transmise>repondue',
    ]);
  });

  it('reminds the service at J-3 and on the due date, then escalates to the director when overdue', async () => {
    now = new Date('2030-02-20T09:00:00Z');
    const item = await create({ subject: 'Titre de séjour en attente' });
    await move(cabinet, item.id, { to: 'transmise', serviceId: ddets.id, dueDate: '2030-03-02' });

    const ddetsSocket = t.socket(ddetsLiaison.token);
    const ddtSocket = t.socket(ddtLiaison.token);
    const directorSocket = t.socket(director.token);
    await Promise.all([connected(ddetsSocket), connected(ddtSocket), connected(directorSocket)]);
    const [toDdets, toDdt, toDirector] = [
      record(ddetsSocket),
      record(ddtSocket),
      record(directorSocket),
    ];
    const mine = (seen: { type: string; event: ReminderEvent }[]) =>
      seen.filter((s) => s.event.id === item.id);

    now = new Date('2030-02-26T08:00:00Z');
    await scheduler.scan();
    expect((await as(cabinet).get(`/api/interventions/${item.id}`)).body.reminders).toEqual([]);

    // J-3 (Friday 27 February), once however many scans run that day
    now = new Date('2030-02-27T06:00:00Z');
    await scheduler.scan();
    now = new Date('2030-02-27T17:00:00Z');
    await scheduler.scan();
    await until(() => mine(toDdets).length === 1, 'the J-3 reminder');
    expect(mine(toDdets)[0]).toMatchObject({
      type: 'reminded',
      event: {
        reference: item.reference,
        kind: 'before:3',
        label: 'J-3',
        dueDate: '2030-03-02',
        serviceName: 'DDETS 63',
      },
    });

    // due date: 23:30 UTC on 1 March is already 2 March in Paris
    now = new Date('2030-03-01T23:30:00Z');
    await scheduler.scan();
    await until(() => mine(toDdets).length === 2, 'the due-date reminder');
    expect(mine(toDdets)[1].event).toMatchObject({ kind: 'due', label: 'Échéance' });
    expect(mine(toDirector).filter((s) => s.type === 'escalated')).toEqual([]);
    expect((await as(cabinet).get(`/api/interventions/${item.id}`)).body.dueState).toBe(
      'due_today',
    );

    // the day after: escalation to the director, once
    now = new Date('2030-03-03T07:00:00Z');
    await scheduler.scan();
    await scheduler.scan();
    await until(() => mine(toDirector).some((s) => s.type === 'escalated'), 'the escalation');
    await new Promise((r) => setTimeout(r, 300));
    expect(mine(toDirector).filter((s) => s.type === 'escalated')).toHaveLength(1);
    // the service is reminded, not told of the escalation; the other service hears nothing
    expect(mine(toDdets).map((s) => s.type)).toEqual(['reminded', 'reminded']);
    expect(mine(toDdt)).toEqual([]);

    const detail = (await as(director).get(`/api/interventions/${item.id}`))
      .body as InterventionDetail;
    expect(detail.dueState).toBe('overdue');
    expect(detail.escalatedAt).toBe('2030-03-03T07:00:00.000Z');
    expect(detail.reminders.map((r) => r.label)).toEqual(['J-3', 'Échéance', 'Retard']);
    const overdue = await as(director).get('/api/interventions?overdue=true');
    expect((overdue.body as { data: { id: string }[] }).data.map((d) => d.id)).toContain(item.id);
    const stats = await as(director).get('/api/interventions/stats');
    expect(stats.body.byService).toEqual(
      expect.arrayContaining([expect.objectContaining({ serviceName: 'DDETS 63', overdue: 1 })]),
    );

    // a new due date starts a new cycle
    await move(ddetsLiaison, item.id, { to: 'elements_recus', note: 'Pièces manquantes' });
    await move(cabinet, item.id, { to: 'transmise', serviceId: ddets.id, dueDate: '2030-03-10' });
    now = new Date('2030-03-07T09:00:00Z');
    await scheduler.scan();
    const again = (await as(cabinet).get(`/api/interventions/${item.id}`))
      .body as InterventionDetail;
    expect(again.escalatedAt).toBeNull();
    expect(again.reminders.filter((r) => r.dueDate === '2030-03-10').map((r) => r.label)).toEqual([
      'J-3',
    ]);
  });

  it('produces letters from templates, the weekly list and the fiche élu', async () => {
    now = new Date('2030-03-11T09:00:00Z');
    const item = await create({ receivedOn: '2030-03-11', subject: 'Permis de conduire suspendu' });
    const ar = await as(cabinet).post(`/api/interventions/${item.id}/letters`, {
      kind: 'accuse_reception',
    });
    expect(ar.status).toBe(201);
    expect(ar.body.ackSentOn).toBe('2030-03-11');
    expect(
      (
        await as(cabinet).post(`/api/interventions/${item.id}/letters`, {
          kind: 'reponse_definitive',
        })
      ).status,
    ).toBe(409);
    const letter = (ar.body as InterventionDetail).letters[0];
    const pdf = await as(cabinet)
      .get(`/api/interventions/${item.id}/letters/${letter.id}/pdf`)
      .buffer(true);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('Accusé de réception');
    expect(text).toContain(item.reference);
    expect(text).toContain('Hélène Martin');
    expect(text).toContain('Permis de conduire suspendu');

    const weekly = await as(director)
      .get('/api/interventions/weekly.pdf?week=2030-03-13')
      .buffer(true);
    expect(weekly.status).toBe(200);
    const weeklyText = await pdfText(weekly.body as Buffer);
    expect(weeklyText).toContain('semaine du 11/03/2030');
    expect(weeklyText).toContain(item.reference);
    const csv = await as(director).get('/api/interventions/weekly.csv?week=2030-03-13');
    expect(csv.text).toContain(`Reçue dans la semaine;${item.reference}`);
    expect(csv.text).toContain('En retard;');
    expect((await as(ddetsLiaison).get('/api/interventions/weekly.pdf')).status).toBe(403);

    const sheet = await as(director).get(`/api/interventions/officials/${deputy.id}`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.official.name).toBe('Hélène Martin');
    expect(sheet.body.counts.total).toBe(5);
    expect(sheet.body.counts.favorable).toBe(1);
  });

  it('purges the interventions closed longer ago than the retention period', async () => {
    now = new Date('2030-03-11T09:00:00Z');
    const old = await create({ subject: 'Ancien dossier' });
    await move(cabinet, old.id, { to: 'classee', note: 'Retrait de la demande' });
    const recent = await create({ subject: 'Dossier récent' });
    await move(cabinet, recent.id, { to: 'classee', note: 'Doublon' });
    // closed six years ago: past the five years of the rule table
    await ds.query(`UPDATE intervention SET closed_at = now() - interval '6 years' WHERE id = $1`, [
      old.id,
    ]);
    now = new Date();
    const res = await as(cabinet).post('/api/interventions/purge', {});
    expect(res.status).toBe(403);
    const admin = await t.userWithToken(['admin']);
    const purged = await t.http
      .post('/api/interventions/purge')
      .set('Authorization', `Bearer ${admin.token}`);
    expect(purged.body).toEqual({ purged: 1 });
    expect((await as(cabinet).get(`/api/interventions/${old.id}`)).status).toBe(404);
    expect((await as(cabinet).get(`/api/interventions/${recent.id}`)).status).toBe(200);
    expect(
      await ds.query('SELECT 1 FROM intervention_transition WHERE intervention_id = $1', [old.id]),
    ).toEqual([]);
  });
});
