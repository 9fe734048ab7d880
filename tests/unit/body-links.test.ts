// The validator warns about an info body's link that the viewer will show as plain text (the
// same parser decides both), naming the field and the address to write instead.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateTourData } from '../../src/core/manifest/validate.ts';

const good = (): {
  scenes: Array<{ hotspots?: Array<Record<string, unknown>> }>;
} => JSON.parse(readFileSync('tests/fixtures/good-tour/tour.json', 'utf8'));

async function bodyWarnings(body: Record<string, string>) {
  const tour = good();
  tour.scenes[0]!.hotspots = [
    ...(tour.scenes[0]!.hotspots ?? []),
    {
      id: 'stele',
      type: 'info',
      position: { yaw: 0, pitch: 0 },
      title: { vi: 'Bia', en: 'Stele' },
      body,
    },
  ];
  const { problems } = await validateTourData(tour, { file: 'tour.json' });
  return problems.filter((p) => p.code === 'body-link-not-shown');
}

describe('links in info bodies that visitors could not open', () => {
  it('warns about an address without https://, saying which one to write', async () => {
    const [warning, ...rest] = await bodyWarnings({
      vi: 'Xem [bảo tàng](www.baotang.vn) và [bản đồ](https://maps.vn)',
      en: 'See the [museum](https://baotang.vn)',
    });
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ severity: 'warning', file: 'tour.json' });
    expect(warning!.path.slice(-2)).toEqual(['body', 'vi']);
    expect(warning!.message.vi).toContain('"bảo tàng" sẽ hiện thành chữ thường');
    expect(warning!.message.vi).toContain('https://www.baotang.vn');
  });

  it('warns about javascript: without suggesting it, and says nothing of safe links', async () => {
    const [warning] = await bodyWarnings({ vi: '- [bấm](javascript:void)', en: 'ok' });
    expect(warning!.message.en).toContain('"javascript:void" does not start with https://');
    expect(warning!.message.en).toContain("use a web page's address");
    expect(await bodyWarnings({ vi: '[a](https://a.vn) [thư](mailto:a@a.vn)', en: 'x' })).toEqual(
      [],
    );
  });
});
