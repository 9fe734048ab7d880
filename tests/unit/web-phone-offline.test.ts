import { describe, expect, it, vi } from 'vitest';
import type { TourPointer } from '../../src/core/publish/tour-files.ts';
import { SavedTourRefresher, type SavedTours } from '../../src/web/offline/phone-offline.ts';

const pointer = (version: string): TourPointer => ({
  version,
  bytes: 10,
  files: 2,
  languages: ['vi'],
  savedAt: '2024-01-01T00:00:00Z',
});

function setup(store: Partial<SavedTours> = {}) {
  const notes: string[] = [];
  const host = {
    currentTourId: () => 'demo',
    translate: (key: string) => key,
    notify: (text: string) => notes.push(text),
  };
  const tours: SavedTours = {
    savedVersion: vi.fn(async () => pointer('v1')),
    saveTour: vi.fn(async () => pointer('v2')),
    online: () => true,
    ...store,
  };
  return { refresher: new SavedTourRefresher(host, tours), tours, notes };
}

describe('keeping a saved tour current on a phone', () => {
  it('fetches a newer version in the saved languages and tells the visitor', async () => {
    const { refresher, tours, notes } = setup();
    await refresher.refresh();
    expect(tours.saveTour).toHaveBeenCalledWith('demo', { languages: ['vi'] });
    expect(notes).toEqual(['offline.updated']);
  });

  it('says nothing when the saved version is still the published one', async () => {
    const { refresher, notes } = setup({ saveTour: async () => pointer('v1') });
    await refresher.refresh();
    expect(notes).toEqual([]);
  });

  it('leaves tours that were never saved alone, and does nothing offline', async () => {
    const never = setup({ savedVersion: async () => undefined });
    await never.refresher.refresh();
    expect(never.tours.saveTour).not.toHaveBeenCalled();
    const offline = setup({ online: () => false });
    await offline.refresher.refresh();
    expect(offline.tours.saveTour).not.toHaveBeenCalled();
  });

  it('runs one refresh at a time, and a failed one does not block the next', async () => {
    let finish: (p: TourPointer) => void = () => undefined;
    const saveTour = vi.fn(() => new Promise<TourPointer>((resolve) => (finish = resolve)));
    const { refresher, notes } = setup({ saveTour });
    const first = refresher.refresh();
    const second = refresher.refresh();
    await second;
    await vi.waitFor(() => expect(saveTour).toHaveBeenCalledTimes(1));
    finish(pointer('v2'));
    await first;
    expect(notes).toEqual(['offline.updated']);

    saveTour.mockImplementationOnce(async () => {
      throw new Error('offline');
    });
    await refresher.refresh();
    saveTour.mockImplementationOnce(async () => pointer('v3'));
    await refresher.refresh();
    expect(saveTour).toHaveBeenCalledTimes(3);
    expect(notes).toEqual(['offline.updated', 'offline.updated']);
  });
});
