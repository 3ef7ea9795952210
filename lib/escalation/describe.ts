// How records read in lists: protocol and stage names in the documents' words, the rest in the worker's language.
import { getProtocol } from '../protocols';
import type { Escalation } from '../records/model';
import { t, wordsByKey } from '../strings';

export function protocolName(protocolId: string): string {
  try {
    return getProtocol(protocolId).partnership;
  } catch {
    return t('unknownProtocol', { id: protocolId });
  }
}

/** "Herefordshire", "Pan Sussex": the partnership's area, for tables, charts and the popup. */
export function protocolShortName(protocolId: string): string {
  return protocolName(protocolId).replace(/\s+Safeguarding\b.*$/, '');
}

export function stageTitle(protocolId: string, stageId: string): string {
  try {
    return getProtocol(protocolId).stages.find((s) => s.id === stageId)?.title ?? stageId;
  } catch {
    return stageId;
  }
}

export const STATUS_LABELS = wordsByKey<Escalation['status']>({
  open: 'statusOpen',
  resolved: 'statusResolved',
  withdrawn: 'statusWithdrawn',
});

/** "Stage 2", "Step 3" or "Initial discussion": short enough for a chip. */
export function stageShortName(protocolId: string, stageId: string): string {
  if (stageId === 'initial') return t('initialDiscussion');
  const word = (() => {
    try {
      return getProtocol(protocolId).stageWord;
    } catch {
      return t('stage');
    }
  })();
  return `${word} ${stageId.replace('stage-', '')}`;
}
