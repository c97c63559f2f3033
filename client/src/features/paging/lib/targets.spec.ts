/// <reference types="jest" />
import type { PageDelivery, PageTarget } from '@contracts/paging';
import { indexCommunes } from './communes';
import { formatAddress } from './format';
import {
  communeStatuses,
  countStatuses,
  deliveryNote,
  firstLevel,
  matchesFilter,
  reachState,
  viaLabel,
} from './targets';

let n = 0;
const delivery = (
  state: PageDelivery['state'],
  extra: Partial<PageDelivery> = {},
): PageDelivery => ({
  id: `d${++n}`,
  channel: 'sms',
  address: '+33600000000',
  state,
  attempts: 1,
  error: null,
  sentAt: null,
  deliveredAt: null,
  notBefore: null,
  level: 1,
  purpose: 'page',
  ...extra,
});
const target = (extra: Partial<PageTarget> = {}): PageTarget => ({
  id: `t${++n}`,
  contactId: `c${n}`,
  name: 'Jeanne Martin',
  function: 'maire',
  communeInsee: null,
  serviceId: null,
  via: ['contact'],
  acknowledgedAt: null,
  acknowledgedVia: null,
  acknowledgedBy: null,
  escalationLevel: 1,
  escalatedFromTargetId: null,
  deliveries: [],
  ...extra,
});

describe('reach state of a target', () => {
  it('is acknowledged whatever its messages say', () => {
    expect(
      reachState(
        target({ acknowledgedAt: '2026-01-01T00:00:00Z', deliveries: [delivery('failed')] }),
      ),
    ).toBe('acked');
  });
  it('is failed when nothing could be sent, or every message failed for good', () => {
    expect(reachState(target())).toBe('failed');
    expect(reachState(target({ deliveries: [delivery('failed'), delivery('cancelled')] }))).toBe(
      'failed',
    );
  });
  it('is pending while one message is still on its way or delivered', () => {
    expect(reachState(target({ deliveries: [delivery('failed'), delivery('queued')] }))).toBe(
      'pending',
    );
    expect(reachState(target({ deliveries: [delivery('delivered')] }))).toBe('pending');
  });
});

describe('filters', () => {
  const acked = target({
    acknowledgedAt: '2026-01-01T00:00:00Z',
    deliveries: [delivery('delivered')],
  });
  const failing = target({ deliveries: [delivery('failed'), delivery('sent')] });
  it('keeps the non-acknowledged and those with a failed message', () => {
    expect([acked, failing].filter((t) => matchesFilter(t, 'unacked'))).toEqual([failing]);
    expect([acked, failing].filter((t) => matchesFilter(t, 'failed'))).toEqual([failing]);
    expect([acked, failing].filter((t) => matchesFilter(t, 'all'))).toHaveLength(2);
  });
});

describe('commune colours', () => {
  it('is green when one paged person of the commune acknowledged, red when none can be reached', () => {
    const statuses = communeStatuses([
      target({ communeInsee: '63113', deliveries: [delivery('failed')] }),
      target({ communeInsee: '63113', acknowledgedAt: '2026-01-01T00:00:00Z' }),
      target({ communeInsee: '63026', deliveries: [delivery('failed')] }),
      target({ communeInsee: '63014', deliveries: [delivery('sent')] }),
      target({ communeInsee: null, deliveries: [delivery('sent')] }),
    ]);
    expect(Object.fromEntries(statuses)).toEqual({
      '63113': 'acked',
      '63026': 'failed',
      '63014': 'pending',
    });
    expect(countStatuses(statuses)).toEqual({ acked: 1, failed: 1, pending: 1 });
  });
});

describe('labels', () => {
  const communes = indexCommunes([
    {
      insee: '63026',
      name: 'Aydat',
      population: 2300,
      arrondissement: '631',
      arrondissementName: 'Clermont-Ferrand',
      postcodes: ['63970'],
    },
  ]);
  const ctx = { communes, targetsById: new Map<string, PageTarget>() };
  it('says why a person is paged', () => {
    expect(viaLabel('commune:63026', ctx)).toBe('Maire — Aydat (63026)');
    expect(viaLabel('group:Maires: vallée', ctx)).toBe('Groupe Maires: vallée');
    expect(viaLabel('service:SDIS63', ctx)).toBe('Astreinte SDIS63');
    expect(viaLabel('mystery', ctx)).toBe('mystery');
  });
  it('marks re-pages, fallbacks and duty alerts', () => {
    expect(deliveryNote(delivery('sent'))).toBeNull();
    expect(deliveryNote(delivery('sent', { level: 3, purpose: 'fallback' }))).toBe(
      'relance 2, repli',
    );
    // a deputy's first round is level 2; a duty alert is not a re-page
    const deputy = target({
      deliveries: [delivery('sent', { level: 2 }), delivery('sent', { level: 3 })],
    });
    expect(firstLevel(deputy)).toBe(2);
    expect(deputy.deliveries.map((d) => deliveryNote(d, firstLevel(deputy)))).toEqual([
      null,
      'relance 1',
    ]);
    expect(deliveryNote(delivery('sent', { level: 2, purpose: 'duty_alert' }))).toBe(
      'alerte de l’officier de permanence',
    );
  });
});

describe('addresses', () => {
  it('shows French numbers as they are dialled', () => {
    expect(formatAddress('+33639980089')).toBe('06 39 98 00 89');
    expect(formatAddress('+4930123456')).toBe('+4930123456');
    expect(formatAddress('mairie@example.fr')).toBe('mairie@example.fr');
  });
});
