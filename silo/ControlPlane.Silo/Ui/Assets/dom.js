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

/** A definition list of headline figures. */
export function facts(entries) {
  return el('dl', { class: 'facts' }, entries.map(([term, value, name]) =>
    el('div', { 'data-fact': name }, el('dt', {}, term), el('dd', {}, value))));
}

export function table(headers, rows, attributes = {}) {
  return el('table', attributes,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { class: h.num ? 'num' : undefined }, h.label ?? h)))),
    el('tbody', {}, rows));
}
