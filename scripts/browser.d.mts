import type { BrowserContext, Worker } from '@playwright/test';
export const CHROMIUM_FLAGS: string[];
export function findBrowser(): string | null;
export function ensureBrowser(): string;
export function installDebianPackages(names: string[]): boolean;
export function browserVersion(path: string): string;
export function launchWithExtension(
  extensionDir: string,
  options?: { headless?: boolean; userDataDir?: string; executablePath?: string },
): Promise<{ context: BrowserContext; extensionId: string; userDataDir: string; worker: Worker }>;
export const TEST_BUILD_DIR: string;
export function manifestOf(dir: string): Record<string, unknown>;
