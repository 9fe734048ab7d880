import { describe, expect, it } from 'vitest';
import {
  CreateTourRequest,
  editorUrl,
  ListToursResponse,
  NarrateRequest,
  parseRequest,
  SaveManifestRequest,
} from '../../src/core/editor-protocol.ts';

describe('editor protocol', () => {
  it('builds the endpoint addresses, each path segment encoded', () => {
    expect(editorUrl.tours()).toBe('/__editor/tours');
    expect(editorUrl.tour('demo')).toBe('/__editor/tours/demo');
    expect(editorUrl.file('demo', 'audio/vi/chuông 1.mp3')).toBe(
      '/__editor/tours/demo/audio/vi/chu%C3%B4ng%201.mp3',
    );
    expect(editorUrl.narrate('demo')).toBe('/__editor/tours/demo/__narrate');
  });

  it('reads a good body into its typed value', () => {
    const body = JSON.stringify({ id: 'new', title: { vi: 'Mới' }, languages: ['vi', 'en'] });
    expect(parseRequest(CreateTourRequest, body, 'req')).toEqual({
      ok: true,
      value: { id: 'new', title: { vi: 'Mới' }, languages: ['vi', 'en'] },
      problems: [],
    });
  });

  it('refuses text that is not JSON with its own code', () => {
    const result = parseRequest(CreateTourRequest, '{oops', 'req');
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['request-not-json']);
    expect(result.problems[0]).toMatchObject({ file: 'req', severity: 'error' });
  });

  it.each([
    ['no id', { title: {}, languages: ['vi'] }],
    ['a bad id', { id: '../x', title: {}, languages: ['vi'] }],
    ['no languages', { id: 'x', title: {}, languages: [] }],
    ['a bad language', { id: 'x', title: {}, languages: ['not a code'] }],
    ['a title that is no map', { id: 'x', title: 'T', languages: ['vi'] }],
  ])('refuses a new tour with %s, naming where, in plain words', (_name, body) => {
    const result = parseRequest(CreateTourRequest, JSON.stringify(body), 'req');
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.code).toBe('request-invalid');
      expect(problem.message).toEqual({ vi: 'yêu cầu không hợp lệ', en: 'bad request' });
    }
  });

  it('refuses a narration without text or with a bad scene id', () => {
    const ok = { scene: 'hall', lang: 'vi', text: 'Xin chào' };
    expect(parseRequest(NarrateRequest, JSON.stringify(ok), 'r').ok).toBe(true);
    expect(parseRequest(NarrateRequest, JSON.stringify({ ...ok, text: '  ' }), 'r').ok).toBe(false);
    expect(parseRequest(NarrateRequest, JSON.stringify({ ...ok, scene: 'A B' }), 'r').ok).toBe(
      false,
    );
  });

  it('saves any JSON object as a manifest, nothing else', () => {
    expect(parseRequest(SaveManifestRequest, '{"version":1,"scenes":"odd"}', 'r').ok).toBe(true);
    expect(parseRequest(SaveManifestRequest, '[1]', 'r').ok).toBe(false);
    expect(parseRequest(SaveManifestRequest, 'null', 'r').ok).toBe(false);
  });

  it('drops a listed title that is not a language map instead of refusing the list', () => {
    const list = ListToursResponse.parse({
      tours: [
        { id: 'a', title: 'x' },
        { id: 'b', title: { vi: 'B' } },
      ],
    });
    expect(list.tours).toEqual([
      { id: 'a', title: undefined },
      { id: 'b', title: { vi: 'B' } },
    ]);
  });
});
