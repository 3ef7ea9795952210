import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/**
 * The protocol the worker is looking at (the open escalation's, or the one chosen in the start form
 * or the guide), so "Is the child at immediate risk?" gives that protocol's route, not the default's.
 */
export const protocolInView = signal<string | null>(null);

/** Marks `protocolId` as the one in view while the calling component is shown. */
export function useProtocolInView(protocolId: string): void {
  useEffect(() => {
    protocolInView.value = protocolId;
    return () => {
      if (protocolInView.peek() === protocolId) protocolInView.value = null;
    };
  }, [protocolId]);
}
