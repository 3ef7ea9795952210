import type { BrowserContext, Worker } from '@playwright/test';
export const CHROMIUM_FLAGS: string[];
export function findExecutable(override: string, candidates: string[]): string | null;
export function findBrowser(): string | null;
export function ensureExecutable(find: () => string | null, debianPackage: string, missing: string): string;
export function ensureBrowser(): string;
export function installDebianPackages(names: string[]): boolean;
export function installDebianPackagesMeanwhile(names: string[]): Promise<boolean>;
export function browserVersion(path: string): string;
export function launchWithExtension(
  extensionDir: string,
  options?: { headless?: boolean; userDataDir?: string; executablePath?: string; timezoneId?: string },
): Promise<{ context: BrowserContext; extensionId: string; userDataDir: string; worker: Worker }>;
export const TEST_BUILD_DIR: string;
export function manifestOf(dir: string): Record<string, unknown>;
