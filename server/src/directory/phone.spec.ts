import { phoneSchema } from '../contracts/paging';
import { formatPhone, isFrenchNonMobile, normalisePhone } from './phone';

describe('phone numbers', () => {
  it.each([
    ['06 39 98 00 12', '+33639980012'],
    ['0639980012', '+33639980012'],
    ['+33 6 39 98 00 12', '+33639980012'],
    ['+33639980012', '+33639980012'],
    ['04 65 71 00 01', '+33465710001'],
    ['+4915123456789', '+4915123456789'],
  ])('stores %s as %s', (input, e164) => {
    expect(phoneSchema.parse(input)).toBe(input);
    expect(normalisePhone(input)).toBe(e164);
  });

  it('refuses French numbers of the wrong length that the loose E.164 shape lets through', () => {
    expect(phoneSchema.safeParse('+330639980012').success).toBe(true);
    expect(normalisePhone('+330639980012')).toBeNull();
    expect(normalisePhone('+3363998001')).toBeNull();
    expect(normalisePhone('+0123456789')).toBeNull();
  });

  it('formats French numbers the national way and leaves the others alone', () => {
    expect(formatPhone('+33639980012')).toBe('06 39 98 00 12');
    expect(formatPhone('+33199001234')).toBe('01 99 00 12 34');
    expect(formatPhone('+4915123456789')).toBe('+4915123456789');
    expect(normalisePhone(formatPhone('+33639980012'))).toBe('+33639980012');
  });

  it('tells French landlines from mobiles', () => {
    expect(isFrenchNonMobile('+33465710001')).toBe(true);
    expect(isFrenchNonMobile('+33639980012')).toBe(false);
    expect(isFrenchNonMobile('+33712345678')).toBe(false);
    expect(isFrenchNonMobile('+4915123456789')).toBe(false);
  });
});
