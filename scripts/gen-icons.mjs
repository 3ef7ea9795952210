// Renders docs/icon/icon.svg to the PNG sizes browsers and stores ask for
// (public/icon/N.png, which WXT puts in the manifest). Run after changing the SVG.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, ensureBrowser } from './browser.mjs';

const svg = readFileSync(new URL('../docs/icon/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_FLAGS });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log('Wrote public/icon/16.png, 32.png, 48.png and 128.png');
