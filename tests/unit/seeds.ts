// The seed documents live beside the repository (../shared/seeds), as they do in CI.
// SEEDS_DIR overrides the location.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SEEDS_DIR = resolve(process.env.SEEDS_DIR ?? resolve(__dirname, '../../../shared/seeds'));
export const seedsAvailable = existsSync(SEEDS_DIR);

/** Folds the differences that are typography, not words: quotes, dashes, spaces, markdown emphasis and links. */
export function normalise(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function seedText(file: string): string {
  return normalise(readFileSync(resolve(SEEDS_DIR, file), 'utf8'));
}
