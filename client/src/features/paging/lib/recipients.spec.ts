/// <reference types="jest" />
import type { Contact } from '@contracts/paging';
import { indexCommunes } from './communes';
import {
  describeRecipientProblem,
  EMPTY_RECIPIENTS,
  toRecipientsSpec,
  type Lookups,
} from './recipients';

const contact = { id: '7b0c8a57-3c8f-4f3a-9d2c-1f5a3c2b1a00', name: 'Paul Durand' } as Contact;
const lookups: Lookups = {
  contacts: new Map([[contact.id, contact.name]]),
  groups: new Map([['g1', 'Maires du Livradois']]),
  services: new Map([['s1', 'SDIS du Puy-de-Dôme (SDIS63)']]),
  communes: indexCommunes([
    {
      insee: '63026',
      name: 'Aydat',
      population: 2300,
      arrondissement: '631',
      arrondissementName: 'Clermont-Ferrand',
      postcodes: ['63970'],
    },
  ]),
};

describe('recipients spec', () => {
  it('sends only what was chosen', () => {
    expect(toRecipientsSpec(EMPTY_RECIPIENTS)).toEqual({});
    expect(toRecipientsSpec({ ...EMPTY_RECIPIENTS, contacts: [contact], featureId: 'f1' })).toEqual(
      {
        contactIds: [contact.id],
        featureId: 'f1',
      },
    );
  });
});

describe('400 details in the user’s words', () => {
  const spec = { contactIds: [contact.id], serviceIds: ['s1'], communeInsee: ['63999', '63026'] };
  it('names the recipient an index points at, with or without the `recipients.` prefix', () => {
    expect(
      describeRecipientProblem(
        { path: 'recipients.communeInsee.1', message: 'no active mayor in 63026' },
        spec,
        lookups,
      ),
    ).toBe('Commune Aydat (63026) : aucun maire actif dans l’annuaire');
    expect(
      describeRecipientProblem(
        { path: 'communeInsee.0', message: 'not a commune of the Puy-de-Dôme' },
        spec,
        lookups,
      ),
    ).toBe('Commune 63999 : n’est pas une commune du Puy-de-Dôme');
    expect(
      describeRecipientProblem(
        { path: 'recipients.serviceIds.0', message: 'nobody of SDIS63 is on duty' },
        spec,
        lookups,
      ),
    ).toBe('Service « SDIS du Puy-de-Dôme (SDIS63) » : personne n’est d’astreinte en ce moment');
    expect(
      describeRecipientProblem(
        { path: 'recipients.contactIds.0', message: 'unknown contact' },
        spec,
        lookups,
      ),
    ).toBe('Personne « Paul Durand » : personne inconnue ou supprimée');
  });
  it('says other fields and unknown messages as they are', () => {
    expect(
      describeRecipientProblem(
        { path: 'recipients.featureId', message: 'something new' },
        spec,
        lookups,
      ),
    ).toBe('Périmètre : something new');
    expect(describeRecipientProblem({ path: 'title', message: 'Too small' }, spec, lookups)).toBe(
      'Objet : Too small',
    );
    expect(
      describeRecipientProblem({ path: '', message: 'at least one recipient' }, spec, lookups),
    ).toBe('Destinataires : choisissez au moins un destinataire');
  });
});
