// The two ways a change is refused, shared by the records module and the
// panel (which receives them over a port), with no other dependencies.

/** A change the protocol or the lifecycle does not allow; the message says why in plain words. */
export class TransitionError extends Error {
  override name = 'TransitionError';
}

/** Input that fails validation; `problems` lists each field and what is wrong with it. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
  constructor(public readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path || 'input'}: ${p.message}`).join('; '));
  }
}
