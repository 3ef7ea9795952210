// What the extension's own pages (panel, dashboard, popup, options, records) ask the background.
// The background refuses all of these from anything but an extension page (lib/browser/background-handlers.ts).
import { defineProtocol } from '../browser/messaging';
import type { CommandReply, LandedReply, RecordsCommand } from '../browser/records-bridge';

export interface PagesToBackground {
  /** Panel → background: make one change to the records; the new state, or why it was refused. */
  recordsCommand(command: RecordsCommand): CommandReply;
  /** Panel → background: did this change land? Asked when the answer to recordsCommand was lost. */
  changeLanded(changeId: string): LandedReply;
  /** Records page → background: it imported or deleted records itself; redraw the badge and reminders. No reply. */
  recordsChanged(): void;
  /** Panel → background: which tab am I framed in? null for a page that is not in a tab's frame. */
  whichTab(): number | null;
}

export const pagesToBackground = defineProtocol<PagesToBackground>('pages-to-background');
