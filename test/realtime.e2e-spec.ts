import { DataSource } from 'typeorm';
import type { StateEvent, SyncResponse } from '../server/src/contracts/realtime';
import { TransactionRunner, writeOutbox } from '../server/src/database/transaction';
import { OutboxRelay } from '../server/src/realtime/outbox-relay';
import { connected, nextEvent, startTestApp, TestApp, TestSocket } from './support/test-app';

type UserUpdated = StateEvent<'user.updated'>;

function sync(socket: TestSocket, since: number): Promise<SyncResponse> {
  return socket.timeout(5000).emitWithAck('sync', { since }) as Promise<SyncResponse>;
}

describe('realtime backbone', () => {
  let t: TestApp;
  let admin: { id: string; token: string };
  let tx: TransactionRunner;

  /** Records `n` events for everyone in one transaction, like a domain service would. */
  const writeEvents = (n: number, label: string) =>
    tx.run(async ({ emit }) => {
      for (let i = 0; i < n; i++) {
        emit('user.updated', { id: `${label}-${i}`, email: 'x@test.vigie', displayName: label, roles: [], disabled: false }, ['all']);
      }
    });

  const head = async (token: string) =>
    ((await t.http.get('/api/realtime/head').set('Authorization', `Bearer ${token}`)).body as { seq: number }).seq;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.userWithToken(['admin']);
    tx = t.app.get(TransactionRunner);
    // the relay leads as soon as it has taken the advisory lock
    for (let i = 0; i < 50 && !t.app.get(OutboxRelay).isLeader; i++) await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => t.close());

  it('refuses a connection without a valid token', async () => {
    for (const token of [undefined, 'garbage']) {
      const socket = t.socket(token);
      await expect(connected(socket)).rejects.toThrow('unauthorized');
    }
  });

  it('delivers an event written in a transaction with its seq, after commit', async () => {
    const viewer = await t.userWithToken(['viewer']);
    const socket = t.socket(viewer.token);
    await connected(socket);
    const start = await head(viewer.token);
    const received = nextEvent<UserUpdated>(socket, 'user.updated');
    await writeEvents(1, 'live');
    const event = await received;
    expect(event).toMatchObject({ id: 'live-0', displayName: 'live', seq: start + 1 });
    expect(new Date(event.at).toISOString()).toBe(event.at);
  });

  it('emits nothing for a rolled-back transaction', async () => {
    const viewer = await t.userWithToken(['viewer']);
    const socket = t.socket(viewer.token);
    await connected(socket);
    const seen: UserUpdated[] = [];
    socket.on('user.updated', (e) => seen.push(e));
    const before = { head: await head(viewer.token) };
    await expect(
      tx.run(async ({ emit }) => {
        emit('user.updated', { id: 'ghost', email: 'g@test.vigie', displayName: 'ghost', roles: [], disabled: false }, ['all']);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await writeEvents(1, 'after-rollback');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((e) => e.id)).toEqual(['after-rollback-0']);
    expect(seen[0].seq).toBe(before.head + 1); // the rolled-back transaction took no seq
  });

  it('replays exactly the 100 events a disconnected client missed, in order, once', async () => {
    const viewer = await t.userWithToken(['viewer']);
    const socket = t.socket(viewer.token);
    await connected(socket);
    const first = { head: await head(viewer.token) };
    socket.disconnect();
    for (let i = 0; i < 10; i++) await writeEvents(10, `batch${i}`);
    const again = t.socket(viewer.token);
    await connected(again);
    const response = await sync(again, first.head);
    if (!('events' in response)) throw new Error('unexpected reset');
    expect(response.events).toHaveLength(100);
    expect(response.events.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => first.head + 1 + i));
    expect(response.events[0]).toMatchObject({ type: 'user.updated', data: { id: 'batch0-0' } });
    expect(response.events[99].data).toMatchObject({ id: 'batch9-9' });
    expect(response).toMatchObject({ head: first.head + 100, more: false });
    // nothing more after the head
    expect(await sync(again, response.head)).toEqual({ events: [], head: response.head, more: false });
  });

  it('filters sync by audience and pages long replays', async () => {
    const viewer = await t.userWithToken(['viewer']);
    const socket = t.socket(viewer.token);
    await connected(socket);
    const start = await head(viewer.token);
    await tx.run(async ({ emit }) => {
      emit('user.updated', { id: 'secret', email: 's@test.vigie', displayName: 's', roles: [], disabled: false }, ['role:admin']);
      emit('user.updated', { id: 'mine', email: 'm@test.vigie', displayName: 'm', roles: [], disabled: false }, [`user:${viewer.id}`]);
    });
    const response = await sync(socket, start);
    expect('events' in response && response.events.map((e) => e.data)).toEqual([expect.objectContaining({ id: 'mine' })]);
    expect(response.head).toBe(start + 2);
    await writeEvents(600, 'many');
    const page = await sync(socket, start + 2);
    expect(page).toMatchObject({ more: true, head: start + 2 + 500 });
    expect('events' in page && page.events).toHaveLength(500);
    const rest = await sync(socket, page.head);
    expect(rest).toMatchObject({ more: false, head: start + 602 });
    expect('events' in rest && rest.events).toHaveLength(100);
    // a cursor from another database (ahead of the head) means refetch
    expect(await sync(socket, start + 10_000)).toEqual({ reset: true, head: start + 602 });
  });

  it('answers an invalid sync with an error, not a crash', async () => {
    const viewer = await t.userWithToken(['viewer']);
    const socket = t.socket(viewer.token);
    await connected(socket);
    const response = (await socket.timeout(5000).emitWithAck('sync', { since: -1 })) as unknown as {
      error: { code: string; details: { path: string }[] };
    };
    expect(response.error.code).toBe('validation');
    expect(response.error.details[0].path).toBe('since');
    expect(socket.connected).toBe(true);
  });

  it('never lets a reader see seq N+1 before seq N, whatever the commit order', async () => {
    const ds = t.app.get(DataSource);
    const viewer = await t.userWithToken(['viewer']);
    const socket = t.socket(viewer.token);
    await connected(socket);
    const start = await head(viewer.token);
    // A records its event first, then lingers before committing; B records and commits at
    // once. B must wait for A's counter lock, so A gets start+1, B start+2, and a reader
    // in between sees neither or A alone.
    let releaseA!: () => void;
    const aMayCommit = new Promise<void>((r) => (releaseA = r));
    let aRecorded!: () => void;
    const aHasSeq = new Promise<void>((r) => (aRecorded = r));
    const a = ds.transaction(async (manager) => {
      await writeOutbox(manager, [{ type: 'user.updated', data: { id: 'A' }, audience: ['all'] }]);
      aRecorded();
      await aMayCommit;
    });
    await aHasSeq;
    const b = tx.run(async ({ emit }) =>
      emit('user.updated', { id: 'B', email: 'b@test.vigie', displayName: 'B', roles: [], disabled: false }, ['all']),
    );
    let during: SyncResponse;
    try {
      await new Promise((r) => setTimeout(r, 200));
      during = await sync(socket, start);
    } finally {
      releaseA();
      await Promise.all([a, b]);
    }
    expect(during).toEqual({ events: [], head: start, more: false });
    const after = await sync(socket, start);
    expect('events' in after && after.events.map((e) => [e.seq, (e.data as { id: string }).id])).toEqual([
      [start + 1, 'A'],
      [start + 2, 'B'],
    ]);
  });

  it('disconnects the consoles of a user an admin disables', async () => {
    const victim = await t.userWithToken(['cod_operator']);
    const socket = t.socket(victim.token);
    await connected(socket);
    const gone = new Promise<string>((r) => socket.once('disconnect', (reason) => r(reason)));
    await t.http.patch(`/api/users/${victim.id}`).set('Authorization', `Bearer ${admin.token}`).send({ disabled: true });
    expect(await gone).toBe('io server disconnect');
    const retry = t.socket(victim.token);
    await expect(connected(retry)).rejects.toThrow('unauthorized');
  });
});
