import type { GrantApplication, GrantCall } from '../server/src/contracts/grants';
import type { ObligationReport, PreventionBody } from '../server/src/contracts/prevention';
import { DataSource } from 'typeorm';
import { seedDemoPrevention } from '../server/src/prevention/demo-prevention';
import { seedDemoRoadSafety } from '../server/src/road-safety/demo-road-safety';
import { startTestApp, TestApp } from './support/test-app';

type User = { token: string };

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86400_000).toISOString().slice(0, 10);
const inDays = (offsetDays: number) => new Date(Date.now() + offsetDays * 86400_000).toISOString();

describe('prevention and the call-for-projects engine', () => {
  let t: TestApp;
  let staff: User;
  let director: User;
  let viewer: User;

  const as = (user: User) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${user.token}`),
    post: (path: string, body: object) =>
      t.http.post(path).set('Authorization', `Bearer ${user.token}`).send(body),
    put: (path: string, body: object) =>
      t.http.put(path).set('Authorization', `Bearer ${user.token}`).send(body),
  });

  const newCall = async (body: Partial<Record<string, unknown>> = {}): Promise<GrantCall> => {
    const res = await as(staff).post('/api/grants/calls', {
      fund: 'fipd',
      year: 2026,
      title: 'Appel à projets FIPD 2026',
      programmeCodes: ['D', 'S'],
      opensOn: day(-1),
      closesAt: inDays(30),
      envelope: 30000,
      criteria: [
        { code: 'PERTINENCE', label: 'Pertinence au regard de la stratégie', maxPoints: 10 },
      ],
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as GrantCall;
  };
  const apply = (call: GrantCall, body: Partial<Record<string, unknown>> = {}) =>
    as(staff).post(`/api/grants/calls/${call.id}/applications`, {
      applicantName: 'Association Médiation Thiers',
      applicantKind: 'association',
      applicantCommuneInsee: '63430',
      title: 'Médiation sociale de nuit',
      programmeCode: 'D',
      totalCost: 20000,
      requestedAmount: 10000,
      cerSigned: true,
      documents: ['CERFA_12156', 'BUDGET', 'RIB'],
      ...body,
    });
  const applied = async (
    call: GrantCall,
    body: Partial<Record<string, unknown>> = {},
  ): Promise<GrantApplication> => {
    const res = await apply(call, body);
    expect(res.status).toBe(201);
    return res.body as GrantApplication;
  };
  const decide = (app: GrantApplication, body: object) =>
    as(staff).post(`/api/grants/applications/${app.id}/decisions`, body);
  const admitted = async (call: GrantCall, body: Partial<Record<string, unknown>> = {}) => {
    const app = await applied(call, body);
    const res = await decide(app, { action: 'admit' });
    expect(res.status).toBe(200);
    return res.body as GrantApplication;
  };
  const grant = (app: GrantApplication, amount: number) =>
    decide(app, { action: 'grant', amount, committeeDate: day(0) });

  beforeAll(async () => {
    t = await startTestApp();
    [staff, director, viewer] = await Promise.all([
      t.userWithToken(['cabinet_staff']),
      t.userWithToken(['director']),
      t.userWithToken(['viewer']),
    ]);
  });
  afterAll(() => t.close());

  describe('caps per programme', () => {
    it('refuses more than 50 % for FIPD D and names the cap', async () => {
      const call = await newCall();
      const res = await apply(call, { requestedAmount: 10001 });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'validation',
        details: [
          { path: 'requestedAmount', message: expect.stringContaining('50 % cap of programme D') },
        ],
      });
      await applied(call, { requestedAmount: 10000 });
    });

    it('counts other State funding in the 80 % of FIPD S, and enforces the minimum', async () => {
      const call = await newCall();
      const body = {
        programmeCode: 'S',
        totalCost: 50000,
        applicantKind: 'commune',
        title: 'Vidéoprotection du centre-bourg',
      };
      const detr = [{ funder: 'DETR', amount: 15000, state: true }];
      const over = await apply(call, { ...body, requestedAmount: 30000, coFunding: detr });
      expect(over.status).toBe(400);
      expect(over.body.details).toEqual([
        {
          path: 'requestedAmount',
          message: expect.stringContaining('State funding included: at most 25'),
        },
      ]);
      const ok = await applied(call, { ...body, requestedAmount: 25000, coFunding: detr });
      expect(ok.requestedRate).toBe(50);
      const small = await apply(call, { requestedAmount: 1000 });
      expect(small.body.details).toEqual([
        { path: 'requestedAmount', message: expect.stringContaining('below the minimum of 3') },
      ]);
    });

    it('holds the PDASR to 70 % and to the DGO stakes', async () => {
      const dgo = await as(staff).post('/api/road-safety/dgo', {
        startYear: 2023,
        endYear: 2027,
        title: 'DGO 2023-2027',
        stakes: [{ code: 'JEUNES', label: 'Les jeunes' }],
      });
      expect(dgo.status).toBe(201);
      const call = await newCall({ fund: 'pdasr', programmeCodes: ['PDASR'], title: 'PDASR 2026' });
      const base = {
        programmeCode: 'PDASR',
        applicantKind: 'commune',
        documents: ['FICHE_ACTION', 'BUDGET', 'RIB'],
      };
      const res = await apply(call, { ...base, totalCost: 10000, requestedAmount: 7500 });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { path: 'requestedAmount', message: expect.stringContaining('70 % cap') },
          { path: 'axisCodes', message: expect.stringContaining('at least one axis') },
        ]),
      );
      const unknown = await apply(call, {
        ...base,
        totalCost: 10000,
        requestedAmount: 7000,
        axisCodes: ['VITESSE'],
      });
      expect(unknown.body.details).toEqual([
        { path: 'axisCodes.0', message: 'no axis VITESSE of this fund for 2026' },
      ]);
      await applied(call, {
        ...base,
        totalCost: 10000,
        requestedAmount: 7000,
        axisCodes: ['JEUNES'],
      });
    });

    it('refuses a programme the call does not open, and a closed call', async () => {
      const call = await newCall({ programmeCodes: ['D'] });
      const res = await apply(call, { programmeCode: 'S' });
      expect(res.body.details).toEqual([
        { path: 'programmeCode', message: expect.stringContaining('not a programme of this call') },
      ]);
      const closed = await newCall({
        opensOn: '2023-01-10',
        closesAt: '2023-02-15T18:00:00+01:00',
      });
      const late = await apply(closed);
      expect(late.status).toBe(409);
    });
  });

  describe('amounts never exceed the envelope', () => {
    it('refuses the grant that would overrun the envelope', async () => {
      const call = await newCall({ envelope: 18000 });
      const a = await admitted(call);
      const b = await admitted(call, {
        applicantName: 'Commune de Thiers',
        applicantKind: 'commune',
      });
      expect((await grant(a, 10000)).status).toBe(200);
      const res = await grant(b, 9000);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { path: 'amount', message: expect.stringContaining('exceeds the envelope') },
      ]);
      expect((await grant(b, 8000)).status).toBe(200);
      const summary = (await as(director).get(`/api/grants/calls/${call.id}`)).body as GrantCall;
      expect(summary).toMatchObject({ envelope: 18000, committed: 18000, remaining: 0 });
    });

    it('keeps concurrent grants within the envelope', async () => {
      const call = await newCall({ envelope: 25000 });
      const apps = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          admitted(call, {
            applicantName: `Association ${i}`,
            requestedAmount: 9000,
            totalCost: 18000,
          }),
        ),
      );
      const results = await Promise.all(apps.map((a) => grant(a, 9000)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 400, 400]);
      const after = (await as(staff).get(`/api/grants/calls/${call.id}`)).body as GrantCall;
      expect(after.committed).toBe(18000);
    });

    it('refuses a payment above the grant', async () => {
      const call = await newCall();
      const app = await admitted(call);
      await grant(app, 8000);
      const pay = (amount: number) =>
        as(staff).post(`/api/grants/applications/${app.id}/payments`, {
          amount,
          paidOn: day(0),
          label: 'Avance',
        });
      expect((await pay(5000)).status).toBe(201);
      const res = await pay(3001);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ path: 'amount', message: '3000 € left to pay' }]);
    });
  });

  describe('renewal and final report', () => {
    it('refuses a renewal until the previous final report is received', async () => {
      const previousCall = await newCall({ year: 2025, title: 'FIPD 2025' });
      const previous = await admitted(previousCall);
      expect((await grant(previous, 9000)).status).toBe(200);
      const call = await newCall();

      const refused = await apply(call, { renewalOfId: previous.id });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([
        {
          path: 'renewalOfId',
          message: expect.stringContaining(
            'final report of the previous action has not been received',
          ),
        },
      ]);
      expect((await as(staff).get(`/api/grants/calls/${call.id}/applications`)).body).toEqual([]);

      const close = await decide(previous, { action: 'close' });
      expect(close.status).toBe(409);

      const report = await as(staff).put(`/api/grants/applications/${previous.id}/report`, {
        receivedOn: day(0),
        actualCost: 19000,
        beneficiaries: 140,
        summary: 'Maraudes réalisées de mai à octobre',
      });
      expect(report.status).toBe(200);
      const renewal = await applied(call, { renewalOfId: previous.id });
      expect(renewal.renewalOfId).toBe(previous.id);
      const closed = await decide(previous, { action: 'close' });
      expect(closed.status).toBe(200);
      expect((closed.body as GrantApplication).history.map((h) => [h.action, h.to])).toEqual([
        ['submit', 'submitted'],
        ['admit', 'admissible'],
        ['grant', 'granted'],
        ['report', 'granted'],
        ['close', 'closed'],
      ]);
    });

    it('refuses admission without the required documents or the CER of an association', async () => {
      const call = await newCall();
      const app = await applied(call, { documents: ['RIB'], cerSigned: false });
      expect(app.missingDocuments).toEqual(['CERFA_12156', 'BUDGET', 'CER']);
      const res = await decide(app, { action: 'admit' });
      expect(res.status).toBe(400);
      expect((res.body as { details: { path: string }[] }).details.map((d) => d.path)).toEqual([
        'documents.CERFA_12156',
        'documents.BUDGET',
        'documents.CER',
      ]);
    });

    it('adopts the programme only once every application is decided', async () => {
      const call = await newCall();
      const app = await admitted(call);
      expect((await as(staff).post(`/api/grants/calls/${call.id}/adopt`, {})).status).toBe(409);
      await decide(app, { action: 'reject', committeeDate: day(0), note: 'Hors priorités' });
      const adopted = await as(staff).post(`/api/grants/calls/${call.id}/adopt`, {});
      expect(adopted.body).toMatchObject({ phase: 'adopted' });
    });
  });

  describe('roles', () => {
    it('lets the director read but not write, and keeps others out', async () => {
      const call = await newCall();
      expect((await as(director).get(`/api/grants/calls/${call.id}/applications`)).status).toBe(
        200,
      );
      expect(
        (await as(director).post(`/api/grants/calls/${call.id}/applications`, {})).status,
      ).toBe(403);
      expect((await as(viewer).get('/api/grants/calls')).status).toBe(403);
      expect((await as(viewer).get('/api/prevention/obligation')).status).toBe(403);
    });
  });

  describe('CLSPD / CISPD', () => {
    it('flags communes above 5,000 inhabitants without a body, and counts CLSPD and CISPD', async () => {
      const before = (await as(director).get('/api/prevention/obligation'))
        .body as ObligationReport;
      expect(before.rule).toMatchObject({ populationThreshold: 5000, coordinatorThreshold: 15000 });
      const thiers = before.rows.find((r) => r.insee === '63430')!;
      expect(thiers).toMatchObject({
        population: 11637,
        status: 'missing',
        reasons: ['population'],
      });
      expect(before.rows.every((r) => r.population > 5000)).toBe(true);

      const body = await as(staff).post('/api/prevention/bodies', {
        kind: 'CLSPD',
        name: 'CLSPD de Thiers',
        communes: ['63430'],
        chairName: 'Maire de Thiers',
        createdOn: '2012-03-01',
      });
      expect(body.status).toBe(201);
      const dup = await as(staff).post('/api/prevention/bodies', {
        kind: 'CLSPD',
        name: 'Autre CLSPD',
        communes: ['63430'],
        chairName: 'Xavier Durand',
        createdOn: '2020-01-01',
      });
      expect(dup.body.details).toEqual([
        { path: 'communes.0', message: expect.stringContaining('already has an active CLSPD') },
      ]);

      const after = (await as(director).get('/api/prevention/obligation')).body as ObligationReport;
      expect(after.rows.find((r) => r.insee === '63430')).toMatchObject({ status: 'covered' });
      expect(after.missing).toBe(before.missing - 1);

      const meeting = await as(staff).post(
        `/api/prevention/bodies/${(body.body as PreventionBody).id}/meetings`,
        {
          heldOn: '2011-01-01',
          kind: 'pleniere',
          title: 'Séance plénière',
        },
      );
      expect(meeting.body.details).toEqual([
        { path: 'heldOn', message: 'before the body was created' },
      ]);
      const ok = await as(staff).post(
        `/api/prevention/bodies/${(body.body as PreventionBody).id}/meetings`,
        {
          heldOn: day(-10),
          kind: 'pleniere',
          title: 'Séance plénière annuelle',
          minutes: 'Bilan de la stratégie territoriale',
        },
      );
      expect(ok.body).toMatchObject({ dormant: false, lastMeetingOn: day(-10) });
    });
  });

  describe('demo data', () => {
    it('seeds once, within the rules: caps, envelopes, obligation flags', async () => {
      const ds = t.app.get(DataSource);
      const now = new Date();
      const seed = () =>
        ds.transaction(async (m) => [
          await seedDemoPrevention(m, now),
          await seedDemoRoadSafety(m, now),
        ]);
      const [bodies, accidents] = await seed();
      expect(bodies).toBeGreaterThan(5);
      expect(accidents).toBeGreaterThan(300);
      expect(await seed()).toEqual([0, 0]);

      const calls = (await as(director).get('/api/grants/calls')).body as GrantCall[];
      expect(calls.map((c) => c.fund).sort()).toEqual(
        expect.arrayContaining(['fipd', 'mildeca', 'pdasr']),
      );
      for (const call of calls) {
        expect(call.committed).toBeLessThanOrEqual(call.envelope);
        const apps = (await as(director).get(`/api/grants/calls/${call.id}/applications`))
          .body as GrantApplication[];
        const rules = (await as(director).get(`/api/grants/rules?fund=${call.fund}`)).body as {
          programmeCode: string;
          maxRatePercent: number;
        }[];
        for (const a of apps) {
          const cap = rules.find((r) => r.programmeCode === a.programmeCode)!.maxRatePercent;
          expect(a.requestedRate).toBeLessThanOrEqual(cap);
          if (a.grantedAmount !== null)
            expect(a.grantedAmount).toBeLessThanOrEqual(a.requestedAmount);
          expect(a.paid).toBeLessThanOrEqual(a.grantedAmount ?? 0);
        }
      }
      const obligation = (await as(director).get('/api/prevention/obligation'))
        .body as ObligationReport;
      expect(obligation.rows.find((r) => r.insee === '63113')).toMatchObject({ status: 'covered' });
      expect(obligation.rows.find((r) => r.insee === '63300')).toMatchObject({
        coordinatorMissing: true,
      });
      expect(obligation.rows.find((r) => r.insee === '63014')).toMatchObject({ status: 'missing' });
    });
  });
});
