import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_FILE, tourJsonSchemaText } from '../../src/core/manifest/json-schema.ts';
import { Tour } from '../../src/core/manifest/schema.ts';
import {
  allowedValues,
  knownKeys,
  numberRange,
  schemaAt,
} from '../../src/core/manifest/schema-walk.ts';

const goodTour: unknown = JSON.parse(readFileSync('tests/fixtures/good-tour/tour.json', 'utf8'));

describe('Tour schema', () => {
  it('accepts the good fixture tour and applies defaults', () => {
    const result = Tour.safeParse(goodTour);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.scenes.map((scene) => scene.id)).toEqual(['gate', 'hall', 'garden']);
  });

  it('gives a scene without hotspots an empty list', () => {
    const tour = structuredClone(goodTour) as { scenes: Array<{ hotspots?: unknown }> };
    delete tour.scenes[2]?.hotspots;
    expect(Tour.parse(tour).scenes[2]?.hotspots).toEqual([]);
  });

  it(`matches the committed ${JSON_SCHEMA_FILE}`, () => {
    const committed = readFileSync(JSON_SCHEMA_FILE, 'utf8');
    expect(
      committed === tourJsonSchemaText(),
      `${JSON_SCHEMA_FILE} is stale: run \`npm run schema\` and commit the result`,
    ).toBe(true);
  });
});

describe('schema walking', () => {
  const data = goodTour;

  it('finds the schema at a path, choosing the hotspot variant from its type', () => {
    const link = ['scenes', 2, 'hotspots', 0];
    expect(knownKeys(schemaAt(Tour, data, link)!, { type: 'link' })).toContain('url');
    expect(schemaAt(Tour, data, [...link, 'url'])).toBeDefined();
    expect(schemaAt(Tour, data, [...link, 'target'])).toBeUndefined();
  });

  it('lists the keys of every variant when the type is unknown', () => {
    const hotspot = schemaAt(Tour, data, ['scenes', 0, 'hotspots', 0])!;
    const keys = knownKeys(hotspot, { type: 'portal' });
    expect(keys).toEqual(expect.arrayContaining(['target', 'body', 'audio', 'url']));
  });

  it('reads ranges and allowed values from the schema', () => {
    const pitch = schemaAt(Tour, data, ['scenes', 0, 'startView', 'pitch'])!;
    expect(numberRange(pitch)).toEqual({ min: -90, max: 90 });
    expect(allowedValues(schemaAt(Tour, data, ['version'])!)).toEqual([1]);
    const hotspot = schemaAt(Tour, data, ['scenes', 0, 'hotspots', 0])!;
    expect(allowedValues(hotspot)).toEqual(['scene', 'info', 'audio', 'link']);
  });
});
