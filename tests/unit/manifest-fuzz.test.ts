/**
 * Fuzzing the validator: whatever an author (or a broken tool) writes, validation answers with
 * problems — never an exception, never a hang — and every problem says where it is.
 * 10,000 inputs in all: random JSON, mutated real manifests, random text, pathological nesting.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/manifest/problems.ts';
import { validateTourData, validateTourText } from '../../src/core/manifest/validate.ts';

const FILE = 'tours/fuzz/tour.json';
const SAMPLE: unknown = JSON.parse(readFileSync('tours/demo/tour.json', 'utf8'));
const exists = (path: string) => path.length % 2 === 0;

function expectWellFormed(problems: Problem[]): void {
  for (const problem of problems) {
    expect(problem.file).toBe(FILE);
    expect(Array.isArray(problem.path)).toBe(true);
    expect(['error', 'warning']).toContain(problem.severity);
    expect(problem.message.vi.length).toBeGreaterThan(0);
    expect(problem.message.en.length).toBeGreaterThan(0);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Applies one random edit at a random place of a JSON value. */
function mutate(value: Json, path: number[], replacement: Json, kind: number): Json {
  if (path.length === 0 || value === null || typeof value !== 'object') {
    return kind === 0 ? replacement : kind === 1 ? [value, replacement] : { x: value };
  }
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const index = step % value.length;
    const copy = [...value];
    if (kind === 3 && rest.length === 0) copy.splice(index, 1);
    else if (kind === 4 && rest.length === 0) copy.push(copy[index] as Json);
    else copy[index] = mutate(copy[index] as Json, rest, replacement, kind);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return { key: replacement };
  const key = keys[step % keys.length] as string;
  const copy = { ...value };
  if (kind === 3 && rest.length === 0) delete copy[key];
  else copy[key] = mutate(copy[key] as Json, rest, replacement, kind);
  return copy;
}

describe('validator fuzzing', { timeout: 120_000 }, () => {
  it('answers random JSON values with problems, never an exception (3,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (data) => {
        const result = await validateTourData(data, { file: FILE, fileExists: exists });
        expectWellFormed(result.problems);
        expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('answers mutated real manifests with located problems (4,000 runs)', async () => {
    const edit = fc.record({
      path: fc.array(fc.nat(50), { maxLength: 8 }),
      replacement: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
      kind: fc.integer({ min: 0, max: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let data = SAMPLE as Json;
        for (const { path, replacement, kind } of edits)
          data = mutate(data, path, replacement, kind);
        const text = JSON.stringify(data, null, 2);
        const result = await validateTourText(text, { file: FILE, fileExists: exists });
        expectWellFormed(result.problems);
        for (const problem of result.problems) {
          if (problem.code !== 'invalid-json') expect(problem.line).toBeGreaterThan(0);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('answers random and truncated text with problems (2,990 runs)', async () => {
    const sampleText = JSON.stringify(SAMPLE, null, 2);
    const texts = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.nat(sampleText.length).map((cut) => sampleText.slice(0, cut)),
      fc
        .tuple(fc.nat(sampleText.length), fc.string({ minLength: 1, maxLength: 3 }))
        .map(([at, insert]) => sampleText.slice(0, at) + insert + sampleText.slice(at)),
    );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        const result = await validateTourText(text, { file: FILE });
        expectWellFormed(result.problems);
      }),
      { numRuns: 2990 },
    );
  });

  it.each([
    ['deeply nested arrays', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['deeply nested objects', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`],
    ['a huge string', JSON.stringify({ version: 1, id: 'x'.repeat(5_000_000) })],
    [
      'many scenes',
      JSON.stringify({
        ...(SAMPLE as object),
        scenes: Array(5000).fill((SAMPLE as { scenes: unknown[] }).scenes[0]),
      }),
    ],
  ])('survives %s quickly', async (_name, text) => {
    const started = performance.now();
    const result = await validateTourText(text, { file: FILE });
    expectWellFormed(result.problems);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
