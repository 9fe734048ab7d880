/**
 * A reload mid-edit loses nothing (issue 17, item 1): the editor keeps its undo history in
 * sessionStorage as the page goes away, and when the whole history is too large for it, keeps
 * the state with the last undo steps rather than nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { keepSession, type Session, takeSession } from '../../src/editor/session.ts';

/** sessionStorage with a quota, as browsers have one (a few MB; smaller here). */
function storageWithQuota(limit: number): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (value.length > limit) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

const tourTitled = (vi: string): Tour =>
  ({
    version: 1,
    id: 'dinh-lang',
    defaultLanguage: 'vi',
    languages: ['vi'],
    title: { vi },
    // Some bulk, as a real tour has.
    description: { vi: 'Mô tả '.repeat(100) },
    scenes: [],
  }) as unknown as Tour;

function session(steps: number, at = Date.now()): Session {
  return {
    tourId: 'dinh-lang',
    at,
    history: {
      past: Array.from({ length: steps }, (_, i) => tourTitled(`Bước ${i}`)),
      current: tourTitled('Bây giờ'),
      future: [tourTitled('Làm lại')],
    },
    savedJson: '{}',
    sceneId: undefined,
    selection: { kind: 'tour' },
    status: '',
  };
}

beforeEach(() => vi.stubGlobal('sessionStorage', storageWithQuota(60_000)));
afterEach(() => vi.unstubAllGlobals());

describe('editor session over a reload', () => {
  it('gives back the whole history once, for the same tour only', () => {
    keepSession(session(3));
    expect(takeSession('chua-mot-cot')).toBeUndefined();
    keepSession(session(3));
    const back = takeSession('dinh-lang');
    expect(back?.history.past.map((t) => t.title.vi)).toEqual(['Bước 0', 'Bước 1', 'Bước 2']);
    expect(back?.history.current.title.vi).toBe('Bây giờ');
    expect(takeSession('dinh-lang')).toBeUndefined();
  });

  it('keeps the state and the last 10 undo steps when the whole history does not fit', () => {
    keepSession(session(200));
    const back = takeSession('dinh-lang');
    expect(back?.history.current.title.vi).toBe('Bây giờ');
    expect(back?.history.past.map((t) => t.title.vi)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Bước ${190 + i}`),
    );
  });

  it('ignores a session kept long ago (another visit of this tab)', () => {
    keepSession(session(1, Date.now() - 10 * 60_000));
    expect(takeSession('dinh-lang')).toBeUndefined();
  });
});
