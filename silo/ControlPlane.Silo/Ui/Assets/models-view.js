// Models: one row per model with its utilization as the page has seen it, updated at every poll.
import { sparkline } from './charts.js';
import { el, number, table } from './dom.js';
import { loadModels, settings } from './plane.js';
import { seen } from './samples.js';

function row({ summary, view }) {
  const utilization = view?.observedGpuUtilization;
  const trend = seen(summary.id).map((p) => p.utilization ?? NaN);
  const version = summary.stableVersion && summary.stableVersion !== summary.version
    ? `${summary.version} (stable ${summary.stableVersion})` : summary.version;
  return el('tr', { 'data-model': summary.id },
    el('td', {}, el('a', { href: `#/models/${summary.id}` }, summary.id)),
    el('td', {}, el('span', { class: `phase phase-${summary.phase}` }, summary.phase)),
    el('td', { 'data-field': 'version' }, version),
    el('td', { class: 'num', 'data-field': 'replicas' }, String(summary.replicas)),
    el('td', { class: 'num', 'data-field': 'utilization' }, utilization == null ? '–' : `${number(utilization)} %`),
    el('td', { 'data-field': 'trend' }, sparkline(trend, { max: 100, label: `GPU utilization of ${summary.id}` })));
}

export function modelsView() {
  const body = el('tbody');
  const empty = el('p', { class: 'muted', hidden: true }, 'No model is registered yet (PUT /api/v1/models/{namespace}/{name}).');
  const note = el('p', { class: 'muted' });
  const root = el('section', { id: 'models-page' }, el('h2', {}, 'Models'),
    table(['model', 'phase', 'version', { label: 'replicas', num: true }, { label: 'GPU utilization', num: true }, 'recent utilization'],
      body, { id: 'models-table' }),
    empty, note);
  return {
    root,
    async refresh() {
      const models = await loadModels();
      body.replaceChildren(...models.map(row));
      empty.hidden = models.length > 0;
      note.textContent = `Recent utilization: the samples this page has seen, read every ${settings().pollIntervalMs / 1000} s since it opened.`;
    },
  };
}
