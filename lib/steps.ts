/**
 * Work that can pause: a generator that yields between small units of work (a hundred elements walked, a few
 * dozen lines checked). The content script runs it in slices between the page's own tasks, so reading a form of
 * thousands of controls never blocks the page; everything else runs it to the end at once.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs stepwise work to its end, now. */
export function finish<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** Yields once every `every` calls: a counter for loops that pause now and then. */
export function pauser(every: number) {
  let n = 0;
  return () => ++n % every === 0;
}
