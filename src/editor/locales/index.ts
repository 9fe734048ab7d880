/**
 * The editor's strings: `vi.json`/`en.json` here, plus one folder per concern
 * (`locales/<concern>/vi.json`, `…/en.json`) so that work on one panel never edits the
 * strings of another. Keys are merged flat; a key defined twice is a mistake the unit test
 * `editor-locales.test.ts` reports.
 */
import en from './en.json';
import vi from './vi.json';

type Strings = Record<string, string>;

const parts = import.meta.glob<Strings>('./*/{vi,en}.json', { eager: true, import: 'default' });

function merged(language: 'vi' | 'en', base: Strings): Strings {
  const out: Strings = { ...base };
  for (const [file, strings] of Object.entries(parts)) {
    if (file.endsWith(`/${language}.json`)) Object.assign(out, strings);
  }
  return out;
}

/** Every locale file, by path relative to this folder (for the completeness test). */
export const editorLocaleFiles: Readonly<Record<string, Strings>> = {
  './vi.json': vi,
  './en.json': en,
  ...parts,
};

export const editorStrings = { vi: merged('vi', vi), en: merged('en', en) } as const;
