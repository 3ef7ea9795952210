import { describe, expect, it } from 'vitest';
import { sameContent } from '../../lib/same-content';

describe('sameContent', () => {
  it('is the same whatever order the keys are in (storage gives them back in another), an undefined key counting as absent', () => {
    expect(sameContent({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameContent({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });

  it('tells any difference in a value, a key, an array’s order or length, or an array from an object', () => {
    expect(sameContent({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    expect(sameContent({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameContent([1, 2], [2, 1])).toBe(false);
    expect(sameContent([1], [1, 1])).toBe(false);
    expect(sameContent(['x'], { 0: 'x' })).toBe(false);
    expect(sameContent(null, {})).toBe(false);
    expect(sameContent('1', 1)).toBe(false);
  });
});
