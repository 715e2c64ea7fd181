// Small SVG charts written for this dashboard: no library, so the page has no dependency and works offline.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children) node.append(child);
  return node;
}

const round = (n) => Math.round(n * 10) / 10;

function scale(domainMin, domainMax, rangeMin, rangeMax) {
  const span = domainMax - domainMin || 1;
  return (v) => rangeMin + ((v - domainMin) / span) * (rangeMax - rangeMin);
}

function extent(values, fallback) {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return fallback;
  let [min, max] = [Math.min(...finite), Math.max(...finite)];
  if (min === max) { min -= 1; max += 1; }
  return [min, max];
}

/** A tiny trend line: the values in order, scaled to [0, max] (or to their own range). */
export function sparkline(values, { width = 120, height = 24, max, label = 'trend' } = {}) {
  const root = svg('svg', { class: 'sparkline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return root;
  const points = finite.length === 1 ? [finite[0], finite[0]] : finite;
  const top = max ?? Math.max(...points);
  const x = scale(0, points.length - 1, 1, width - 1);
  const y = scale(0, top || 1, height - 2, 2);
  root.append(svg('polyline', { points: points.map((v, i) => `${round(x(i))},${round(y(Math.min(v, top)))}`).join(' ') }));
  return root;
}

function pathOf(points, x, y, step) {
  return points.map((p, i) => {
    if (i === 0) return `M${round(x(p.x))},${round(y(p.y))}`;
    // A step holds the previous value until the change, as replica counts do.
    return step ? `H${round(x(p.x))}V${round(y(p.y))}` : `L${round(x(p.x))},${round(y(p.y))}`;
  }).join('');
}

function bandPath(points, lo, hi, x, y) {
  const upper = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(x(p.x))},${round(y(p[hi]))}`);
  const lower = [...points].reverse().map((p) => `L${round(x(p.x))},${round(y(p[lo]))}`);
  return `${upper.join('')}${lower.join('')}Z`;
}

/**
 * A line chart over x (numbers, e.g. epoch ms): series are {name, points:[{x,y}], className?, step?};
 * bands are {points:[{x, lo, hi}], className?}; rules are horizontal lines {y, label, className?}.
 */
export function lineChart({ series = [], bands = [], rules = [], width = 640, height = 200, xDomain, yDomain,
  xFormat = String, yFormat = String, label = 'chart' }) {
  const pad = { left: 44, right: 12, top: 10, bottom: 22 };
  const xs = [...series.flatMap((s) => s.points.map((p) => p.x)), ...bands.flatMap((b) => b.points.map((p) => p.x))];
  const ys = [...series.flatMap((s) => s.points.map((p) => p.y)), ...bands.flatMap((b) => b.points.flatMap((p) => [p.lo, p.hi])),
    ...rules.map((r) => r.y)];
  const [x0, x1] = xDomain ?? extent(xs, [0, 1]);
  const [y0, y1] = yDomain ?? extent([0, ...ys], [0, 1]);
  const x = scale(x0, x1, pad.left, width - pad.right);
  const y = scale(y0, y1 * 1.05, height - pad.bottom, pad.top);
  const root = svg('svg', { class: 'chart chart-line', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  root.append(
    svg('line', { class: 'axis', x1: pad.left, x2: pad.left, y1: pad.top, y2: height - pad.bottom }),
    svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom }),
    svg('text', { x: pad.left - 4, y: height - pad.bottom, 'text-anchor': 'end' }, yFormat(y0)),
    // The scale leaves 5 % headroom above y1: the label goes where y1 is, not at the top of the axis.
    svg('text', { x: pad.left - 4, y: round(y(y1)) + 4, 'text-anchor': 'end' }, yFormat(y1)),
    svg('text', { x: pad.left, y: height - 6 }, xFormat(x0)),
    svg('text', { x: width - pad.right, y: height - 6, 'text-anchor': 'end' }, xFormat(x1)));
  for (const band of bands) {
    if (band.points.length < 2) continue;
    root.append(svg('path', { class: `band ${band.className ?? ''}`, d: bandPath(band.points, 'lo', 'hi', x, y) }));
  }
  for (const rule of rules) {
    root.append(svg('line', { class: `hline ${rule.className ?? ''}`, x1: pad.left, x2: width - pad.right, y1: round(y(rule.y)), y2: round(y(rule.y)) }),
      svg('text', { x: width - pad.right - 2, y: round(y(rule.y)) - 3, 'text-anchor': 'end' }, rule.label));
  }
  for (const s of series) {
    if (s.points.length === 0) continue;
    const points = s.points.length === 1 ? [s.points[0], { x: x1, y: s.points[0].y }] : s.points;
    root.append(svg('path', { class: `series ${s.className ?? ''}`, 'data-series': s.name, d: pathOf(points, x, y, s.step) }, svg('title', {}, s.name)));
    const last = s.points[s.points.length - 1];
    root.append(svg('circle', { class: 'dot', cx: round(x(last.x)), cy: round(y(last.y)), r: 2.5 }));
  }
  return root;
}

/** The length of value on a track where `top` is `full` long: 0 for 0, for no value and when nothing is above 0. */
function lengthOn(top, full) {
  return (v) => (top > 0 && Number.isFinite(v) && v > 0 ? round((Math.min(v, top) / top) * full) : 0);
}

const positive = (v) => (Number.isFinite(v) && v > 0 ? v : 0);

/**
 * Horizontal bars {label, value, max?, marker?, markerLabel?, text?}: the value over a track of max (a limit or a
 * capacity). Every row shares one scale, the largest value, max or marker (or `scaleMax`); a value of 0 draws no bar.
 */
export function barChart(bars, { width = 520, barHeight = 18, format = String, label = 'bars', scaleMax } = {}) {
  const labelWidth = 150;
  const valueWidth = 110;
  const height = bars.length * (barHeight + 8) + 4;
  const top = Math.max(positive(scaleMax), ...bars.flatMap((b) => [positive(b.value), positive(b.max), positive(b.marker)]));
  const length = lengthOn(top, width - labelWidth - valueWidth);
  const root = svg('svg', { class: 'chart chart-bar', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  bars.forEach((bar, i) => {
    const rowY = 2 + i * (barHeight + 8);
    root.append(svg('text', { x: 0, y: rowY + barHeight - 5 }, bar.label));
    if (bar.max !== undefined) root.append(svg('rect', { class: 'bar-track', x: labelWidth, y: rowY, width: length(bar.max), height: barHeight }));
    const over = bar.max !== undefined && bar.value > bar.max;
    root.append(svg('rect', { class: over ? 'bar bar-over' : 'bar', 'data-value': bar.value, x: labelWidth, y: rowY, width: length(bar.value), height: barHeight },
      svg('title', {}, `${bar.label}: ${format(bar.value)}`)));
    if (Number.isFinite(bar.marker)) {
      const at = labelWidth + length(bar.marker);
      root.append(svg('line', { class: 'hline', 'data-value': bar.marker, x1: at, x2: at, y1: rowY - 2, y2: rowY + barHeight + 2 },
        svg('title', {}, `${bar.markerLabel ?? 'marker'}: ${format(bar.marker)}`)));
    }
    const text = bar.text ?? (bar.max !== undefined ? `${format(bar.value)} / ${format(bar.max)}` : format(bar.value));
    root.append(svg('text', { x: width - valueWidth + 6, y: rowY + barHeight - 5 }, text));
  });
  return root;
}

/** One bar in a table cell: value over a track of max, on a scale of `scaleMax` (default max); 0 draws no bar. */
export function meter(value, max, { width = 160, height = 12, scaleMax = max, label = 'meter' } = {}) {
  const length = lengthOn(Math.max(positive(scaleMax), positive(max), positive(value)), width);
  return svg('svg', { class: 'chart chart-meter', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
    svg('rect', { class: 'bar-track', x: 0, y: 0, width: length(max), height }),
    svg('rect', { class: value > max ? 'bar bar-over' : 'bar', 'data-value': value, x: 0, y: 0, width: length(value), height }));
}
