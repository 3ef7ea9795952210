import type { FrameLocator, Page } from '@playwright/test';
export const PANEL: string;
export function openPanel(page: Page, demoUrl: string, childId?: string): Promise<FrameLocator>;
export function fillStartForm(
  panel: FrameLocator,
  protocolId: string,
  options?: { concern?: string; days?: string; immediateRisk?: boolean },
): Promise<void>;
export function escalate(panel: FrameLocator, stageTitle: string, days?: string): Promise<void>;
