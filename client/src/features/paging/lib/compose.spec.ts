/// <reference types="jest" />
import { validatePage, type PageDraft } from './compose';

const draft = (extra: Partial<PageDraft> = {}): PageDraft => ({
  title: '  Crue de l’Allier  ',
  message: 'Montée rapide des eaux à Issoire.',
  severity: 'crise',
  channels: ['sms', 'email'],
  ackRequired: true,
  escalationMin: '5',
  recipients: { communeInsee: ['63178'] },
  crisisId: null,
  ...extra,
});

describe('validatePage', () => {
  it('builds the request body the contract expects', () => {
    expect(validatePage(draft({ escalationMin: '2,5' }))).toEqual({
      errors: null,
      body: {
        title: 'Crue de l’Allier',
        message: 'Montée rapide des eaux à Issoire.',
        severity: 'crise',
        recipients: { communeInsee: ['63178'] },
        channels: ['sms', 'email'],
        ackRequired: true,
        escalateAfterSec: 150,
      },
    });
  });

  it('lists every field to fix', () => {
    const { body, errors } = validatePage(
      draft({
        title: 'ab',
        message: 'x'.repeat(1401),
        channels: [],
        escalationMin: '0',
        recipients: {},
      }),
    );
    expect(body).toBeNull();
    expect(Object.keys(errors ?? {}).sort()).toEqual([
      'channels',
      'escalation',
      'message',
      'recipients',
      'title',
    ]);
  });

  it('ignores the delay when no acknowledgement is required', () => {
    expect(
      validatePage(draft({ ackRequired: false, escalationMin: '' })).body?.escalateAfterSec,
    ).toBe(300);
  });
});
