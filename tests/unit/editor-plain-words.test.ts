/**
 * The editor speaks the volunteer's language (issue 17.4): problems in plain words naming the
 * field (never `thêm "en": "…"`), languages by name, and a direction as a picture whose crop
 * follows the viewer's geometry.
 */
import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { languageLabelIn, languageNameIn } from '../../src/core/language/names.ts';
import { PROBLEMS } from '../../src/core/manifest/problem-codes.ts';
import { problem, type Problem, type ProblemCode } from '../../src/core/manifest/problems.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { validateTourData } from '../../src/core/manifest/validate.ts';
import { thumbGeometry } from '../../src/editor/fields/direction-thumb.ts';
import { textsIn, withoutLanguage } from '../../src/editor/fields/tour-languages.ts';
import { createEditorTranslator } from '../../src/editor/i18n.ts';
import plainEn from '../../src/editor/locales/plain/en.json';
import plainVi from '../../src/editor/locales/plain/vi.json';
import { PLAIN_CODES, plainProblem } from '../../src/editor/plain-problems.ts';

/** Marks of the file's syntax an author should never be asked to type. */
const JSON_SYNTAX = [/"[^"]*"\s*:/, /\{/, /\[/, /\$\./];
/** English and technical words that have no place in the Vietnamese editor. */
const JARGON =
  /\b(yaw|pitch|zoom|json|webvtt|vtt|mp3|hotspots?|manifest|id|ids|target|scene|type|path|null|true|false|default|fallback)\b/i;

const tour: Tour = {
  version: 1,
  id: 'demo',
  title: { vi: 'Đền Mẫu', en: 'Mother Temple' },
  languages: ['vi', 'en'],
  defaultLanguage: 'vi',
  scenes: [
    {
      id: 'cong',
      title: { vi: 'Cổng' },
      panorama: { source: 'panoramas/cong.jpg' },
      hotspots: [
        {
          id: 'bia',
          type: 'info',
          position: { yaw: 10, pitch: 0 },
          title: { vi: 'Bia đá', en: 'Stele' },
          body: { vi: 'Bia dựng năm 1800.', fr: 'Stèle de 1800.' },
        },
        { id: 'di', type: 'scene', position: { yaw: 0, pitch: -10 }, target: 'san' },
      ],
    },
    {
      id: 'san',
      title: { vi: 'Sân', en: 'Yard' },
      panorama: { source: 'panoramas/san.jpg' },
      hotspots: [],
    },
    {
      id: 'hau',
      title: { vi: 'Hậu cung', en: 'Sanctuary' },
      panorama: { source: 'panoramas/hau.jpg' },
      hotspots: [],
    },
  ],
};

/** A place for each kind of path the editor can be pointed at. */
const PATHS: Problem['path'][] = [
  [],
  ['title'],
  ['languages', 0],
  ['startScene'],
  ['scenes'],
  ['scenes', 0, 'title'],
  ['scenes', 0, 'startView', 'yaw'],
  ['scenes', 0, 'narration', 'vi', 'audio'],
  ['scenes', 0, 'hotspots', 1, 'target'],
  ['scenes', 0, 'hotspots', 0, 'body', 'fr'],
];

let translators: Record<'vi' | 'en', I18n>;
beforeAll(async () => {
  translators = { vi: await createEditorTranslator('vi'), en: await createEditorTranslator('en') };
});

const say = (found: Problem, lang: 'vi' | 'en', of: Tour = tour) =>
  plainProblem(found, of, lang, translators[lang].t.bind(translators[lang]));

/** A problem of `code` at `path`, its details made up (plain words do not read them). */
const made = (code: ProblemCode, path: Problem['path']): Problem => ({
  severity: 'error',
  code,
  file: 'tours/demo/tour.json',
  path,
  message: { vi: 'x', en: 'x' },
});

describe('problems in plain words', () => {
  const codes = Object.keys(PROBLEMS) as ProblemCode[];

  it.each(codes)('%s reads without file syntax, in both languages, wherever it is', (code) => {
    for (const path of PATHS) {
      for (const lang of ['vi', 'en'] as const) {
        const { text } = say(made(code, path), lang);
        expect(text.trim().length).toBeGreaterThan(10);
        for (const mark of JSON_SYNTAX)
          expect(text, `${code} ${lang} at ${path.join('.')}`).not.toMatch(mark);
        if (lang === 'vi') expect(text).not.toMatch(JARGON);
      }
    }
  });

  it.each(PLAIN_CODES)('%s has words of its own in vi and en (not the generic text)', (code) => {
    const key = `plain_${code}` as keyof typeof plainVi;
    expect(plainVi[key]).toBeTruthy();
    expect(plainEn[key as keyof typeof plainEn]).toBeTruthy();
    expect(say(made(code, ['title']), 'vi').generic).toBe(false);
  });

  it('says which translation is missing, in which field, and what visitors see meanwhile', async () => {
    const { problems } = await validateTourData(tour, { file: 'tours/demo/tour.json' });
    const missing = problems.find(
      (p) => p.code === 'missing-translation' && p.path.join('.') === 'scenes.0.title',
    );
    expect(missing?.message.en).toContain('"en": "…"'); // the command line keeps its syntax
    expect(say(missing!, 'vi').text).toBe(
      'Tiêu đề: chưa có bản tiếng Anh. Khách nói tiếng Anh sẽ thấy bản tiếng Việt. Hãy viết bản tiếng Anh.',
    );
    expect(say(missing!, 'en').text).toBe(
      'Title: there is no English version yet. English-speaking visitors will see the Vietnamese text. Write the English version.',
    );
  });

  it('names the language a text has but the tour does not, and an unreachable scene plainly', async () => {
    const { problems } = await validateTourData(tour, { file: 'tours/demo/tour.json' });
    const unlisted = problems.find((p) => p.code === 'unlisted-language');
    expect(say(unlisted!, 'vi').text).toBe(
      'Nội dung: có bản tiếng Pháp, nhưng tour không có tiếng Pháp nên khách sẽ không thấy. Hãy thêm tiếng Pháp trong Thiết lập tour.',
    );
    const unreachable = problems.find((p) => p.code === 'unreachable-scene');
    expect(unreachable?.message.vi).toContain('"type": "scene"');
    expect(say(unreachable!, 'vi').text).not.toContain('"');
    expect(say(unreachable!, 'vi').text).toMatch(/^Chưa có điểm nào dẫn khách tới cảnh này/);
  });

  it('keeps the technical text only for codes the editor has no words for', () => {
    const odd = problem(
      'unknown-property',
      { key: 'colour', suggestion: undefined, known: [] },
      'x',
    );
    expect(say(odd, 'vi').generic).toBe(true);
    expect(say(odd, 'vi').text).toContain('Chi tiết kỹ thuật');
  });
});

describe('the plain locale strings', () => {
  // The fold's own lines name the numbers on purpose; everything else is on screen by default.
  const folded = new Set(['dirYaw', 'dirPitch', 'dirZoom']);
  it.each(Object.entries(plainVi).filter(([key]) => !folded.has(key)))(
    'vi %s has no file syntax or English jargon',
    (_key, text) => {
      // {{name}} is filled in by i18next before anyone sees it.
      const shown = text.replace(/\{\{\w+\}\}/g, 'X');
      for (const mark of JSON_SYNTAX) expect(shown).not.toMatch(mark);
      expect(shown).not.toMatch(JARGON);
    },
  );
});

describe('languages by name', () => {
  it('names languages in the editor language, mid-sentence and as a label', () => {
    expect(languageNameIn('en', 'vi')).toBe('tiếng Anh');
    expect(languageLabelIn('fr', 'vi')).toBe('Tiếng Pháp');
    expect(languageLabelIn('vi', 'en')).toBe('Vietnamese');
    expect(languageNameIn('pt-BR', 'en')).toMatch(/Portuguese/);
  });

  it('removing a language takes its texts out (no warning left behind) and keeps the others', async () => {
    const withFrench: Tour = { ...tour, languages: ['vi', 'en', 'fr'] };
    expect(textsIn(withFrench, 'fr')).toBe(1);
    const without = withoutLanguage(withFrench, 'fr');
    expect(without.languages).toEqual(['vi', 'en']);
    const bia = without.scenes[0]!.hotspots![0]!;
    expect(bia.type === 'info' && bia.body).toEqual({ vi: 'Bia dựng năm 1800.' });
    const { problems } = await validateTourData(without, { file: 'tours/demo/tour.json' });
    expect(problems.filter((p) => p.code === 'unlisted-language')).toEqual([]);
    const mainGone = withoutLanguage(withFrench, 'vi');
    expect(mainGone.defaultLanguage).toBe('en');
    expect(mainGone.title).toEqual({ en: 'Mother Temple' });
  });
});

describe('direction thumbnail geometry', () => {
  const size = { width: 160, height: 90 };

  it('centres yaw 0, pitch 0 on the middle of the picture, as wide as the viewer sees at zoom 50', () => {
    const g = thumbGeometry({ yaw: 0, pitch: 0 }, size);
    // Zoom 50: 60° high, so 2·atan(tan 30° · 16/9) ≈ 91.5° wide → the 360° picture is ≈ 630 px.
    expect(g.backgroundWidth).toBeCloseTo(629.6, 0);
    expect(g.backgroundHeight).toBeCloseTo(g.backgroundWidth / 2, 0);
    expect(g.x).toBeCloseTo(size.width / 2 - g.backgroundWidth / 2, 0);
    expect(g.y).toBeCloseTo(size.height / 2 - g.backgroundHeight / 2, 0);
  });

  it('moves the crop right by a quarter of the picture for yaw 90°, and wraps ±180°', () => {
    const front = thumbGeometry({ yaw: 0, pitch: 0 }, size);
    const right = thumbGeometry({ yaw: 90, pitch: 0 }, size);
    expect(front.x - right.x).toBeCloseTo(front.backgroundWidth / 4, 0);
    expect(thumbGeometry({ yaw: 180, pitch: 0 }, size).x).toBeCloseTo(
      thumbGeometry({ yaw: -180, pitch: 0 }, size).x,
      1,
    );
  });

  it('looks up with the pitch and never shows past the top or bottom of the picture', () => {
    const level = thumbGeometry({ yaw: 0, pitch: 0 }, size);
    const up = thumbGeometry({ yaw: 0, pitch: 30 }, size);
    expect(up.y - level.y).toBeCloseTo((30 / 180) * level.backgroundHeight, 0);
    expect(thumbGeometry({ yaw: 0, pitch: 90 }, size).y).toBe(0);
    const down = thumbGeometry({ yaw: 0, pitch: -90 }, size);
    expect(down.y).toBeCloseTo(size.height - down.backgroundHeight, 1);
  });

  it('zooming in enlarges the picture behind the box (a narrower view)', () => {
    const wide = thumbGeometry({ yaw: 0, pitch: 0, zoom: 0 }, size);
    const close = thumbGeometry({ yaw: 0, pitch: 0, zoom: 100 }, size);
    expect(close.backgroundWidth).toBeGreaterThan(wide.backgroundWidth * 2);
    // Zoom 100: 30° high → 2·atan(tan 15° · 16/9) ≈ 50.9° wide → ≈ 1131 px for 360°.
    expect(close.backgroundWidth).toBeCloseTo(1131, 0);
  });
});
