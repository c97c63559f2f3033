import { DataSource } from 'typeorm';
import type { CeremonyDto, DossierDto, PromotionDto } from '../server/src/contracts/honours';
import { HonoursRetentionService } from '../server/src/honours/retention.service';
import { pdfText } from './support/pdf';
import { startTestApp, TestApp } from './support/test-app';

type User = { id: string; token: string };

describe('honours: ceremonies, réceptions and RGPD', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: User;
  let director: User;

  const as = (user: User) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${user.token}`),
    post: (path: string, body: object = {}) =>
      t.http.post(path).set('Authorization', `Bearer ${user.token}`).send(body),
  });
  const binary = (user: User, path: string) =>
    t.http
      .get(path)
      .set('Authorization', `Bearer ${user.token}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const dossier = async (
    distinction: string,
    echelon: string,
    lastName: string,
    start: string,
    promotionDate: string,
  ) => {
    const res = await as(staff).post('/api/honours/dossiers', {
      distinction,
      echelon,
      filedAt: '2027-01-10',
      promotionDate,
      candidate: {
        civility: 'M.',
        sex: 'H',
        lastName,
        firstName: 'Bernard',
        birthDate: '1960-05-05',
        communeInsee: '63113',
        occupation: 'ingénieur',
      },
      servicePeriods: [{ start }],
    });
    expect(res.status).toBe(201);
    return res.body as DossierDto;
  };
  /** Retains, signs, publishes and (optionally) notifies: the dossier's promotion carries it. */
  const award = async (d: DossierDto, notify: boolean) => {
    expect(
      (await as(staff).post('/api/honours/dossiers/transitions', { ids: [d.id], to: 'complet' }))
        .status,
    ).toBe(200);
    for (const to of ['en_instruction', 'avis', 'retenu'])
      await as(staff).post('/api/honours/dossiers/transitions', { ids: [d.id], to });
    const signed = await as(staff).post(`/api/honours/promotions/${d.promotionId}/arrete`);
    expect(signed.status).toBe(200);
    expect(
      (await as(staff).post(`/api/honours/promotions/${d.promotionId}/publish`)).body,
    ).toMatchObject({ status: 'publiee' } as Partial<PromotionDto>);
    if (notify)
      expect(
        (await as(staff).post(`/api/honours/dossiers/${d.id}/transitions`, { to: 'notifie' }))
          .status,
      ).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    [staff, director] = await Promise.all([
      t.userWithToken(['cabinet_staff']),
      t.userWithToken(['director']),
    ]);
  });
  afterAll(() => t.close());

  it('holds a réception for a Légion d’honneur with its procès-verbal, then marks the insignia presented', async () => {
    const lh = await dossier('legion_honneur', 'chevalier', 'Aubrac', '1995-01-01', '2028-01-01');
    expect(lh.eligibility).toMatchObject({ eligible: true });
    await award(lh, true);
    const missing = await as(staff).post('/api/honours/ceremonies', {
      kind: 'reception',
      title: 'Réception dans l’ordre de la Légion d’honneur',
      date: '2028-03-02T15:00:00+01:00',
      place: 'salons de la préfecture',
      presiding: 'Le préfet du Puy-de-Dôme',
      dossierIds: [lh.id],
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ details: [{ path: 'delegate' }] });
    const created = await as(staff).post('/api/honours/ceremonies', {
      kind: 'reception',
      title: 'Réception dans l’ordre de la Légion d’honneur',
      date: '2028-03-02T15:00:00+01:00',
      place: 'salons de la préfecture',
      presiding: 'Le préfet du Puy-de-Dôme',
      delegate: 'Mme Hélène Vidal',
      delegateGrade: 'officier de la Légion d’honneur',
      dossierIds: [lh.id],
    });
    expect(created.status).toBe(201);
    const ceremony = created.body as CeremonyDto;
    expect(ceremony.recipients).toEqual([
      expect.objectContaining({ name: 'M. AUBRAC Bernard', status: 'notifie' }),
    ]);
    const pv = (
      await pdfText(
        (await binary(director, `/api/honours/ceremonies/${ceremony.id}/proces-verbal.pdf`))
          .body as Buffer,
      )
    ).replace(/\s+/g, ' ');
    expect(pv).toContain('PROCÈS-VERBAL DE RÉCEPTION');
    expect(pv).toContain('le 2 mars 2028 à 15:00, salons de la préfecture, Mme Hélène Vidal');
    expect(pv).toContain(
      "réception de M. Bernard AUBRAC au grade de chevalier dans l'ordre de la Légion d'honneur",
    );
    const held = await as(staff).post(`/api/honours/ceremonies/${ceremony.id}/held`);
    expect(held.body).toMatchObject({ status: 'tenue', recipients: [{ status: 'remis' }] });
    const history = (
      (await as(staff).get(`/api/honours/dossiers/${lh.id}`)).body as DossierDto
    ).history.map((h) => h.to);
    expect(history.slice(-5)).toEqual(['retenu', 'arrete', 'publie', 'notifie', 'remis']);
  });

  it('invites the recipients of a ceremony, refusing dossiers not yet awarded and recipients not notified', async () => {
    const mht = await dossier('travail', 'argent', 'Besse', '2000-01-01', '2027-07-14');
    const pending = await dossier('travail', 'vermeil', 'Cunlhat', '1990-01-01', '2027-07-14');
    const refused = await as(staff).post('/api/honours/ceremonies', {
      title: 'Remise des médailles du travail',
      date: '2027-10-05T18:00:00+02:00',
      place: 'hôtel de ville de Clermont-Ferrand',
      presiding: 'Le directeur de cabinet',
      dossierIds: [mht.id, pending.id],
    });
    expect(refused.status).toBe(400);
    expect((refused.body as { details: { message: string }[] }).details).toHaveLength(2);
    await award(mht, false);
    const created = (
      await as(staff).post('/api/honours/ceremonies', {
        title: 'Remise des médailles du travail',
        date: '2027-10-05T18:00:00+02:00',
        place: 'hôtel de ville de Clermont-Ferrand',
        presiding: 'Le directeur de cabinet',
        dossierIds: [mht.id],
      })
    ).body as CeremonyDto;
    const invitations = (
      await pdfText(
        (await binary(staff, `/api/honours/ceremonies/${created.id}/invitations.pdf`))
          .body as Buffer,
      )
    ).replace(/\s+/g, ' ');
    expect(invitations).toContain('M. Bernard BESSE');
    expect(invitations).toContain('le 5 octobre 2027 à 18:00, hôtel de ville de Clermont-Ferrand');
    expect(
      (await as(staff).post(`/api/honours/ceremonies/${created.id}/invitations`)).body,
    ).toMatchObject({ invitationsSentAt: expect.any(String) });
    const early = await as(staff).post(`/api/honours/ceremonies/${created.id}/held`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ details: [{ path: mht.reference }] });
    expect((await as(director).post(`/api/honours/ceremonies/${created.id}/held`)).status).toBe(
      403,
    );
  });

  it('exports one person’s data and purges closed dossiers past their retention', async () => {
    const rejected = await dossier('rdc', 'argent', 'Dore', '2010-01-01', '2027-07-14');
    expect(
      (
        await as(staff).post(`/api/honours/dossiers/${rejected.id}/transitions`, {
          to: 'rejete',
          note: 'ancienneté insuffisante',
        })
      ).status,
    ).toBe(200);
    const recent = await dossier('rdc', 'argent', 'Sioule', '2010-01-01', '2027-07-14');
    await as(staff).post(`/api/honours/dossiers/${recent.id}/transitions`, {
      to: 'rejete',
      note: 'ancienneté insuffisante',
    });

    const exported = await as(staff).get(
      '/api/honours/persons/export?lastName=DORE&firstName=bernard&birthDate=1960-05-05',
    );
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      person: { lastName: 'DORE' },
      dossiers: [
        {
          reference: rejected.reference,
          status: 'rejete',
          history: [{ to: 'depose' }, { to: 'rejete', note: 'ancienneté insuffisante' }],
        },
      ],
      ceremonies: [],
    });
    expect(
      (
        await as(director).get(
          '/api/honours/persons/export?lastName=Dore&firstName=Bernard&birthDate=1960-05-05',
        )
      ).status,
    ).toBe(403);

    // a rejected dossier is kept 2 years (rule table): age one of them
    await ds.query(
      `UPDATE honours_dossier SET status_since = now() - interval '25 months' WHERE id = $1`,
      [rejected.id],
    );
    expect(await t.app.get(HonoursRetentionService).purge(new Date())).toBe(1);
    const left = (await ds.query('SELECT id FROM honours_dossier WHERE id = ANY($1::uuid[])', [
      [rejected.id, recent.id],
    ])) as { id: string }[];
    expect(left).toEqual([{ id: recent.id }]);
    expect(
      (
        await ds.query(
          'SELECT count(*)::int AS n FROM honours_dossier_transition WHERE dossier_id = $1',
          [rejected.id],
        )
      )[0],
    ).toEqual({ n: 0 });
    expect(
      (
        await as(staff).get(
          '/api/honours/persons/export?lastName=Dore&firstName=Bernard&birthDate=1960-05-05',
        )
      ).status,
    ).toBe(404);
  });
});
