import { changedFields, normaliseContact, type ContactFields } from './contact-rules';

const mayor: ContactFields = {
  name: 'Jeanne Bardin',
  function: 'maire',
  title: null,
  serviceId: null,
  communeInsee: '63113',
  cantonCode: null,
  circonscriptionCode: null,
  mobile: '06 39 98 00 12',
  landline: null,
  email: ' Mairie-63113@Demo.Vigie.Test',
  userId: null,
  deputyContactId: null,
  active: true,
};

describe('contact rules', () => {
  it('stores the e-mail lower-case and phones in E.164', () => {
    const { value, problems } = normaliseContact({ ...mayor, landline: '04 65 71 00 01' }, null);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      email: 'mairie-63113@demo.vigie.test',
      mobile: '+33639980012',
      landline: '+33465710001',
    });
  });

  it('lists every problem at once', () => {
    const { problems } = normaliseContact(
      {
        ...mayor,
        communeInsee: null,
        mobile: '04 65 71 00 01',
        landline: '+330465710001',
        deputyContactId: 'me',
      },
      'me',
      (f) => `line.3.${f}`,
    );
    expect(problems.map((p) => p.path)).toEqual([
      'line.3.mobile',
      'line.3.landline',
      'line.3.communeInsee',
      'line.3.deputyContactId',
    ]);
  });

  it('wants an active contact reachable, not an inactive one', () => {
    const silent = { ...mayor, mobile: null, email: null };
    expect(normaliseContact(silent, null).problems).toEqual([
      expect.objectContaining({ path: 'mobile' }),
    ]);
    expect(normaliseContact({ ...silent, active: false }, null).problems).toEqual([]);
    expect(normaliseContact({ ...silent, userId: 'u1' }, null).problems).toEqual([]);
  });

  it('lists the changed fields only', () => {
    const a = normaliseContact(mayor, null).value;
    expect(changedFields(a, { ...a, title: 'Maire' })).toEqual({ title: 'Maire' });
    expect(changedFields(a, { ...a })).toEqual({});
  });
});
