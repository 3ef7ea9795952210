// A start form is for the child it was filled in for, not for whichever child the tab shows when Start is
// pressed. Once the worker has typed in it, the panel keeps showing that child while the form is open; the
// form says so if the record moves to another child, and either keeps its child (said plainly) or is discarded.
import { signal } from '@preact/signals';

export interface FormChild {
  hostId: string;
  childId: string;
  /** What the site calls the ID ("Mosaic ID"). */
  label: string;
}

/** The child of the start form the worker has begun filling in, while it is open. */
export const formFor = signal<FormChild | null>(null);
/** A start form kept for a child the record no longer showed was saved: for whom (said once the panel moves on). */
export const savedFor = signal<FormChild | null>(null);

export const sameChild = (a: Pick<FormChild, 'hostId' | 'childId'>, b: Pick<FormChild, 'hostId' | 'childId'>): boolean =>
  a.hostId === b.hostId && a.childId === b.childId;

export const named = (child: FormChild): string => `${child.label} ${child.childId}`;
