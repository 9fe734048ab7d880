import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateTourDir } from '../../src/node/cli/commands/validate.ts';
import { closestMatch, messages, suggestId } from '../../src/core/manifest/messages.ts';
import type { LocalizedMessage } from '../../src/core/manifest/problems.ts';
import { formatJsonPath, type Problem } from '../../src/core/manifest/problems.ts';
import { checkAssetPath } from '../../src/core/manifest/semantics.ts';
import { validateTourData, validateTourText } from '../../src/core/manifest/validate.ts';

const BAD = 'tests/fixtures/bad-manifests';
const GOOD = 'tests/fixtures/good-tour';
const goodText = readFileSync(`${GOOD}/tour.json`, 'utf8');
const goodData = (): Record<string, unknown> => JSON.parse(goodText);

type Expected = [path: string, severity: Problem['severity'], code: string];
const E = (path: string, code: string): Expected => [path, 'error', code];
const W = (path: string, code: string): Expected => [path, 'warning', code];

/** Every fixture under bad-manifests/, with exactly the problems it must give. */
const CORPUS: Record<string, Expected[]> = {
  'json-missing-comma': [E('$', 'invalid-json')],
  'json-trailing-comma': [E('$', 'invalid-json')],
  'json-comment': [E('$', 'invalid-json')],
  'duplicate-keys': [E('$.scenes[0].title', 'duplicate-key')],
  'wrong-types': [
    E('$.scenes[0].title', 'wrong-type'),
    E('$.scenes[0].startView.pitch', 'wrong-type'),
    E('$.scenes[1].hotspots', 'wrong-type'),
  ],
  'unknown-keys': [
    E('$.scenes[0].hotspots[0].position', 'missing-property'),
    E('$.scenes[0].hotspots[0].positon', 'unknown-property'),
    E('$.descripton', 'unknown-property'),
  ],
  'angles-out-of-range': [
    E('$.scenes[0].startView.yaw', 'out-of-range'),
    E('$.scenes[0].startView.pitch', 'out-of-range'),
    E('$.scenes[0].startView.zoom', 'out-of-range'),
    E('$.scenes[1].hotspots[0].position.pitch', 'out-of-range'),
  ],
  'invalid-ids': [
    E('$.scenes[0].id', 'invalid-id'),
    E('$.scenes[0].hotspots[0].id', 'invalid-id'),
    E('$.scenes[1].hotspots[0].target', 'invalid-id'),
  ],
  'bad-language-codes': [
    E('$.title.EN', 'invalid-language-code'),
    E('$.languages[1]', 'invalid-language-code'),
  ],
  'wrong-version': [E('$.version', 'unsupported-version')],
  'unknown-hotspot-type': [
    E('$.scenes[0].hotspots[1].type', 'unknown-hotspot-type'),
    E('$.scenes[1].hotspots[0].type', 'missing-property'),
  ],
  'empty-language-map': [
    E('$.title', 'empty-language-map'),
    E('$.scenes[0].hotspots[1].audio', 'empty-language-map'),
  ],
  'missing-fields': [
    E('$.defaultLanguage', 'missing-property'),
    E('$.scenes[1].panorama', 'missing-property'),
  ],
  'panorama-kinds': [
    E('$.scenes[0].panorama.tiles.path', 'missing-file'),
    E('$.scenes[1].panorama', 'panorama-kinds'),
    E('$.scenes[2].panorama', 'panorama-mixed'),
    E('$.scenes[2].panorama.cubeTiles.path', 'tile-template'),
    E('$.scenes[2].panorama.cubeTiles.path', 'missing-file'),
  ],
  'invalid-url': [E('$.scenes[1].hotspots[1].url', 'invalid-url')],
  'duplicate-scene-ids': [
    E('$.scenes[0].aliases[0]', 'duplicate-scene-alias'),
    E('$.scenes[1].aliases[0]', 'duplicate-scene-alias'),
    E('$.scenes[2].id', 'duplicate-scene-id'),
  ],
  'duplicate-hotspots': [E('$.scenes[0].hotspots[1].id', 'duplicate-hotspot-id')],
  'unknown-target': [
    E('$.scenes[0].hotspots[0].target', 'unknown-scene-target'),
    W('$.scenes[1].id', 'unreachable-scene'),
    E('$.scenes[1].hotspots[0].target', 'unknown-scene-target'),
  ],
  'unknown-start-scene': [E('$.startScene', 'unknown-start-scene')],
  'unknown-default-lang': [E('$.defaultLanguage', 'unknown-default-language')],
  'duplicate-languages': [E('$.languages[2]', 'duplicate-language')],
  'unlisted-languages': [
    W('$.title.fr', 'unlisted-language'),
    W('$.scenes[0].narration.fr', 'unlisted-narration-language'),
  ],
  'missing-translations': [
    W('$.scenes[0].hotspots[1].body', 'missing-translation'),
    W('$.scenes[1].title', 'missing-translation'),
  ],
  'unreachable-scene': [W('$.scenes[2].id', 'unreachable-scene')],
  // An error since issue 19 (was a warning): the viewer's tour plugin refuses such a scene.
  'self-link': [E('$.scenes[0].hotspots[1].target', 'self-link')],
  'paths-outside': [
    E('$.scenes[0].panorama.source', 'path-outside-tour'),
    E('$.scenes[0].panorama.preview', 'path-outside-tour'),
    E('$.scenes[0].panorama.thumbnail', 'path-outside-tour'),
    E('$.scenes[1].panorama.source', 'path-backslash'),
    E('$.scenes[1].panorama.preview', 'path-outside-tour'),
  ],
  'missing-files': [
    E('$.scenes[0].narration.vi.audio', 'missing-file'),
    E('$.scenes[1].panorama.source', 'missing-file'),
  ],
  'folder-mismatch': [E('$.id', 'folder-id-mismatch')],
  'three-errors': [
    E('$.version', 'unsupported-version'),
    E('$.scenes[0].startView.pitch', 'out-of-range'),
    E('$.scenes[1].hotspots[0].target', 'unknown-scene-target'),
  ],
};

const summary = (problems: readonly Problem[]): Expected[] =>
  problems.map((p) => [formatJsonPath(p.path), p.severity, p.code]);

describe('bad manifest corpus', () => {
  it('has an expectation for every fixture folder', () => {
    const folders = readdirSync(BAD, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((f) => f.name).sort()).toEqual(Object.keys(CORPUS).sort());
  });

  it.each(Object.entries(CORPUS))('%s', async (name, expected) => {
    const report = await validateTourDir(`${BAD}/${name}`, process.cwd());
    expect(summary(report.problems)).toEqual(expected);
    expect(report.valid).toBe(expected.every(([, severity]) => severity !== 'error'));
    for (const problem of report.problems) {
      expect(problem.file).toBe(`${BAD}/${name}/tour.json`);
      expect(problem.line).toBeGreaterThan(0);
      expect(problem.column).toBeGreaterThan(0);
      expect(problem.message.en).toMatch(/Fix: /);
      expect(problem.message.vi).toMatch(/Cách sửa: /);
    }
  });

  it('places JSON syntax errors at their line and column', async () => {
    const at = async (name: string) => {
      const [problem] = (await validateTourDir(`${BAD}/${name}`, process.cwd())).problems;
      return [problem?.line, problem?.column];
    };
    expect(await at('json-missing-comma')).toEqual([4, 3]);
    expect(await at('json-trailing-comma')).toEqual([12, 6]);
    expect(await at('json-comment')).toEqual([9, 21]);
  });

  it('reports three different errors at once, in file order', async () => {
    const { problems } = await validateTourDir(`${BAD}/three-errors`, process.cwd());
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.line)).toEqual(
      [...problems.map((p) => p.line)].sort((a, b) => a! - b!),
    );
  });

  it('gives messages that name the fix', async () => {
    const messagesOf = async (name: string) =>
      (await validateTourDir(`${BAD}/${name}`, process.cwd())).problems.map((p) => p.message);
    const [hall2, , cong] = await messagesOf('unknown-target');
    expect(hall2?.en).toBe(
      'Scene "hall2" does not exist. Fix: did you mean "hall"? The scenes are: gate, hall — or add a scene with that id.',
    );
    expect(hall2?.vi).toContain('Không có cảnh nào mang mã "hall2"');
    expect(cong?.en).toContain('Fix: write "target": "gate"');
    const [position, positon] = await messagesOf('unknown-keys');
    expect(position?.en).toContain('"position": {"yaw": …, "pitch": …}');
    expect(positon?.en).toContain('did you mean "position"?');
    const [yaw, pitch] = await messagesOf('angles-out-of-range');
    expect(yaw?.en).toContain('between -360 and 360 degrees, but it is 400');
    expect(pitch?.vi).toContain('từ -90 đến 90 độ');
    const [id] = await messagesOf('invalid-ids');
    expect(id?.en).toContain('Fix: use "cong-den"');
    const [, untranslated] = await messagesOf('missing-translations');
    expect(untranslated?.en).toContain('Missing translation: en (English)');
    expect(untranslated?.vi).toContain('Thiếu bản dịch: en (tiếng Anh)');
  });
});

describe('validateTourText', () => {
  it('accepts the good tour with its files', async () => {
    const report = await validateTourDir(GOOD, process.cwd());
    expect(report).toMatchObject({ valid: true, problems: [], file: `${GOOD}/tour.json` });
  });

  it('returns the typed tour when the shape is right, even with meaning errors', async () => {
    const data = goodData();
    (data.scenes as Array<{ hotspots: Array<{ target?: string }> }>)[0]!.hotspots[0]!.target =
      'nowhere';
    const result = await validateTourData(data, { file: 'x.json' });
    expect(result.tour?.id).toBe('good-tour');
    expect(summary(result.problems)).toContainEqual([
      '$.scenes[0].hotspots[0].target',
      'error',
      'unknown-scene-target',
    ]);
  });

  it('returns no tour when the shape is wrong', async () => {
    const result = await validateTourText('{"version": 1}', { file: 'x.json' });
    expect(result.tour).toBeUndefined();
    expect(result.problems.length).toBeGreaterThan(0);
  });

  it('checks files only through the callback, with normalised paths', async () => {
    const asked: string[] = [];
    await validateTourText(goodText, {
      file: 'x.json',
      fileExists: (path) => {
        asked.push(path);
        return true;
      },
    });
    expect(asked).toContain('panoramas/gate-preview.jpg');
    expect(asked).not.toContain('./panoramas/gate-preview.jpg');
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('treats a failing fileExists callback as a missing file', async () => {
    const result = await validateTourText(goodText, {
      file: 'x.json',
      fileExists: async (path) => {
        if (path === 'images/stele.jpg') throw new Error('disk on fire');
        return true;
      },
    });
    expect(summary(result.problems)).toEqual([
      ['$.scenes[0].hotspots[1].image', 'error', 'missing-file'],
    ]);
  });

  it('never crashes on data of any shape', async () => {
    const odd: unknown[] = [
      null,
      42,
      'tour',
      [],
      {},
      { scenes: [null, 5, 'x', { hotspots: [null, { type: 'scene' }], aliases: [1, null] }] },
      { languages: 'vi', scenes: { a: 1 }, title: [], startScene: 7 },
      { languages: [null, 'vi'], title: { vi: null }, scenes: [{ narration: [], panorama: 'x' }] },
    ];
    for (const data of odd) {
      const result = await validateTourData(data, { file: 'x.json', fileExists: () => false });
      expect(result.tour).toBeUndefined();
      expect(result.problems.length).toBeGreaterThan(0);
      for (const problem of result.problems) {
        expect(problem.message.vi.length).toBeGreaterThan(0);
        expect(problem.message.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('describes a root that is not an object', async () => {
    const result = await validateTourText('[]', { file: 'x.json' });
    expect(summary(result.problems)).toEqual([['$', 'error', 'wrong-type']]);
    expect(result.problems[0]?.message.en).toContain(
      'This should be a block { … }, but it is a list',
    );
  });
});

describe('helpers', () => {
  it('keeps asset paths inside the tour folder', () => {
    expect(checkAssetPath('panoramas/a.jpg')).toMatchObject({ ok: true, value: 'panoramas/a.jpg' });
    expect(checkAssetPath('./a/../b.jpg')).toMatchObject({ ok: true, value: 'b.jpg' });
    // The reason is told by the problem: its code, and the message written for that reason.
    const refused = (path: string, code: string, message: LocalizedMessage) =>
      expect(checkAssetPath(path)).toMatchObject({ ok: false, problems: [{ code, message }] });
    const outside = 'path-outside-tour';
    refused('../b.jpg', outside, messages.pathEscapes('../b.jpg'));
    refused('/b.jpg', outside, messages.pathAbsolute('/b.jpg'));
    refused('C:\\b.jpg', outside, messages.pathAbsolute('C:\\b.jpg'));
    refused('//cdn.example/b.jpg', outside, messages.pathAbsolute('//cdn.example/b.jpg'));
    refused('data:image/png;base64,AAAA', outside, messages.pathUrl('data:image/png;base64,AAAA'));
    refused('a\\b.jpg', 'path-backslash', messages.pathBackslash('a\\b.jpg', 'a/b.jpg'));
  });

  it('suggests the closest known word for a typo only', () => {
    expect(closestMatch('positon', ['id', 'type', 'position'])).toBe('position');
    expect(closestMatch('hall2', ['gate', 'hall'])).toBe('hall');
    expect(closestMatch('xyz', ['gate', 'hall'])).toBeUndefined();
  });

  it('makes valid ids from Vietnamese names', () => {
    expect(suggestId('Cổng Đền')).toBe('cong-den');
    expect(suggestId('  Hậu cung (chính)  ')).toBe('hau-cung-chinh');
    expect(suggestId('Nhà thờ họ Nguyễn Văn ở làng')).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    expect(suggestId('???')).toBe('new-id');
  });
});
