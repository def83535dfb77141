// Which records are on screen or close to it. On a page with thousands of orders, every badge
// inserted moves the rows below it, and the page lays out and repaints the whole list in the next
// frame (about a second at 10,000 orders): such a page gets every record's attributes and edge at
// once, and badges only for the records near the viewport, as they come near.

// Rows within one screen above or below the viewport count as near: a badge is in place before
// its row scrolls into view.
const MARGIN = '100% 0px';

/** Tracks records near the viewport; `onNear(records)` hears of the ones that just came near. */
export class NearViewport {
  constructor(onNear, signal) {
    this.near = new WeakSet();
    this.observer = new IntersectionObserver((entries) => {
      const arrived = [];
      for (const entry of entries) {
        if (entry.isIntersecting) {
          this.near.add(entry.target);
          arrived.push(entry.target);
        } else {
          this.near.delete(entry.target);
        }
      }
      if (arrived.length) onNear(arrived);
    }, { rootMargin: MARGIN });
    signal.addEventListener('abort', () => this.observer.disconnect());
  }

  /** Starts tracking a record (again is harmless). */
  watch(record) {
    this.observer.observe(record);
  }

  /** Whether the record was near the viewport when last seen. */
  has(record) {
    return this.near.has(record);
  }
}
