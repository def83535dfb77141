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

/** Formats instants in one zone and language; Intl formatters are slow to build, so kept. */
export class SellerClock {
  constructor(zone, locale) {
    this.zone = zone;
    this.locale = locale;
    this.city = zoneCity(zone);
    const make = (options) => {
      for (const [loc, timeZone] of [[locale, zone], [undefined, zone], [undefined, undefined]]) {
        try {
          return new Intl.DateTimeFormat(loc || undefined, { ...options, timeZone });
        } catch { /* unknown locale or zone: the next candidate */ }
      }
      return null;
    };
    this.short = make({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    this.long = make({ dateStyle: 'medium', timeStyle: 'short' });
    this.clockTime = make({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    this.cache = new Map();
  }

  /** Whether this clock formats for `zone` in `locale`. */
  is(zone, locale) {
    return this.zone === zone && this.locale === locale;
  }

  /** "Fri 27 Nov, 18:00 Madrid" (the overlay's list; the same few instants come back every minute). */
  deadline(ms) {
    let text = this.cache.get(ms);
    if (text === undefined) {
      text = `${this.short.format(new Date(ms))} ${this.city}`;
      if (this.cache.size > 5000) this.cache.clear();
      this.cache.set(ms, text);
    }
    return text;
  }

  /** "16:05" (until when an order is snoozed). */
  time(ms) {
    return this.clockTime.format(new Date(ms));
  }

  /** "27 Nov 2026, 18:00 Madrid" (a badge's tooltip). */
  full(ms) {
    return `${this.long.format(new Date(ms))} ${this.city}`;
  }
}
