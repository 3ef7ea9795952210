import type { Browser } from 'puppeteer-core';
export function findFirefox(): string | null;
export function ensureFirefox(): string;
export const FIREFOX_TEST_BUILD_DIR: string;
export function addonIdOf(dir: string): string;
export function packExtension(dir: string): string;
export function launchFirefoxWithExtension(options: {
  xpi?: string;
  addonId: string;
  userDataDir?: string;
  policies?: unknown;
  executablePath?: string;
}): Promise<{ browser: Browser; userDataDir: string; extensionUrl: string }>;
