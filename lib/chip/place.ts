// Where the record page's chip goes. The worker puts it in a corner, or collapses it to a small tab on the
// window's edge, per site; the launcher then keeps it off anything on the page the worker may need (links,
// buttons, fields, editors, and whatever they focus or point at): the first spot that covers none of them, in
// the worker's corner first, then the other corners, then collapsed. Pure: the launcher measures the page.

export type Corner = 'bottom-right' | 'bottom-left' | 'top-left' | 'top-right';
export interface ChipPlace {
  corner: Corner;
  collapsed: boolean;
}
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface View {
  width: number;
  height: number;
}

export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];
export const DEFAULT_PLACE: ChipPlace = { corner: 'bottom-right', collapsed: false };
export const CHIP_SIZE = { width: 270, height: 64 };
/** The collapsed tab: on the window's edge, a quarter of the way in from its corner (corners are where pages put widgets). */
export const TAB_SIZE = { width: 28, height: 64 };
const GAP = 12;
/** Something this close to the chip counts as under it: a button's edge is still the button. */
const CLEARANCE = 4;

export function isChipPlace(v: unknown): v is ChipPlace {
  const p = v as Partial<ChipPlace> | null;
  return typeof p === 'object' && p !== null && CORNERS.includes(p.corner as Corner) && typeof p.collapsed === 'boolean';
}

/** The chip's rectangle in the window at `place`. */
export function chipRect({ corner, collapsed }: ChipPlace, view: View): Rect {
  const bottom = corner.startsWith('bottom');
  const right = corner.endsWith('right');
  const { width, height } = collapsed ? TAB_SIZE : CHIP_SIZE;
  const left = right ? view.width - width - (collapsed ? 0 : GAP) : collapsed ? 0 : GAP;
  const top = collapsed
    ? Math.round(bottom ? view.height * 0.75 - height / 2 : view.height * 0.25 - height / 2)
    : bottom
      ? view.height - height - GAP
      : GAP;
  return { left, top, right: left + width, bottom: top + height };
}

export function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

const inflate = (r: Rect, by: number): Rect => ({ left: r.left - by, top: r.top - by, right: r.right + by, bottom: r.bottom + by });

/** The worker's corner first, then the one beside it, the one above or below it, and the one opposite. */
function cornersFrom(corner: Corner): Corner[] {
  const [v, h] = corner.split('-') as ['bottom' | 'top', 'right' | 'left'];
  const otherV = v === 'bottom' ? 'top' : 'bottom';
  const otherH = h === 'right' ? 'left' : 'right';
  return [`${v}-${h}`, `${v}-${otherH}`, `${otherV}-${h}`, `${otherV}-${otherH}`] as Corner[];
}

/**
 * Where the chip goes, given where the worker wants it and what it must not cover: the worker's place if it is
 * clear, else the first clear corner, else collapsed in the first clear corner (a chip the worker collapsed stays
 * collapsed). Where nothing is clear, the collapsed tab that covers least.
 */
export function choosePlace(wanted: ChipPlace, view: View, obstacles: readonly Rect[]): ChipPlace {
  const corners = cornersFrom(wanted.corner);
  const candidates: ChipPlace[] = [
    ...(wanted.collapsed ? [] : corners.map((corner) => ({ corner, collapsed: false }))),
    ...corners.map((corner) => ({ corner, collapsed: true })),
  ];
  const covered = (place: ChipPlace) => {
    const rect = inflate(chipRect(place, view), CLEARANCE);
    return obstacles.reduce((sum, o) => sum + overlap(rect, o), 0);
  };
  let best = candidates[candidates.length - 1]!;
  let least = Infinity;
  for (const place of candidates) {
    const area = covered(place);
    if (area === 0) return place;
    if (place.collapsed && area < least) [best, least] = [place, area];
  }
  return best;
}

/** The corner the arrow key points to from `corner` (the chip's Move button). */
export function cornerToward(corner: Corner, key: string): Corner {
  const [v, h] = corner.split('-');
  if (key === 'ArrowUp') return `top-${h}` as Corner;
  if (key === 'ArrowDown') return `bottom-${h}` as Corner;
  if (key === 'ArrowLeft') return `${v}-left` as Corner;
  if (key === 'ArrowRight') return `${v}-right` as Corner;
  return corner;
}

/** The next corner round the window (the Move button clicked). */
export const nextCorner = (corner: Corner): Corner => CORNERS[(CORNERS.indexOf(corner) + 1) % CORNERS.length]!;
