// Module-level tables that only a check needs (compiled vocabularies, grid specs, label matchers)
// are built on first use, not when the content script is injected: the bundle's top-level
// evaluation runs in one task before the page's load event, so whatever it builds delays that load.

/** A value made by `make` on the first call and the same value on every later call. */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
