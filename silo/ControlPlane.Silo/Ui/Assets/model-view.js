// One model: utilization and replicas over time, rollout drift against its bounds, the decision log, and rollback.
import { get, post, modelPath } from './api.js';
import { barChart, lineChart } from './charts.js';
import { el, facts, number, dateTime, time, table } from './dom.js';
import { commitLink, observe } from './plane.js';
import { seen } from './samples.js';

const DEFAULT_TOLERANCE = 0.1;

// Scale decisions carry the utilization they acted on: the chart starts from them, then adds what the page sees.
function history(id, decisions) {
  const chronological = [...decisions].reverse();
  const utilization = chronological
    .filter((d) => d.inputs?.observedGpuUtilization !== undefined)
    .map((d) => ({ x: Date.parse(d.at), y: Number(d.inputs.observedGpuUtilization) }));
  const replicas = [];
  for (const d of chronological) {
    if (d.toReplicas == null) continue;
    if (replicas.length === 0 && d.fromReplicas != null) replicas.push({ x: Date.parse(d.at) - 1, y: d.fromReplicas });
    replicas.push({ x: Date.parse(d.at), y: d.toReplicas });
  }
  for (const p of seen(id)) {
    if (Number.isFinite(p.utilization)) utilization.push({ x: p.t, y: p.utilization });
    replicas.push({ x: p.t, y: p.replicas });
  }
  const byTime = (a, b) => a.x - b.x;
  return { utilization: utilization.sort(byTime), replicas: replicas.sort(byTime) };
}

function charts(view, decisions) {
  const { utilization, replicas } = history(view.id, decisions);
  const target = view.spec.targetGpuUtilization;
  const tolerance = Number(decisions.find((d) => d.inputs?.tolerance)?.inputs.tolerance ?? DEFAULT_TOLERANCE);
  const xs = [...utilization, ...replicas].map((p) => p.x);
  const xDomain = xs.length ? [Math.min(...xs), Math.max(...xs, Date.now())] : undefined;
  const band = xDomain ? [{ x: xDomain[0], lo: target * (1 - tolerance), hi: target * (1 + tolerance) },
    { x: xDomain[1], lo: target * (1 - tolerance), hi: target * (1 + tolerance) }] : [];
  return [
    el('h3', {}, 'GPU utilization (%)'),
    // The tolerance is relative to the target (ratio within 1 ± tolerance), so the band is stated in the chart's own units.
    el('div', { class: 'legend', id: 'utilization-legend' },
      `line: observed (${view.spec.metricWindowSeconds} s mean); band: ${number(target * (1 - tolerance))}–${number(target * (1 + tolerance))} %, `
      + `the target ${number(target)} % ± ${number(tolerance * 100)} % of it (no change inside it)`),
    el('div', { id: 'utilization-chart' }, lineChart({
      series: [{ name: 'observed GPU utilization', points: utilization }],
      bands: [{ points: band }], rules: [{ y: target, label: 'target', className: 'hline-target' }],
      xDomain, yDomain: [0, 100], xFormat: time, yFormat: (v) => `${number(v, 0)}`, label: `GPU utilization of ${view.id}`,
    })),
    el('h3', {}, `Replicas (min ${view.spec.replicas.min}, max ${view.spec.replicas.max})`),
    el('div', { id: 'replicas-chart' }, lineChart({
      series: [{ name: 'replicas', points: replicas, step: true, className: 'series-2' }],
      rules: [{ y: view.spec.replicas.max, label: 'max' }],
      xDomain, yDomain: [0, view.spec.replicas.max], xFormat: time, yFormat: (v) => number(v, 0), label: `replicas of ${view.id}`,
    })),
  ];
}

const boundText = (b) => !b ? '–' : [b.max != null && `max ${number(b.max, 4)}`, b.min != null && `min ${number(b.min, 4)}`,
  b.watch != null && `watch ${number(b.watch, 4)}`, b.critical && 'critical'].filter(Boolean).join(', ');

function drift(view) {
  const parts = [el('h3', {}, 'Drift and quality')];
  const spec = view.spec.drift;
  if (spec) parts.push(el('p', {}, `Main drift bound: ${spec.metric} above ${number(spec.threshold, 4)} for ${spec.consecutiveBreaches} intervals in a row.`));
  const rollout = view.rollout;
  if (!rollout) {
    parts.push(el('p', { class: 'muted' }, 'No rollout under analysis: drift is judged while a new version rolls out.'));
    return parts;
  }
  parts.push(facts([
    ['candidate', rollout.candidate.version], ['stable', rollout.stable.version], ['started', dateTime(rollout.startedAt)],
    ['intervals analysed', String(rollout.intervalsAnalysed)], ['clean in a row', String(rollout.cleanIntervals)],
    ['breached in a row', String(rollout.breachedIntervals)]]));
  const metrics = rollout.lastAnalysis?.metrics ?? [];
  if (metrics.length === 0) {
    parts.push(el('p', { class: 'muted' }, 'No drift or quality signals analysed yet.'));
    return parts;
  }
  parts.push(el('p', {}, 'Last interval: ', el('span', { class: `state state-${rollout.lastAnalysis.verdict}` }, rollout.lastAnalysis.verdict)));
  parts.push(table(['metric', 'feature', { label: 'median', num: true }, { label: 'samples', num: true }, 'bound', 'state'],
    metrics.map((m) => el('tr', { 'data-metric': m.metric },
      el('td', {}, m.metric), el('td', {}, m.feature ?? '–'), el('td', { class: 'num' }, m.median == null ? 'not computable' : number(m.median, 4)),
      el('td', { class: 'num' }, String(m.count)), el('td', {}, boundText(m.bound)),
      el('td', {}, el('span', { class: `state state-${m.state}` }, m.state)))), { id: 'drift-table' }));
  const bounded = metrics.filter((m) => m.median != null && m.bound?.max != null);
  if (bounded.length) {
    parts.push(barChart(bounded.map((m) => ({ label: m.feature ? `${m.metric}[${m.feature}]` : m.metric, value: Math.abs(m.median), marker: m.bound.max })),
      { format: (v) => number(v, 4), label: 'metric medians against their bounds' }));
  }
  return parts;
}

function decisionItem(d) {
  const commit = d.commitSha ? commitLink(d.commitSha) : null;
  const sha = !commit ? el('span', { class: 'muted' }, 'no commit')
    : commit.href ? el('a', { class: 'sha', href: commit.href, target: '_blank', rel: 'noopener noreferrer', 'data-sha': d.commitSha }, commit.text)
      : el('span', { class: 'sha', 'data-sha': d.commitSha }, commit.text);
  const replicas = d.toReplicas == null ? null : d.fromReplicas == null ? `${d.toReplicas} replicas` : `${d.fromReplicas} → ${d.toReplicas} replicas`;
  const inputs = Object.entries(d.inputs ?? {});
  return el('li', { class: `kind-${d.kind}`, 'data-kind': d.kind, 'data-outcome': d.outcome },
    el('div', { class: 'head' },
      el('time', { datetime: d.at }, dateTime(d.at)), el('span', { class: 'kind' }, d.kind),
      el('span', { class: `outcome outcome-${d.outcome}` }, d.outcome), replicas && el('span', {}, replicas),
      el('span', { class: 'requested-by' }, `by ${d.requestedBy}`), sha),
    el('div', { class: 'summary' }, d.summary),
    el('div', { class: 'reason' }, d.reason),
    inputs.length ? el('details', {}, el('summary', {}, 'inputs'),
      el('dl', {}, inputs.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]))) : null);
}

export function modelView(id) {
  const path = `/api/v1/models/${modelPath(id)}`;
  const heading = el('h2', {}, id);
  const summary = el('div');
  const chartBox = el('div');
  const driftBox = el('div', { id: 'drift' });
  const timeline = el('ol', { class: 'timeline', id: 'timeline' });
  const result = el('p', { id: 'rollback-result', class: 'result', hidden: true });
  const button = el('button', { id: 'rollback', type: 'button', class: 'danger' }, 'Roll back…');

  function show(ok, text) {
    result.hidden = false;
    result.className = `result ${ok ? 'ok' : 'bad'}`;
    result.textContent = text;
  }

  async function refresh() {
    const [view, decisions] = await Promise.all([get(path), get(`${path}/decisions?limit=50`)]);
    observe(view);
    heading.replaceChildren(id, ' ', el('span', { class: `phase phase-${view.phase}`, id: 'model-phase' }, view.phase));
    summary.replaceChildren(facts([
      ['version', view.spec.version, 'version'], ['stable version', view.stableVersion ?? '–', 'stable'],
      ['replicas', String(view.replicas), 'replicas'],
      // The scaling rule's input: the mean over the metric window, not the last sample.
      [`GPU utilization (${view.spec.metricWindowSeconds} s mean)`, view.observedGpuUtilization == null ? '–' : `${number(view.observedGpuUtilization)} %`, 'utilization'],
      ['target', `${number(view.spec.targetGpuUtilization)} %`], ['cluster', view.spec.cluster], ['budget', view.spec.budget],
      ['GPUs', `${view.spec.gpusPerReplica} × ${view.spec.gpuType} per replica`],
      ['last sample', view.lastSampleAt ? time(view.lastSampleAt) : '–']]));
    chartBox.replaceChildren(...charts(view, decisions));
    driftBox.replaceChildren(...drift(view));
    timeline.replaceChildren(...decisions.map(decisionItem));
    if (decisions.length === 0) timeline.append(el('li', { class: 'muted' }, 'No decisions yet.'));
  }

  button.addEventListener('click', async () => {
    const reason = window.prompt(`Roll back ${id}? Say why; the reason goes into the decision log and the commit.`);
    if (reason === null) return;
    if (!reason.trim()) { show(false, 'Not rolled back: a rollback needs a reason.'); return; }
    button.disabled = true;
    try {
      const view = await post(`${path}/rollback`, { reason: reason.trim() }); // a trailer cannot keep edge spaces: the plane refuses them
      show(true, `Rolled back: ${id} now runs version ${view.spec.version} (${view.phase}).`);
      await refresh();
    } catch (error) {
      show(false, `Not rolled back: ${error.message}`);
    } finally {
      button.disabled = false;
    }
  });

  const root = el('section', { id: 'model-page', 'data-model': id },
    el('p', {}, el('a', { href: '#/models' }, '← all models')), heading,
    el('div', { class: 'card' }, summary,
      el('div', {}, button, el('span', { class: 'muted' }, ' to the stable version, or from the stable version to the previous release (operator role).')), result),
    el('div', { class: 'card' }, chartBox),
    el('div', { class: 'card' }, driftBox),
    el('div', { class: 'card' }, el('h3', {}, 'Decisions'), timeline));
  return { root, refresh };
}
