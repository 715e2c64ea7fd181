// Budgets: spend against the limit, where it is heading by the period's end, and by which models.
import { get } from './api.js';
import { barChart, lineChart } from './charts.js';
import { el, facts, money, number, dateTime } from './dom.js';
import { loadModels, registeredOrNamed } from './plane.js';
import { record, seen } from './samples.js';

// FinOps fields are newer than this page: read them when the plane sends them, never require them.
function forecastOf(budget) {
  const f = budget.forecast && typeof budget.forecast === 'object' ? budget.forecast : {};
  const end = f.forecastAtPeriodEnd ?? budget.forecastAtPeriodEnd ?? budget.projectedSpend;
  const interval = (i) => (i && Number.isFinite(i.low) && Number.isFinite(i.high) ? i : null);
  return {
    end, method: f.method ?? null, explanation: f.explanation ?? null,
    interval80: interval(f.interval80 ?? budget.interval80), interval95: interval(f.interval95 ?? budget.interval95),
    thresholds: Array.isArray(f.thresholds ?? budget.thresholds) ? (f.thresholds ?? budget.thresholds) : [],
    anomalies: Array.isArray(budget.anomalies ?? f.anomalies) ? (budget.anomalies ?? f.anomalies) : [],
  };
}

function forecastChart(budget, forecast, currency) {
  if (!budget.periodEnd) return null;
  const [start, end, now] = [Date.parse(budget.periodStart), Date.parse(budget.periodEnd), Date.now()];
  const spent = [{ x: start, y: 0 }, ...seen(`budget:${budget.name}`).map((p) => ({ x: p.t, y: p.spend }))];
  const bands = [];
  for (const [interval, className] of [[forecast.interval95, 'band-wide'], [forecast.interval80, '']]) {
    if (interval) bands.push({ className, points: [{ x: now, lo: budget.spend, hi: budget.spend }, { x: end, lo: interval.low, hi: interval.high }] });
  }
  return lineChart({
    series: [{ name: 'spend', points: spent },
      { name: 'forecast', points: [{ x: now, y: budget.spend }, { x: end, y: forecast.end }], className: 'series-2 series-projection' }],
    bands, rules: [{ y: budget.spec.limit, label: `limit ${money(budget.spec.limit, currency)}` }],
    xDomain: [start, end], xFormat: (t) => new Date(t).toLocaleDateString('en-GB'), yFormat: (v) => number(v, 0),
    label: `spend and forecast of budget ${budget.name}`,
  });
}

function card(budget) {
  const currency = budget.spec.currency;
  const forecast = forecastOf(budget);
  const figures = [
    ['spend', money(budget.spend, currency), 'spend'], ['limit', money(budget.spec.limit, currency), 'limit'],
    ['remaining', money(budget.remaining, currency), 'remaining'], ['burn rate', `${money(budget.burnRatePerHour, currency)} / h`, 'burn-rate'],
    ['at period end', money(forecast.end, currency), 'forecast']];
  if (forecast.interval80) figures.push(['80 % interval', `${money(forecast.interval80.low)} – ${money(forecast.interval80.high, currency)}`, 'interval80']);
  if (forecast.interval95) figures.push(['95 % interval', `${money(forecast.interval95.low)} – ${money(forecast.interval95.high, currency)}`, 'interval95']);
  figures.push(['period', `${budget.spec.period}, ${dateTime(budget.periodStart)} – ${budget.periodEnd ? dateTime(budget.periodEnd) : '?'}`]);
  const byModel = Object.entries(budget.spendByModel ?? {}).sort((a, b) => b[1] - a[1]);
  return el('section', { class: 'card', 'data-budget': budget.name },
    el('h3', {}, `${budget.name} `, el('span', { class: 'muted' }, `(${budget.spec.enforcement ?? 'deny'} on exceed)`)),
    facts(figures),
    barChart([{ label: 'spend / limit', value: budget.spend, max: budget.spec.limit, marker: forecast.end }],
      { format: (v) => number(v, 2), label: `spend of ${budget.name} against its limit` }),
    el('div', { class: 'legend' }, 'solid: spend seen; dashed: forecast to period end; shaded: 80 % / 95 % intervals when the plane sends them'),
    forecastChart(budget, forecast, currency),
    forecast.explanation && el('p', { class: 'muted' }, `${forecast.method ?? 'forecast'}: ${forecast.explanation}`),
    forecast.thresholds.length ? el('ul', { class: 'thresholds' }, forecast.thresholds.map((t) =>
      el('li', {}, `${number(t.percent, 0)} % (${money(t.amount, currency)}): ${t.crossedBySpend ? 'crossed by spend' : t.crossedByForecast ? 'crossed by the forecast' : 'not reached'}`))) : null,
    forecast.anomalies.length ? el('div', {}, el('h3', {}, 'Anomalies'), el('ul', {}, forecast.anomalies.map((a) =>
      el('li', {}, typeof a === 'object' ? Object.entries(a).map(([k, v]) => `${k}: ${typeof v === 'number' ? number(v, 3) : v}`).join(', ') : String(a))))) : null,
    byModel.length ? el('div', {}, el('h3', {}, 'Spend by model'),
      barChart(byModel.map(([model, spend]) => ({ label: model, value: spend })), { format: (v) => number(v, 2), label: `spend by model in ${budget.name}` })) : null);
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
      const now = Date.now();
      list.replaceChildren(...budgets.map(({ name, budget, error }) => {
        if (error) return el('section', { class: 'card', 'data-budget': name }, el('h3', {}, name), el('p', { class: 'result bad' }, error.message));
        record(`budget:${name}`, { t: now, spend: budget.spend });
        return card(budget);
      }));
      if (names.length === 0) list.append(el('p', { class: 'muted' }, 'No budget is registered yet.'));
    },
  };
}
