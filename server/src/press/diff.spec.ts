import { diffText } from './diff';

const side = (parts: ReturnType<typeof diffText>, keep: 'insert' | 'delete') =>
  parts.filter((p) => p.op === 'equal' || p.op === keep).map((p) => p.text).join('');

describe('diffText', () => {
  it.each([
    ['', ''],
    ['', 'nouveau texte'],
    ['ancien texte', ''],
    ['Le préfet appelle à la prudence', 'Le préfet appelle à la plus grande prudence'],
    ['Routes fermées : D941, D2089', 'Routes fermées : D2089'],
    ['a b c d e', 'e d c b a'],
  ])('%j → %j reconstructs both sides', (before, after) => {
    const parts = diffText(before, after);
    expect(side(parts, 'delete')).toBe(before);
    expect(side(parts, 'insert')).toBe(after);
  });

  it('marks the inserted and deleted words', () => {
    expect(diffText('appelle à la prudence', 'appelle à la plus grande prudence')).toEqual([
      { op: 'equal', text: 'appelle à la ' },
      { op: 'insert', text: 'plus grande ' },
      { op: 'equal', text: 'prudence' },
    ]);
    expect(diffText('vigilance orange', 'vigilance rouge')).toEqual([
      { op: 'equal', text: 'vigilance ' },
      { op: 'delete', text: 'orange' },
      { op: 'insert', text: 'rouge' },
    ]);
  });

  it('falls back to lines for very long texts and still reconstructs them', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `mot${i}`).join(' ');
    const after = before.replace('mot1500', 'changé');
    const parts = diffText(before, after);
    expect(side(parts, 'delete')).toBe(before);
    expect(side(parts, 'insert')).toBe(after);
  });
});
