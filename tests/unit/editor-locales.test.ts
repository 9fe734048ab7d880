import { describe, expect, it } from 'vitest';
import { editorLocaleFiles, editorStrings } from '../../src/editor/locales/index.ts';

describe('editor strings', () => {
  it('has the same keys in Vietnamese and English, file by file', () => {
    for (const [file, strings] of Object.entries(editorLocaleFiles)) {
      if (!file.endsWith('vi.json')) continue;
      const twin = editorLocaleFiles[file.replace(/vi\.json$/, 'en.json')];
      expect(twin, `${file} has no English twin`).toBeDefined();
      expect(Object.keys(twin ?? {}).sort(), file).toEqual(Object.keys(strings).sort());
    }
  });

  it('defines each key in one file only, and leaves none empty', () => {
    const seen = new Map<string, string>();
    for (const [file, strings] of Object.entries(editorLocaleFiles)) {
      if (!file.endsWith('vi.json')) continue;
      for (const [key, text] of Object.entries(strings)) {
        expect(seen.get(key), `"${key}" is in ${seen.get(key)} and ${file}`).toBeUndefined();
        seen.set(key, file);
        expect(text.trim(), `${file}: "${key}"`).not.toBe('');
      }
    }
    expect(Object.keys(editorStrings.vi).length).toBe(seen.size);
  });
});
