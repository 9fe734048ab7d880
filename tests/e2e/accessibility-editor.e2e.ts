/**
 * Accessibility of the tour editor with axe: no serious or critical violation on the start
 * screen, with the sample tour open, and with the "new tour" dialog open. The editor runs on
 * Vite's dev server only, here on a temporary copy of `tours/` (nothing is written).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EditorSession,
  openEditorSession,
  seriousViolations,
} from './support/editor-session.ts';

let session: EditorSession;
let baseUrl: string;
let page: Page;

beforeAll(async () => {
  session = await openEditorSession('editor-a11y');
  ({ baseUrl, page } = session);
}, 120_000);

afterAll(() => session?.close());

describe('axe on the editor', () => {
  it('finds nothing serious on the start screen and in the "new tour" dialog', async () => {
    await page.goto(`${baseUrl}/editor/`);
    const create = page.getByRole('button', { name: 'Tour mới' });
    await create.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await create.click();
    await page.locator('dialog input[name=id]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('finds nothing serious with the sample tour open', async () => {
    await page.goto(`${baseUrl}/editor/?tour=demo`);
    await page.getByTestId('panorama-input').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
