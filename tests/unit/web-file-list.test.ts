import { describe, expect, it } from 'vitest';
import { parseFileList } from '../../src/web/offline/file-list.ts';

const sha = 'a'.repeat(64);
const FILE = 'https://museum.test/tours/demo/files.json';

describe('a tour file list from the network', () => {
  it('is accepted as the build writes it', () => {
    const list = {
      tour: 'demo',
      version: 'v1',
      files: [
        { path: 'tour.json', bytes: 2, sha256: sha },
        { path: 'audio/vi/a.mp3', bytes: 3, sha256: sha, lang: 'vi' },
      ],
    };
    expect(parseFileList(list, FILE)).toEqual({ ok: true, value: list, problems: [] });
  });

  it('is refused, with the file and path, when it is not one', () => {
    const result = parseFileList(
      { tour: 'demo', version: 'v1', files: [{ path: '../../sw.js', bytes: 2, sha256: sha }] },
      FILE,
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toMatchObject([
      { code: 'file-list-invalid', file: FILE, path: ['files', 0, 'path'], severity: 'error' },
    ]);
    expect(parseFileList('<html>', FILE).ok).toBe(false);
    expect(parseFileList({ tour: 'demo', version: 'v1' }, FILE).problems[0]?.path).toEqual([
      'files',
    ]);
  });
});
