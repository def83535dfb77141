// What both elements share: building DOM from data as text only, options from attributes,
// the same-origin fetch of `src`, and the stylesheet.
import { ready } from '../engine.js';
import { STYLES } from './styles.js';

export { ready };

/**
 * An element with text content and attributes. Data never goes through innerHTML: text is set
 * with textContent, so "<img onerror=…>" in a buyer's name stays those characters.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** A shadow root with the widget's stylesheet; constructable sheets need no 'unsafe-inline' style CSP. */
export function attachStyledShadow(host) {
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(el('style', { text: STYLES }));
  }
  return root;
}

// dg-list: option-attributes (tests/lists_kept_once.rs)
/** Attribute → option, with the attribute's value converted to what the option takes. */
export const OPTION_ATTRIBUTES = {
  locale: ['locale', String],
  now: ['now', String],
  'critical-hours': ['criticalHours', toNumber],
  'warning-hours': ['warningHours', toNumber],
  'handling-days': ['handlingDays', toNumber],
  'day-count': ['dayCount', String],
  'seller-time-zone': ['sellerTimeZone', String],
  'platform-time-zone': ['platformTimeZone', String],
};

// A value that is not a number is passed through as text, so the wasm's TypeError names the option
// and shows what was typed, instead of the attribute being silently ignored.
function toNumber(text) {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The options of an element: its `options` property, overridden by its attributes. */
export function optionsOf(element, base) {
  const options = { ...(base ?? {}) };
  for (const [attribute, [option, convert]] of Object.entries(OPTION_ATTRIBUTES)) {
    const value = element.getAttribute(attribute);
    if (value !== null && value.trim() !== '') options[option] = convert(value);
  }
  if (options.locale === undefined) {
    const lang = element.closest('[lang]')?.getAttribute('lang');
    if (lang) options.locale = lang;
  }
  return options;
}

/**
 * Fetches `src` as text, from the page's own origin only (mode 'same-origin' makes the browser refuse
 * any other origin), with the page's cookies. This is the only request the elements ever make.
 */
export async function fetchText(src, signal) {
  const url = new URL(src, document.baseURI);
  let response;
  try {
    response = await fetch(url, { mode: 'same-origin', credentials: 'same-origin', signal });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    if (url.origin !== location.origin) {
      throw new Error(`${src} is on another origin (${url.origin}); src must be on this page's origin`);
    }
    throw new Error(`${src} could not be loaded (${error?.message ?? error})`);
  }
  if (!response.ok) throw new Error(`${src} could not be loaded (HTTP ${response.status})`);
  return response.text();
}

/** The milliseconds of an ISO string or Date, or null. */
export function millisOf(value) {
  if (value === undefined || value === null || value === '') return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** A deadline as the seller reads it, in its time zone; the ISO instant stays in `datetime`. */
export function timeElement(iso, locale, timeZone) {
  if (!iso) return el('span', { text: '—' });
  let text = iso;
  try {
    text = new Intl.DateTimeFormat(locale || undefined, {
      timeZone, dateStyle: 'medium', timeStyle: 'short',
    }).format(new Date(iso));
  } catch {
    // An engine without that zone still shows the instant, in UTC.
  }
  return el('time', { datetime: iso, title: `${iso} (UTC)`, text });
}

/** Fires `name` with `detail`, out of the shadow root and up the page. */
export function emit(element, name, detail) {
  element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
