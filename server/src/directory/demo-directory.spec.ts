import { astreinteWeekStart, demoPerson, fictionPhone, ofCommune } from './demo-directory';
import { DEMO_FIRST_NAMES_F, DEMO_FIRST_NAMES_M, DEMO_SURNAMES } from './demo-names';

describe('demo directory', () => {
  it('draws the same fictitious person from the same key, and varied people from different keys', () => {
    expect(demoPerson('maire:63113')).toEqual(demoPerson('maire:63113'));
    const names = new Set(
      Array.from({ length: 463 }, (_, i) => demoPerson(`maire:${63000 + i}`).name),
    );
    expect(names.size).toBeGreaterThan(440);
    const { name, feminine } = demoPerson('maire:63113');
    const [first] = name.split(' ');
    expect((feminine ? DEMO_FIRST_NAMES_F : DEMO_FIRST_NAMES_M) as readonly string[]).toContain(
      first,
    );
  });

  it('has about 200 first names and 300 surnames, without duplicates', () => {
    const first = [...DEMO_FIRST_NAMES_F, ...DEMO_FIRST_NAMES_M];
    expect(first.length).toBe(200);
    expect(DEMO_SURNAMES.length).toBeGreaterThanOrEqual(290);
    expect(new Set(DEMO_SURNAMES).size).toBe(DEMO_SURNAMES.length);
    expect(new Set(DEMO_FIRST_NAMES_F).size).toBe(100);
  });

  it('writes "maire de", with elision and contraction', () => {
    expect(ofCommune('Clermont-Ferrand')).toBe('de Clermont-Ferrand');
    expect(ofCommune('Aubière')).toBe("d'Aubière");
    expect(ofCommune('Issoire')).toBe("d'Issoire");
    expect(ofCommune('Le Cendre')).toBe('du Cendre');
    expect(ofCommune('Les Martres-de-Veyre')).toBe('des Martres-de-Veyre');
    expect(ofCommune('La Roche-Blanche')).toBe('de La Roche-Blanche');
  });

  it('stays inside the ARCEP fiction blocks', () => {
    expect(fictionPhone('+3363998', 0)).toBe('+33639980000');
    expect(fictionPhone('+3363998', 9999)).toBe('+33639989999');
    expect(fictionPhone('+3346571', 42)).toBe('+33465710042');
    expect(() => fictionPhone('+3363998', 10000)).toThrow(RangeError);
  });

  it('starts astreinte weeks on Monday 08:00 Paris time, in winter and in summer', () => {
    // Wednesday 14 January 2026, 15:00 UTC (CET, UTC+1) → Monday 12 January 08:00 CET
    expect(astreinteWeekStart(new Date('2026-01-14T15:00:00Z')).toISOString()).toBe(
      '2026-01-12T07:00:00.000Z',
    );
    // Wednesday 15 July 2026 (CEST, UTC+2) → Monday 13 July 08:00 CEST
    expect(astreinteWeekStart(new Date('2026-07-15T10:00:00Z')).toISOString()).toBe(
      '2026-07-13T06:00:00.000Z',
    );
    // Monday before 08:00 belongs to the previous week; at 08:00 the new week starts
    expect(astreinteWeekStart(new Date('2026-07-13T05:59:00Z')).toISOString()).toBe(
      '2026-07-06T06:00:00.000Z',
    );
    expect(astreinteWeekStart(new Date('2026-07-13T06:00:00Z')).toISOString()).toBe(
      '2026-07-13T06:00:00.000Z',
    );
    // the week across the end of summer time (25 October 2026): Monday 19 October, CEST
    expect(astreinteWeekStart(new Date('2026-10-25T12:00:00Z')).toISOString()).toBe(
      '2026-10-19T06:00:00.000Z',
    );
    // a Sunday → the Monday six days before, across a month boundary
    expect(astreinteWeekStart(new Date('2026-03-01T12:00:00Z')).toISOString()).toBe(
      '2026-02-23T07:00:00.000Z',
    );
  });
});
