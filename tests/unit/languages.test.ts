import { describe, expect, it } from 'vitest';
import { matchLanguage, resolveLanguage } from '../../src/web/i18n/languages.ts';
import { localize } from '../../src/core/manifest/text.ts';

describe('resolveLanguage', () => {
  const available = ['vi', 'en', 'fr'];
  it('prefers the link, then the saved choice, then the browser, then the tour default', () => {
    const all = { available, fallback: 'vi', fromLink: 'fr', saved: 'en', browser: ['en-US'] };
    expect(resolveLanguage(all)).toBe('fr');
    expect(resolveLanguage({ ...all, fromLink: undefined })).toBe('en');
    expect(
      resolveLanguage({ ...all, fromLink: undefined, saved: null, browser: ['fr-CA', 'en'] }),
    ).toBe('fr');
    expect(resolveLanguage({ available, fallback: 'vi', browser: ['de-DE'] })).toBe('vi');
  });

  it('skips a requested language the tour does not have', () => {
    expect(resolveLanguage({ available, fallback: 'vi', fromLink: 'ko', browser: ['en-GB'] })).toBe(
      'en',
    );
  });

  it('matches regional and script variants to the closest available language', () => {
    expect(matchLanguage('en-US', available)).toBe('en');
    expect(matchLanguage('zh-Hant-TW', ['zh-Hant', 'zh'])).toBe('zh-Hant');
    expect(matchLanguage('ZH-cn', ['zh'])).toBe('zh');
    expect(matchLanguage('de', available)).toBeUndefined();
  });
});

describe('localize', () => {
  const map = { vi: 'Đền Hùng', en: 'Hung Temple', fr: '  ' };
  it('returns the asked language when present', () => {
    expect(localize(map, 'en', 'vi')).toEqual({ text: 'Hung Temple', lang: 'en', fallback: false });
  });
  it('falls back to the default language and says so', () => {
    expect(localize(map, 'ko', 'vi')).toEqual({ text: 'Đền Hùng', lang: 'vi', fallback: true });
    expect(localize(map, 'fr', 'vi')).toEqual({ text: 'Đền Hùng', lang: 'vi', fallback: true });
  });
  it('uses any language present when the default is missing too', () => {
    expect(localize({ en: 'Only English' }, 'ja', 'vi')).toEqual({
      text: 'Only English',
      lang: 'en',
      fallback: true,
    });
    expect(localize(undefined, 'vi', 'vi')).toBeUndefined();
  });
});
