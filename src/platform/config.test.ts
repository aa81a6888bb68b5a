import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { localeFromAcceptLanguage, localePath, splitLocale } from './i18n/index.js';

describe('config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toMatch(/data$/);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'not a url', TRUST_PROXY: 'maybe', NODE_ENV: 'staging' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(5);
      expect(problems.join('\n')).toMatch(/PORT[\s\S]*DATABASE_URL[\s\S]*SMTP_URL|PORT/);
    }
  });
});

describe('i18n paths', () => {
  it('maps between German and English paths', () => {
    expect(localePath('de', '/impressum')).toBe('/impressum');
    expect(localePath('en', '/impressum')).toBe('/en/impressum');
    expect(localePath('en', '/')).toBe('/en/');
    expect(splitLocale('/en/impressum?x=1')).toEqual({ locale: 'en', path: '/impressum' });
    expect(splitLocale('/en')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/english')).toEqual({ locale: 'de', path: '/english' });
  });

  it('picks the API language from Accept-Language', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('de');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,de;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR, de;q=0.5, en;q=0.4')).toBe('de');
    expect(localeFromAcceptLanguage('garbage;;;q=x')).toBe('de');
  });
});
