// How records read in lists: protocol and stage names in the documents' words.
import { getProtocol } from '../protocols';
import type { Escalation } from '../records/model';

export function protocolName(protocolId: string): string {
  try {
    return getProtocol(protocolId).partnership;
  } catch {
    return `Unknown protocol (${protocolId})`;
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

export const STATUS_LABELS: Record<Escalation['status'], string> = { open: 'Open', resolved: 'Resolved', withdrawn: 'Withdrawn' };

/** "Stage 2", "Step 3" or "Initial discussion": short enough for a chip. */
export function stageShortName(protocolId: string, stageId: string): string {
  if (stageId === 'initial') return 'Initial discussion';
  const word = (() => {
    try {
      return getProtocol(protocolId).stageWord;
    } catch {
      return 'Stage';
    }
  })();
  return `${word} ${stageId.replace('stage-', '')}`;
}
