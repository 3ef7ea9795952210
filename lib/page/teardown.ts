/**
 * Runs each undo step even if one throws. After the extension is updated or reloaded, the old
 * script's browser APIs throw "Extension context invalidated" when touched; their listeners are
 * already gone with the context, so there is nothing left to remove and nothing to report.
 */
export function teardown(...steps: (() => void)[]): void {
  for (const step of steps) {
    try {
      step();
    } catch {
      /* the extension context is gone, and its listeners with it */
    }
  }
}
