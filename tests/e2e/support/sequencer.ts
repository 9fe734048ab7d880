/**
 * The order e2e files start in, two at a time: the longest first, so that no long file starts
 * last and runs alone at the end. Vitest's own order (the last run's durations, or in a fresh
 * checkout, larger files first) stays for the rest; this only orders, it never leaves a file
 * out.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files measured at 60 s or more (two at a time, 2 cores), longest first. */
const LONGEST_FIRST = [
  'tests/e2e/kiosk-staff.e2e.ts',
  'tests/e2e/kiosk-network.e2e.ts',
  'tests/e2e/offline.e2e.ts',
  'tests/e2e/soak.e2e.ts',
  'tests/e2e/viewer.e2e.ts',
  'tests/e2e/languages.e2e.ts',
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const file = path.relative(this.ctx.config.root, spec.moduleId).split(path.sep).join('/');
      const index = LONGEST_FIRST.indexOf(file);
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    // Project by project, in Vitest's order; Array.prototype.sort is stable, so files not
    // named keep Vitest's order among themselves.
    const byProject = new Map<string, TestSpecification[]>();
    for (const spec of sorted) {
      const group = byProject.get(spec.project.name) ?? [];
      group.push(spec);
      byProject.set(spec.project.name, group);
    }
    return [...byProject.values()].flatMap((group) => group.sort((a, b) => rank(a) - rank(b)));
  }
}
