import type {
  Aire,
  GrandPassage,
  MapData,
  SchemaSummary,
  Settlement,
  WeeklyBriefing,
} from '../server/src/contracts/travellers';
import { pdfText } from './support/pdf';
import { startTestApp, TestApp } from './support/test-app';

type User = { id: string; token: string };

/** Gens du voyage over HTTP, on a real database: schéma, aires, grands passages, procedure. */
describe('travellers (gens du voyage)', () => {
  let t: TestApp;
  let staff: User;
  let director: User;
  let viewer: User;
  let agp: Aire;

  const as = (user: User) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${user.token}`),
    post: (path: string, body: object) =>
      t.http.post(path).set('Authorization', `Bearer ${user.token}`).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(path).set('Authorization', `Bearer ${user.token}`).send(body),
    put: (path: string, body: object) =>
      t.http.put(path).set('Authorization', `Bearer ${user.token}`).send(body),
  });
  const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWithToken(['cabinet_staff']);
    director = await t.userWithToken(['director']);
    viewer = await t.userWithToken(['viewer']);
    const res = await as(staff).post('/api/travellers/aires', {
      name: 'Aire de grand passage de Riom',
      kind: 'grand_passage',
      communeInsee: '63300',
      location: [3.13, 45.9],
      capacity: 200,
      surfaceHa: 4.2,
    });
    expect(res.status).toBe(201);
    agp = res.body as Aire;
    // the EPCI comes from the territorial reference
    expect(agp.epciSiren).toBe('200070753');
  });
  afterAll(() => t?.close());

  it('lets the director read but not write, and refuses other roles', async () => {
    expect((await as(director).get('/api/travellers/aires')).status).toBe(200);
    const write = await as(director).post('/api/travellers/aires', { name: 'x' });
    expect(write.status).toBe(403);
    expect((await as(viewer).get('/api/travellers/settlements')).status).toBe(403);
    expect((await t.http.get('/api/travellers/map')).status).toBe(401);
  });

  it('rejects invalid input with every problem listed, and writes nothing', async () => {
    const res = await as(staff).post('/api/travellers/aires', {
      name: '',
      kind: 'camping',
      communeInsee: '6311',
      epciSiren: '12',
      location: [12, 80],
      capacity: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation');
    const paths = (res.body.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'kind',
        'communeInsee',
        'epciSiren',
        'location.0',
        'capacity',
      ]),
    );
    const unknownCommune = await as(staff).post('/api/travellers/aires', {
      name: 'Aire fantôme',
      kind: 'permanente',
      communeInsee: '75056',
      location: [3.1, 45.8],
      capacity: 20,
    });
    expect(unknownCommune.status).toBe(400);
    expect(unknownCommune.body.details).toEqual([
      { path: 'communeInsee', message: 'not a Puy-de-Dôme commune' },
    ]);
    const aires = (await as(staff).get('/api/travellers/aires')).body as Aire[];
    expect(aires.map((a) => a.name)).toEqual(['Aire de grand passage de Riom']);
  });

  it('computes the schéma completion from the aires built in each EPCI', async () => {
    const unknown = await as(staff).put('/api/travellers/schema/prescriptions', {
      epciSiren: '999999999',
      kind: 'grand_passage',
      placesPrescribed: 250,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([
      { path: 'epciSiren', message: 'not an EPCI of the Puy-de-Dôme' },
    ]);
    const put = await as(staff).put('/api/travellers/schema/prescriptions', {
      epciSiren: '200070753',
      kind: 'grand_passage',
      placesPrescribed: 250,
    });
    expect(put.status).toBe(200);
    const row = (put.body as SchemaSummary).prescriptions.find((p) => p.epciSiren === '200070753');
    expect(row).toMatchObject({
      epciName: 'CA Riom Limagne et Volcans',
      placesPrescribed: 250,
      placesBuilt: 200,
      completion: 0.8,
    });
  });

  it('records monthly occupancy and refuses more than the capacity', async () => {
    const aire = (
      await as(staff).post('/api/travellers/aires', {
        name: 'Aire d’accueil de Thiers',
        kind: 'permanente',
        communeInsee: '63430',
        location: [3.55, 45.85],
        capacity: 20,
      })
    ).body as Aire;
    const ok = await as(staff).put(`/api/travellers/aires/${aire.id}/occupancy/2026-07`, {
      occupiedPlaces: 15,
      households: 9,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.months['2026-07']).toEqual({ occupiedPlaces: 15, households: 9, rate: 0.75 });
    const over = await as(staff).put(`/api/travellers/aires/${aire.id}/occupancy/2026-08`, {
      occupiedPlaces: 21,
    });
    expect(over.status).toBe(400);
    const badMonth = await as(staff).put(`/api/travellers/aires/${aire.id}/occupancy/2026-13`, {
      occupiedPlaces: 1,
    });
    expect(badMonth.status).toBe(400);
  });

  describe('grands passages', () => {
    const passage = (over: Partial<GrandPassage> = {}) => ({
      groupName: 'Mission évangélique Vie et Lumière',
      leaderName: 'M. Pascal Weiss',
      caravansAnnounced: 180,
      arrival: '2027-06-06',
      departure: '2027-06-13',
      aireId: agp.id,
      noticeReceivedOn: '2027-02-01',
      mayorInformedOn: '2027-03-15',
      conventionSigned: true,
      ...over,
    });

    it('detects an overlapping booking on one aire and allows a same-day handover', async () => {
      const first = await as(staff).post('/api/travellers/grand-passages', passage());
      expect(first.status).toBe(201);
      expect(first.body.warnings).toEqual([]);

      const clash = await as(staff).post(
        '/api/travellers/grand-passages',
        passage({
          groupName: 'Groupe familial Reinhardt',
          arrival: '2027-06-12',
          departure: '2027-06-20',
        }),
      );
      expect(clash.status).toBe(409);
      expect(clash.body).toMatchObject({
        code: 'conflict',
        details: [
          {
            path: 'aireId',
            message: 'Mission évangélique Vie et Lumière: 2027-06-06 → 2027-06-13',
          },
        ],
      });

      const handover = await as(staff).post(
        '/api/travellers/grand-passages',
        passage({
          groupName: 'Groupe familial Reinhardt',
          arrival: '2027-06-13',
          departure: '2027-06-20',
        }),
      );
      expect(handover.status).toBe(201);

      // moving the first stay onto the second one is refused too; cancelling it frees the days
      const moved = await as(staff).patch(`/api/travellers/grand-passages/${first.body.id}`, {
        version: 1,
        departure: '2027-06-15',
      });
      expect(moved.status).toBe(409);
      const cancelled = await as(staff).patch(`/api/travellers/grand-passages/${first.body.id}`, {
        version: 1,
        status: 'annule',
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.version).toBe(2);
      const stale = await as(staff).patch(`/api/travellers/grand-passages/${first.body.id}`, {
        version: 1,
        notes: 'x',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
    });

    it('warns on late notices (3 months / 2 months) across month ends', async () => {
      const res = await as(staff).post(
        '/api/travellers/grand-passages',
        passage({
          groupName: 'Convention Ouest',
          arrival: '2027-05-31',
          departure: '2027-06-06',
          noticeReceivedOn: '2027-03-01', // due by 28 February 2027
          mayorInformedOn: '2027-04-01', // due by 31 March 2027
          caravansAnnounced: 230,
          conventionSigned: false,
        }),
      );
      expect(res.status).toBe(201);
      expect((res.body as GrandPassage).warnings.map((w) => w.code)).toEqual([
        'late_notice',
        'late_mayor_information',
        'over_capacity',
        'convention_missing',
      ]);
      expect(res.body.warnings[0].message).toContain('28/02/2027');
      const list = (await as(director).get('/api/travellers/grand-passages?year=2027'))
        .body as GrandPassage[];
      expect(list.map((p) => p.groupName)).toContain('Convention Ouest');
    });
  });

  describe('unlawful-settlement procedure', () => {
    let s: Settlement;
    const act = (body: object) =>
      as(staff).post(`/api/travellers/settlements/${s.id}/actions`, {
        version: s.version,
        ...body,
      });

    it('refuses a mise en demeure without its recorded preconditions', async () => {
      const created = await as(staff).post('/api/travellers/settlements', {
        communeInsee: '63113',
        place: 'Parking du stade Gabriel-Montpied',
        landKind: 'public',
        caravans: 35,
        observedAt: hoursFromNow(-3),
      });
      expect(created.status).toBe(201);
      s = created.body as Settlement;
      expect(s.reference).toMatch(/^GDV-\d{4}-001$/);
      expect(s.nextActions).toEqual(['record_request', 'close']);

      const notice = {
        action: 'issue_formal_notice',
        noticeNumber: 'MD-63-2026-001',
        notifiedAt: hoursFromNow(-1),
        delayHours: 24,
        postedAtMairie: true,
        postedOnSite: true,
      };
      // not even the request yet: wrong step
      const early = await act(notice);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('invalid_transition');

      const request = await act({
        action: 'record_request',
        requester: 'maire',
        requesterName: 'Le maire de Clermont-Ferrand',
        requestReceivedAt: hoursFromNow(-2),
      });
      expect(request.status).toBe(200);
      s = request.body;
      expect(s.status).toBe('demande_recue');

      const refused = await act(notice);
      expect(refused.status).toBe(409);
      expect((refused.body.details as { path: string }[]).map((d) => d.path)).toEqual([
        'preconditions.ban_order',
        'preconditions.compliance',
        'preconditions.harm',
      ]);
      const unchanged = (await as(staff).get(`/api/travellers/settlements/${s.id}`))
        .body as Settlement;
      expect(unchanged).toMatchObject({
        status: 'demande_recue',
        version: s.version,
        noticeNumber: null,
      });

      // the document cannot be printed before the notice either
      const doc = await as(staff).get(
        `/api/travellers/settlements/${s.id}/documents/mise-en-demeure.pdf`,
      );
      expect(doc.status).toBe(409);
    });

    it('enforces the ≥ 24 h delay, then computes the deadline and the 7-day window', async () => {
      const completed = await as(staff).patch(`/api/travellers/settlements/${s.id}`, {
        version: s.version,
        banOrderNumber: 'AM-2024-118',
        banOrderDate: '2024-03-12',
        compliance: 'conforme',
        complianceNote:
          'Clermont Auvergne Métropole : aires permanentes réalisées (schéma 2023-2028)',
        harmKinds: ['salubrite', 'securite'],
        harmFacts: 'Branchements sauvages sur le réseau d’eau, accès pompiers obstrué',
      });
      expect(completed.status).toBe(200);
      s = completed.body;
      expect(s.preconditions.every((p) => p.met)).toBe(true);

      const notifiedAt = hoursFromNow(-1);
      const short = await act({
        action: 'issue_formal_notice',
        noticeNumber: 'MD-63-2026-001',
        notifiedAt,
        delayHours: 12,
        postedAtMairie: true,
        postedOnSite: true,
      });
      expect(short.status).toBe(400);
      expect(short.body.details).toEqual([
        { path: 'delayHours', message: 'must be at least 24 hours' },
      ]);

      const issued = await act({
        action: 'issue_formal_notice',
        noticeNumber: 'MD-63-2026-001',
        notifiedAt,
        delayHours: 24,
        postedAtMairie: true,
        postedOnSite: true,
      });
      expect(issued.status).toBe(200);
      s = issued.body;
      expect(s.status).toBe('mise_en_demeure');
      expect(Date.parse(s.executionDeadline!) - Date.parse(notifiedAt)).toBe(24 * 3_600_000);
      expect(s.reuseUntil).not.toBeNull();
      expect(s.nextActions).toEqual(['file_appeal', 'evict', 'close']);

      const pdf = await as(director)
        .get(`/api/travellers/settlements/${s.id}/documents/mise-en-demeure.pdf`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
      expect(text).toContain('portant mise en demeure de quitter les lieux');
      expect(text).toContain('Parking du stade Gabriel-Montpied, commune de Clermont-Ferrand');
      expect(text).toContain('dans un délai de 24 heures');
      expect(text).toContain('AM-2024-118');
    });

    it('blocks eviction before the deadline and while an appeal is pending', async () => {
      const tooEarly = await act({ action: 'evict', at: hoursFromNow(0), means: 'Gendarmerie' });
      expect(tooEarly.status).toBe(409);

      const appeal = await act({ action: 'file_appeal', filedAt: hoursFromNow(0) });
      expect(appeal.status).toBe(200);
      s = appeal.body;
      expect(s.status).toBe('recours_pendant');
      expect(Date.parse(s.appealRulingDeadline!) - Date.parse(s.appealFiledAt!)).toBe(
        48 * 3_600_000,
      );

      const blocked = await act({ action: 'evict', at: hoursFromNow(30), means: 'Gendarmerie' });
      expect(blocked.status).toBe(409);
      expect(blocked.body.message).toContain('appeal is pending');
      const doc = await as(staff).get(
        `/api/travellers/settlements/${s.id}/documents/evacuation.pdf`,
      );
      expect(doc.status).toBe(409);
      expect(doc.body.details).toEqual([
        { path: 'status', message: 'an appeal is pending: eviction is blocked' },
      ]);

      const ruling = await act({
        action: 'record_ruling',
        decidedAt: hoursFromNow(1),
        outcome: 'rejete',
      });
      expect(ruling.status).toBe(200);
      s = ruling.body;
      expect(s.status).toBe('mise_en_demeure');
      // the appeal is rejected but the execution delay still runs: no eviction order yet
      const early = await as(staff).get(
        `/api/travellers/settlements/${s.id}/documents/evacuation.pdf`,
      );
      expect(early.status).toBe(409);
      expect((early.body.details as { path: string }[])[0].path).toBe('executionDeadline');

      const evicted = await act({
        action: 'evict',
        at: hoursFromNow(30),
        means: 'Gendarmerie, deux pelotons',
      });
      expect(evicted.status).toBe(200);
      s = evicted.body;
      expect(s.status).toBe('evacue');
      expect(s.history.map((h) => h.action)).toEqual([
        'created',
        'record_request',
        'updated',
        'issue_formal_notice',
        'file_appeal',
        'record_ruling',
        'evict',
      ]);
      expect(s.history.every((h) => h.byName === 'Test cabinet_staff')).toBe(true);
      const order = await as(staff)
        .get(`/api/travellers/settlements/${s.id}/documents/evacuation.pdf`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(order.status).toBe(200);
      const text = (await pdfText(order.body as Buffer)).replace(/\s+/g, ' ');
      expect(text).toContain('portant évacuation forcée');
      expect(text).toContain('le recours formé contre elle a été rejeté');
      // Clermont-Ferrand is in the police zone: the competent force comes from the territorial reference
      expect(text).toContain('Le directeur interdépartemental de la police nationale');
      expect(text).toContain('unité territorialement compétente');
    });

    it('offers the earlier notice to a new settlement in the same commune within 7 days', async () => {
      const again = await as(staff).post('/api/travellers/settlements', {
        communeInsee: '63113',
        place: 'Zone du Brézet, rue Marcel-Paul',
        landKind: 'prive',
        landOwner: 'SCI du Brézet',
        caravans: 30,
        observedAt: hoursFromNow(0),
      });
      expect(again.status).toBe(201);
      expect(again.body.reference).toMatch(/^GDV-\d{4}-002$/);
      expect(again.body.applicableNotices).toEqual([
        { id: s.id, reference: s.reference, reuseUntil: s.reuseUntil },
      ]);
      expect(again.body.nextActions).toContain('reuse_formal_notice');
      const reused = await as(staff).post(`/api/travellers/settlements/${again.body.id}/actions`, {
        action: 'reuse_formal_notice',
        version: again.body.version,
        priorSettlementId: s.id,
        at: hoursFromNow(0),
      });
      expect(reused.status).toBe(200);
      expect(reused.body).toMatchObject({
        status: 'mise_en_demeure',
        noticeNumber: 'MD-63-2026-001',
        priorSettlementId: s.id,
      });

      const map = (await as(director).get('/api/travellers/map')).body as MapData;
      expect(map.settlements.map((x) => x.id)).toEqual([again.body.id]);
      expect(map.aires.length).toBeGreaterThan(0);
    });

    it('refuses a malformed action with the list of problems', async () => {
      const res = await as(staff).post(`/api/travellers/settlements/${s.id}/actions`, {
        action: 'issue_formal_notice',
        version: 'x',
      });
      expect(res.status).toBe(400);
      expect((res.body.details as { path: string }[]).map((d) => d.path)).toEqual(
        expect.arrayContaining(['version', 'noticeNumber', 'notifiedAt', 'delayHours']),
      );
    });
  });

  it('produces the weekly briefing as JSON and PDF for the director', async () => {
    const json = await as(director).get('/api/travellers/briefing?date=2027-06-09');
    expect(json.status).toBe(200);
    const b = json.body as WeeklyBriefing;
    expect(b).toMatchObject({ weekStart: '2027-06-07', weekEnd: '2027-06-13' });
    // the cancelled stay is gone; the handover group arrives on Sunday 13 June
    expect(b.passagesThisWeek.map((p) => p.groupName)).toEqual(['Groupe familial Reinhardt']);
    expect(b.openSettlements).toHaveLength(1);
    expect((await as(director).get('/api/travellers/briefing?date=2027-13-01')).status).toBe(400);

    const pdf = await as(director)
      .get('/api/travellers/briefing.pdf?date=2027-06-09')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('Semaine du 07/06/2027 au 13/06/2027');
    expect(text).toContain('Groupe familial Reinhardt');
    expect(text).toContain('Stationnements illicites en cours');
  });
});
