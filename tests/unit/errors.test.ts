import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../lib/errors';

describe('the message shown for whatever was thrown', () => {
  it("is an Error's message", () => {
    expect(messageOf(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
  });
  it('is a thrown string itself, never "undefined"', () => {
    expect(messageOf('The clipboard is not available')).toBe('The clipboard is not available');
  });
  it("is an extension API's { message } object's message", () => {
    expect(messageOf({ message: 'Could not establish connection. Receiving end does not exist.' })).toBe(
      'Could not establish connection. Receiving end does not exist.',
    );
  });
  it('names an Error with no message rather than showing a blank', () => {
    expect(messageOf(new DOMException('', 'NotAllowedError'))).toBe('NotAllowedError');
  });
  it('is the message of any Error and any thrown string, to the letter', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        expect(messageOf(new Error(text))).toBe(text);
        expect(messageOf(text)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
