// A CSS selector for an element a person clicked: short, and unique on the page.
// Classes that look generated (with digits or long hashes) are avoided because
// they change between the supplier's releases.

const stableClass = (c: string) => /^[a-zA-Z][a-zA-Z_-]{1,30}$/.test(c);

function part(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const classes = Array.from(el.classList).filter(stableClass).slice(0, 2);
  let sel = tag + classes.map((c) => `.${CSS.escape(c)}`).join('');
  const parent = el.parentElement;
  if (parent) {
    const same = Array.from(parent.children).filter((s) => s.tagName === el.tagName && classes.every((c) => s.classList.contains(c)));
    if (same.length > 1)
      sel += `:nth-of-type(${
        Array.from(parent.children)
          .filter((s) => s.tagName === el.tagName)
          .indexOf(el) + 1
      })`;
  }
  return sel;
}

/** The shortest selector (by an id, or up to six steps of tag, class and position) that finds exactly `el`. */
export function uniqueSelector(el: Element): string | null {
  const doc = el.ownerDocument;
  if (el.id && /^[a-zA-Z][\w-]*$/.test(el.id) && doc.querySelectorAll(`#${CSS.escape(el.id)}`).length === 1) return `#${CSS.escape(el.id)}`;
  const steps: string[] = [];
  for (let node: Element | null = el; node && node !== doc.documentElement && steps.length < 6; node = node.parentElement) {
    if (node !== el && node.id && /^[a-zA-Z][\w-]*$/.test(node.id)) {
      steps.unshift(`#${CSS.escape(node.id)}`);
      break;
    }
    steps.unshift(part(node));
    const selector = steps.join(' > ');
    if (doc.querySelectorAll(selector).length === 1 && doc.querySelector(selector) === el) return selector;
  }
  const selector = steps.join(' > ');
  return doc.querySelectorAll(selector).length === 1 && doc.querySelector(selector) === el ? selector : null;
}

/** A validator for IDs shaped like the one picked: digits, or letters, digits and dashes. */
export function validatorLike(sample: string): { pattern: string; maxLength: number } {
  if (/^[0-9]+$/.test(sample))
    return {
      pattern: `[0-9]{${Math.max(1, sample.length - 3)},${Math.min(64, sample.length + 3)}}`,
      maxLength: Math.min(64, sample.length + 3),
    };
  // Letters and dashes may be part of an ID, but an ID always has a digit in it.
  return { pattern: '[A-Za-z0-9-]*[0-9][A-Za-z0-9-]*', maxLength: 41 };
}
