// What the page is still fetching (API calls, string catalogues), so that a page made of parts that load on
// their own can show them all at once, when they have arrived, instead of one after another (each arrival
// would push the parts below it down: a layout shift).

let inFlight = 0;
let waiters = [];

/** Counts `promise` as pending until it settles; returns it. */
export function track(promise) {
  inFlight++;
  const done = () => {
    inFlight--;
    if (inFlight === 0) {
      const ready = waiters;
      waiters = [];
      ready.forEach((resolve) => resolve());
    }
  };
  promise.then(done, done);
  return promise;
}

/** Resolves when nothing is pending (at once when nothing is). */
export function idle() {
  return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves in a task of its own: a long drawing split at it lets the page answer input between the parts. */
export function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves once `parts` (promises: modules being imported, first loads) have settled and then nothing is pending
 * across two rendered frames (a part that renders may start a fetch of its own), or after `maxMillis`, whichever
 * comes first: a part that hangs never keeps the page hidden.
 */
export function settled(parts = [], maxMillis = 4000) {
  const quiet = (async () => {
    await Promise.allSettled(parts);
    for (;;) {
      await idle();
      await frame();
      await frame();
      if (inFlight === 0) return;
    }
  })();
  return Promise.race([quiet, new Promise((resolve) => setTimeout(resolve, maxMillis))]);
}
