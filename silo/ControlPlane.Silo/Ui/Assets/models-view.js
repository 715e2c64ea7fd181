// Models: one row per model with its utilization as the page has seen it, updated at every poll.
import { sparkline } from './charts.js';
import { el, number, table } from './dom.js';
import { loadModels, settings } from './plane.js';
import { seen } from './samples.js';

// The row reads the model's live state, as its page and the sparkline do; the catalog's summary (a derived view
// that may lag a decision) only stands in when the live read failed.
function row({ summary, view }) {
  const live = view ? { version: view.spec.version, stableVersion: view.stableVersion, phase: view.phase, replicas: view.replicas } : summary;
  const utilization = view?.observedGpuUtilization;
  const trend = seen(summary.id).map((p) => p.utilization ?? NaN);
  const version = live.stableVersion && live.stableVersion !== live.version
    ? `${live.version} (stable ${live.stableVersion})` : live.version;
  return el('tr', { 'data-model': summary.id },
    el('td', {}, el('a', { href: `#/models/${summary.id}` }, summary.id)),
    el('td', {}, el('span', { class: `phase phase-${live.phase}` }, live.phase)),
    el('td', { 'data-field': 'version' }, version),
    el('td', { class: 'num', 'data-field': 'replicas' }, String(live.replicas)),
    el('td', { class: 'num', 'data-field': 'utilization', title: view ? `mean over the last ${view.spec.metricWindowSeconds} s of samples` : undefined },
      utilization == null ? '–' : `${number(utilization)} %`),
    el('td', { 'data-field': 'trend' }, sparkline(trend, { max: 100, label: `GPU utilization of ${summary.id}` })));
}

export function modelsView() {
  const body = el('tbody');
  const empty = el('p', { class: 'muted', hidden: true }, 'No model is registered yet (PUT /api/v1/models/{namespace}/{name}).');
  const note = el('p', { class: 'muted' });
  const root = el('section', { id: 'models-page' }, el('h2', {}, 'Models'),
    table(['model', 'phase', 'version', { label: 'replicas', num: true }, { label: 'GPU utilization (window mean)', num: true }, 'recent utilization'],
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
