import { addressFor, fallbackOrder, nextFallback, type Reachability, roundChannels } from './channels';

const mayor: Reachability = { email: 'maire@issoire.fr', mobile: '+33612345678', landline: '+33473000000', userId: null, hasPush: false };
const officer: Reachability = { email: 'o@pref.gouv.fr', mobile: null, landline: null, userId: 'u1', hasPush: true };

describe('channels', () => {
  it('picks one address per channel', () => {
    expect(addressFor('sms', mayor)).toBe('+33612345678');
    expect(addressFor('voice', mayor)).toBe('+33612345678');
    expect(addressFor('voice', { ...mayor, mobile: null })).toBe('+33473000000');
    expect(addressFor('push', mayor)).toBeNull();
    expect(addressFor('push', officer)).toBe('user:u1');
    expect(addressFor('push', { ...officer, hasPush: false })).toBeNull();
    expect(addressFor('inapp', officer)).toBe('user:u1');
  });

  it('orders fallbacks: the page channels first, then the standard order', () => {
    expect(fallbackOrder(['email', 'sms'])).toEqual(['email', 'sms', 'voice', 'push', 'inapp']);
  });

  it('does not fall back while another delivery still reaches the target', () => {
    expect(
      nextFallback(['sms', 'email'], mayor, [
        { channel: 'sms', address: '+33612345678', state: 'failed' },
        { channel: 'email', address: 'maire@issoire.fr', state: 'queued' },
      ]),
    ).toBeNull();
  });

  it('skips a number another phone channel already found invalid', () => {
    const round = [{ channel: 'sms' as const, address: '+33612345678', state: 'failed' as const }];
    // voice would call the same mobile: e-mail comes next
    expect(nextFallback(['sms'], { ...mayor, landline: null }, round)).toEqual({ channel: 'email', address: 'maire@issoire.fr' });
    // voice calls the mobile first (the refused number), even when there is a landline
    expect(nextFallback(['sms'], mayor, round)).toEqual({ channel: 'email', address: 'maire@issoire.fr' });
  });

  it('returns null when nothing is left', () => {
    const round = [
      { channel: 'sms' as const, address: '+33612345678', state: 'failed' as const },
      { channel: 'email' as const, address: 'maire@issoire.fr', state: 'failed' as const },
    ];
    expect(nextFallback(['sms', 'email'], { ...mayor, landline: null }, round)).toBeNull();
  });

  it('builds a round on the chosen channels, or on the first fallback when none reaches the target', () => {
    expect(roundChannels(['sms', 'push', 'email'], mayor)).toEqual([
      { channel: 'sms', address: '+33612345678', fallback: false },
      { channel: 'email', address: 'maire@issoire.fr', fallback: false },
    ]);
    expect(roundChannels(['sms'], officer)).toEqual([{ channel: 'email', address: 'o@pref.gouv.fr', fallback: true }]);
    expect(roundChannels(['sms'], { email: null, mobile: null, landline: null, userId: null, hasPush: false })).toEqual([]);
  });
});
