import { DataSource } from 'typeorm';
import { AppError } from '../server/src/common/app-error';
import type {
  Contact,
  ContactGroup,
  OnDuty,
  RecipientsPreview,
  RosterShift,
} from '../server/src/contracts/paging';
import type { Role } from '../server/src/contracts/roles';
import { seedDemoDirectory } from '../server/src/directory/demo-directory';
import { RecipientsService, type ResolvedTarget } from '../server/src/directory/recipients.service';
import { SERVICES_63 } from '../server/src/directory/services-63';
import { startTestApp, TestApp } from './support/test-app';

const HOUR = 3600_000;
/** A fixed instant, so rosters never depend on when the test runs. */
const T0 = new Date('2030-03-14T10:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const unknownId = '00000000-0000-4000-8000-000000000000';

type Api = ReturnType<typeof api>;
function api(t: TestApp, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    get: (url: string) => t.http.get(url).set(auth),
    post: (url: string, body: object) => t.http.post(url).set(auth).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set(auth).send(body),
    put: (url: string, body: object) => t.http.put(url).set(auth).send(body),
    delete: (url: string) => t.http.delete(url).set(auth),
  };
}

async function serviceIds(t: TestApp): Promise<Record<string, string>> {
  const rows = (await t.app.get(DataSource).query('SELECT code, id FROM service')) as {
    code: string;
    id: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

/** The validation error's details (a resolve() that did not throw fails the test). */
async function problemsOf(work: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('validation');
  return (error as AppError).details ?? [];
}

const byName = (targets: ResolvedTarget[]) =>
  Object.fromEntries(targets.map((x) => [x.name, x.via]));

describe('directory', () => {
  let t: TestApp;
  let sidpc: Api;
  let operator: Api;
  let services: Record<string, string>;
  let seq = 0;

  /** Creates a contact through the API (201 expected). */
  const contact = async (
    body: Partial<Contact> & { name: string; function: Contact['function'] },
  ) => {
    seq++;
    const res = await sidpc.post('/api/contacts', {
      mobile: `06 39 98 9${String(seq).padStart(3, '0')}`.replace(/(\d{2})(\d{2})$/, '$1 $2'),
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as Contact;
  };
  const shift = async (
    body: Omit<RosterShift, 'id' | 'start' | 'end'> & { start: Date; end: Date },
  ) => {
    const res = await sidpc.post('/api/rosters', {
      ...body,
      start: body.start.toISOString(),
      end: body.end.toISOString(),
    });
    expect(res.status).toBe(201);
    return res.body as RosterShift;
  };

  beforeAll(async () => {
    t = await startTestApp();
    sidpc = api(t, (await t.userWithToken(['sidpc'])).token);
    operator = api(t, (await t.userWithToken(['cod_operator'])).token);
    services = await serviceIds(t);
  });
  afterAll(() => t.close());

  describe('contacts', () => {
    it('creates a contact with its e-mail lower-cased and its phones in E.164, and finds it by filters', async () => {
      const created = await contact({
        name: 'Odile Vialle',
        function: 'maire',
        title: 'Maire de Riom',
        communeInsee: '63300',
        mobile: '06 39 98 71 01',
        landline: '+33 4 65 71 00 32',
        email: 'Mairie-63300@Demo.Vigie.Test',
      });
      expect(created).toMatchObject({
        email: 'mairie-63300@demo.vigie.test',
        mobile: '+33639987101',
        landline: '+33465710032',
        active: true,
        version: 1,
        serviceId: null,
        deputyContactId: null,
      });
      const officer = await contact({
        name: 'Rémi Tixier',
        function: 'astreinte',
        serviceId: services.DDT63,
      });

      const list = async (query: string) => {
        const res = await operator.get(`/api/contacts${query}`);
        expect(res.status).toBe(200);
        return (res.body as Contact[]).map((c) => c.id);
      };
      expect(await list('?communeInsee=63300')).toEqual([created.id]);
      expect(await list(`?serviceId=${services.DDT63}`)).toEqual([officer.id]);
      expect(await list('?function=maire&q=vial')).toEqual([created.id]);
      expect(await list('?q=demo.vigie')).toContain(created.id);
      expect(await list('?q=100%25')).toEqual([]);
      expect((await operator.get(`/api/contacts/${created.id}`)).body).toEqual(created);
      expect((await operator.get('/api/contacts?communeInsee=6303')).status).toBe(400);
      expect((await operator.get('/api/contacts?colour=blue')).status).toBe(400);
    });

    it('answers 400 listing every bad field, from the schema then from the directory', async () => {
      const shape = await sidpc.post('/api/contacts', {
        name: 'Jean Bad',
        function: 'maire',
        communeInsee: '6311',
        mobile: '12345',
        email: 'not-an-email',
      });
      expect(shape.status).toBe(400);
      expect((shape.body.details as { path: string }[]).map((d) => d.path).sort()).toEqual([
        'communeInsee',
        'email',
        'mobile',
      ]);

      const refs = await sidpc.post('/api/contacts', {
        name: 'Jean Bad',
        function: 'maire',
        communeInsee: '99999',
        serviceId: unknownId,
        deputyContactId: unknownId,
        mobile: '04 65 71 00 01',
        landline: '+330465710001',
      });
      expect(refs.status).toBe(400);
      expect(refs.body.code).toBe('validation');
      expect((refs.body.details as { path: string }[]).map((d) => d.path).sort()).toEqual([
        'communeInsee',
        'deputyContactId',
        'landline',
        'mobile',
        'serviceId',
      ]);

      const noCommune = await sidpc.post('/api/contacts', {
        name: 'Jean Bad',
        function: 'adjoint',
        email: 'jb@demo.vigie.test',
      });
      expect(noCommune.status).toBe(400);
      expect(noCommune.body.details).toEqual([
        { path: 'communeInsee', message: 'required for a mayor or a deputy mayor' },
      ]);
      const unreachable = await sidpc.post('/api/contacts', {
        name: 'Jean Bad',
        function: 'autre',
      });
      expect(unreachable.status).toBe(400);
      expect(unreachable.body.details[0].path).toBe('mobile');

      expect((await operator.get('/api/contacts?q=Jean%20Bad')).body).toEqual([]);
    });

    it('refuses a second contact with the same e-mail (409)', async () => {
      await contact({
        name: 'Annie Bonnefoy',
        function: 'cadre',
        email: 'annie.bonnefoy@demo.vigie.test',
      });
      const res = await sidpc.post('/api/contacts', {
        name: 'Annie Bonnefoy bis',
        function: 'cadre',
        email: 'ANNIE.bonnefoy@demo.vigie.test',
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('conflict');
    });

    it('updates with the current version, 409 with a stale one; DELETE deactivates', async () => {
      const c = await contact({
        name: 'Paul Fayolle',
        function: 'cadre',
        serviceId: services.DDT63,
      });
      const first = await sidpc.patch(`/api/contacts/${c.id}`, {
        version: 1,
        title: 'Chef du SPRISR',
        landline: '04 65 71 55 55',
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        version: 2,
        title: 'Chef du SPRISR',
        landline: '+33465715555',
        active: true,
      });
      const stale = await sidpc.patch(`/api/contacts/${c.id}`, { version: 1, title: 'Adjoint' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        code: 'stale_version',
        details: [{ path: 'version', message: 'current version is 2' }],
      });
      // null clears, an unchanged value changes nothing
      const cleared = await sidpc.patch(`/api/contacts/${c.id}`, { version: 2, landline: null });
      expect(cleared.body).toMatchObject({ version: 3, landline: null });
      expect(
        (await sidpc.patch(`/api/contacts/${c.id}`, { version: 3, name: 'Paul Fayolle' })).body
          .version,
      ).toBe(3);
      const self = await sidpc.patch(`/api/contacts/${c.id}`, {
        version: 3,
        deputyContactId: c.id,
      });
      expect(self.status).toBe(400);

      expect((await sidpc.delete(`/api/contacts/${c.id}`)).status).toBe(204);
      expect((await operator.get(`/api/contacts/${c.id}`)).body).toMatchObject({
        active: false,
        version: 4,
      });
      expect((await operator.get('/api/contacts?active=true&q=Fayolle')).body).toEqual([]);
      expect((await sidpc.delete(`/api/contacts/${unknownId}`)).status).toBe(404);
      expect((await sidpc.patch(`/api/contacts/${unknownId}`, { version: 1 })).status).toBe(404);
    });

    it('shows contacts to the COD only, and lets only the SIDPC change them', async () => {
      const readers: Role[] = ['admin', 'director', 'sidpc', 'cod_operator'];
      const others: Role[] = ['viewer', 'press', 'cabinet_staff', 'service_liaison'];
      for (const role of readers)
        expect(
          (await api(t, (await t.userWithToken([role])).token).get('/api/contacts')).status,
        ).toBe(200);
      for (const role of others) {
        const as = api(t, (await t.userWithToken([role], { serviceId: services.SDIS63 })).token);
        for (const url of [
          '/api/contacts',
          '/api/contacts/export.csv',
          '/api/groups',
          '/api/rosters',
          `/api/services/${services.SDIS63}/on-duty`,
        ])
          expect([role, url, (await as.get(url)).status]).toEqual([role, url, 403]);
        expect((await as.post('/api/recipients/preview', { communeInsee: ['63113'] })).status).toBe(
          403,
        );
        // the directory of services stays open to every signed-in user
        expect((await as.get('/api/services')).status).toBe(200);
      }
      expect(
        (
          await operator.post('/api/contacts', {
            name: 'Zoé Roux',
            function: 'cadre',
            email: 'z@demo.vigie.test',
          })
        ).status,
      ).toBe(403);
      expect((await operator.post('/api/contacts/import', { csv: 'Nom;Fonction' })).status).toBe(
        403,
      );
      const services63 = (await operator.get('/api/services')).body as { code: string }[];
      expect(services63.map((s) => s.code)).toEqual(
        expect.arrayContaining(SERVICES_63.map((s) => s.code)),
      );
    });
  });

  describe('groups', () => {
    it('creates, lists and replaces a group; unknown members → 400 by index', async () => {
      const a = await contact({ name: 'Gilles Ollier', function: 'cadre' });
      const b = await contact({ name: 'Laure Pouget', function: 'cadre' });
      const res = await sidpc.post('/api/groups', {
        name: 'Cellule eau',
        contactIds: [a.id, b.id, a.id],
      });
      expect(res.status).toBe(201);
      const group = res.body as ContactGroup;
      expect(group).toMatchObject({
        name: 'Cellule eau',
        description: null,
        contactIds: [a.id, b.id].sort(),
      });
      const replaced = await sidpc.put(`/api/groups/${group.id}`, {
        name: 'Cellule eau potable',
        description: 'ARS + DDT',
        contactIds: [b.id],
      });
      expect(replaced.body).toEqual({
        id: group.id,
        name: 'Cellule eau potable',
        description: 'ARS + DDT',
        contactIds: [b.id],
      });
      expect((await operator.get('/api/groups')).body).toContainEqual(replaced.body);
      expect((await operator.get(`/api/groups/${group.id}`)).body).toEqual(replaced.body);

      const bad = await sidpc.post('/api/groups', { name: 'Autre', contactIds: [a.id, unknownId] });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ path: 'contactIds.1', message: 'unknown contact' }]);
      expect(
        (await sidpc.post('/api/groups', { name: 'Cellule eau potable', contactIds: [] })).status,
      ).toBe(409);
      expect(
        (await sidpc.put(`/api/groups/${unknownId}`, { name: 'X group', contactIds: [] })).status,
      ).toBe(404);
      const temp = (await sidpc.post('/api/groups', { name: 'Temporaire', contactIds: [a.id] }))
        .body as ContactGroup;
      expect((await sidpc.delete(`/api/groups/${temp.id}`)).status).toBe(204);
      expect((await operator.get(`/api/groups/${temp.id}`)).status).toBe(404);
    });
  });

  describe('astreintes', () => {
    let alice: Contact;
    let bob: Contact;
    let carol: Contact;
    let dave: Contact;
    let recipients: RecipientsService;
    let ds: DataSource;
    const onDutyNames = async (hours: number) =>
      Object.keys(
        byName(await recipients.resolve(ds.manager, { serviceIds: [services.SDIS63] }, at(hours))),
      );

    beforeAll(async () => {
      recipients = t.app.get(RecipientsService);
      ds = t.app.get(DataSource);
      const sdis = services.SDIS63;
      alice = await contact({ name: 'Alice Chabrier', function: 'astreinte', serviceId: sdis });
      bob = await contact({ name: 'Bob Vigier', function: 'astreinte', serviceId: sdis });
      carol = await contact({ name: 'Carole Mazel', function: 'astreinte', serviceId: sdis });
      dave = await contact({ name: 'David Roudaire', function: 'astreinte', serviceId: sdis });
      // Alice rank 1 and Bob rank 2 from T0-1h to T0+2h; Carol rank 1 from T0+2h to T0+12h,
      // replaced by Dave (override) from T0+3h to T0+4h
      await shift({
        serviceId: sdis,
        contactId: alice.id,
        start: at(-1),
        end: at(2),
        rank: 1,
        override: false,
      });
      await shift({
        serviceId: sdis,
        contactId: bob.id,
        start: at(-1),
        end: at(12),
        rank: 2,
        override: false,
      });
      await shift({
        serviceId: sdis,
        contactId: carol.id,
        start: at(2),
        end: at(12),
        rank: 1,
        override: false,
      });
      await shift({
        serviceId: sdis,
        contactId: dave.id,
        start: at(3),
        end: at(4),
        rank: 1,
        override: true,
      });
    });

    it('pages whoever is on duty at rank 1 at the time, an override winning over the regular shift', async () => {
      expect(await onDutyNames(0)).toEqual(['Alice Chabrier']);
      expect(await onDutyNames(2)).toEqual(['Carole Mazel']);
      expect(await onDutyNames(3.5)).toEqual(['David Roudaire']);
      expect(await onDutyNames(4)).toEqual(['Carole Mazel']);
      // past the end of rank 1 shifts, rank 2 is the lowest rank on duty
      await shift({
        serviceId: services.SDIS63,
        contactId: bob.id,
        start: at(12),
        end: at(14),
        rank: 2,
        override: false,
      });
      expect(await onDutyNames(13)).toEqual(['Bob Vigier']);
      expect(
        await problemsOf(recipients.resolve(ds.manager, { serviceIds: [services.SDIS63] }, at(20))),
      ).toEqual([{ path: 'recipients.serviceIds.0', message: 'nobody of SDIS63 is on duty' }]);
      const targets = await recipients.resolve(
        ds.manager,
        { serviceIds: [services.SDIS63] },
        at(0),
      );
      expect(targets).toEqual([
        {
          contactId: alice.id,
          name: 'Alice Chabrier',
          function: 'astreinte',
          serviceId: services.SDIS63,
          communeInsee: null,
          email: null,
          mobile: alice.mobile,
          landline: null,
          userId: null,
          deputyContactId: null,
          via: ['service:SDIS63'],
        },
      ]);
    });

    it('previews who is on duty for a service, rank 2 included but not paged first', async () => {
      const res = await operator.get(
        `/api/services/${services.SDIS63}/on-duty?at=${encodeURIComponent(at(3.5).toISOString())}`,
      );
      expect(res.status).toBe(200);
      const duty = res.body as OnDuty;
      expect(duty.at).toBe(at(3.5).toISOString());
      expect(
        duty.entries.map((e) => [e.contact.name, e.shift.rank, e.shift.override, e.first]),
      ).toEqual([
        ['David Roudaire', 1, true, true],
        ['Bob Vigier', 2, false, false],
      ]);
      expect((await operator.get(`/api/services/${unknownId}/on-duty`)).status).toBe(404);
      expect(
        (await operator.get(`/api/services/${services.SDIS63}/on-duty?at=tomorrow`)).status,
      ).toBe(400);
      const listed = await operator.get(
        `/api/rosters?serviceId=${services.SDIS63}&from=${encodeURIComponent(at(3).toISOString())}&to=${encodeURIComponent(at(4).toISOString())}`,
      );
      expect((listed.body as RosterShift[]).map((s) => s.contactId).sort()).toEqual(
        [bob.id, carol.id, dave.id].sort(),
      );
    });

    it('escalates to rank 2 only through escalationTarget, and to the deputy first', async () => {
      const none = new Set<string>();
      expect(await recipients.escalationTarget(ds.manager, alice.id, at(0), none)).toMatchObject({
        contactId: bob.id,
        via: ['escalation'],
      });
      expect(
        await recipients.escalationTarget(ds.manager, alice.id, at(0), new Set([bob.id])),
      ).toBeNull();
      expect(await recipients.escalationTarget(ds.manager, bob.id, at(0), none)).toBeNull();
      // Dave replaces Carol at rank 1: escalating from Dave reaches Bob
      expect(
        (await recipients.escalationTarget(ds.manager, dave.id, at(3.5), none))?.contactId,
      ).toBe(bob.id);

      const deputy = await contact({
        name: 'Estelle Tallon',
        function: 'cadre',
        serviceId: services.SDIS63,
      });
      const withDeputy = await sidpc.patch(`/api/contacts/${alice.id}`, {
        version: alice.version,
        deputyContactId: deputy.id,
      });
      expect(withDeputy.status).toBe(200);
      expect(await recipients.escalationTarget(ds.manager, alice.id, at(0), none)).toMatchObject({
        contactId: deputy.id,
        name: 'Estelle Tallon',
      });
      // a deputy already paged, or no longer active, is passed over for the roster
      expect(
        (await recipients.escalationTarget(ds.manager, alice.id, at(0), new Set([deputy.id])))
          ?.contactId,
      ).toBe(bob.id);
      await sidpc.delete(`/api/contacts/${deputy.id}`);
      expect(
        (await recipients.escalationTarget(ds.manager, alice.id, at(0), none))?.contactId,
      ).toBe(bob.id);
    });

    it('validates shifts: member of the service, active, end after start', async () => {
      const other = await contact({
        name: 'Hugo Chassaing',
        function: 'astreinte',
        serviceId: services.GGD63,
      });
      const wrong = await sidpc.post('/api/rosters', {
        serviceId: services.SDIS63,
        contactId: other.id,
        start: at(0).toISOString(),
        end: at(1).toISOString(),
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.details).toEqual([
        { path: 'contactId', message: 'the contact is not a member of SDIS63' },
      ]);
      // 10:00+02:00 is 08:00Z, before the start, though it reads later
      const backwards = await sidpc.post('/api/rosters', {
        serviceId: services.GGD63,
        contactId: other.id,
        start: '2030-03-14T09:00:00Z',
        end: '2030-03-14T10:00:00+02:00',
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.details).toEqual([{ path: 'end', message: 'end must be after start' }]);
      const unknown = await sidpc.post('/api/rosters', {
        serviceId: unknownId,
        contactId: unknownId,
        start: at(0).toISOString(),
        end: at(1).toISOString(),
        rank: 2,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([
        { path: 'serviceId', message: 'unknown service' },
        { path: 'contactId', message: 'unknown contact' },
      ]);
      const rank = await sidpc.post('/api/rosters', {
        serviceId: services.GGD63,
        contactId: other.id,
        start: at(0).toISOString(),
        end: at(1).toISOString(),
        rank: 21,
      });
      expect(rank.body.details).toEqual([expect.objectContaining({ path: 'rank' })]);
      const s = await shift({
        serviceId: services.GGD63,
        contactId: other.id,
        start: at(0),
        end: at(1),
        rank: 1,
        override: false,
      });
      expect((await operator.delete(`/api/rosters/${s.id}`)).status).toBe(403);
      expect((await sidpc.delete(`/api/rosters/${s.id}`)).status).toBe(204);
      expect((await sidpc.delete(`/api/rosters/${s.id}`)).status).toBe(404);
    });
  });

  describe('resolving recipients', () => {
    let recipients: RecipientsService;
    let ds: DataSource;
    let featureId: string;
    let affected: string[];
    let mayorClermont: Contact;
    let mayorAubiere: Contact;
    let direct: Contact;
    let groupId: string;
    let officer: Contact;

    beforeAll(async () => {
      recipients = t.app.get(RecipientsService);
      ds = t.app.get(DataSource);
      mayorClermont = await contact({
        name: 'Jeanne Bardin',
        function: 'maire',
        communeInsee: '63113',
        email: 'mairie-63113@demo.vigie.test',
      });
      mayorAubiere = await contact({
        name: 'Marc Dubost',
        function: 'maire',
        communeInsee: '63014',
      });
      await contact({
        name: 'Ancien Maire',
        function: 'maire',
        communeInsee: '63075',
        active: false,
      });
      direct = await contact({
        name: 'Agnès Pradier',
        function: 'referent_pcs',
        communeInsee: '63113',
      });
      officer = await contact({
        name: 'Yves Planeix',
        function: 'astreinte',
        serviceId: services.DIRMC,
      });
      await shift({
        serviceId: services.DIRMC,
        contactId: officer.id,
        start: at(-24),
        end: at(24),
        rank: 1,
        override: false,
      });
      groupId = (
        (
          await sidpc.post('/api/groups', {
            name: 'Maires test',
            contactIds: [mayorClermont.id, direct.id, officer.id],
          })
        ).body as ContactGroup
      ).id;

      // a perimeter of about 5 km around Clermont-Ferrand, drawn on a crisis map
      const crisis = await operator.post('/api/crises', {
        title: 'Crue de l’Allier',
        kind: 'inondation',
      });
      expect(crisis.status).toBe(201);
      const [lon, lat] = [3.087, 45.7772];
      const [dLon, dLat] = [0.032, 0.0225];
      const feature = await operator.post(`/api/crises/${crisis.body.id}/features`, {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [lon - dLon, lat - dLat],
              [lon + dLon, lat - dLat],
              [lon + dLon, lat + dLat],
              [lon - dLon, lat + dLat],
              [lon - dLon, lat - dLat],
            ],
          ],
        },
        properties: { kind: 'perimetre_securite', label: 'Périmètre' },
      });
      expect(feature.status).toBe(201);
      featureId = feature.body.id;
      affected = (feature.body.affectedCommunes as { insee: string }[]).map((c) => c.insee);
      expect(affected).toEqual(expect.arrayContaining(['63113', '63014', '63075']));
    });

    it('merges contacts, groups, services, communes and a perimeter into one target per person', async () => {
      const targets = await recipients.resolve(
        ds.manager,
        {
          contactIds: [direct.id, direct.id],
          groupIds: [groupId],
          serviceIds: [services.DIRMC],
          communeInsee: ['63113'],
          featureId,
        },
        at(0),
      );
      expect(targets.map((x) => x.contactId)).toEqual([
        direct.id,
        mayorClermont.id,
        officer.id,
        mayorAubiere.id,
      ]);
      expect(byName(targets)).toEqual({
        'Agnès Pradier': ['contact', 'group:Maires test'],
        'Jeanne Bardin': ['group:Maires test', 'commune:63113'],
        'Yves Planeix': ['group:Maires test', 'service:DIRMC'],
        // in the perimeter only; Chamalières' mayor is inactive and the other communes have none
        'Marc Dubost': ['commune:63014'],
      });
      expect(targets[1]).toEqual({
        contactId: mayorClermont.id,
        name: 'Jeanne Bardin',
        function: 'maire',
        serviceId: null,
        communeInsee: '63113',
        email: 'mairie-63113@demo.vigie.test',
        mobile: mayorClermont.mobile,
        landline: null,
        userId: null,
        deputyContactId: null,
        via: ['group:Maires test', 'commune:63113'],
      });
    });

    it('skips inactive contacts, and answers one 400 listing every unknown or unreachable recipient', async () => {
      const gone = await contact({ name: 'Parti Ailleurs', function: 'cadre' });
      await sidpc.delete(`/api/contacts/${gone.id}`);
      expect(
        byName(await recipients.resolve(ds.manager, { contactIds: [gone.id, direct.id] }, at(0))),
      ).toEqual({
        'Agnès Pradier': ['contact'],
      });
      expect(
        await problemsOf(recipients.resolve(ds.manager, { contactIds: [gone.id] }, at(0))),
      ).toEqual([{ path: 'recipients', message: 'no active recipient' }]);

      const spec = {
        contactIds: [direct.id, unknownId],
        groupIds: [unknownId],
        serviceIds: [services.DIRMC, services.DSDEN63, unknownId],
        communeInsee: ['63113', '99999', '63001', '63075'],
        featureId: unknownId,
      };
      const expected = [
        { path: 'recipients.contactIds.1', message: 'unknown contact' },
        { path: 'recipients.groupIds.0', message: 'unknown group' },
        { path: 'recipients.serviceIds.1', message: 'nobody of DSDEN63 is on duty' },
        { path: 'recipients.serviceIds.2', message: 'unknown service' },
        { path: 'recipients.featureId', message: 'unknown or deleted map feature' },
        { path: 'recipients.communeInsee.1', message: 'not a commune of the Puy-de-Dôme' },
        { path: 'recipients.communeInsee.2', message: 'no active mayor in 63001' },
        { path: 'recipients.communeInsee.3', message: 'no active mayor in 63075' },
      ];
      expect(await problemsOf(recipients.resolve(ds.manager, spec, at(0)))).toEqual(expected);
      const res = await operator.post('/api/recipients/preview', spec);
      expect(res.status).toBe(400);
      // the preview resolves now: the DIRMC shift of 2030 is not in force yet
      expect(res.body).toEqual({
        code: 'validation',
        message: 'Invalid recipients',
        details: [
          ...expected.slice(0, 2),
          { path: 'recipients.serviceIds.0', message: 'nobody of DIRMC is on duty' },
          ...expected.slice(2),
        ],
      });

      const malformed = await operator.post('/api/recipients/preview', {
        communeInsee: ['6311'],
        contactIds: ['x'],
      });
      expect(malformed.status).toBe(400);
      expect((await operator.post('/api/recipients/preview', {})).status).toBe(400);
    });

    it('refuses a deleted perimeter, and a perimeter without any mayor', async () => {
      const crisis = await operator.post('/api/crises', { title: 'Feu de forêt', kind: 'feu' });
      const far = await operator.post(`/api/crises/${crisis.body.id}/features`, {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [2.75, 45.55] },
        properties: { kind: 'pco' },
      });
      expect(far.status).toBe(201);
      expect(far.body.affectedCommunes.length).toBeGreaterThan(0);
      expect(
        await problemsOf(recipients.resolve(ds.manager, { featureId: far.body.id }, at(0))),
      ).toEqual([
        {
          path: 'recipients.featureId',
          message: 'no active mayor in the communes of this perimeter',
        },
      ]);
      expect((await operator.delete(`/api/features/${far.body.id}`)).status).toBe(204);
      expect(
        await problemsOf(recipients.resolve(ds.manager, { featureId: far.body.id }, at(0))),
      ).toEqual([{ path: 'recipients.featureId', message: 'unknown or deleted map feature' }]);
    });

    it('previews the targets now with counts per kind and per channel', async () => {
      const res = await operator.post('/api/recipients/preview', {
        groupIds: [groupId],
        featureId,
      });
      expect(res.status).toBe(200);
      const preview = res.body as RecipientsPreview;
      expect(byName(preview.targets)).toEqual({
        'Jeanne Bardin': ['group:Maires test', 'commune:63113'],
        'Agnès Pradier': ['group:Maires test'],
        'Yves Planeix': ['group:Maires test'],
        'Marc Dubost': ['commune:63014'],
      });
      expect(preview.counts).toEqual({
        targets: 4,
        byKind: { contact: 0, group: 3, service: 0, commune: 2 },
        byChannel: { sms: 4, voice: 4, email: 1, push: 0, inapp: 0 },
      });
    });
  });
});

describe('directory CSV import and export', () => {
  let a: TestApp;
  let b: TestApp;
  let sidpcA: Api;
  let tokenA: string;
  let sidpcB: Api;

  const exportOf = async (as: Api) => {
    const res = await as
      .get('/api/contacts/export.csv')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="annuaire-contacts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    return (res.body as Buffer).toString('utf8');
  };
  const count = async (t: TestApp) =>
    Number(
      (
        (await t.app.get(DataSource).query('SELECT count(*) AS n FROM contact')) as { n: string }[]
      )[0].n,
    );

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp(), startTestApp()]);
    tokenA = (await a.userWithToken(['sidpc'])).token;
    sidpcA = api(a, tokenA);
    sidpcB = api(b, (await b.userWithToken(['sidpc'])).token);
    const services = await serviceIds(a);
    const deputy = (
      await sidpcA.post('/api/contacts', {
        name: 'Luc Ferrandon',
        function: 'adjoint',
        title: 'Premier adjoint au maire de Riom',
        communeInsee: '63300',
        mobile: '06 39 98 00 02',
      })
    ).body as Contact;
    const created = [
      {
        name: 'Françoise Mosnier',
        function: 'maire',
        title: 'Maire de Riom',
        communeInsee: '63300',
        mobile: '06 39 98 00 01',
        landline: '04 65 71 00 01',
        email: 'mairie-63300@demo.vigie.test',
        deputyContactId: deputy.id,
      },
      {
        name: 'Sans Courriel',
        function: 'maire',
        communeInsee: '63178',
        mobile: '06 39 98 00 03',
        deputyContactId: deputy.id,
      },
      {
        name: 'Officier "Delta"; SDIS',
        function: 'astreinte',
        serviceId: services.SDIS63,
        mobile: '+4915123456789',
        email: 'delta@demo.vigie.test',
        title: '=cadre de permanence',
      },
      { name: 'Inactif Ancien', function: 'autre', email: 'ancien@demo.vigie.test', active: false },
    ];
    for (const body of created) expect((await sidpcA.post('/api/contacts', body)).status).toBe(201);
  });
  afterAll(() => Promise.all([a.close(), b.close()]));

  it('exports UTF-8 with BOM, semicolons and French headers, phones the French way', async () => {
    const csv = await exportOf(sidpcA);
    expect(
      csv.startsWith(
        '\uFEFFIdentifiant;Nom;Fonction;Titre;Service;Code INSEE;Commune;Canton;Circonscription;Mobile;Fixe;Courriel;Suppléant;Compte Vigie;Actif\r\n',
      ),
    ).toBe(true);
    const mayor = csv.split('\r\n').find((l) => l.includes('Françoise Mosnier'))!;
    expect(mayor.split(';').slice(1)).toEqual([
      'Françoise Mosnier',
      'Maire',
      'Maire de Riom',
      '',
      '63300',
      'Riom',
      '',
      '',
      '06 39 98 00 01',
      '04 65 71 00 01',
      'mairie-63300@demo.vigie.test',
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      '',
      'oui',
    ]);
    expect(csv).toContain(
      `"Officier ""Delta""; SDIS";Cadre d'astreinte;'=cadre de permanence;SDIS63;;;;;'+4915123456789;`,
    );
    expect(csv).toContain(';Autre;;;;;;;;;ancien@demo.vigie.test;;;non');
  });

  it('imports an export into another installation and back unchanged (round trip)', async () => {
    const csv = await exportOf(sidpcA);
    const into = await sidpcB.post('/api/contacts/import', { csv });
    expect(into.status).toBe(200);
    expect(into.body).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(await exportOf(sidpcB)).toBe(csv);
    const back = await sidpcA.post('/api/contacts/import', { csv });
    expect(back.body).toEqual({ created: 0, updated: 0, unchanged: 5 });
    const again = await sidpcB.post('/api/contacts/import', { csv });
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });

  it('upserts by e-mail, or by commune + function + name, from a hand-written file', async () => {
    const csv = [
      'Nom,Fonction,Code INSEE,Mobile,Courriel,Suppléant',
      'Françoise Mosnier,maire,63300,06 39 98 11 11,MAIRIE-63300@demo.vigie.test,',
      'sans courriel,Maire,63178,06 39 98 00 03,sans.courriel@demo.vigie.test,mairie-63300@demo.vigie.test',
      'Nouvelle Adjointe,adjoint,63178,07 00 00 00 01,adjointe-63178@demo.vigie.test,sans.courriel@demo.vigie.test',
    ].join('\n');
    const before = await count(a);
    const res = await sidpcA.post('/api/contacts/import', { csv });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 1, updated: 2, unchanged: 0 });
    expect(await count(a)).toBe(before + 1);
    const contacts = (await sidpcA.get('/api/contacts?communeInsee=63178')).body as Contact[];
    const mayor = contacts.find((c) => c.function === 'maire')!;
    const adjointe = contacts.find((c) => c.function === 'adjoint')!;
    // the name is updated as written; columns the file lacks (title, landline) are kept
    expect(mayor).toMatchObject({
      name: 'sans courriel',
      email: 'sans.courriel@demo.vigie.test',
      version: 2,
    });
    expect(adjointe).toMatchObject({
      name: 'Nouvelle Adjointe',
      mobile: '+33700000001',
      deputyContactId: mayor.id,
      active: true,
      version: 1,
    });
    const riom = (
      (await sidpcA.get('/api/contacts?communeInsee=63300&function=maire')).body as Contact[]
    )[0];
    expect(riom).toMatchObject({
      mobile: '+33639981111',
      landline: '+33465710001',
      deputyContactId: null,
      title: 'Maire de Riom',
    });
    expect(mayor.deputyContactId).toBe(riom.id);
  });

  it('rejects a file with bad rows as a whole, naming each line', async () => {
    const header = 'Nom;Fonction;Code INSEE;Service;Mobile;Courriel;Actif';
    const rows = [
      header,
      'Bonne Ligne;maire;63001;;06 39 98 20 01;mairie-63001@demo.vigie.test;oui', // line 2
      'Mauvais Numéro;maire;63002;;06 39 98;mairie-63002@demo.vigie.test;oui', // line 3
      'Autre Bonne;adjoint;63001;;06 39 98 20 02;;oui', // line 4
      '"Sur deux', // line 5 (a quoted cell over two lines)
      'lignes";cadre;;DDT63;06 39 98 20 03;;oui', // line 6
      'Commune Inconnue;maire;99999;INCONNU;06 39 98 20 04;mairie-63113@demo.vigie.test;peut-être', // line 7
      ';;;;;;', // blank, ignored
    ];
    const before = await count(a);
    const res = await sidpcA.post('/api/contacts/import', { csv: rows.join('\r\n') });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation');
    const details = res.body.details as { path: string; message: string }[];
    expect([...new Set(details.map((d) => d.path.split('.').slice(0, 2).join('.')))]).toEqual([
      'line.3',
      'line.7',
    ]);
    expect(details.map((d) => d.path)).toEqual(['line.3.Mobile', 'line.7.Service', 'line.7.Actif']);
    expect(await count(a)).toBe(before);
    expect((await sidpcA.get('/api/contacts?q=Bonne')).body).toEqual([]);

    // once the cells are right, the directory-level checks name their lines too
    rows[2] = 'Mauvais Numéro;maire;63002;;06 39 98 20 05;mairie-63002@demo.vigie.test;oui';
    rows[6] = 'Commune Inconnue;maire;99999;;06 39 98 20 04;mairie-63001@demo.vigie.test;oui';
    const second = await sidpcA.post('/api/contacts/import', { csv: rows.join('\r\n') });
    expect(second.status).toBe(400);
    expect(second.body.details).toEqual([
      { path: 'line.7.Courriel', message: 'already the e-mail of line 2' },
      { path: 'line.7.Code INSEE', message: 'not a commune of the Puy-de-Dôme' },
    ]);
    expect(await count(a)).toBe(before);

    rows[6] = 'Commune Connue;maire;63003;;06 39 98 20 04;;oui';
    const third = await sidpcA.post('/api/contacts/import', { csv: rows.join('\r\n') });
    expect(third.body).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const twoLines = ((await sidpcA.get('/api/contacts?q=deux')).body as Contact[])[0];
    expect(twoLines.name).toBe('Sur deux\r\nlignes');
  });

  it('reports a broken header or file at line 1', async () => {
    const bad = await sidpcA.post('/api/contacts/import', { csv: 'Nom;Téléphone\nA;B' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { path: 'line.1.Téléphone', message: expect.stringContaining('unknown column') },
      { path: 'line.1.Fonction', message: 'missing column' },
    ]);
    expect(
      (await sidpcA.post('/api/contacts/import', { csv: 'Nom;Fonction' })).body.details,
    ).toEqual([{ path: 'line.2', message: 'no contact in the file' }]);
    expect((await sidpcA.post('/api/contacts/import', { csv: '' })).status).toBe(400);
    const [luc] = (await sidpcA.get('/api/contacts?q=Ferrandon')).body as Contact[];
    const taken = await sidpcA.post('/api/contacts/import', {
      csv: `Identifiant;Nom;Fonction;Code INSEE;Courriel\n${luc.id};Luc Ferrandon;adjoint;63300;mairie-63300@demo.vigie.test`,
    });
    expect(taken.body.details).toEqual([
      { path: 'line.2.Courriel', message: 'already the e-mail of another contact' },
    ]);
    // the import takes JSON {csv}; a raw text/csv body is not parsed, so it is a 400 too
    const raw = await a.http
      .post('/api/contacts/import')
      .set('Authorization', `Bearer ${tokenA}`)
      .set('Content-Type', 'text/csv')
      .send('Nom;Fonction\nJean Raw;maire');
    expect(raw.status).toBe(400);
  });
});

describe('demo directory', () => {
  let t: TestApp;
  let ds: DataSource;
  const AT = new Date('2026-03-11T09:30:00.000Z');
  const counts = async () =>
    (await ds.query(
      `SELECT (SELECT count(*) FROM contact)::int AS contacts, (SELECT count(*) FROM roster_shift)::int AS shifts`,
    )) as [{ contacts: number; shifts: number }];

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('seeds the 463 mayors, each with a deputy, the officials and astreintes for every service; then does nothing', async () => {
    const first = await ds.transaction((m) => seedDemoDirectory(m, AT));
    // 5 deputies, 3 senators, a binôme of departmental councillors per canton (30 cantons)
    expect(first).toEqual({ contacts: 463 * 2 + SERVICES_63.length * 3 + 5 + 3 + 30 * 2 });

    const mayors = (await ds.query(
      `SELECT m.commune_insee, m.name, m.email, m.mobile, m.landline, d.function AS deputy_function,
              d.commune_insee AS deputy_commune, d.active AS deputy_active, d.mobile AS deputy_mobile
       FROM contact m LEFT JOIN contact d ON d.id = m.deputy_contact_id
       WHERE m.function = 'maire' AND m.active`,
    )) as Record<string, string | boolean>[];
    expect(mayors).toHaveLength(463);
    const communes = (await ds.query('SELECT insee FROM commune')) as { insee: string }[];
    expect(new Set(mayors.map((m) => m.commune_insee))).toEqual(
      new Set(communes.map((c) => c.insee)),
    );
    for (const m of mayors) {
      expect(m).toMatchObject({
        deputy_function: 'adjoint',
        deputy_commune: m.commune_insee,
        deputy_active: true,
      });
      expect(m.email).toBe(`mairie-${m.commune_insee as string}@demo.vigie.test`);
    }
    // every number in ARCEP's fiction ranges, all distinct
    const phones = (await ds.query('SELECT mobile, landline FROM contact')) as {
      mobile: string;
      landline: string | null;
    }[];
    for (const p of phones) expect(p.mobile).toMatch(/^\+33639980\d{3}$|^\+3363998[123]\d{3}$/);
    for (const p of phones.filter((x) => x.landline))
      expect(p.landline).toMatch(/^\+3346571\d{4}$/);
    expect(new Set(phones.map((p) => p.mobile)).size).toBe(phones.length);
    const emails = (await ds.query('SELECT email FROM contact')) as { email: string }[];
    for (const e of emails) expect(e.email).toMatch(/@demo\.vigie\.test$/);

    // the whole département resolves: every commune's mayor, once
    const recipients = t.app.get(RecipientsService);
    const all = await recipients.resolve(
      ds.manager,
      { communeInsee: communes.map((c) => c.insee) },
      AT,
    );
    expect(all).toHaveLength(463);

    // every service has rank 1 and rank 2 on duty now and for the next 7 days
    const services = (await ds.query('SELECT id, code FROM service')) as {
      id: string;
      code: string;
    }[];
    for (const hours of [0, 1, 24, 71, 100, 7 * 24, 7 * 24 + 1]) {
      const when = new Date(AT.getTime() + hours * HOUR);
      for (const s of services.filter((x) => SERVICES_63.some((d) => d.code === x.code))) {
        const paged = await recipients.resolve(ds.manager, { serviceIds: [s.id] }, when);
        expect(paged).toHaveLength(1);
        const next = await recipients.escalationTarget(
          ds.manager,
          paged[0].contactId,
          when,
          new Set(),
        );
        expect(next).not.toBeNull();
        expect(next!.serviceId).toBe(s.id);
        expect(next!.contactId).not.toBe(paged[0].contactId);
      }
    }
    // the mayor's deputy comes first in escalation
    const mayor = all.find((x) => x.communeInsee === '63113')!;
    expect(
      (await recipients.escalationTarget(ds.manager, mayor.contactId, AT, new Set()))?.contactId,
    ).toBe(mayor.deputyContactId);

    const before = await counts();
    expect(
      await ds.transaction((m) => seedDemoDirectory(m, new Date(AT.getTime() + 60_000))),
    ).toEqual({ contacts: 0 });
    expect(await counts()).toEqual(before);
  });
});
