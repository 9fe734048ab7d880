import { describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../src/core/manifest/problems.ts';
import { validateTourData } from '../../src/core/manifest/validate.ts';

const tour = (title: Record<string, string>) => ({
  version: 1,
  id: 'blank',
  title,
  languages: ['vi', 'en'],
  defaultLanguage: 'vi',
  scenes: [{ id: 'a', title: { vi: 'Cổng', en: 'Gate' }, panorama: { source: 'panoramas/a.jpg' } }],
});

describe('blank texts', () => {
  it('are an error when blank in every language (visitors would see nothing)', async () => {
    const { problems } = await validateTourData(tour({ vi: ' ', en: '' }), { file: 'tour.json' });
    const blank = problems.find((p) => p.code === 'empty-text');
    expect(blank?.severity).toBe('error');
    expect(formatJsonPath(blank!.path)).toBe('$.title');
  });

  it('are a missing-translation warning when another language has the text', async () => {
    const { problems } = await validateTourData(tour({ vi: 'Đền', en: ' ' }), {
      file: 'tour.json',
    });
    expect(problems.map((p) => [p.code, p.severity, formatJsonPath(p.path)])).toEqual([
      ['missing-translation', 'warning', '$.title'],
    ]);
  });
});
