// Where the record page's chip goes: never over what the worker needs when there is anywhere clear.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chipRect, choosePlace, CORNERS, cornerToward, isChipPlace, nextCorner, overlap, type Rect } from '../../lib/chip/place';

const VIEW = { width: 1280, height: 800 };
/** A 90 × 36 button in each corner of the window, as a record page's Save, Next, Help and chat buttons are. */
const CORNER_BUTTONS: Rect[] = [
  { left: 8, top: 8, right: 98, bottom: 44 },
  { left: 1182, top: 8, right: 1272, bottom: 44 },
  { left: 8, top: 756, right: 98, bottom: 792 },
  { left: 1182, top: 756, right: 1272, bottom: 792 },
];

describe('where the chip goes', () => {
  it('stays where the worker put it when nothing is under it', () => {
    for (const corner of CORNERS) {
      expect(choosePlace({ corner, collapsed: false }, VIEW, [])).toEqual({ corner, collapsed: false });
      expect(choosePlace({ corner, collapsed: true }, VIEW, [])).toEqual({ corner, collapsed: true });
    }
  });

  it('steps to the next clear corner from a button under it', () => {
    const save = { left: 1100, top: 740, right: 1270, bottom: 790 };
    expect(choosePlace({ corner: 'bottom-right', collapsed: false }, VIEW, [save])).toEqual({ corner: 'bottom-left', collapsed: false });
  });

  it('collapses to the edge when every corner has something the worker needs', () => {
    const place = choosePlace({ corner: 'bottom-right', collapsed: false }, VIEW, CORNER_BUTTONS);
    expect(place.collapsed).toBe(true);
    for (const button of CORNER_BUTTONS) expect(overlap(chipRect(place, VIEW), button)).toBe(0);
  });

  it('a chip the worker collapsed is never expanded to step aside', () => {
    const tab = chipRect({ corner: 'bottom-right', collapsed: true }, VIEW);
    expect(choosePlace({ corner: 'bottom-right', collapsed: true }, VIEW, [tab]).collapsed).toBe(true);
  });

  it('for any page, covers nothing when some spot is clear, and never expands a collapsed chip', () => {
    const rect = fc
      .record({
        left: fc.integer({ min: -50, max: 1300 }),
        top: fc.integer({ min: -50, max: 850 }),
        w: fc.integer({ min: 1, max: 600 }),
        h: fc.integer({ min: 1, max: 300 }),
      })
      .map(({ left, top, w, h }) => ({ left, top, right: left + w, bottom: top + h }));
    fc.assert(
      fc.property(fc.constantFrom(...CORNERS), fc.boolean(), fc.array(rect, { maxLength: 12 }), (corner, collapsed, obstacles) => {
        const place = choosePlace({ corner, collapsed }, VIEW, obstacles);
        if (collapsed) expect(place.collapsed).toBe(true);
        const clear = (p: typeof place, by = 0) => {
          const r = chipRect(p, VIEW);
          const around = { left: r.left - by, top: r.top - by, right: r.right + by, bottom: r.bottom + by };
          return obstacles.every((o) => overlap(around, o) === 0);
        };
        // Clear with a few pixels to spare (a button's edge is still the button).
        const anyClear = CORNERS.some(
          (c) => clear({ corner: c, collapsed: true }, 4) || (!collapsed && clear({ corner: c, collapsed: false }, 4)),
        );
        if (anyClear) expect(clear(place)).toBe(true);
        const r = chipRect(place, VIEW);
        expect(r.left >= 0 && r.top >= 0 && r.right <= VIEW.width && r.bottom <= VIEW.height).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('moving the chip', () => {
  it('arrow keys go to the corner they point to; Move goes round the window', () => {
    expect(cornerToward('bottom-right', 'ArrowUp')).toBe('top-right');
    expect(cornerToward('bottom-right', 'ArrowLeft')).toBe('bottom-left');
    expect(cornerToward('top-left', 'ArrowDown')).toBe('bottom-left');
    expect(cornerToward('top-left', 'ArrowRight')).toBe('top-right');
    expect(cornerToward('top-left', 'Enter')).toBe('top-left');
    let corner = CORNERS[0]!;
    const seen = new Set([corner]);
    for (let i = 0; i < 4; i++) seen.add((corner = nextCorner(corner)));
    expect(seen.size).toBe(4);
    expect(corner).toBe(CORNERS[0]);
  });

  it('a stored place is used only if it has the right shape', () => {
    expect(isChipPlace({ corner: 'top-left', collapsed: true })).toBe(true);
    expect(isChipPlace({ corner: 'middle', collapsed: true })).toBe(false);
    expect(isChipPlace({ corner: 'top-left' })).toBe(false);
    expect(isChipPlace(null)).toBe(false);
  });
});
