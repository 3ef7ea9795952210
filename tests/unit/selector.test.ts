// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { uniqueSelector, validatorLike } from '../../lib/hosts/selector';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('the element picker’s selector', () => {
  it('uses a unique id', () => {
    const doc = page('<p><span id="pid">123</span></p>');
    expect(uniqueSelector(doc.getElementById('pid')!)).toBe('#pid');
  });

  it('walks up tag and stable classes until unique, skipping generated classes', () => {
    const doc = page(
      '<div class="banner x9f3a2"><span class="ref-label">Ref</span> <span class="ref-value css-1k2j3">1000001</span></div><span class="ref-value">other</span>',
    );
    const target = doc.querySelector('.banner .ref-value')!;
    const sel = uniqueSelector(target)!;
    expect(sel).toBe('div.banner > span.ref-value');
    expect(doc.querySelector(sel)).toBe(target);
  });

  it('uses position among siblings when classes do not tell them apart', () => {
    const doc = page('<table id="facts"><tr><td>ID</td><td>445566</td></tr></table>');
    const target = doc.querySelectorAll('td')[1]!;
    const sel = uniqueSelector(target)!;
    expect(doc.querySelectorAll(sel)).toHaveLength(1);
    expect(doc.querySelector(sel)).toBe(target);
  });

  it('proposes a validator shaped like the ID picked', () => {
    expect(validatorLike('1000001')).toEqual({ pattern: '[0-9]{4,10}', maxLength: 10 });
    expect(new RegExp(`^(?:${validatorLike('AB-1234').pattern})$`).test('AB-1234')).toBe(true);
  });
});
