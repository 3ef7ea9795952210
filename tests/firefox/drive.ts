// Drives the extension in Firefox (puppeteer-core over WebDriver BiDi) the way a person would: controls are
// found by their label or their words, clicked and typed into with real input events.
import type { Browser, ElementHandle, EvaluateFunc, Frame, Page } from 'puppeteer-core';
import { expect } from '@playwright/test';

type Surface = Page | Frame;

/** Opens one of the extension's pages (e.g. `dashboard.html`) in a new tab, or a new window. */
export async function openExtensionPage(
  browser: Browser,
  extensionUrl: string,
  path: string,
  type: 'tab' | 'window' = 'tab',
): Promise<Page> {
  const page = await browser.newPage(type === 'window' ? { type: 'window' } : undefined);
  // Firefox reports no load event for moz-extension pages over BiDi: wait for the document instead.
  await page.goto(extensionUrl + path, { waitUntil: [] });
  // (Puppeteer's waitForFunction builds a Function in the page, which the extension's CSP refuses: poll instead.)
  await expect
    .poll(() => page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false), {
      timeout: 10_000,
      intervals: [50],
    })
    .toBe(true);
  return page;
}

/**
 * A frame of `page` whose address ends with `suffix` (the chip's and the in-page panel's frames). Firefox
 * reports no navigation events for moz-extension frames over BiDi, so each frame is asked where it is.
 */
export async function frameEndingWith(page: Page, suffix: string): Promise<Frame> {
  let found: Frame | undefined;
  const find = async () => {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href.split(/[?#]/)[0]!).catch(() => '');
      if (href.endsWith(suffix)) return (found = frame);
    }
    return (found = undefined);
  };
  await expect.poll(async () => Boolean(await find()), { timeout: 10_000, intervals: [50] }).toBe(true);
  return found!;
}

/** The first element matching `selector` (found by script: Firefox ESR's BiDi cannot locate nodes inside a frame). */
export async function element(surface: Surface, selector: string): Promise<ElementHandle<Element>> {
  const handle = (await surface.evaluateHandle((s) => document.querySelector(s), selector)).asElement();
  if (!handle) throw new Error(`Nothing matches ${selector}`);
  return handle as ElementHandle<Element>;
}

/**
 * Clicks an element inside one of `page`'s frames with the mouse, as a person would (so the click counts as
 * the worker's own action). Firefox ESR 140's BiDi cannot say where a frame sits in its page, so the frame's
 * offset comes from Firefox's own `mozInnerScreenX/Y`.
 */
export async function clickInFrame(page: Page, frame: Frame, selector: string): Promise<void> {
  type ScreenWindow = { mozInnerScreenX: number; mozInnerScreenY: number };
  const origin = await page.evaluate(() => [
    (window as unknown as ScreenWindow).mozInnerScreenX,
    (window as unknown as ScreenWindow).mozInnerScreenY,
  ]);
  const [x, y] = await frame.evaluate((s) => {
    const box = document.querySelector(s)!.getBoundingClientRect();
    const w = window as unknown as ScreenWindow;
    return [w.mozInnerScreenX + box.left + box.width / 2, w.mozInnerScreenY + box.top + box.height / 2];
  }, selector);
  await page.mouse.click(x! - origin[0]!, y! - origin[1]!);
}

/** The text of the elements matching `selector`, a line each ('' when there are none). */
export const textOf = (surface: Surface, selector: string): Promise<string> =>
  surface.evaluate((s) => [...document.querySelectorAll<HTMLElement>(s)].map((e) => e.innerText.trim()).join('\n'), selector);

/** Waits until the text of `selector` passes `test` (a string to contain, or a pattern). */
export async function expectText(surface: Surface, selector: string, want: string | RegExp, timeout = 10_000): Promise<void> {
  await expect
    .poll(() => textOf(surface, selector), { timeout, intervals: [50] })
    .toMatch(typeof want === 'string' ? new RegExp(want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : want);
}

/** Polls until `find` (run in the page, given `arg`) returns an element; `what` names it if it never does. */
async function found<A>(surface: Surface, find: EvaluateFunc<[A]>, arg: A, what: string): Promise<ElementHandle<Element>> {
  let handle: ElementHandle<Element> | null = null;
  await expect
    .poll(
      async () => {
        handle = (await surface.evaluateHandle(find, arg)).asElement() as ElementHandle<Element> | null;
        return Boolean(handle);
      },
      { timeout: 10_000, message: what },
    )
    .toBe(true);
  return handle!;
}

/** The form control whose label reads `label` (exactly, ignoring spaces at the ends; or matching a pattern). */
function control(surface: Surface, label: string | RegExp): Promise<ElementHandle<Element>> {
  const source = typeof label === 'string' ? { text: label } : { pattern: label.source };
  return found(
    surface,
    ({ text, pattern }: { text?: string; pattern?: string }) => {
      const matches = (s: string) => (pattern ? new RegExp(pattern).test(s) : s === text);
      for (const l of document.querySelectorAll('label')) {
        const words = [...l.childNodes]
          .filter((n) => !(n instanceof HTMLElement && n.matches('input, select, textarea')))
          .map((n) => n.textContent)
          .join('')
          .trim();
        if (matches(words) && l.control) return l.control;
      }
      return null;
    },
    source,
    `a control labelled ${label}`,
  );
}

/** Types into the labelled field (a date-time field is set and announced, as Firefox's picker cannot be typed into). */
export async function fill(surface: Surface, label: string | RegExp, value: string): Promise<void> {
  const field = await control(surface, label);
  const kind = await field.evaluate((el) => (el as HTMLInputElement).type);
  if (kind === 'datetime-local' || kind === 'date') {
    await field.evaluate((el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
    return;
  }
  await field.click({ count: 3 });
  await field.type(value);
}

export async function select(surface: Surface, label: string, value: string): Promise<void> {
  await (await control(surface, label)).select(value);
}

export async function check(surface: Surface, label: string): Promise<void> {
  const box = await control(surface, label);
  if (!(await box.evaluate((el) => (el as HTMLInputElement).checked))) await box.click();
}

/** The values a select offers, in order. */
export async function options(surface: Surface, label: string): Promise<string[]> {
  return (await control(surface, label)).evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));
}

/** Clicks the (last, when the words repeat: a form's own submit) button whose words are `name`. */
export async function press(surface: Surface, name: string, { within }: { within?: string } = {}): Promise<void> {
  const button = await found(
    surface,
    ({ name, within }: { name: string; within?: string }) => {
      const scope = within ? document.querySelector(within) : document;
      const buttons = [...(scope?.querySelectorAll('button') ?? [])].filter(
        (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name && !b.disabled,
      );
      return buttons.at(-1) ?? null;
    },
    { name, within },
    `a button "${name}"`,
  );
  await button.click();
}
