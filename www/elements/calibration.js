// The line above the orders table about a setting the orders' own deadlines measure
// (`calibrationLines` of the analysis): "Handling time on this page looks like 5 days (12 orders);
// your settings say 7", with a button that applies the value to the element's options. The words
// come from the wasm; nothing changes without a click.
import { el, OPTION_ATTRIBUTES } from './common.js';

/** The option → attribute map, to write a value where the element reads it from. */
const ATTRIBUTE_OF = Object.fromEntries(Object.entries(OPTION_ATTRIBUTES).map(([attr, [option]]) => [option, attr]));

/** Paragraphs for `lines`; `use(fields)` runs on a button's click. */
export function calibrationParagraphs(lines, use) {
  return lines.map((line) => el('p', { 'data-calibration': line.setting },
    el('span', { text: line.text }),
    line.button && line.value != null
      ? el('button', { type: 'button', 'data-action': 'calibrate', text: line.button, onclick: () => use(fieldsOf(line)) })
      : null));
}

/** The options a line's button sets: its setting, and the handling time's day count. */
function fieldsOf(line) {
  return { [line.setting]: line.value, ...(line.dayCount ? { dayCount: line.dayCount } : {}) };
}

/**
 * Applies `fields` ({ handlingDays: 5, dayCount: 'calendar' }) to `element`: an attribute it carries
 * wins over its `options`, so that attribute is what changes; the rest go into `options`.
 */
export function applyToElement(element, fields) {
  const options = element.options;
  let viaOptions = false;
  for (const [option, value] of Object.entries(fields)) {
    const attribute = ATTRIBUTE_OF[option];
    if (attribute && element.hasAttribute(attribute)) element.setAttribute(attribute, String(value));
    else { options[option] = value; viaOptions = true; }
  }
  if (viaOptions) element.options = options;
}
