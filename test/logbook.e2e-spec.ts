import { Client } from 'pg';
import type { Response } from 'superagent';
import { DataSource } from 'typeorm';
import type { Crisis, LogbookEntry, LogbookVerifyResult } from '../server/src/contracts/crisis';
import type { Role } from '../server/src/contracts/roles';
import type { StateEvent } from '../server/src/contracts/realtime';
import { TransactionRunner } from '../server/src/database/transaction';
import { Service } from '../server/src/directory/service.entity';
import { entryHash, GENESIS_HASH } from '../server/src/logbook/chain';
import { LogbookService } from '../server/src/logbook/logbook.service';
import { OutboxRelay } from '../server/src/realtime/outbox-relay';
import { connected, nextEvent, startTestApp, TestApp } from './support/test-app';
import { pdfText } from './support/pdf';

type User = { id: string; token: string };
type Appended = LogbookEntry & { seq: number };

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Reads a download as bytes, whatever its content type. */
function bytes(res: Response, done: (err: Error | null, body: Buffer) => void) {
  // at parse time superagent hands over the raw response stream
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('main courante', () => {
  let t: TestApp;
  let ds: DataSource;
  let operator: User;
  let director: User;
  let viewer: User;
  let liaison: User;
  let press: User;
  let crisis: Crisis;

  const as = (user: User) => ({
    get: (url: string) => t.http.get(url).set('Authorization', `Bearer ${user.token}`),
    post: (url: string, body: object = {}) =>
      t.http.post(url).set('Authorization', `Bearer ${user.token}`).send(body),
  });
  const newCrisis = async (title: string, exercise = false): Promise<Crisis> => {
    const res = await as(operator).post('/api/crises', { title, kind: 'inondation', exercise });
    expect(res.status).toBe(201);
    return res.body as Crisis;
  };
  const append = async (crisisId: string, body: object, by: User = operator): Promise<Appended> => {
    const res = await as(by).post(`/api/crises/${crisisId}/logbook`, {
      category: 'information',
      cellule: 'situation',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as Appended;
  };
  const verify = async (crisisId: string) => {
    const res = await as(viewer).get(`/api/crises/${crisisId}/logbook/verify`);
    expect(res.status).toBe(200);
    return res.body as LogbookVerifyResult;
  };
  const list = async (crisisId: string, query = '') => {
    const res = await as(viewer).get(`/api/crises/${crisisId}/logbook${query}`);
    expect(res.status).toBe(200);
    return res.body as { data: LogbookEntry[]; seq: number };
  };
  /** Runs SQL as the database superuser with the table's triggers off, as an intruder would. */
  const tamper = async (sql: string, params: unknown[] = []) => {
    const pg = new Client({ connectionString: t.config.DATABASE_URL! });
    await pg.connect();
    try {
      await pg.query('BEGIN');
      await pg.query('ALTER TABLE logbook_entry DISABLE TRIGGER ALL');
      await pg.query(sql, params);
      await pg.query('ALTER TABLE logbook_entry ENABLE TRIGGER ALL');
      await pg.query('COMMIT');
    } finally {
      await pg.end();
    }
  };
  const entriesOf = async (label: string, n: number) => {
    const c = await newCrisis(`Main courante ${label}`);
    const out: Appended[] = [];
    for (let i = 1; i <= n; i++) out.push(await append(c.id, { text: `Entrée ${i}` }));
    return { crisis: c, entries: out };
  };

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    const service = await ds
      .getRepository(Service)
      .save({ code: 'T-LOG-SDIS', name: 'SDIS 63', kind: 'secours' });
    const user = (roles: Role[], serviceId?: string) => t.userWithToken(roles, { serviceId });
    [operator, director, viewer, liaison, press] = await Promise.all([
      user(['cod_operator']),
      user(['director']),
      user(['viewer']),
      user(['service_liaison'], service.id),
      user(['press']),
    ]);
    crisis = await newCrisis('Crue de l’Allier');
    // the relay leads as soon as it has taken the advisory lock
    for (let i = 0; i < 50 && !t.app.get(OutboxRelay).isLeader; i++)
      await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => t.close());

  it('appends with the chain fields and pushes logbook.appended with the same seq', async () => {
    const socket = t.socket(viewer.token);
    await connected(socket);
    const c = await newCrisis('Feu de forêt du Sancy');
    const pushed = nextEvent<StateEvent<'logbook.appended'>>(socket, 'logbook.appended');
    const res = await as(operator).post(`/api/crises/${c.id}/logbook`, {
      text: '  Ouverture de la main courante  ',
      category: 'decision',
      cellule: 'direction',
      occurredAt: '2026-07-14T09:30:00.250+02:00',
    });
    expect(res.status).toBe(201);
    const first = res.body as Appended;
    expect(first).toEqual({
      id: expect.any(String),
      seq: expect.any(Number),
      crisisId: c.id,
      index: 1,
      text: 'Ouverture de la main courante',
      category: 'decision',
      cellule: 'direction',
      authorId: operator.id,
      authorName: 'Test cod_operator',
      recordedAt: expect.any(String),
      occurredAt: '2026-07-14T07:30:00.250Z',
      incidentId: null,
      taskId: null,
      correctsEntryId: null,
      source: 'user',
      exercise: false,
      prevHash: GENESIS_HASH,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      promotedAt: null,
      promotedBy: null,
    });
    // the server's clock, not the client's
    expect(Math.abs(Date.parse(first.recordedAt) - Date.now())).toBeLessThan(10_000);
    const { seq, ...entry } = first;
    expect(await pushed).toEqual({ ...entry, seq, at: expect.any(String) });
    // the hash is the documented one, recomputable by anyone
    expect(first.hash).toBe(entryHash(GENESIS_HASH, first));

    const second = await append(
      c.id,
      { text: 'Point SDIS', cellule: 'liaison:SDIS63', incidentId: NO_SUCH_ID },
      liaison,
    );
    expect(second).toMatchObject({
      index: 2,
      prevHash: first.hash,
      incidentId: NO_SUCH_ID,
      authorId: liaison.id,
    });
    expect(second.seq).toBeGreaterThan(first.seq);
    const read = await list(c.id);
    expect(read.data.map((e) => e.id)).toEqual([first.id, second.id]);
    expect(read.data[0]).toEqual(entry);
    expect(read.seq).toBeGreaterThanOrEqual(second.seq);
    expect(await verify(c.id)).toEqual({ valid: true, entries: 2, lastHash: second.hash });
  });

  it('refuses readers, bad input and unknown crises', async () => {
    const body = { text: 'x', category: 'information', cellule: 'situation' };
    const url = `/api/crises/${crisis.id}/logbook`;
    const denied = await as(viewer).post(url, body);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');

    const bad = await as(operator).post(url, {
      text: '   ',
      category: 'rumeur',
      cellule: 'cuisine',
      occurredAt: 'hier',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation');
    expect((bad.body.details as { path: string }[]).map((d) => d.path).sort()).toEqual(
      ['', 'category', 'cellule', 'occurredAt', 'text'].sort(),
    );
    expect((await as(operator).post(url, { ...body, correctsEntryId: 'nope' })).status).toBe(400);

    for (const res of [
      await as(operator).post(`/api/crises/${NO_SUCH_ID}/logbook`, body),
      await as(viewer).get(`/api/crises/${NO_SUCH_ID}/logbook`),
      await as(viewer).get(`/api/crises/${NO_SUCH_ID}/logbook/verify`),
      await as(viewer).get(`/api/crises/${NO_SUCH_ID}/logbook/export.csv`),
      await as(viewer).get(`/api/crises/${NO_SUCH_ID}/logbook/export.pdf`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await as(operator).post('/api/crises/not-a-uuid/logbook', body)).status).toBe(400);
    // nothing was written by the refused requests
    expect((await list(crisis.id)).data).toEqual([]);
  });

  it('has no route to change or remove an entry', async () => {
    const entry = await append(crisis.id, { text: 'Immuable' });
    for (const method of ['put', 'patch', 'delete'] as const) {
      for (const url of [
        `/api/crises/${crisis.id}/logbook/${entry.id}`,
        `/api/logbook/${entry.id}`,
      ]) {
        const res = await t.http[method](url)
          .set('Authorization', `Bearer ${director.token}`)
          .send({ text: 'changé' });
        expect(res.status).toBe(404);
      }
    }
  });

  it('forms one chain from 8 writers appending 1,000 entries concurrently', async () => {
    const c = await newCrisis('Neige sur la chaîne des Puys');
    const writers = await Promise.all(
      (
        [
          'cod_operator',
          'sidpc',
          'director',
          'admin',
          'cod_operator',
          'press',
          'sidpc',
          'cod_operator',
        ] as Role[]
      ).map((r) => t.userWithToken([r])),
    );
    const written = await Promise.all(
      writers.map(async (w, k) => {
        const mine: Appended[] = [];
        for (let i = 0; i < 125; i++)
          mine.push(await append(c.id, { text: `Rédacteur ${k} — entrée ${i}` }, w));
        return mine;
      }),
    );

    const { data } = await list(c.id, '?limit=1000');
    expect(await verify(c.id)).toEqual({ valid: true, entries: 1000, lastHash: data[999].hash });
    expect(data.map((e) => e.index)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    // the writers really were interleaved
    expect(
      data.filter((e, i) => i > 0 && e.authorId !== data[i - 1].authorId).length,
    ).toBeGreaterThan(100);
    data.forEach((e, i) => {
      expect(e.prevHash).toBe(i === 0 ? GENESIS_HASH : data[i - 1].hash);
      // time order is chain order
      if (i > 0)
        expect(Date.parse(e.recordedAt)).toBeGreaterThanOrEqual(Date.parse(data[i - 1].recordedAt));
    });
    // every writer's entries are in the chain, in the order that writer wrote them
    written.forEach((mine, k) => {
      const indexes = mine.map((e) => e.index);
      expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
      expect(
        data.filter((e) => e.authorId === writers[k].id && e.text.startsWith(`Rédacteur ${k} `)),
      ).toHaveLength(125);
    });
    // seq order is chain order too (one outbox event per append, committed in lock order)
    const bySeq = written.flat().sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((e) => e.index)).toEqual(data.map((e) => e.index));
  }, 120_000); // bound by the commit (fsync) rate of the machine; timings belong to npm run bench

  it('names the altered entry when any column of a row is changed with SQL', async () => {
    const { crisis: c, entries } = await entriesOf('altérée', 5);
    const target = entries[2];
    const changes: [string, string][] = [
      ['text', `text = text || '.'`],
      ['author_name', `author_name = 'Quelqu''un d''autre'`],
      ['author_id', `author_id = '${NO_SUCH_ID}'`],
      ['recorded_at', `recorded_at = recorded_at + interval '1 millisecond'`],
      ['occurred_at', `occurred_at = now()`],
      ['category', `category = 'decision'`],
      ['cellule', `cellule = 'direction'`],
      ['source', `source = 'system'`],
      ['exercise', `exercise = true`],
      ['incident_id', `incident_id = '${NO_SUCH_ID}'`],
      ['hash', `hash = md5(hash) || md5(hash)`],
      ['prev_hash', `prev_hash = md5(prev_hash) || md5(prev_hash)`],
    ];
    const [original] = (await ds.query('SELECT * FROM logbook_entry WHERE id = $1', [
      target.id,
    ])) as Record<string, unknown>[];
    for (const [column, set] of changes) {
      await tamper(`UPDATE logbook_entry SET ${set} WHERE id = $1`, [target.id]);
      const result = await verify(c.id);
      expect({ column, result }).toEqual({
        column,
        result: {
          valid: false,
          entries: 5,
          firstBrokenEntryId: target.id,
          index: 3,
          reason: column === 'prev_hash' ? 'prev_hash' : 'hash',
        },
      });
      await tamper(`UPDATE logbook_entry SET ${column} = $2 WHERE id = $1`, [
        target.id,
        original[column],
      ]);
      expect(await verify(c.id)).toMatchObject({ valid: true, entries: 5 });
    }

    // the first and the last entries are covered too
    for (const e of [entries[0], entries[4]]) {
      await tamper(`UPDATE logbook_entry SET text = 'réécrit' WHERE id = $1`, [e.id]);
      expect(await verify(c.id)).toMatchObject({
        valid: false,
        firstBrokenEntryId: e.id,
        reason: 'hash',
      });
      await tamper(`UPDATE logbook_entry SET text = $2 WHERE id = $1`, [e.id, e.text]);
    }

    // rewriting an entry and its hash breaks the next link
    const forged = { ...entries[1], text: 'Décision jamais prise' };
    await tamper('UPDATE logbook_entry SET text = $2, hash = $3 WHERE id = $1', [
      forged.id,
      forged.text,
      entryHash(forged.prevHash, forged),
    ]);
    expect(await verify(c.id)).toEqual({
      valid: false,
      entries: 5,
      firstBrokenEntryId: entries[2].id,
      index: 3,
      reason: 'prev_hash',
    });
  });

  it('names the entry after a deleted one, and a deleted last entry', async () => {
    const { crisis: c, entries } = await entriesOf('trouée', 5);
    await tamper('DELETE FROM logbook_entry WHERE id = $1', [entries[2].id]);
    expect(await verify(c.id)).toEqual({
      valid: false,
      entries: 4,
      firstBrokenEntryId: entries[3].id,
      index: 4,
      reason: 'index',
    });

    const tail = await entriesOf('tronquée', 4);
    await tamper('DELETE FROM logbook_entry WHERE id = $1', [tail.entries[3].id]);
    expect(await verify(tail.crisis.id)).toEqual({
      valid: false,
      entries: 3,
      firstBrokenEntryId: tail.entries[3].id,
      index: 4,
      reason: 'truncated',
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    const entry = await append(crisis.id, { text: 'Protégée' });
    await expect(
      ds.query(`UPDATE logbook_entry SET text = 'x' WHERE id = $1`, [entry.id]),
    ).rejects.toThrow('logbook_entry is append-only');
    await expect(ds.query('DELETE FROM logbook_entry WHERE id = $1', [entry.id])).rejects.toThrow(
      'logbook_entry is append-only',
    );
    await expect(ds.query('TRUNCATE logbook_entry CASCADE')).rejects.toThrow(
      'logbook_entry is append-only',
    );
    const [row] = (await ds.query('SELECT text FROM logbook_entry WHERE id = $1', [entry.id])) as {
      text: string;
    }[];
    expect(row.text).toBe('Protégée');
  });

  it('records a correction as a new entry pointing to the corrected one, in the same crisis only', async () => {
    const c = await newCrisis('Accident de car A75');
    const wrong = await append(c.id, { text: '12 blessés' });
    const fix = await append(c.id, { text: 'Correction : 21 blessés', correctsEntryId: wrong.id });
    expect(fix).toMatchObject({ index: 2, correctsEntryId: wrong.id, prevHash: wrong.hash });
    expect((await list(c.id)).data.map((e) => e.text)).toEqual([
      '12 blessés',
      'Correction : 21 blessés',
    ]);

    const other = await append(crisis.id, { text: 'Ailleurs' });
    for (const correctsEntryId of [other.id, NO_SUCH_ID]) {
      const res = await as(operator).post(`/api/crises/${c.id}/logbook`, {
        text: 'Correction égarée',
        category: 'information',
        cellule: 'situation',
        correctsEntryId,
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { path: 'correctsEntryId', message: "not an entry of this crisis' main courante" },
      ]);
    }
    expect(await verify(c.id)).toMatchObject({ valid: true, entries: 2 });
  });

  it('promotes an entry to the situation feed once, without changing it', async () => {
    const socket = t.socket(viewer.token);
    await connected(socket);
    const c = await newCrisis('Pollution de la Dore');
    const a = await append(c.id, {
      text: 'Nappe d’hydrocarbures à Thiers',
      category: 'information',
    });
    const b = await append(c.id, {
      text: 'Barrage flottant posé',
      category: 'action',
      cellule: 'operations',
    });

    expect((await as(liaison).post(`/api/logbook/${a.id}/promote`)).status).toBe(403);
    expect((await as(press).post(`/api/logbook/${a.id}/promote`)).status).toBe(403);
    expect((await as(director).post(`/api/logbook/${NO_SUCH_ID}/promote`)).status).toBe(404);

    const pushed = nextEvent<StateEvent<'logbook.promoted'>>(socket, 'logbook.promoted');
    const res = await as(director).post(`/api/logbook/${a.id}/promote`);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      entryId: a.id,
      crisisId: c.id,
      promotedAt: expect.any(String),
      promotedBy: director.id,
      seq: expect.any(Number),
    });
    expect(await pushed).toMatchObject({ entryId: a.id, seq: res.body.seq });

    const again = await as(operator).post(`/api/logbook/${a.id}/promote`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');

    const { seq: _seq, ...entryA } = a;
    expect((await list(c.id, '?promoted=true')).data).toEqual([
      { ...entryA, promotedAt: res.body.promotedAt, promotedBy: director.id },
    ]);
    expect((await list(c.id, '?promoted=false')).data.map((e) => e.id)).toEqual([b.id]);
    // the entry and the chain are untouched
    expect(await verify(c.id)).toEqual({ valid: true, entries: 2, lastHash: b.hash });
  });

  it('filters and pages the list, and validates the query', async () => {
    const c = await newCrisis('Canicule');
    const e1 = await append(c.id, { text: 'un', category: 'information', cellule: 'situation' });
    const e2 = await append(c.id, { text: 'deux', category: 'decision', cellule: 'direction' });
    const e3 = await append(
      c.id,
      { text: 'trois', category: 'decision', cellule: 'liaison:ARS' },
      liaison,
    );
    const ids = async (q: string) => (await list(c.id, q)).data.map((e) => e.id);
    expect(await ids('?category=decision')).toEqual([e2.id, e3.id]);
    expect(await ids('?cellule=liaison:ARS')).toEqual([e3.id]);
    expect(await ids('?since=1')).toEqual([e2.id, e3.id]);
    expect(await ids('?since=1&limit=1')).toEqual([e2.id]);
    expect(await ids('?limit=2')).toEqual([e1.id, e2.id]);
    for (const q of [
      '?limit=1001',
      '?limit=0',
      '?since=-1',
      '?since=99999999999',
      '?promoted=oui',
      '?category=rumeur',
      '?cellule=cave',
      '?foo=1',
    ]) {
      const res = await as(viewer).get(`/api/crises/${c.id}/logbook${q}`);
      expect({ q, status: res.status, code: res.body.code }).toEqual({
        q,
        status: 400,
        code: 'validation',
      });
    }
  });

  it('appends inside a caller transaction: system entries, names looked up, rolled back with the caller', async () => {
    const c = await newCrisis('Séisme (exercice)', true);
    const runner = t.app.get(TransactionRunner);
    const logbook = t.app.get(LogbookService);
    const system = await runner.run((tx) =>
      logbook.appendIn(
        tx,
        c.id,
        { text: 'COD activé', category: 'decision', cellule: 'direction', source: 'system' },
        { id: null },
      ),
    );
    expect(system).toMatchObject({
      index: 1,
      source: 'system',
      authorId: null,
      authorName: 'Vigie',
      exercise: true,
    });
    const looked = await runner.run((tx) =>
      logbook.appendIn(
        tx,
        c.id,
        { text: 'Tâche créée', category: 'action', cellule: 'operations' },
        { id: director.id },
      ),
    );
    expect(looked).toMatchObject({
      index: 2,
      source: 'user',
      authorName: 'Test director',
      prevHash: system.hash,
    });
    await expect(
      runner.run(async (tx) => {
        await logbook.appendIn(
          tx,
          c.id,
          { text: 'annulée', category: 'action', cellule: 'operations' },
          { id: null, name: 'X' },
        );
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    const next = await append(c.id, { text: 'après' });
    expect(next).toMatchObject({ index: 3, prevHash: looked.hash });
    expect(await verify(c.id)).toMatchObject({ valid: true, entries: 3 });
  });

  it('exports CSV with the EXERCICE banner and the final hash, and a PDF', async () => {
    const c = await newCrisis('Exercice NOVI Clermont', true);
    await append(c.id, { text: 'Début de l’exercice ; « jeu »' });
    const last = await append(c.id, { text: 'Fin', category: 'decision' });
    const lastHash = ((await verify(c.id)) as { lastHash: string }).lastHash;
    expect(lastHash).toBe(last.hash);

    const csv = await as(press)
      .get(`/api/crises/${c.id}/logbook/export.csv`)
      .buffer(true)
      .parse(bytes);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="main-courante-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const body = csv.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('EXERCICE');
    expect(lines[1]).toBe(
      "N°;Horodatage (serveur);Survenu à;Catégorie;Cellule;Auteur;Texte;Corrige l'entrée;Empreinte",
    );
    expect(lines[2]).toMatch(
      /^1;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2},\d{3};;Information;Cellule situation;Test cod_operator;"Début de l’exercice ; « jeu »";;[0-9a-f]{64}$/,
    );
    expect(lines.at(-1)).toBe(`Empreinte finale de la chaîne : ${lastHash}`);

    const real = await as(viewer)
      .get(`/api/crises/${crisis.id}/logbook/export.csv`)
      .buffer(true)
      .parse(bytes);
    expect((real.body as Buffer).toString('utf8').slice(1)).toMatch(/^N°;/);

    const pdf = await as(viewer)
      .get(`/api/crises/${c.id}/logbook/export.pdf`)
      .buffer(true)
      .parse(bytes);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /^attachment; filename="main-courante-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    expect(await pdfText(pdf.body as Buffer)).toContain(c.title);
  });
});
