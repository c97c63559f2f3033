/**
 * Demo data of the press module (VIGIE_DEMO): fictitious journalists of real Puy-de-Dôme media
 * (e-mails on demo.vigie.test, phone numbers in ARCEP's fiction range), a press list,
 * communiqués in every state, press requests (one overdue), a ministerial visit to real
 * communes and a préfet's trip, acts and a published RAA issue. Idempotent: nothing is written
 * once the demo journalists exist.
 */
import { EntityManager, In } from 'typeorm';
import { ContactGroup, ContactGroupMember } from '../directory/contact-group.entity';
import { Contact } from '../directory/contact.entity';
import { Commune } from '../reference/commune.entity';
import { User } from '../users/user.entity';
import { Communique, CommuniqueTransition, CommuniqueVersion } from './communique.entity';
import { PressContactProfile } from './press-contact.entity';
import { PressRequest } from './press-request.entity';
import { addMonths, parisDate } from './publication-dates';
import { AdministrativeAct, RaaIssue } from './publication.entity';
import { Visit, VisitSequence } from './visit.entity';

const JOURNALISTS = [
  { name: 'Claire Vernadet', media: 'La Montagne', mediaType: 'presse_ecrite', beats: ['sécurité', 'faits divers'], consent: true },
  { name: 'Thomas Brugère', media: 'France 3 Auvergne-Rhône-Alpes', mediaType: 'television', beats: ['politique', 'environnement'], consent: true },
  { name: 'Inès Chabrol', media: 'France Bleu Pays d’Auvergne', mediaType: 'radio', beats: ['routes', 'météo'], consent: true },
  { name: 'Mathieu Fargeix', media: 'Le Semeur Hebdo', mediaType: 'presse_ecrite', beats: ['agriculture'], consent: false },
  { name: 'Sarah Bellonte', media: 'AFP Clermont-Ferrand', mediaType: 'agence', beats: ['sécurité', 'politique'], consent: true },
] as const;

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export async function seedDemoPress(m: EntityManager, now: Date): Promise<{ journalists: number }> {
  const emails = JOURNALISTS.map((j) => `${slug(j.name)}@demo.vigie.test`);
  if (await m.existsBy(Contact, { email: In(emails) })) return { journalists: 0 };
  const press = await m.findOneBy(User, { email: 'presse@vigie.test' });
  const director = await m.findOneBy(User, { email: 'directeur@vigie.test' });
  if (!press || !director) return { journalists: 0 };

  const ids: string[] = [];
  for (const [i, j] of JOURNALISTS.entries()) {
    const contact = await m.save(
      m.create(Contact, { name: j.name, function: 'journaliste', title: 'Journaliste', email: emails[i], mobile: `+336399890${String(i).padStart(2, '0')}`, active: true }),
    );
    ids.push(contact.id);
    await m.insert(PressContactProfile, {
      contactId: contact.id,
      media: j.media,
      mediaType: j.mediaType,
      beats: [...j.beats],
      consent: j.consent,
      consentAt: j.consent ? parisDate(new Date(now.getTime() - 90 * DAY)) : null,
    });
  }
  const list = await m.save(m.create(ContactGroup, { name: 'Presse départementale', description: 'Rédactions du Puy-de-Dôme (démo)' }));
  await m.insert(ContactGroupMember, ids.map((contactId) => ({ groupId: list.id, contactId })));

  const year = Number(parisDate(now).slice(0, 4));
  const communiques: { title: string; theme: string; body: string; status: Communique['status']; kind: Communique['kind'] }[] = [
    {
      title: 'Vigilance orange orages : le préfet appelle à la prudence',
      theme: 'Sécurité civile',
      kind: 'alerte',
      status: 'publie',
      body: 'Météo-France a placé le Puy-de-Dôme en **vigilance orange orages** à partir de 16 h.\n\n## Consignes\n- limitez vos déplacements\n- ne vous abritez pas sous les arbres\n- suivez les informations sur [le site de la préfecture](https://www.puy-de-dome.gouv.fr)',
    },
    {
      title: 'Visite du ministre de l’Agriculture à Ambert et Thiers',
      theme: 'Agenda',
      kind: 'invitation_presse',
      status: 'a_valider',
      body: 'Le ministre se rendra à Ambert puis à Thiers.\n\nAccréditations auprès du service de la communication interministérielle avant la veille 12 h.',
    },
    {
      title: 'Bilan de la sécurité routière du premier semestre',
      theme: 'Sécurité routière',
      kind: 'communique',
      status: 'brouillon',
      body: 'Au premier semestre, **18 personnes** ont perdu la vie sur les routes du département.',
    },
  ];
  for (const [i, c] of communiques.entries()) {
    const at = new Date(now.getTime() - (3 - i) * DAY);
    const row = await m.save(
      m.create(Communique, {
        reference: `CP-${year}-${String(900 + i).padStart(4, '0')}`,
        title: c.title,
        kind: c.kind,
        theme: c.theme,
        body: c.body,
        status: c.status,
        authorId: press.id,
        authorName: press.displayName,
        validatedBy: c.status === 'publie' ? director.id : null,
        validatedByName: c.status === 'publie' ? director.displayName : null,
        validatedAt: c.status === 'publie' ? new Date(at.getTime() + HOUR) : null,
        publishedAt: c.status === 'publie' ? new Date(at.getTime() + 2 * HOUR) : null,
        pressListIds: [list.id],
        website: true,
        exercise: false,
        attachments: [],
        version: 1,
        updatedAt: at,
      }),
    );
    await m.insert(CommuniqueVersion, { communiqueId: row.id, version: 1, title: c.title, body: c.body, at, by: press.id, byName: press.displayName });
    const steps: [Communique['status'] | null, Communique['status'], number, User][] = [[null, 'brouillon', 0, press]];
    if (c.status !== 'brouillon') steps.push(['brouillon', 'a_valider', 0.5, press]);
    if (c.status === 'publie') steps.push(['a_valider', 'valide', 1, director], ['valide', 'publie', 2, press]);
    await m.insert(
      CommuniqueTransition,
      steps.map(([from, to, h, by]) => ({ communiqueId: row.id, from, to, at: new Date(at.getTime() + h * HOUR), by: by.id, byName: by.displayName, note: null })),
    );
  }

  await m.insert(PressRequest, [
    { contactId: ids[0], journalistName: JOURNALISTS[0].name, media: JOURNALISTS[0].media, subject: 'Nombre d’interventions pendant les orages', deadline: new Date(now.getTime() - 2 * HOUR), status: 'en_cours', spokesperson: 'Directeur de cabinet', createdBy: press.id, createdByName: press.displayName },
    { contactId: ids[1], journalistName: JOURNALISTS[1].name, media: JOURNALISTS[1].media, subject: 'Interview du préfet sur la sécheresse', deadline: new Date(now.getTime() + 2 * DAY), status: 'recue', createdBy: press.id, createdByName: press.displayName },
    { contactId: ids[2], journalistName: JOURNALISTS[2].name, media: JOURNALISTS[2].media, subject: 'Fermeture du col de la Croix-Morand', deadline: new Date(now.getTime() - DAY), status: 'repondue', answer: 'Réouverture prévue vendredi 18 h.', answeredAt: new Date(now.getTime() - DAY - HOUR), createdBy: press.id, createdByName: press.displayName },
  ]);

  const communes = await m.find(Commune, { where: { insee: In(['63003', '63430', '63178']) } });
  if (communes.length === 3) {
    const day = new Date(now.getTime() + 10 * DAY);
    day.setUTCHours(7, 0, 0, 0);
    const at = (h: number) => new Date(day.getTime() + h * HOUR);
    const vo = await m.save(
      m.create(Visit, { kind: 'vo_ministre', authority: 'M. le ministre de l’Agriculture', title: 'Filière bois et élevage', startsAt: at(0.5), endsAt: at(8), communes: ['63003', '63430'], purpose: 'Rencontre des acteurs de la filière bois', status: 'confirmee', security: 'Escorte gendarmerie, compagnie d’Ambert', createdBy: press.id }),
    );
    await m.insert(VisitSequence, [
      { visitId: vo.id, startsAt: at(0.5), endsAt: at(1.25), place: 'Mairie d’Ambert', title: 'Accueil républicain', participants: 'Maire, député, conseillers départementaux', press: 'ouverte' },
      { visitId: vo.id, startsAt: at(3), endsAt: at(4.5), place: 'Scierie, Thiers', title: 'Table ronde filière bois', participants: 'Professionnels, DDT', press: 'fermee' },
      { visitId: vo.id, startsAt: at(5), endsAt: at(5.5), place: 'Sous-préfecture de Thiers', title: 'Point presse', press: 'ouverte' },
    ]);
    await m.insert(Visit, { kind: 'prefet', authority: 'M. le préfet', title: 'Inauguration à Issoire', startsAt: at(6), endsAt: at(9), communes: ['63178'], status: 'previsionnelle', createdBy: press.id });
  }

  const published = parisDate(new Date(now.getTime() - 7 * DAY));
  const raaYear = Number(published.slice(0, 4));
  const [{ next }] = (await m.query('SELECT coalesce(max(seq), 0) + 1 AS next FROM raa_issue WHERE year = $1', [raaYear])) as [{ next: number }];
  const issue = await m.save(m.create(RaaIssue, { year: raaYear, seq: next, title: null, publishedOn: published, appealDeadline: addMonths(published, 2) }));
  const subjects = [
    'portant réglementation temporaire de la circulation sur la RD 2089',
    'portant délégation de signature au directeur de cabinet',
    'autorisant une manifestation sportive à Issoire',
    'portant interdiction temporaire de l’usage de feux d’artifice',
  ];
  for (const [i, subject] of subjects.entries()) {
    const signed = parisDate(new Date(now.getTime() - (10 + i) * DAY));
    await m.insert(AdministrativeAct, {
      number: `63-${signed}-${String(900 + i).padStart(5, '0')}`,
      signedAt: signed,
      signatory: i === 1 ? 'Le préfet' : 'Le directeur de cabinet',
      delegation: i === 1 ? null : 'Arrêté portant délégation de signature au directeur de cabinet',
      service: 'Cabinet du préfet',
      nature: i === 2 ? 'individuel' : 'reglementaire',
      subject: `Arrêté ${subject}`,
      hasPdf: false,
      raaIssueId: i < 3 ? issue.id : null,
      raaPosition: i < 3 ? i + 1 : null,
      enforceableAt: i < 3 && i !== 2 ? published : null,
    });
  }
  return { journalists: JOURNALISTS.length };
}
