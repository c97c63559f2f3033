import { COD_LEVELS } from '../contracts/crisis';
import { allowedCodTransitions, checkCodTransition, codTransitionText, COD_TRANSITIONS } from './cod-transitions';

describe('COD transitions', () => {
  it('lets the SIDPC raise and lift a pré-alerte but not activate', () => {
    expect(checkCodTransition('veille', 'pre_alerte', ['sidpc'])).toEqual({ ok: true, kind: 'pre_alerte' });
    expect(checkCodTransition('pre_alerte', 'veille', ['sidpc'])).toEqual({ ok: true, kind: 'levee_pre_alerte' });
    expect(checkCodTransition('pre_alerte', 'active_elargi', ['sidpc'])).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('lets the direction activate, reconfigure and stand down', () => {
    expect(checkCodTransition('veille', 'active_restreint', ['director'])).toEqual({ ok: true, kind: 'activation' });
    expect(checkCodTransition('active_restreint', 'active_elargi', ['director'])).toEqual({ ok: true, kind: 'reconfiguration' });
    expect(checkCodTransition('active_elargi', 'veille', ['admin'])).toEqual({ ok: true, kind: 'desactivation' });
  });

  it('refuses transitions that do not exist, whoever asks', () => {
    const result = checkCodTransition('active_elargi', 'pre_alerte', ['admin']);
    expect(result).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(checkCodTransition('veille', 'veille', ['admin'])).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('gives an operator no transition at all', () => {
    for (const level of COD_LEVELS) expect(allowedCodTransitions(level, ['cod_operator', 'viewer'])).toEqual([]);
  });

  it('has exactly one rule per pair and every level reachable from veille and back', () => {
    const pairs = COD_TRANSITIONS.map((r) => `${r.from}>${r.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const level of COD_LEVELS.filter((l) => l !== 'veille')) {
      expect(pairs.some((p) => p.endsWith(`>${level}`))).toBe(true);
      expect(pairs).toContain(`${level}>veille`);
    }
  });

  it('writes the main courante line in French', () => {
    expect(codTransitionText('activation', 'active_restreint', 'crue de l’Allier')).toBe(
      'Activation du COD (configuration restreinte) — motif : crue de l’Allier',
    );
    expect(codTransitionText('desactivation', 'veille', 'décrue')).toBe('Désactivation du COD, retour en veille — motif : décrue');
  });
});
