import { DataSource } from 'typeorm';
import type { Crisis, Task } from '../server/src/contracts/crisis';
import type { StateEvent, SyncResponse } from '../server/src/contracts/realtime';
import type { Role } from '../server/src/contracts/roles';
import { Service } from '../server/src/directory/service.entity';
import { OutboxRelay } from '../server/src/realtime/outbox-relay';
import { TasksService } from '../server/src/tasks/tasks.service';
import { connected, nextEvent, startTestApp, TestApp, TestSocket } from './support/test-app';

type TaskEvent = StateEvent<'task.created'>;
type User = { id: string; token: string };

interface LogbookRow {
  text: string;
  category: string;
  cellule: string;
  source: string;
  author_id: string | null;
  author_name: string;
}

/** Every task event a socket receives, in arrival order. */
function record(socket: TestSocket): { type: string; event: TaskEvent }[] {
  const seen: { type: string; event: TaskEvent }[] = [];
  socket.on('task.created', (event) => seen.push({ type: 'task.created', event }));
  socket.on('task.updated', (event) => seen.push({ type: 'task.updated', event }));
  socket.on('task.overdue', (event) => seen.push({ type: 'task.overdue', event }));
  return seen;
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('tasks (demandes de concours)', () => {
  let t: TestApp;
  let ds: DataSource;
  let sdis: Service;
  let samu: Service;
  let cod: User;
  let sdisLiaison: User;
  let samuLiaison: User;
  let viewer: User;
  let crisis: Crisis;
  const inOneHour = () => new Date(Date.now() + 3600_000).toISOString();

  const as = (user: User) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${user.token}`),
    post: (path: string, body: object) =>
      t.http.post(path).set('Authorization', `Bearer ${user.token}`).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(path).set('Authorization', `Bearer ${user.token}`).send(body),
  });

  const createTask = async (
    body: Partial<Record<string, unknown>> = {},
    by: User = cod,
  ): Promise<Task> => {
    const res = await as(by).post('/api/tasks', {
      crisisId: crisis.id,
      serviceId: sdis.id,
      title: 'Reconnaissance de la RD 2089',
      priority: 'haute',
      dueAt: inOneHour(),
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as Task;
  };
  const move = (task: Task, to: string, by: User, note?: string) =>
    as(by).post(`/api/tasks/${task.id}/transitions`, note === undefined ? { to } : { to, note });
  const logbookOf = (taskId: string) =>
    ds.query(
      'SELECT text, category, cellule, source, author_id, author_name FROM logbook_entry WHERE task_id = $1 ORDER BY index',
      [taskId],
    ) as Promise<LogbookRow[]>;
  const head = async () => ((await as(cod).get('/api/realtime/head')).body as { seq: number }).seq;
  const sync = (socket: TestSocket, since: number) =>
    socket.timeout(5000).emitWithAck('sync', { since }) as Promise<SyncResponse>;
  const newCrisis = async (title: string): Promise<Crisis> => {
    const res = await as(cod).post('/api/crises', { title, kind: 'inondation' });
    expect(res.status).toBe(201);
    return res.body as Crisis;
  };

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    // services of their own (the directory's seeded ones may exist too)
    [sdis, samu] = await ds.getRepository(Service).save([
      { code: 'T-SDIS', name: 'SDIS 63', kind: 'secours' },
      { code: 'T-SAMU', name: 'SAMU 63', kind: 'sante' },
    ]);
    const user = (roles: Role[], serviceId?: string) => t.userWithToken(roles, { serviceId });
    [cod, sdisLiaison, samuLiaison, viewer] = await Promise.all([
      user(['cod_operator']),
      user(['service_liaison'], sdis.id),
      user(['service_liaison'], samu.id),
      user(['viewer']),
    ]);
    crisis = await newCrisis('Crue de l’Allier');
    // the relay leads as soon as it has taken the advisory lock
    for (let i = 0; i < 50 && !t.app.get(OutboxRelay).isLeader; i++)
      await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => t.close());

  it('creates a request: 201 requested, its history and a main courante line', async () => {
    const dueAt = inOneHour();
    const task = await createTask({ details: 'Itinéraire de délestage à vérifier', dueAt });
    expect(task).toEqual({
      id: expect.any(String),
      crisisId: crisis.id,
      serviceId: sdis.id,
      serviceName: 'SDIS 63',
      title: 'Reconnaissance de la RD 2089',
      details: 'Itinéraire de délestage à vérifier',
      priority: 'haute',
      status: 'requested',
      dueAt,
      overdue: false,
      incidentId: null,
      exercise: false,
      version: 1,
      createdBy: cod.id,
      createdAt: expect.any(String),
      acknowledgedAt: null,
      startedAt: null,
      doneAt: null,
      cancelledAt: null,
      history: [
        {
          to: 'requested',
          at: task.createdAt,
          by: cod.id,
          byName: 'Test cod_operator',
          note: null,
        },
      ],
    });
    expect(await logbookOf(task.id)).toEqual([
      {
        text: expect.stringMatching(
          /^Demande de concours à SDIS 63 : Reconnaissance de la RD 2089 \(priorité haute, échéance \d\d:\d\d\)$/,
        ),
        category: 'demande',
        cellule: 'operations',
        source: 'system',
        author_id: cod.id,
        author_name: 'Test cod_operator',
      },
    ]);
    expect((await as(cod).get(`/api/tasks/${task.id}`)).body).toEqual(task);
  });

  it('goes requested → acknowledged → in_progress → done by the liaison officer, stamped, logged and published', async () => {
    const socket = t.socket(cod.token);
    await connected(socket);
    const task = await createTask();
    let current = task;
    const steps = [
      ['acknowledged', 'acknowledgedAt', 'prise en compte par SDIS 63'],
      ['in_progress', 'startedAt', 'en cours (SDIS 63) — deux équipes engagées'],
      ['done', 'doneAt', 'terminée (SDIS 63)'],
    ] as const;
    for (const [i, [to, stamp, text]] of steps.entries()) {
      const published = nextEvent<TaskEvent>(socket, 'task.updated');
      const res = await move(
        current,
        to,
        sdisLiaison,
        to === 'in_progress' ? 'deux équipes engagées' : undefined,
      );
      expect(res.status).toBe(200);
      const next = res.body as Task;
      expect(next).toMatchObject({ status: to, version: i + 2, overdue: false });
      expect(Date.parse(next[stamp]!)).toBeGreaterThanOrEqual(Date.parse(current.createdAt));
      expect(next.history).toHaveLength(i + 2);
      expect(next.history[i + 1]).toEqual({
        to,
        at: next[stamp],
        by: sdisLiaison.id,
        byName: 'Test service_liaison',
        note: to === 'in_progress' ? 'deux équipes engagées' : null,
      });
      const event = await published;
      expect(event).toMatchObject({ ...next, seq: expect.any(Number), at: expect.any(String) });
      const lines = await logbookOf(task.id);
      expect(lines).toHaveLength(i + 2);
      expect(lines[i + 1]).toEqual({
        text: `Mission « Reconnaissance de la RD 2089 » : ${text}`,
        category: 'action',
        cellule: 'liaison:T-SDIS',
        source: 'system',
        author_id: sdisLiaison.id,
        author_name: 'Test service_liaison',
      });
      current = next;
    }
    // earlier stamps are kept
    expect(current.acknowledgedAt).not.toBeNull();
    expect(current.startedAt).not.toBeNull();
    expect((await as(viewer).get(`/api/tasks/${task.id}`)).body).toEqual(current);
  });

  it('refuses transitions outside the state machine with 409 and the allowed list', async () => {
    const task = await createTask();
    const skip = await move(task, 'done', sdisLiaison);
    expect(skip.status).toBe(409);
    expect(skip.body).toEqual({
      code: 'invalid_transition',
      message: 'A task cannot go from requested to done',
      details: [
        { path: 'from', message: 'requested' },
        { path: 'to', message: 'done' },
        { path: 'allowed', message: 'acknowledged' },
      ],
    });
    expect((await move(task, 'in_progress', cod)).status).toBe(409); // must be acknowledged first
    for (const to of ['acknowledged', 'in_progress', 'done'] as const)
      expect((await move(task, to, cod)).status).toBe(200);
    const reopen = await move(task, 'cancelled', cod);
    expect(reopen.status).toBe(409);
    expect(reopen.body.details).toContainEqual({
      path: 'allowed',
      message: 'none: the task is closed',
    });
    // nothing changed by the refusals
    const stored = (await as(cod).get(`/api/tasks/${task.id}`)).body as Task;
    expect(stored).toMatchObject({ status: 'done', version: 4 });
    expect(await logbookOf(task.id)).toHaveLength(4);
  });

  it('lets only the COD cancel, and refuses roles that may not act with 403', async () => {
    const task = await createTask();
    const byLiaison = await move(task, 'cancelled', sdisLiaison);
    expect(byLiaison.status).toBe(403);
    expect(byLiaison.body.code).toBe('forbidden');
    expect((await move(task, 'acknowledged', viewer)).status).toBe(403);
    expect(
      (
        await as(viewer).post('/api/tasks', {
          crisisId: crisis.id,
          serviceId: sdis.id,
          title: 'Test',
          priority: 'basse',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await as(sdisLiaison).post('/api/tasks', {
          crisisId: crisis.id,
          serviceId: sdis.id,
          title: 'Test',
          priority: 'basse',
        })
      ).status,
    ).toBe(403);
    const cancelled = await move(task, 'cancelled', cod, 'doublon');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledAt: expect.any(String),
      overdue: false,
    });
    const lines = await logbookOf(task.id);
    expect(lines[lines.length - 1]).toMatchObject({
      text: 'Mission « Reconnaissance de la RD 2089 » : annulée (SDIS 63) — doublon',
      cellule: 'operations',
      author_id: cod.id,
    });
  });

  it("hides another service's tasks from a liaison officer: list, GET, transitions, live events and sync", async () => {
    const samuSocket = t.socket(samuLiaison.token);
    const sdisSocket = t.socket(sdisLiaison.token);
    const codSocket = t.socket(cod.token);
    await Promise.all([samuSocket, sdisSocket, codSocket].map(connected));
    const [samuSeen, sdisSeen, codSeen] = [samuSocket, sdisSocket, codSocket].map(record);
    const start = await head();

    const secret = await createTask({ title: 'Reconnaissance du barrage' });
    expect((await move(secret, 'acknowledged', sdisLiaison)).status).toBe(200);
    const visible = await createTask({ serviceId: samu.id, title: 'Renfort PMA' });
    // events arrive in seq order: once SAMU's own task reached its liaison, SDIS's never will
    await until(
      () => samuSeen.length >= 1 && codSeen.length >= 3 && sdisSeen.length >= 2,
      'task events',
    );
    expect(samuSeen.map((e) => [e.type, e.event.id])).toEqual([['task.created', visible.id]]);
    expect(codSeen.map((e) => [e.type, e.event.id])).toEqual([
      ['task.created', secret.id],
      ['task.updated', secret.id],
      ['task.created', visible.id],
    ]);
    expect(sdisSeen.map((e) => [e.type, e.event.id])).toEqual([
      ['task.created', secret.id],
      ['task.updated', secret.id],
    ]);

    const samuList = (await as(samuLiaison).get(`/api/tasks?crisisId=${crisis.id}`)).body as {
      data: Task[];
      seq: number;
    };
    expect(samuList.data.map((x) => x.id)).toEqual([visible.id]);
    // asking for another service gives nothing rather than that service's tasks
    expect((await as(samuLiaison).get(`/api/tasks?serviceId=${sdis.id}`)).body.data).toEqual([]);
    const sdisList = (await as(sdisLiaison).get(`/api/tasks?crisisId=${crisis.id}`)).body as {
      data: Task[];
    };
    expect(sdisList.data.map((x) => x.serviceId)).not.toContain(samu.id);
    expect(sdisList.data.map((x) => x.id)).toContain(secret.id);
    const codList = (await as(cod).get(`/api/tasks?crisisId=${crisis.id}`)).body as {
      data: Task[];
    };
    expect(codList.data.map((x) => x.id)).toEqual(expect.arrayContaining([secret.id, visible.id]));

    const hidden = await as(samuLiaison).get(`/api/tasks/${secret.id}`);
    expect(hidden.status).toBe(404);
    const missing = await as(samuLiaison).get('/api/tasks/00000000-0000-4000-8000-000000000000');
    expect(hidden.body).toEqual({ ...missing.body });
    const moved = await move(secret, 'in_progress', samuLiaison);
    expect(moved.status).toBe(404);
    expect((await as(cod).get(`/api/tasks/${secret.id}`)).body).toMatchObject({
      status: 'acknowledged',
      version: 2,
    });
    expect((await move(visible, 'acknowledged', samuLiaison)).status).toBe(200);

    const replay = await sync(samuSocket, start);
    if (!('events' in replay)) throw new Error('unexpected reset');
    const taskEvents = replay.events.filter((e) => e.type.startsWith('task.'));
    expect(taskEvents.map((e) => [e.type, (e.data as Task).id])).toEqual([
      ['task.created', visible.id],
      ['task.updated', visible.id],
    ]);
    const codReplay = await sync(codSocket, start);
    expect(
      'events' in codReplay && codReplay.events.filter((e) => e.type.startsWith('task.')).length,
    ).toBe(4);
  });

  it('filters the list by status and service', async () => {
    const other = await newCrisis('Neige sur la chaîne des Puys');
    const a = await createTask({ crisisId: other.id, title: 'Salage A75' });
    const b = await createTask({
      crisisId: other.id,
      serviceId: samu.id,
      title: 'Dialysés isolés',
    });
    await move(b, 'acknowledged', cod);
    const list = async (query: string) =>
      (
        (await as(cod).get(`/api/tasks?crisisId=${other.id}${query}`)).body as { data: Task[] }
      ).data.map((x) => x.id);
    expect((await list('')).sort()).toEqual([a.id, b.id].sort());
    expect(await list('&status=requested')).toEqual([a.id]);
    expect(await list(`&serviceId=${samu.id}`)).toEqual([b.id]);
    expect(await list(`&serviceId=${samu.id}&status=requested`)).toEqual([]);
    const res = await as(cod).get(`/api/tasks?crisisId=${other.id}`);
    expect(res.body.seq).toBeGreaterThanOrEqual(1);
  });

  it('answers 400 with details for bad input, 404 for an unknown crisis, 409 for a closed one', async () => {
    const base = { crisisId: crisis.id, serviceId: sdis.id, title: 'Valide', priority: 'normale' };
    const unknownService = await as(cod).post('/api/tasks', {
      ...base,
      serviceId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownService.status).toBe(400);
    expect(unknownService.body).toEqual({
      code: 'validation',
      message: 'Unknown service',
      details: [{ path: 'serviceId', message: 'no such service in the directory' }],
    });
    const unknownCrisis = await as(cod).post('/api/tasks', {
      ...base,
      crisisId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownCrisis.status).toBe(404);

    const invalid = await as(cod).post('/api/tasks', {
      crisisId: 'nope',
      serviceId: sdis.id,
      title: 'x',
      priority: 'immédiate',
      dueAt: '14:30',
      extra: true,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('validation');
    expect((invalid.body.details as { path: string }[]).map((d) => d.path).sort()).toEqual(
      expect.arrayContaining(['crisisId', 'dueAt', 'priority', 'title']),
    );
    expect(
      (await as(cod).post('/api/tasks', { ...base, incidentId: 'not-a-uuid' })).body.details,
    ).toEqual([{ path: 'incidentId', message: expect.any(String) }]);

    const task = await createTask();
    const badTo = await move(task, 'requested', cod);
    expect(badTo.status).toBe(400);
    expect(badTo.body.details).toEqual([{ path: 'to', message: expect.any(String) }]);
    const noTo = await as(cod).post(`/api/tasks/${task.id}/transitions`, { note: 'x' });
    expect(noTo.status).toBe(400);
    expect(
      (await as(cod).post('/api/tasks/not-a-uuid/transitions', { to: 'acknowledged' })).status,
    ).toBe(400);
    expect((await as(cod).get('/api/tasks/not-a-uuid')).status).toBe(400);
    const badQuery = await as(cod).get('/api/tasks?status=finie');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.details).toEqual([{ path: 'status', message: expect.any(String) }]);

    const closed = await newCrisis('Exercice terminé');
    const pending = await createTask({ crisisId: closed.id });
    expect((await as(cod).patch(`/api/crises/${closed.id}`, { status: 'closed' })).status).toBe(
      200,
    );
    const onClosed = await as(cod).post('/api/tasks', { ...base, crisisId: closed.id });
    expect(onClosed.status).toBe(409);
    expect(onClosed.body.code).toBe('conflict');
    expect((await move(pending, 'acknowledged', sdisLiaison)).status).toBe(409);
  });

  it('marks exercise tasks', async () => {
    const res = await as(cod).post('/api/crises', {
      title: 'Exercice NOVI',
      kind: 'accident_novi',
      exercise: true,
    });
    const task = await createTask({ crisisId: (res.body as Crisis).id });
    expect(task.exercise).toBe(true);
  });

  it('reports an overdue task once: task.overdue to the COD, a main courante line, counts', async () => {
    const tasks = t.app.get(TasksService);
    // whatever earlier tests left due is reported first
    await tasks.scanOverdue();
    const codSocket = t.socket(cod.token);
    const samuSocket = t.socket(samuLiaison.token);
    await Promise.all([codSocket, samuSocket].map(connected));
    const samuSeen = record(samuSocket);
    const late = await createTask({
      title: 'Balisage du pont',
      dueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(late.overdue).toBe(true);
    const done = await createTask({
      title: 'Déjà faite',
      dueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    await move(done, 'cancelled', cod);
    expect(await tasks.counts(ds.manager, crisis.id)).toEqual({
      open: expect.any(Number),
      overdue: 1,
    });

    const published = nextEvent<StateEvent<'task.overdue'>>(codSocket, 'task.overdue');
    expect(await tasks.scanOverdue()).toBe(1);
    const event = await published;
    expect(event).toMatchObject({
      id: late.id,
      status: 'requested',
      overdue: true,
      version: 1,
      seq: expect.any(Number),
    });
    const lines = await logbookOf(late.id);
    expect(lines[lines.length - 1]).toEqual({
      text: expect.stringMatching(
        /^Mission en retard : « Balisage du pont » \(SDIS 63\), échéance \d\d:\d\d dépassée$/,
      ),
      category: 'information',
      cellule: 'operations',
      source: 'system',
      author_id: null,
      author_name: 'Vigie',
    });
    expect(await tasks.scanOverdue()).toBe(0);
    expect(await logbookOf(late.id)).toHaveLength(lines.length);
    expect((await as(cod).get(`/api/tasks/${late.id}`)).body).toMatchObject({ overdue: true });
    // still overdue after a transition, no longer once done
    const ack = (await move(late, 'acknowledged', sdisLiaison)).body as Task;
    expect(ack.overdue).toBe(true);
    expect(await tasks.scanOverdue()).toBe(0);
    await move(ack, 'in_progress', sdisLiaison);
    expect(((await move(ack, 'done', sdisLiaison)).body as Task).overdue).toBe(false);
    expect((await tasks.counts(ds.manager, crisis.id)).overdue).toBe(0);
    // SAMU's liaison heard nothing of SDIS's task
    await new Promise((r) => setTimeout(r, 200));
    expect(samuSeen).toEqual([]);
  });
});
