// What the page has seen while open: a bounded series per key (a model, a budget), newest last.
const LIMIT = 120;
const series = new Map();

export function record(key, point) {
  const list = series.get(key) ?? [];
  list.push(point);
  if (list.length > LIMIT) list.splice(0, list.length - LIMIT);
  series.set(key, list);
}

export const seen = (key) => series.get(key) ?? [];
