// Clusters: per GPU pool, what the models have reserved against its capacity.
import { get } from './api.js';
import { barChart } from './charts.js';
import { el, money, table } from './dom.js';
import { loadModels, registeredOrNamed } from './plane.js';

// Every GPU type anything is reserved in, even one a later PUT took out of the spec: the pool rows then add up to
// the reservations listed below them.
function poolsOf(cluster) {
  const reservedIn = (gpuType) => cluster.reservations.filter((r) => r.gpuType === gpuType).reduce((sum, r) => sum + r.gpus, 0);
  const specified = cluster.spec.pools.map((pool) => ({ ...pool, reserved: reservedIn(pool.gpuType) }));
  const orphaned = [...new Set(cluster.reservations.map((r) => r.gpuType))].filter((t) => !cluster.spec.pools.some((p) => p.gpuType === t))
    .map((gpuType) => ({ gpuType, capacity: 0, reserved: reservedIn(gpuType), onDemandPricePerGpuHour: null, spotPricePerGpuHour: null, removed: true }));
  return [...specified, ...orphaned];
}

// Capacity lowered below what is held leaves nothing free, and says by how much it is over rather than a negative count.
const freeText = (p) => (p.capacity >= p.reserved ? String(p.capacity - p.reserved) : `0 (over by ${p.reserved - p.capacity})`);

function card(cluster) {
  const pools = poolsOf(cluster);
  return el('section', { class: 'card', 'data-cluster': cluster.name }, el('h3', {}, cluster.name),
    barChart(pools.map((p) => ({ label: p.gpuType, value: p.reserved, max: p.capacity })), { format: String, label: `GPUs reserved in ${cluster.name}` }),
    table(['GPU pool', { label: 'capacity', num: true }, { label: 'reserved', num: true }, { label: 'free', num: true },
      { label: 'on-demand / GPU-h', num: true }, { label: 'spot / GPU-h', num: true }],
    pools.map((p) => el('tr', { 'data-pool': p.gpuType },
      el('td', {}, p.gpuType, p.removed ? el('span', { class: 'muted' }, ' (no longer in the spec)') : null),
      el('td', { class: 'num', 'data-field': 'capacity' }, String(p.capacity)),
      el('td', { class: 'num', 'data-field': 'reserved' }, String(p.reserved)), el('td', { class: 'num', 'data-field': 'free' }, freeText(p)),
      el('td', { class: 'num' }, p.onDemandPricePerGpuHour == null ? '–' : money(p.onDemandPricePerGpuHour)),
      el('td', { class: 'num' }, p.spotPricePerGpuHour == null ? '–' : money(p.spotPricePerGpuHour))))),
    el('h3', {}, 'Reservations'),
    cluster.reservations.length === 0 ? el('p', { class: 'muted' }, 'None.')
      : table(['model', 'GPU type', { label: 'GPUs', num: true }], cluster.reservations.map((r) =>
        el('tr', { 'data-reservation': r.model }, el('td', {}, el('a', { href: `#/models/${r.model}` }, r.model)), el('td', {}, r.gpuType),
          el('td', { class: 'num' }, String(r.gpus))))));
}

export function clustersView() {
  const list = el('div', { id: 'clusters' });
  const root = el('section', { id: 'clusters-page' }, el('h2', {}, 'Clusters'),
    el('p', { class: 'muted' }, 'Every registered cluster, and any cluster a model names: GPUs reserved against each pool\'s capacity.'), list);
  return {
    root,
    async refresh() {
      const names = await registeredOrNamed('/api/v1/clusters', await loadModels(), (spec) => spec.cluster);
      const clusters = await Promise.all(names.map((name) => get(`/api/v1/clusters/${encodeURIComponent(name)}`)
        .then((cluster) => ({ name, cluster }), (error) => ({ name, error }))));
      list.replaceChildren(...clusters.map(({ name, cluster, error }) => (error
        ? el('section', { class: 'card', 'data-cluster': name }, el('h3', {}, name), el('p', { class: 'result bad' }, error.message))
        : card(cluster))));
      if (names.length === 0) list.append(el('p', { class: 'muted' }, 'No cluster is registered yet.'));
    },
  };
}
