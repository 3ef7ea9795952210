import type { BrowserContext, Frame, Locator, Page } from '@playwright/test';
/** Where the panel is driven from: the side panel's page, or the in-page panel's frame. */
export type PanelSurface = Page | Frame;
export function chipFrame(page: Page): Promise<Frame>;
export function chipChild(page: Page): Promise<Locator>;
export function chipStatus(page: Page): Promise<Locator>;
export function inPagePanel(page: Page): Promise<Frame>;
export function tabIdOf(page: Page): Promise<number>;
export function openSidePanelFor(page: Page): Promise<Page>;
export function openPanel(page: Page, demoUrl: string, childId?: string): Promise<Page>;
export function choosePlacement(context: BrowserContext, placement: 'side-panel' | 'in-page'): Promise<void>;
export function openInPagePanel(page: Page, demoUrl: string, childId?: string): Promise<Frame>;
export function fillStartForm(
  panel: PanelSurface,
  protocolId: string,
  options?: { concern?: string; days?: string; immediateRisk?: boolean },
): Promise<void>;
export function escalate(panel: PanelSurface, stageTitle: string, days?: string): Promise<void>;
