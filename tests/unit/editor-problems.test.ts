/**
 * The editor's own problems (a picture, a zip) come from the project's catalogue, and the
 * editor shows their message: it must read word for word as the editor's locale strings for
 * those cases, so switching to the catalogue changed nothing an author sees.
 */
import { describe, expect, it } from 'vitest';
import { problem, type ProblemCode } from '../../src/core/manifest/problems.ts';
import en from '../../src/editor/locales/en.json';
import vi from '../../src/editor/locales/vi.json';

type Key = keyof typeof en;
const details = { name: 'hall.jpg', width: 4000, height: 3000 };

const cases: Array<[ProblemCode, Key, 'error' | 'warning']> = [
  ['image-not-readable', 'notImage', 'error'],
  ['zip-unreadable', 'import_notZip', 'error'],
  ['zip-bad-path', 'importBadPath', 'error'],
  ['zip-no-manifest', 'import_noManifest', 'error'],
  ['zip-bad-json', 'import_badJson', 'error'],
];

/** `{{name}}` filled as i18next fills it (no escaping). */
const fill = (text: string) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, key: keyof typeof details) => String(details[key]));

describe('editor problems', () => {
  it.each(cases)('%s reads as the editor string %s, as a(n) %s', (code, key, severity) => {
    // Every detail is given: each message takes the ones it needs.
    const found = problem(code, details as never, 'hall.jpg');
    expect(found.severity).toBe(severity);
    expect(found.message).toEqual({ vi: fill(vi[key]), en: fill(en[key]) });
  });
});
