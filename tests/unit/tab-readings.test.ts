import { describe, expect, it } from 'vitest';
import type { ChildReading } from '../../lib/messages/types';
import { frameRead, readingOf, tabClosed, tabNavigated } from '../../lib/tabs/readings';

const found = (childId: string): ChildReading => ({
  hostId: 'demo',
  idLabel: 'Mosaic ID',
  result: { found: true, childId, source: 'selector' },
});
const none: ChildReading = { hostId: 'demo', idLabel: 'Mosaic ID', result: { found: false, reason: 'not-found' } };

describe('what each tab’s frames read, as the background keeps it', () => {
  it('keeps each frame’s latest reading, per tab', () => {
    let all = frameRead({}, 7, 0, none);
    all = frameRead(all, 7, 3, found('1000001'));
    all = frameRead(all, 8, 0, found('1000002'));
    all = frameRead(all, 7, 0, found('1000003'));
    expect(readingOf(all, 7)).toEqual({
      tabId: 7,
      frames: [
        [0, found('1000003')],
        [3, found('1000001')],
      ],
    });
    expect(readingOf(all, 8).frames).toEqual([[0, found('1000002')]]);
  });
  it('forgets a tab’s readings when its top frame starts a new page, or the tab closes; other tabs keep theirs', () => {
    let all = frameRead(frameRead({}, 7, 0, found('1000001')), 8, 0, found('1000002'));
    all = tabNavigated(all, 7);
    expect(readingOf(all, 7).frames).toEqual([]);
    expect(readingOf(all, 8).frames).toHaveLength(1);
    expect(tabClosed(all, 8)).toEqual({});
    expect(tabNavigated(all, 99)).toBe(all);
  });
  it('answers nothing for a page that is not in a tab', () => {
    expect(readingOf(frameRead({}, 7, 0, found('1')), null)).toEqual({ tabId: null, frames: [] });
  });
});
