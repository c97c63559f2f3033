import type { CodState, Crisis, Incident, LogbookEntry, MapFeature, Task } from '../server/src/contracts/crisis';
import type { SyncedEvent, SyncResponse } from '../server/src/contracts/realtime';
import { DataSource as DataSourceToken } from 'typeorm';
import { connected, startTestApp, TestApp, TestSocket } from './support/test-app';

type Token = { id: string; token: string };

/** What a console holds: the crisis picture, built from loads and kept by events. */
interface Picture {
  cod: Omit<CodState, 'seq'> | null;
  incidents: Map<string, Incident>;
  tasks: Map<string, Task>;
  entries: Map<string, LogbookEntry>;
  features: Map<string, MapFeature>;
  promoted: Set<string>;
}

/** A minimal console: applies each event once, in seq order, and catches up with `sync`. */
class Console {
  lastSeq = 0;
  picture: Picture = { cod: null, incidents: new Map(), tasks: new Map(), entries: new Map(), features: new Map(), promoted: new Set() };
  socket!: TestSocket;

  constructor(
    private readonly t: TestApp,
    private readonly user: Token,
    private readonly crisisId: string,
  ) {}

  async open(): Promise<void> {
    const loaded = await load(this.t, this.user, this.crisisId);
    this.picture = loaded;
    this.lastSeq = loaded.seq;
    this.socket = this.t.socket(this.user.token);
    this.socket.onAny((type: string, payload: { seq?: number }) => {
      if (type.includes('.') && typeof payload?.seq === 'number') {
        const { seq, at: _at, ...data } = payload as { seq: number; at: string };
        this.apply({ type, seq, at: '', data } as SyncedEvent);
      }
    });
    await connected(this.socket);
  }

  async reconnect(): Promise<void> {
    this.socket = this.t.socket(this.user.token);
    await connected(this.socket);
    for (;;) {
      const res = (await this.socket.timeout(5000).emitWithAck('sync', { since: this.lastSeq })) as SyncResponse;
      if ('reset' in res) throw new Error('unexpected reset');
      for (const event of res.events) this.apply(event);
      this.lastSeq = Math.max(this.lastSeq, res.head);
      if (!res.more) return;
    }
  }

  private apply(event: SyncedEvent): void {
    if (event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    const p = this.picture;
    const data = event.data as never;
    // only the crisis picture's events; every other module's are ignored
    const type: string = event.type;
    switch (type) {
      case 'cod.changed':
        p.cod = data;
        break;
      case 'incident.created':
      case 'incident.updated':
        p.incidents.set((data as Incident).id, data);
        break;
      case 'task.created':
      case 'task.updated':
      case 'task.overdue':
        p.tasks.set((data as Task).id, data);
        break;
      case 'logbook.appended':
        p.entries.set((data as LogbookEntry).id, data);
        break;
      case 'logbook.promoted':
        p.promoted.add((data as { entryId: string }).entryId);
        break;
      case 'feature.created':
        p.features.set((data as MapFeature).id, data);
        break;
      case 'feature.deleted':
        p.features.delete((data as { id: string }).id);
        break;
      default:
        break; // not part of the picture compared here
    }
  }
}

async function load(t: TestApp, user: Token, crisisId: string): Promise<Picture & { seq: number }> {
  const get = async <T>(url: string) => {
    const res = await t.http.get(url).set('Authorization', `Bearer ${user.token}`);
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  // the lowest seq of the reads: events after it are applied on top (idempotently)
  const cod = await get<CodState>('/api/cod');
  const incidents = await get<{ data: Incident[]; seq: number }>(`/api/incidents?crisisId=${crisisId}`);
  const tasks = await get<{ data: Task[]; seq: number }>(`/api/tasks?crisisId=${crisisId}`);
  const entries = await get<{ data: LogbookEntry[]; seq: number }>(`/api/crises/${crisisId}/logbook?limit=1000`);
  const features = await get<{ data: MapFeature[]; seq: number }>(`/api/crises/${crisisId}/features`);
  const { seq: _seq, allowedTransitions: _a, ...codState } = cod as CodState & { allowedTransitions: unknown };
  return {
    seq: Math.min(cod.seq, incidents.seq, tasks.seq, entries.seq, features.seq),
    cod: codState,
    incidents: new Map(incidents.data.map((i) => [i.id, i])),
    tasks: new Map(tasks.data.map((i) => [i.id, i])),
    entries: new Map(entries.data.map((i) => [i.id, i])),
    features: new Map(features.data.map((i) => [i.id, i])),
    promoted: new Set(entries.data.filter((e) => e.promotedAt).map((e) => e.id)),
  };
}

/** Comparable view of a picture (promotion is folded in; derived `overdue` depends on time). */
function normalise(p: Picture) {
  const sorted = <T extends { id: string }>(m: Map<string, T>) => [...m.values()].sort((a, b) => a.id.localeCompare(b.id));
  return {
    cod: p.cod,
    incidents: sorted(p.incidents),
    tasks: sorted(p.tasks),
    entries: sorted(p.entries).map(({ promotedAt: _a, promotedBy: _b, ...e }) => ({ ...e, promoted: p.promoted.has(e.id) })),
    features: sorted(p.features),
  };
}

describe('a whole COD exercise through the API, with consoles in sync', () => {
  let t: TestApp;
  const u: Record<'director' | 'sidpc' | 'operator' | 'liaison' | 'viewer', Token> = {} as never;
  let crisis: Crisis;
  let sdisId: string;
  const as = (who: Token) => ({ Authorization: `Bearer ${who.token}` });
  const ok = async (res: { status: number; body: unknown }, status = 200) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const [{ id }] = (await t.app.get(DataSourceToken).query("SELECT id FROM service WHERE code = 'SDIS63'")) as { id: string }[];
    sdisId = id;
    u.director = await t.userWithToken(['director']);
    u.sidpc = await t.userWithToken(['sidpc']);
    u.operator = await t.userWithToken(['cod_operator']);
    u.liaison = await t.userWithToken(['service_liaison'], { serviceId: sdisId });
    u.viewer = await t.userWithToken(['viewer']);
    crisis = (await ok(
      await t.http.post('/api/crises').set(as(u.sidpc)).send({ title: 'Exercice crue de l’Allier', kind: 'inondation', exercise: true }),
      201,
    )) as unknown as Crisis;
  });
  afterAll(() => t.close());

  it('runs the exercise; a console away for 200 changes catches up to the same state as a fresh load', async () => {
    const live = new Console(t, u.operator, crisis.id);
    const away = new Console(t, u.viewer, crisis.id);
    await live.open();
    await away.open();

    await ok(await t.http.post('/api/cod/transitions').set(as(u.sidpc)).send({ to: 'pre_alerte', reason: 'Vigilance orange crues', crisisId: crisis.id }));
    await ok(await t.http.post('/api/cod/transitions').set(as(u.director)).send({ to: 'active_restreint', reason: 'Débordements' }));
    await ok(await t.http.post('/api/cod/positions').set(as(u.operator)).send({ cellule: 'situation' }), 201);

    away.socket.disconnect();
    let changes = 0;
    const incidents: Incident[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await ok(
        await t.http.post('/api/incidents').set(as(u.operator)).send({
          crisisId: crisis.id,
          title: `Inondation secteur ${i}`,
          kind: 'inondation',
          severity: i % 4 === 0 ? 'grave' : 'moyenne',
          location: { type: 'Point', coordinates: [3.08 + i * 0.01, 45.77 + i * 0.005] },
          counters: { evacues: 10, heberges: 4 },
        }),
        201,
      );
      incidents.push(res as unknown as Incident);
      changes++;
    }
    for (const incident of incidents.slice(0, 10)) {
      await ok(await t.http.patch(`/api/incidents/${incident.id}`).set(as(u.operator)).send({ version: incident.version, status: 'en_cours', counters: { evacues: 25, heberges: 12 } }));
      changes++;
    }
    const feature = await ok(
      await t.http.post(`/api/crises/${crisis.id}/features`).set(as(u.operator)).send({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [[[3.07, 45.77], [3.1, 45.77], [3.1, 45.79], [3.07, 45.79], [3.07, 45.77]]] },
        properties: { kind: 'zone_evacuation', label: 'Zone d’évacuation quartier Nord' },
      }),
      201,
    );
    expect((feature.affectedCommunes as { insee: string }[]).map((c) => c.insee)).toContain('63113');
    changes++;
    const taskIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const task = await ok(
        await t.http.post('/api/tasks').set(as(u.operator)).send({ crisisId: crisis.id, serviceId: sdisId, title: `Reconnaissance digue ${i}`, priority: 'haute' }),
        201,
      );
      taskIds.push(task.id as string);
      changes++;
    }
    for (const id of taskIds) {
      for (const to of ['acknowledged', 'in_progress', 'done']) {
        await ok(await t.http.post(`/api/tasks/${id}/transitions`).set(as(u.liaison)).send({ to }));
        changes++;
      }
    }
    let promoted = '';
    while (changes < 200) {
      const entry = await ok(
        await t.http.post(`/api/crises/${crisis.id}/logbook`).set(as(u.operator)).send({ text: `Point ${changes} : niveau de l’Allier stable`, category: 'information', cellule: 'situation' }),
        201,
      );
      promoted ||= entry.id as string;
      changes++;
    }
    await ok(await t.http.post(`/api/logbook/${promoted}/promote`).set(as(u.operator)), 201);

    await away.reconnect();
    await new Promise((r) => setTimeout(r, 500)); // the live console's last events
    const fresh = await load(t, u.viewer, crisis.id);
    expect(normalise(away.picture)).toEqual(normalise(fresh));
    expect(normalise(live.picture)).toEqual(normalise(await load(t, u.operator, crisis.id)));
    expect(fresh.incidents.size).toBe(20);
    expect(fresh.tasks.size).toBe(10);

    const summary = await ok(await t.http.get(`/api/crises/${crisis.id}/summary`).set(as(u.director)));
    expect(summary.bilan).toMatchObject({ evacues: 10 * 25 + 10 * 10, heberges: 10 * 12 + 10 * 4, decedes: 0 });
    expect(summary.incidentsByStatus).toEqual({ signale: 10, en_cours: 10, maitrise: 0, clos: 0 });
    expect(summary).toMatchObject({ openTasks: 0, overdueTasks: 0, crisis: { exercise: true } });
    expect((summary.lastSituationPoint as LogbookEntry).id).toBe(promoted);
    expect((summary.lastEntries as LogbookEntry[]).length).toBe(10);

    await ok(await t.http.post('/api/cod/transitions').set(as(u.director)).send({ to: 'veille', reason: 'Fin de l’exercice' }));
    const verify = await ok(await t.http.get(`/api/crises/${crisis.id}/logbook/verify`).set(as(u.viewer)));
    expect(verify).toMatchObject({ valid: true });
    expect(verify.entries).toBeGreaterThan(60);
    expect([...fresh.entries.values()].every((e) => e.exercise)).toBe(true);
  }, 120_000);
});
