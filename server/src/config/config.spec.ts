import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('applies defaults on an empty environment', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.VIGIE_INLINE_WORKER).toBe(true);
    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', VIGIE_DEMO: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'PORT', 'VIGIE_DEMO']);
  });

  it('parses booleans and lists', () => {
    const config = parseConfig({ VIGIE_DEMO: '0', CORS_ORIGINS: 'https://a.fr, https://b.fr' });
    expect(config.VIGIE_DEMO).toBe(false);
    expect(config.CORS_ORIGINS).toEqual(['https://a.fr', 'https://b.fr']);
  });
});
