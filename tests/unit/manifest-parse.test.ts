import { describe, expect, it } from 'vitest';
import {
  createPositionFinder,
  locateJsonPath,
  parseManifestText,
} from '../../src/core/manifest/parse.ts';
import { formatJsonPath } from '../../src/core/manifest/problems.ts';

const FILE = 'tours/t/tour.json';

/** The single syntax problem of `text`, as [line, column, English message]. */
function syntaxError(text: string): [number | undefined, number | undefined, string] {
  const result = parseManifestText(text, FILE);
  expect(result.ok).toBe(false);
  expect(result.problems).toHaveLength(1);
  const [problem] = result.problems;
  expect(problem).toMatchObject({ severity: 'error', code: 'invalid-json', file: FILE, path: [] });
  return [problem?.line, problem?.column, problem?.message.en ?? ''];
}

describe('parseManifestText', () => {
  it('parses valid JSON', () => {
    expect(parseManifestText('{"a": [1, 2]}', FILE)).toEqual({
      ok: true,
      value: { a: [1, 2] },
      problems: [],
    });
  });

  it('reports a missing comma where the next item starts', () => {
    const [line, column, message] = syntaxError('{\n  "a": 1\n  "b": 2\n}');
    expect([line, column]).toEqual([3, 3]);
    expect(message).toMatch(/comma is missing/);
  });

  it('reports a trailing comma at the comma itself', () => {
    const [line, column, message] = syntaxError('{\n  "a": [1, 2,\n  ]\n}');
    expect([line, column]).toEqual([2, 13]);
    expect(message).toMatch(/comma after the last item/);
  });

  it('refuses comments', () => {
    const [line, column, message] = syntaxError('{\n  "a": 1 // one\n}');
    expect([line, column]).toEqual([2, 10]);
    expect(message).toMatch(/Comments/);
  });

  it('explains single quotes, bare words, unclosed text and an empty file', () => {
    expect(syntaxError("{'a': 1}")[2]).toMatch(/double quotes/);
    expect(syntaxError('{"a": True}')[2]).toMatch(/"True" is not a valid value/);
    expect(syntaxError('{"a": "x\n}')[2]).toMatch(/not closed/);
    expect(syntaxError('  \n')[2]).toMatch(/empty/);
    expect(syntaxError('{"a": 1}}')[2]).toMatch(/more after the end/);
  });

  it('counts columns in characters, Vietnamese included', () => {
    const [line, column] = syntaxError('{"tên": "Đền" "b": 1}');
    expect([line, column]).toEqual([1, 15]);
  });

  it('accepts a byte-order mark', () => {
    expect(parseManifestText('\uFEFF{"a": 1}', FILE)).toMatchObject({ ok: true, value: { a: 1 } });
  });

  it('reports duplicate keys (JSON would silently keep the last)', () => {
    const result = parseManifestText('{\n  "scenes": [{ "id": "a", "id": "b" }]\n}', FILE);
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => [formatJsonPath(p.path), p.code, p.line, p.column])).toEqual([
      ['$.scenes[0].id', 'duplicate-key', 2, 27],
    ]);
  });
});

describe('locateJsonPath', () => {
  const text =
    '{\n  "scenes": [\n    { "id": "gate", "hotspots": [] },\n    { "id": "hall" }\n  ]\n}';

  it('points at the key of a property', () => {
    expect(locateJsonPath(text, ['scenes', 1, 'id'])).toEqual({ line: 4, column: 7 });
  });

  it('points at an array element', () => {
    expect(locateJsonPath(text, ['scenes', 1])).toEqual({ line: 4, column: 5 });
  });

  it('points at the parent object when a property is missing', () => {
    expect(locateJsonPath(text, ['scenes', 1, 'title'])).toEqual({ line: 4, column: 5 });
    expect(locateJsonPath(text, ['version'])).toEqual({ line: 1, column: 1 });
  });
});

describe('createPositionFinder', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const position = createPositionFinder('ab\ncd\n\nef');
    expect([0, 1, 3, 6, 7].map(position)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});
