/**
 * Demo directory: a mayor and a first deputy for each of the 463 communes, deputies, senators and
 * departmental councillors, and three duty
 * officers with a weekly astreinte for each service. Fictitious people: names drawn from the
 * INSEE code by a seeded PRNG, e-mails on `demo.vigie.test` (a reserved TLD, never delivered),
 * phone numbers in ARCEP's ranges reserved for fiction (06 39 98 xx xx mobiles, 04 65 71 xx xx
 * landlines), so nothing real is ever called.
 */
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Like } from 'typeorm';
import type { ContactFields } from './contact-rules';
import { Contact } from './contact.entity';
import { DEMO_FIRST_NAMES_F, DEMO_FIRST_NAMES_M, DEMO_SURNAMES } from './demo-names';
import { ensureServices } from './directory.service';
import { RosterShift } from './roster-shift.entity';
import { Service } from './service.entity';
import { SERVICES_63 } from './services-63';

export const DEMO_EMAIL_DOMAIN = 'demo.vigie.test';
const MOBILE_FICTION = '+3363998'; // 06 39 98 00 00 – 06 39 98 99 99
const LANDLINE_FICTION = '+3346571'; // 04 65 71 00 00 – 04 65 71 99 99
/** Mobile blocks: mayors 0000–0999, deputies 1000–1999, officers 2000–. */
const DEPUTY_BLOCK = 1000;
const OFFICER_BLOCK = 2000;
const OFFICIAL_BLOCK = 3000;
const OFFICERS_PER_SERVICE = 3;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** 32-bit FNV-1a. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoPerson {
  name: string;
  feminine: boolean;
}

/** The same fictitious person for the same key, every time. */
export function demoPerson(key: string): DemoPerson {
  const random = prng(fnv1a(key));
  const feminine = random() < 0.5;
  const firstNames = feminine ? DEMO_FIRST_NAMES_F : DEMO_FIRST_NAMES_M;
  const first = firstNames[Math.floor(random() * firstNames.length)];
  const last = DEMO_SURNAMES[Math.floor(random() * DEMO_SURNAMES.length)];
  return { name: `${first} ${last}`, feminine };
}

/** `de Clermont-Ferrand`, `d'Aubière`, `du Cendre`, `des Martres-de-Veyre`. */
export function ofCommune(name: string): string {
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  if (/^[AEIOUYÂÉÈÊÎÔÛ]/i.test(name)) return `d'${name}`;
  return `de ${name}`;
}

/** `+33639980042` for block index 42. */
export function fictionPhone(
  prefix: typeof MOBILE_FICTION | typeof LANDLINE_FICTION,
  index: number,
): string {
  if (!Number.isInteger(index) || index < 0 || index > 9999)
    throw new RangeError(`no fiction number ${index}`);
  return `${prefix}${String(index).padStart(4, '0')}`;
}

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  weekday: 'short',
  hourCycle: 'h23',
});

function paris(date: Date): {
  y: number;
  m: number;
  d: number;
  h: number;
  weekday: string;
  offsetMs: number;
} {
  const p = Object.fromEntries(parisParts.formatToParts(date).map((x) => [x.type, x.value]));
  const [y, m, d, h] = [p.year, p.month, p.day, p.hour].map(Number);
  const wall = Date.UTC(
    y,
    m - 1,
    d,
    h,
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
  return { y, m, d, h, weekday: p.weekday, offsetMs: wall - date.getTime() };
}

/** The instant of a wall-clock hour in Paris (month 1–12; days may overflow). */
function parisTime(y: number, m: number, d: number, h: number): Date {
  const wall = Date.UTC(y, m - 1, d, h);
  let guess = new Date(wall - paris(new Date(wall)).offsetMs);
  guess = new Date(wall - paris(guess).offsetMs);
  return guess;
}

/** Monday 08:00 (Paris) starting the astreinte week that contains `at`. */
export function astreinteWeekStart(at: Date): Date {
  const now = paris(at);
  const sinceMonday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(now.weekday);
  const back = sinceMonday === 0 && now.h < 8 ? 7 : sinceMonday;
  return parisTime(now.y, now.m, now.d - back, 8);
}

function addWeeks(monday: Date, weeks: number): Date {
  const p = paris(monday);
  return parisTime(p.y, p.m, p.d + 7 * weeks, 8);
}

/**
 * Seeds the demo directory once (a second call creates no contact) and keeps the demo
 * astreintes covering the week before `at` to two weeks after it. Returns the contacts created.
 */
export async function seedDemoDirectory(
  manager: EntityManager,
  at: Date,
): Promise<{ contacts: number }> {
  await ensureServices(manager, SERVICES_63);
  const codes: string[] = SERVICES_63.map((s) => s.code);
  const services = (await manager.findBy(Service, { code: In(codes) })).sort(
    (a, b) => codes.indexOf(a.code) - codes.indexOf(b.code),
  );
  const seeded = await manager.existsBy(Contact, { email: Like(`%@${DEMO_EMAIL_DOMAIN}`) });
  const contacts = seeded ? 0 : await seedContacts(manager, services);
  const officials = await seedOfficials(manager);
  await seedRosters(manager, services, at);
  return { contacts: contacts + officials };
}

async function seedContacts(manager: EntityManager, services: Service[]): Promise<number> {
  const communes = (await manager.query('SELECT insee, name FROM commune ORDER BY insee')) as {
    insee: string;
    name: string;
  }[];
  // seeding without the communes would leave the demo without mayors for good
  if (communes.length === 0)
    throw new Error('seed the reference communes before the demo directory');
  if (communes.length > DEPUTY_BLOCK) throw new RangeError('more communes than demo phone numbers');
  const base = {
    title: null,
    serviceId: null,
    userId: null,
    cantonCode: null,
    circonscriptionCode: null,
    active: true,
    version: 1,
  };
  const deputies: (ContactFields & { id: string })[] = [];
  const mayors: ContactFields[] = [];
  communes.forEach(({ insee, name }, i) => {
    const mayor = demoPerson(`maire:${insee}`);
    let deputy = demoPerson(`adjoint:${insee}`);
    for (let n = 2; deputy.name === mayor.name; n++) deputy = demoPerson(`adjoint:${insee}:${n}`);
    const deputyId = randomUUID();
    deputies.push({
      ...base,
      id: deputyId,
      name: deputy.name,
      function: 'adjoint',
      title: `${deputy.feminine ? 'Première adjointe' : 'Premier adjoint'} au maire ${ofCommune(name)}`,
      communeInsee: insee,
      mobile: fictionPhone(MOBILE_FICTION, DEPUTY_BLOCK + i),
      landline: null,
      email: `adjoint-${insee}@${DEMO_EMAIL_DOMAIN}`,
      deputyContactId: null,
    });
    mayors.push({
      ...base,
      name: mayor.name,
      function: 'maire',
      title: `Maire ${ofCommune(name)}`,
      communeInsee: insee,
      mobile: fictionPhone(MOBILE_FICTION, i),
      landline: fictionPhone(LANDLINE_FICTION, i),
      email: `mairie-${insee}@${DEMO_EMAIL_DOMAIN}`,
      deputyContactId: deputyId,
    });
  });
  const officers: ContactFields[] = services.flatMap((service, s) =>
    Array.from({ length: OFFICERS_PER_SERVICE }, (_, n) => ({
      ...base,
      name: demoPerson(`astreinte:${service.code}:${n + 1}`).name,
      function: 'astreinte' as const,
      title: `Cadre d'astreinte ${service.code}`,
      serviceId: service.id,
      communeInsee: null,
      mobile: fictionPhone(MOBILE_FICTION, OFFICER_BLOCK + s * OFFICERS_PER_SERVICE + n),
      landline: null,
      email: `astreinte-${n + 1}.${service.code.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
      deputyContactId: null,
    })),
  );
  // deputies first: the mayors point at them
  await manager.insert(Contact, deputies);
  await manager.insert(Contact, mayors);
  await manager.insert(Contact, officers);
  return deputies.length + mayors.length + officers.length;
}

/** A demo person of the wanted sex (a canton elects a woman and a man). */
function demoPersonOf(key: string, feminine: boolean): DemoPerson {
  let person = demoPerson(key);
  for (let n = 2; person.feminine !== feminine; n++) person = demoPerson(`${key}:${n}`);
  return person;
}

/**
 * Fictitious elected officials on the real map: one deputy per circonscription, the binôme of
 * conseillers départementaux of each canton, three senators. Once (by their demo e-mails).
 */
async function seedOfficials(manager: EntityManager): Promise<number> {
  const domain = `@${DEMO_EMAIL_DOMAIN}`;
  if (await manager.existsBy(Contact, { email: `depute-6301${domain}` })) return 0;
  const circos = (await manager.query('SELECT code, name FROM circonscription ORDER BY code')) as {
    code: string;
    name: string;
  }[];
  const cantons = (await manager.query('SELECT code, name FROM canton ORDER BY code')) as {
    code: string;
    name: string;
  }[];
  if (circos.length === 0 || cantons.length === 0)
    throw new Error('seed the territorial reference before the demo officials');
  const base = {
    serviceId: null,
    userId: null,
    communeInsee: null,
    cantonCode: null,
    circonscriptionCode: null,
    landline: null,
    deputyContactId: null,
    active: true,
    version: 1,
  };
  let phone = OFFICIAL_BLOCK;
  const officials: ContactFields[] = [
    ...circos.map((c) => {
      const p = demoPerson(`depute:${c.code}`);
      return {
        ...base,
        name: p.name,
        function: 'depute' as const,
        title: `${p.feminine ? 'Députée' : 'Député'} de la ${c.name}`,
        circonscriptionCode: c.code,
        mobile: fictionPhone(MOBILE_FICTION, phone++),
        email: `depute-${c.code}${domain}`,
      };
    }),
    ...[1, 2, 3].map((n) => {
      const p = demoPerson(`senateur:${n}`);
      return {
        ...base,
        name: p.name,
        function: 'senateur' as const,
        title: `${p.feminine ? 'Sénatrice' : 'Sénateur'} du Puy-de-Dôme`,
        mobile: fictionPhone(MOBILE_FICTION, phone++),
        email: `senateur-${n}${domain}`,
      };
    }),
    ...cantons.flatMap((c) =>
      [true, false].map((feminine) => {
        const p = demoPersonOf(`cd:${c.code}:${feminine ? 'f' : 'h'}`, feminine);
        return {
          ...base,
          name: p.name,
          function: 'conseiller_departemental' as const,
          title: `${feminine ? 'Conseillère départementale' : 'Conseiller départemental'} du canton ${ofCommune(c.name)}`,
          cantonCode: c.code,
          mobile: fictionPhone(MOBILE_FICTION, phone++),
          email: `cd-${c.code}-${feminine ? 'f' : 'h'}${domain}`,
        };
      }),
    ),
  ];
  await manager.insert(Contact, officials);
  return officials.length;
}

/**
 * Weekly astreintes from the week before `at` to two weeks after: each week one officer at
 * rank 1 and the next at rank 2, rotating. Only the missing shifts are added.
 */
async function seedRosters(manager: EntityManager, services: Service[], at: Date): Promise<void> {
  const officers = await manager.find(Contact, {
    where: {
      function: 'astreinte',
      email: Like(`%@${DEMO_EMAIL_DOMAIN}`),
      serviceId: In(services.map((s) => s.id)),
    },
    order: { email: 'ASC' },
  });
  if (officers.length === 0) return;
  const thisWeek = astreinteWeekStart(at);
  const weeks = [-1, 0, 1, 2].map((w) => ({
    start: addWeeks(thisWeek, w),
    end: addWeeks(thisWeek, w + 1),
  }));
  const existing = await manager.find(RosterShift, {
    where: { contactId: In(officers.map((o) => o.id)), start: In(weeks.map((w) => w.start)) },
  });
  const key = (contactId: string, start: Date, rank: number) =>
    `${contactId}|${start.getTime()}|${rank}`;
  const have = new Set(existing.map((s) => key(s.contactId, s.start, s.rank)));
  const missing: Partial<RosterShift>[] = [];
  services.forEach((service, s) => {
    const team = officers.filter((o) => o.serviceId === service.id);
    if (team.length < 2) return;
    for (const week of weeks) {
      const turn = Math.round(week.start.getTime() / WEEK_MS) + s;
      for (const rank of [1, 2]) {
        const officer = team[(turn + rank - 1) % team.length];
        if (have.has(key(officer.id, week.start, rank))) continue;
        missing.push({
          serviceId: service.id,
          contactId: officer.id,
          start: week.start,
          end: week.end,
          rank,
          override: false,
          createdBy: null,
        });
      }
    }
  });
  if (missing.length > 0) await manager.insert(RosterShift, missing);
}
