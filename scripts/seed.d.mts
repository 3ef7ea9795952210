import type { Page } from '@playwright/test';
export function seedDirectly(page: Page, escalations: unknown[], events?: unknown[], options?: { clear?: boolean }): Promise<void>;
