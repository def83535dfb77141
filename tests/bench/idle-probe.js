// Idle probe, added (by idle.mjs, to a temporary copy of the built extension) as the first content
// script at document_start, so it shares the extension's isolated world and sees every callback
// the extension's own code schedules: timers, animation frames, idle callbacks, observers and
// event listeners. The page asks for the counts with a `dg-idle-probe` event and gets them back as
// JSON in a `dg-idle-probe-report` event; the probe's own listener is registered before wrapping.
(() => {
  const counts = Object.create(null);
  const hit = (kind) => { counts[kind] = (counts[kind] || 0) + 1; };
  document.addEventListener('dg-idle-probe', () => {
    document.dispatchEvent(new CustomEvent('dg-idle-probe-report', { detail: JSON.stringify(counts) }));
  });
  const wrapCallback = (kind, fn) => (typeof fn === 'function' ? function (...a) { hit(kind); return fn.apply(this, a); } : fn);
  for (const name of ['setTimeout', 'setInterval', 'requestAnimationFrame', 'requestIdleCallback', 'queueMicrotask']) {
    const original = globalThis[name];
    if (typeof original !== 'function') continue;
    const wrapped = function (fn, ...rest) { return original.call(globalThis, wrapCallback(name, fn), ...rest); };
    globalThis[name] = wrapped;
    try { Window.prototype[name] = wrapped; } catch { /* not writable: the global is enough */ }
  }
  for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'PerformanceObserver']) {
    const Original = globalThis[name];
    if (typeof Original !== 'function') continue;
    globalThis[name] = class extends Original {
      constructor(fn, ...rest) { super(wrapCallback(name, fn), ...rest); }
    };
  }
  const listen = EventTarget.prototype.addEventListener;
  const wrapped = new WeakMap();
  EventTarget.prototype.addEventListener = function (type, fn, ...rest) {
    let w = fn;
    if (typeof fn === 'function') {
      w = wrapped.get(fn) || wrapCallback(`event:${type}`, fn);
      wrapped.set(fn, w);
    }
    return listen.call(this, type, w, ...rest);
  };
  const unlisten = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.removeEventListener = function (type, fn, ...rest) {
    return unlisten.call(this, type, (typeof fn === 'function' && wrapped.get(fn)) || fn, ...rest);
  };
})();
