// Building DOM nodes and formatting numbers; text always goes in as text, never as HTML.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== undefined && child !== null) node.append(child);
  return node;
}

export const number = (n, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: digits }) : '–');
export const money = (n, currency = '') => (Number.isFinite(n) ? `${n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`.trim() : '–');
export const time = (t) => new Date(t).toLocaleTimeString('en-GB');
export const dateTime = (t) => new Date(t).toLocaleString('en-GB');

/**
 * A definition list of headline figures: [term, text, name] or {term, text, name, value, hint}; `value` is the number
 * behind the text (data-value, for whoever checks the page against the API), `hint` says how it is made (a tooltip).
 */
export function facts(entries, attributes = {}) {
  return el('dl', { class: 'facts', ...attributes }, entries.filter(Boolean).map((entry) => {
    const { term, text, name, value, hint } = Array.isArray(entry) ? { term: entry[0], text: entry[1], name: entry[2] } : entry;
    return el('div', { 'data-fact': name, 'data-value': Number.isFinite(value) ? value : undefined, title: hint },
      el('dt', {}, term), el('dd', {}, text));
  }));
}

/** A table; rows are row elements, or a tbody the caller keeps to refill (never a tbody inside another). */
export function table(headers, rows, attributes = {}) {
  const body = rows instanceof HTMLTableSectionElement ? rows : el('tbody', {}, rows);
  return el('table', attributes,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { class: h.num ? 'num' : undefined }, h.label ?? h)))),
    body);
}
