// Budgets: spend against the limit, and two outlooks to the period's end, each next to the rate it comes from.
import { get } from './api.js';
import { barChart, lineChart, meter } from './charts.js';
import { el, facts, money, number, dateTime, table } from './dom.js';
import { loadModels, registeredOrNamed } from './plane.js';
import { record, seen } from './samples.js';

const HOUR_MS = 3_600_000;
const finite = (v) => (Number.isFinite(v) ? v : null);

// Both outlooks as the plane computed them at asOf; fields an older plane lacks fall back to the v1 names.
function outlooksOf(budget) {
  const asOf = Date.parse(budget.asOf ?? '') || Date.now();
  const end = Date.parse(budget.periodEnd ?? '') || null;
  const r = budget.reserved ?? {};
  const f = budget.forecast && typeof budget.forecast === 'object' ? budget.forecast : {};
  const hoursLeft = finite(r.hoursRemaining) ?? finite(f.hoursRemaining) ?? (end ? Math.max(0, (end - asOf) / HOUR_MS) : null);
  const interval = (i) => (i && Number.isFinite(i.low) && Number.isFinite(i.high) ? i : null);
  const forecastEnd = finite(f.forecastAtPeriodEnd) ?? finite(budget.forecastAtPeriodEnd);
  return {
    asOf, end, hoursLeft,
    reserved: {
      rate: finite(r.ratePerHour) ?? finite(budget.burnRatePerHour) ?? 0,
      end: finite(r.projectedAtPeriodEnd) ?? finite(budget.projectedSpend),
      byModel: r.rateByModel ?? {},
    },
    forecast: {
      end: forecastEnd,
      burnRate: finite(f.burnRatePerHour),
      rate: finite(f.forecastRatePerHour) ?? (forecastEnd !== null && hoursLeft > 0 ? (forecastEnd - budget.spend) / hoursLeft : null),
      method: f.method ?? null, explanation: f.explanation ?? null,
      interval80: interval(f.interval80), interval95: interval(f.interval95),
      thresholds: Array.isArray(f.thresholds) ? f.thresholds : [],
    },
    anomalies: Array.isArray(budget.anomalies) ? budget.anomalies : [],
  };
}

function forecastChart(budget, o) {
  if (!o.end) return null;
  const start = Date.parse(budget.periodStart);
  const spent = [{ x: start, y: 0 }, ...seen(`budget:${budget.name}`).map((p) => ({ x: p.t, y: p.spend }))];
  const from = { x: o.asOf, y: budget.spend };
  const bands = [];
  for (const [interval, className] of [[o.forecast.interval95, 'band-wide'], [o.forecast.interval80, '']]) {
    if (interval) bands.push({ className, points: [{ x: o.asOf, lo: budget.spend, hi: budget.spend }, { x: o.end, lo: interval.low, hi: interval.high }] });
  }
  const series = [{ name: 'spend', points: spent }];
  if (o.forecast.end !== null) series.push({ name: 'forecast', points: [from, { x: o.end, y: o.forecast.end }], className: 'series-2 series-projection' });
  if (o.reserved.end !== null) series.push({ name: 'at reserved rate', points: [from, { x: o.end, y: o.reserved.end }], className: 'series-3 series-projection' });
  return lineChart({
    series, bands, rules: [{ y: budget.spec.limit, label: `limit ${money(budget.spec.limit, budget.spec.currency)}` }],
    xDomain: [start, o.end], xFormat: (t) => new Date(t).toLocaleDateString('en-GB'), yFormat: (v) => number(v, 2),
    label: `spend and outlooks of budget ${budget.name}`,
  });
}

// Every model with spend or a reserved rate in this budget: its rows add up to the budget's spend and reserved rate.
function byModel(budget, o, scaleMax) {
  const currency = budget.spec.currency;
  const spend = budget.spendByModel ?? {};
  const models = [...new Set([...Object.keys(spend), ...Object.keys(o.reserved.byModel)])]
    .map((model) => ({ model, spend: spend[model] ?? 0, rate: o.reserved.byModel[model] ?? 0 }))
    .filter((m) => m.spend !== 0 || m.rate !== 0)
    .sort((a, b) => b.spend - a.spend || b.rate - a.rate || a.model.localeCompare(b.model));
  if (models.length === 0) return el('p', { class: 'muted' }, 'No model has spent or reserved anything in this budget yet.');
  const row = (m) => el('tr', { 'data-model': m.model },
    el('td', {}, el('a', { href: `#/models/${m.model}` }, m.model)),
    el('td', { class: 'num', 'data-field': 'spend', 'data-value': m.spend }, money(m.spend, currency)),
    el('td', { 'data-field': 'bar' }, meter(m.spend, budget.spec.limit, { scaleMax, label: `spend of ${m.model} against the limit of ${budget.name}` })),
    el('td', { class: 'num', 'data-field': 'reserved-rate', 'data-value': m.rate }, `${money(m.rate, currency)} / h`));
  const total = el('tr', { class: 'total', 'data-total': '' }, el('td', {}, 'all models'),
    el('td', { class: 'num' }, money(budget.spend, currency)), el('td', {}), el('td', { class: 'num' }, `${money(o.reserved.rate, currency)} / h`));
  return table(['model', { label: 'spend this period', num: true }, 'against the limit', { label: 'reserved rate', num: true }],
    [...models.map(row), total], { class: 'by-model' });
}

function group(title, hint, entries, name) {
  return el('div', { class: 'outlook', 'data-group': name }, el('h4', {}, title, ' ', el('span', { class: 'muted' }, hint)), facts(entries));
}

function card(budget) {
  const currency = budget.spec.currency;
  const m = (v) => money(v, currency);
  const rate = (v) => `${money(v, currency)} / h`;
  const o = outlooksOf(budget);
  const f = o.forecast;
  const over = budget.remaining < 0;
  const hours = o.hoursLeft === null ? '' : `${number(o.hoursLeft, 1)} h left`;
  const period = group('This period', `${budget.spec.period}, ${dateTime(budget.periodStart)} – ${o.end ? dateTime(o.end) : '?'}`, [
    { term: 'spend', text: m(budget.spend), name: 'spend', value: budget.spend },
    { term: 'limit', text: m(budget.spec.limit), name: 'limit', value: budget.spec.limit },
    { term: over ? 'over the limit by' : 'remaining', text: m(Math.abs(budget.remaining)), name: 'remaining', value: budget.remaining, hint: 'limit − spend' },
    { term: 'hours to period end', text: number(o.hoursLeft, 1), name: 'hours-left', value: o.hoursLeft, hint: `as of ${dateTime(o.asOf)} on the plane` },
  ], 'period');
  const reserved = group('At the reserved rate', '(the replicas each model holds now × GPUs × price; what scale-ups are checked against)', [
    { term: 'reserved rate', text: rate(o.reserved.rate), name: 'reserved-rate', value: o.reserved.rate },
    { term: 'at period end at this rate', text: m(o.reserved.end), name: 'reserved-projection', value: o.reserved.end, hint: `spend + reserved rate × ${hours}` },
  ], 'reserved');
  const forecastFacts = [
    { term: 'observed burn rate (last 24 h)', text: f.burnRate === null ? '–' : rate(f.burnRate), name: 'burn-rate', value: f.burnRate },
    { term: 'forecast rate to period end', text: f.rate === null ? '–' : rate(f.rate), name: 'forecast-rate', value: f.rate, hint: 'the average hourly spend the forecast expects from now on' },
    { term: 'forecast at period end', text: m(f.end), name: 'forecast', value: f.end, hint: `spend + forecast rate × ${hours}` },
  ];
  if (f.interval80) forecastFacts.push({ term: '80 % interval', text: `${money(f.interval80.low)} – ${m(f.interval80.high)}`, name: 'interval80' });
  if (f.interval95) forecastFacts.push({ term: '95 % interval', text: `${money(f.interval95.low)} – ${m(f.interval95.high)}`, name: 'interval95' });
  const forecast = group('Forecast from hourly spend', `(${f.method ?? 'forecast'}: the spend history, not the reserved rate)`, forecastFacts, 'forecast');
  // One scale for the spend bar and each model's bar, so the bars of the models add up to the budget's.
  const scaleMax = Math.max(budget.spec.limit, budget.spend, f.end ?? 0);
  return el('section', { class: 'card', 'data-budget': budget.name },
    el('h3', {}, `${budget.name} `, el('span', { class: 'muted' }, `(${budget.spec.enforcement ?? 'deny'} on exceed)`)),
    period,
    barChart([{ label: 'spend / limit', value: budget.spend, max: budget.spec.limit, marker: f.end ?? undefined, markerLabel: 'forecast at period end' }],
      { format: (v) => number(v, 2), label: `spend of ${budget.name} against its limit`, scaleMax }),
    el('div', { class: 'legend' }, 'bar: spend this period; track: the limit; red line: forecast at period end'),
    reserved, forecast,
    el('div', { class: 'legend' }, 'solid: spend seen; dashed purple: forecast; dashed green: at the reserved rate; shaded: 80 % / 95 % intervals'),
    forecastChart(budget, o),
    f.explanation && el('p', { class: 'muted' }, `${f.method ?? 'forecast'}: ${f.explanation}`),
    f.thresholds.length ? el('ul', { class: 'thresholds' }, f.thresholds.map((t) =>
      el('li', {}, `${number(t.percent, 0)} % (${m(t.amount)}): ${t.crossedBySpend ? 'crossed by spend' : t.crossedByForecast ? 'crossed by the forecast' : 'not reached'}`))) : null,
    o.anomalies.length ? el('div', {}, el('h3', {}, 'Anomalies'), el('ul', {}, o.anomalies.map((a) =>
      el('li', {}, typeof a === 'object' ? Object.entries(a).map(([k, v]) => `${k}: ${typeof v === 'number' ? number(v, 3) : v}`).join(', ') : String(a))))) : null,
    el('h3', {}, 'By model'), byModel(budget, o, scaleMax));
}

export function budgetsView() {
  const list = el('div', { id: 'budgets' });
  const root = el('section', { id: 'budgets-page' }, el('h2', {}, 'Budgets'),
    el('p', { class: 'muted' }, 'Every registered budget, and any budget a model names.'), list);
  return {
    root,
    async refresh() {
      const names = await registeredOrNamed('/api/v1/budgets', await loadModels(), (spec) => spec.budget);
      const budgets = await Promise.all(names.map((name) => get(`/api/v1/budgets/${encodeURIComponent(name)}`)
        .then((budget) => ({ name, budget }), (error) => ({ name, error }))));
      list.replaceChildren(...budgets.map(({ name, budget, error }) => {
        if (error) return el('section', { class: 'card', 'data-budget': name }, el('h3', {}, name), el('p', { class: 'result bad' }, error.message));
        // On the plane's clock, so the spend seen and the outlooks start from the same moment.
        record(`budget:${name}`, { t: Date.parse(budget.asOf ?? '') || Date.now(), spend: budget.spend });
        return card(budget);
      }));
      if (names.length === 0) list.append(el('p', { class: 'muted' }, 'No budget is registered yet.'));
    },
  };
}
