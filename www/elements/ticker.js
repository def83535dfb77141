// One timer for every Deadline Guard element on the page: countdowns show minutes, so it fires on
// the next minute boundary, and it stops as soon as no element is connected.
const subscribers = new Set();
let timer = null;

function schedule() {
  if (timer !== null || subscribers.size === 0) return;
  const delay = 60_000 - (Date.now() % 60_000);
  timer = setTimeout(tick, delay);
}

function tick() {
  timer = null;
  for (const callback of [...subscribers]) {
    try {
      callback();
    } catch (error) {
      // One broken element must not stop the others' countdowns, nor throw into the page.
      console.error('deadline-guard:', error);
    }
  }
  schedule();
}

/** Calls `callback` on every tick until the returned function is called. */
export function subscribe(callback) {
  subscribers.add(callback);
  schedule();
  return () => {
    subscribers.delete(callback);
    if (subscribers.size === 0 && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

/** For tests and debugging: how many elements tick, and whether the timer is armed. */
export function tickerState() {
  return { subscribers: subscribers.size, running: timer !== null };
}
