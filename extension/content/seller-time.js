// Deadlines as the seller reads them: in the seller's time zone (the settings' `sellerTimeZone`,
// else the platform's), with the zone named, since the browser's zone may be another one
// ("Fri 27 Nov, 18:00 Madrid").

const PLATFORM_ZONE = 'America/Los_Angeles';

/** The zone the settings name for the seller (the platform's when none is set). */
export function sellerZone(policy) {
  return policy?.sellerTimeZone || policy?.platformTimeZone || PLATFORM_ZONE;
}

/** "Madrid" for Europe/Madrid, "Los Angeles" for America/Los_Angeles, "UTC" for UTC. */
export function zoneCity(zone) {
  return zone.split('/').pop().replace(/_/g, ' ');
}

const FORMATS = {
  short: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  long: { dateStyle: 'medium', timeStyle: 'short' },
  clockTime: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

/** An Intl formatter for `locale` and `zone`, falling back to the browser's locale, then zone. */
function makeFormat(locale, zone, options) {
  for (const [loc, timeZone] of [[locale, zone], [undefined, zone], [undefined, undefined]]) {
    try {
      return new Intl.DateTimeFormat(loc || undefined, { ...options, timeZone });
    } catch { /* unknown locale or zone: the next candidate */ }
  }
  // Only reached when even the browser's own defaults are refused.
  return { format: (date) => date.toISOString() };
}

/** Formats instants in one zone and language; Intl formatters are slow to build, so kept. */
export class SellerClock {
  constructor(zone, locale) {
    this.zone = zone;
    this.locale = locale;
    this.city = zoneCity(zone);
    this.cache = new Map();
    // Built when first used: each takes milliseconds, and the first render of a big page only
    // needs the list's (the tooltip's and the snooze note's wait for a pointer or a Later).
    this.formats = new Map();
  }

  /** `ms` in the format FORMATS names `name`. */
  format(name, ms) {
    let format = this.formats.get(name);
    if (format === undefined) {
      format = makeFormat(this.locale, this.zone, FORMATS[name]);
      this.formats.set(name, format);
    }
    return format.format(new Date(ms));
  }

  /** Builds the list's formatter now, at a moment chosen by the caller. */
  warm() {
    this.format('short', 0);
  }

  /** Whether this clock formats for `zone` in `locale`. */
  is(zone, locale) {
    return this.zone === zone && this.locale === locale;
  }

  /** "Fri 27 Nov, 18:00 Madrid" (the overlay's list; the same few instants come back every minute). */
  deadline(ms) {
    let text = this.cache.get(ms);
    if (text === undefined) {
      text = `${this.format('short', ms)} ${this.city}`;
      if (this.cache.size > 5000) this.cache.clear();
      this.cache.set(ms, text);
    }
    return text;
  }

  /** "16:05" (until when an order is snoozed). */
  time(ms) {
    return this.format('clockTime', ms);
  }

  /** "27 Nov 2026, 18:00 Madrid" (a badge's tooltip). */
  full(ms) {
    return `${this.format('long', ms)} ${this.city}`;
  }
}
