import { describe, expect, it } from 'vitest';
import { createTranslator, resources, UI_LANGUAGES } from '../../src/web/i18n/i18n.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const reference = flatten(resources.en.translation as Tree);

describe('UI locales', () => {
  it.each(UI_LANGUAGES)('%s has every key of the English locale, and no other', (lang) => {
    const strings = flatten(resources[lang].translation as Tree);
    const missing = [...reference.keys()].filter((key) => !strings.has(key));
    const extra = [...strings.keys()].filter((key) => !reference.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(UI_LANGUAGES)(
    '%s keeps the placeholders of every string, and no string is empty',
    (lang) => {
      const strings = flatten(resources[lang].translation as Tree);
      for (const [key, english] of reference) {
        const text = strings.get(key) ?? '';
        expect(text.trim(), `${lang}: ${key}`).not.toBe('');
        expect(placeholders(text), `${lang}: ${key}`).toEqual(placeholders(english));
      }
    },
  );

  it('translates and interpolates through i18next', async () => {
    const t = await createTranslator('ko');
    expect(t.t('viewer.goTo', { scene: '본당' })).toBe('이동: 본당');
    await t.changeLanguage('de');
    expect(t.t('app.close')).toBe('Close');
  });
});
