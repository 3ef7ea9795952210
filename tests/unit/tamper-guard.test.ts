// @vitest-environment happy-dom
// The launcher's element on a hostile record page: changes put back, and after repeated ones, the end.
import { describe, expect, it, vi } from 'vitest';
import { guardElement, MAX_FOREIGN_CHANGES } from '../../lib/page/tamper-guard';

const STYLE = 'display: block !important;';
const settle = () => new Promise((r) => setTimeout(r, 0));

function mounted() {
  const el = document.createElement('escalation-companion');
  el.setAttribute('style', STYLE);
  document.documentElement.append(el);
  return el;
}

describe('the tamper guard', () => {
  it('puts back the style, removes added attributes and re-attaches a removed element', async () => {
    const el = mounted();
    const stop = guardElement(el, STYLE, () => {});
    el.setAttribute('style', 'display: none');
    el.setAttribute('data-spy', 'x');
    await settle();
    expect(el.getAttribute('style')).toBe(STYLE);
    expect(el.hasAttribute('data-spy')).toBe(false);
    el.remove();
    await settle();
    expect(el.isConnected).toBe(true);
    stop();
    el.remove();
  });

  it(`gives up after ${MAX_FOREIGN_CHANGES} foreign changes and calls back once; its own repairs do not count`, async () => {
    const el = mounted();
    const tooMany = vi.fn();
    guardElement(el, STYLE, tooMany);
    for (let i = 0; i < MAX_FOREIGN_CHANGES - 1; i++) {
      el.style.opacity = '0';
      await settle();
    }
    expect(tooMany).not.toHaveBeenCalled();
    expect(el.getAttribute('style')).toBe(STYLE);
    el.style.opacity = '0';
    await settle();
    expect(tooMany).toHaveBeenCalledTimes(1);
    el.style.opacity = '0.5';
    await settle();
    expect(el.style.opacity).toBe('0.5'); // no longer guarded
    el.remove();
  });
});
