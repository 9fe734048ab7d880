/**
 * The interface language is the visitor's: the link, else their own earlier choice, else the
 * first of the browser's languages the UI speaks, else Vietnamese — never the tour's.
 */
import { describe, expect, it } from 'vitest';
import { chooseLanguage, matchLanguage } from '../../src/core/language/language-choice.ts';
import { localize } from '../../src/core/manifest/text.ts';
import { DEFAULT_UI_LANGUAGE, UI_LANGUAGES } from '../../src/web/i18n/i18n.ts';
import { languageName } from '../../src/web/i18n/languages.ts';

describe('chooseLanguage (the interface language)', () => {
  const ui = { available: UI_LANGUAGES, fallback: DEFAULT_UI_LANGUAGE };
  type Case = [string, { fromLink?: string; saved?: string | null; browser?: string[] }, string];
  it.each<Case>([
    ['a French phone', { browser: ['fr-FR'] }, 'fr'],
    ['a Korean phone', { browser: ['ko-KR'] }, 'ko'],
    ['a Japanese phone', { browser: ['ja-JP'] }, 'ja'],
    ['a Taiwanese phone', { browser: ['zh-TW'] }, 'zh'],
    ['a phone in Traditional Chinese script', { browser: ['zh-Hant-TW'] }, 'zh'],
    ['French before English, in the order listed', { browser: ['fr-FR', 'en-US'] }, 'fr'],
    ['an unknown language first, then one the UI has', { browser: ['de-DE', 'ko'] }, 'ko'],
    ['nothing the UI speaks', { browser: ['de-DE', 'th'] }, 'vi'],
    ['no browser languages at all', {}, 'vi'],
    ['an underscore tag (old WebViews)', { browser: ['ja_JP'] }, 'ja'],
    ['the visitor’s earlier choice over the browser', { saved: 'ko', browser: ['fr-FR'] }, 'ko'],
    ['the link over the choice', { fromLink: 'fr', saved: 'ko', browser: ['ja'] }, 'fr'],
    ['l=fr on a Vietnamese phone', { fromLink: 'fr', browser: ['vi-VN'] }, 'fr'],
    ['a link language the UI lacks: the choice', { fromLink: 'km', saved: 'en' }, 'en'],
    ['a stored choice the UI no longer has', { saved: 'xx', browser: ['ja-JP'] }, 'ja'],
  ])('%s', (_name, sources, expected) => {
    expect(chooseLanguage({ ...ui, ...sources })).toBe(expected);
  });

  it('does not depend on the tour: a vi/en tour still gives a Korean visitor Korean', () => {
    // The tour's languages are not an input; the signature makes the rule.
    expect(chooseLanguage({ ...ui, browser: ['ko-KR', 'en-US'] })).toBe('ko');
  });
});

describe('matchLanguage', () => {
  it.each([
    ['en-US', ['vi', 'en'], 'en'],
    ['zh-Hant-TW', ['zh-Hant', 'zh'], 'zh-Hant'],
    ['ZH-cn', ['zh'], 'zh'],
    ['fr_CA', ['fr'], 'fr'],
    ['de', ['vi', 'en'], undefined],
  ])('%s among %j is %s', (tag, available, expected) => {
    expect(matchLanguage(tag, available)).toBe(expected);
  });
});

describe('languageName (the notes that name a language)', () => {
  it.each([
    ['en', 'fr', 'anglais'],
    ['en', 'ko', '영어'],
    ['en', 'ja', '英語'],
    ['vi', 'en', 'Vietnamese'],
  ])('%s in %s is %s', (lang, inLang, name) => {
    expect(languageName(lang, inLang)).toBe(name);
  });
});

describe('localize (editor and CLI labels: the tour default, then any)', () => {
  const map = { vi: 'Đền Hùng', en: 'Hung Temple', fr: '  ' };
  it('returns the asked language, else the default, and says so', () => {
    expect(localize(map, 'en', 'vi')).toEqual({ text: 'Hung Temple', lang: 'en', fallback: false });
    expect(localize(map, 'fr', 'vi')).toEqual({ text: 'Đền Hùng', lang: 'vi', fallback: true });
    expect(localize(undefined, 'vi', 'vi')).toBeUndefined();
  });
});
