import { describe, expect, it } from '@jest/globals';
import { FEATURE_KINDS, INCIDENT_KINDS } from '@contracts/crisis';
import {
  clusterRadius,
  FEATURE_STYLES,
  featureStyle,
  formatClusterCount,
  INCIDENT_KIND_GLYPHS,
  SEVERITIES,
  SEVERITY_STYLES,
  severityOfRank,
  severityRank,
} from './styles';

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('severity styles', () => {
  it('orders severities and maps ranks back', () => {
    expect(SEVERITIES.map(severityRank)).toEqual([0, 1, 2, 3]);
    expect(severityOfRank(3)).toBe('critique');
    expect(severityOfRank(-1)).toBe('faible');
    expect(severityOfRank(9)).toBe('critique');
  });

  it('draws the glyph at 4.5:1 at least on every severity colour', () => {
    for (const severity of SEVERITIES) {
      const s = SEVERITY_STYLES[severity];
      expect(contrast(s.text, s.fill)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('grows with severity, so size also tells it (not colour alone)', () => {
    const radii = SEVERITIES.map((s) => SEVERITY_STYLES[s].radius);
    expect([...radii].sort((a, b) => a - b)).toEqual(radii);
    expect(new Set(radii).size).toBe(radii.length);
  });
});

describe('incident kinds', () => {
  it('has a distinct glyph of 1 or 2 letters for every kind', () => {
    const glyphs = INCIDENT_KINDS.map((k) => INCIDENT_KIND_GLYPHS[k]);
    expect(new Set(glyphs).size).toBe(INCIDENT_KINDS.length);
    for (const g of glyphs) expect(g.length).toBeLessThanOrEqual(2);
  });
});

describe('feature styles', () => {
  it('styles every kind, with distinct point codes', () => {
    for (const kind of FEATURE_KINDS) expect(featureStyle(kind)).toBe(FEATURE_STYLES[kind]);
    const codes = FEATURE_KINDS.map((k) => FEATURE_STYLES[k].code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('draws the security perimeter red and dashed, the flooded zone as a blue fill', () => {
    expect(FEATURE_STYLES.perimetre_securite).toMatchObject({
      color: '#CE0500',
      dashArray: expect.any(String),
    });
    expect(FEATURE_STYLES.zone_inondee.fillOpacity).toBeGreaterThanOrEqual(0.3);
    expect(FEATURE_STYLES.itineraire.legend).toBe('line');
    expect(FEATURE_STYLES.pco.legend).toBe('point');
  });

  it('keeps white point codes readable on their colour', () => {
    for (const kind of FEATURE_KINDS) {
      const s = FEATURE_STYLES[kind];
      if (s.legend === 'point') expect(contrast('#FFFFFF', s.color)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('clusters', () => {
  it('grows with the count, within bounds', () => {
    expect(clusterRadius(2)).toBeLessThan(clusterRadius(50));
    expect(clusterRadius(50)).toBeLessThan(clusterRadius(5000));
    expect(clusterRadius(1_000_000)).toBeLessThanOrEqual(26);
  });

  it('abbreviates large counts the French way', () => {
    expect(formatClusterCount(999)).toBe('999');
    expect(formatClusterCount(1250)).toBe('1,2 k');
    expect(formatClusterCount(12_345)).toBe('12 k');
  });
});
