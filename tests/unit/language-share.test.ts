/** Shared links carry no language unless the sharer asks: the friend's phone picks its own. */
import { describe, expect, it } from 'vitest';
import { sharedUrl } from '../../src/web/app/share-dialog.ts';

describe('sharedUrl', () => {
  const base = 'https://di-tich.example.vn/';
  it.each([
    [`${base}#/demo/louvre?v=30,5,50&l=vi`, undefined, `${base}#/demo/louvre?v=30,5,50`],
    [`${base}#/demo/louvre/glass-pyramid?l=ko`, undefined, `${base}#/demo/louvre/glass-pyramid`],
    [`${base}#/demo/louvre`, undefined, `${base}#/demo/louvre`],
    [`${base}#/demo/louvre?v=30,5,50`, 'fr', `${base}#/demo/louvre?v=30,5,50&l=fr`],
    [`${base}#/demo/louvre?l=vi`, 'ko', `${base}#/demo/louvre?l=ko`],
  ])('%s shared with language %s is %s', (href, lang, expected) => {
    expect(sharedUrl(href, lang)).toBe(expected);
  });
});
