// What went wrong, in words a page can show. Anything can be thrown (an Error, a DOMException, a
// string, an extension API's `{ message }`), so callers hand the caught value here rather than
// assuming it is an Error and showing "undefined".

/** The message of whatever was thrown: its `message` if it has a non-empty one, else the value as text. */
export function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message } = error as { message: unknown };
    if (typeof message === 'string' && message !== '') return message;
  }
  if (error instanceof Error) return error.name;
  return String(error);
}
