import { pressMessage } from './communiques.service';
import { sequenceProblems } from './visits.service';

describe('pressMessage (e-mail to the press lists)', () => {
  const link = 'https://vigie.example/api/public/communiques/abc.html';
  it('holds the reference, the plain text and the link', () => {
    const text = pressMessage({ reference: 'CP-2026-0001', title: 'T', body: '## Consignes\n- **rester** chez soi' }, link);
    expect(text).toBe(`CP-2026-0001\n\nCONSIGNES\n\n– rester chez soi\n\nTexte intégral : ${link}`);
  });
  it.each([100, 1300, 1400, 5000, 20_000])('fits the paging pipeline (1,400 characters) with a %i-character body and keeps the link', (n) => {
    const text = pressMessage({ reference: 'CP-2026-0001', title: 'T', body: 'x'.repeat(n) }, link);
    expect(text.length).toBeLessThanOrEqual(1400);
    expect(text.endsWith(`Texte intégral : ${link}`)).toBe(true);
    if (n > 1400) expect(text).toContain('…');
  });
});

describe('sequenceProblems (programme inside the visit)', () => {
  const visit = { startsAt: '2026-06-12T07:00:00Z', endsAt: '2026-06-12T15:00:00Z' };
  const seq = (startsAt: string, endsAt: string) => ({ startsAt, endsAt, place: 'p', title: 't', press: 'ouverte' as const });
  it.each([
    [seq('2026-06-12T07:00:00Z', '2026-06-12T15:00:00Z'), []],
    [seq('2026-06-12T06:59:00Z', '2026-06-12T08:00:00Z'), ['sequences.0.startsAt']],
    [seq('2026-06-12T14:00:00Z', '2026-06-12T15:01:00Z'), ['sequences.0.endsAt']],
    [seq('2026-06-12T05:00:00Z', '2026-06-12T16:00:00+00:00'), ['sequences.0.startsAt', 'sequences.0.endsAt']],
    [seq('2026-06-12T09:00:00+02:00', '2026-06-12T10:00:00+02:00'), []],
  ])('%j → %j', (s, paths) => {
    expect(sequenceProblems({ ...visit, sequences: [s] }).map((p) => p.path)).toEqual(paths);
  });
});
