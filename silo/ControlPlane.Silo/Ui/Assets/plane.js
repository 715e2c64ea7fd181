// Reads the plane as the pages need it: models with their live state, and the names of budgets and clusters.
import { get, modelPath } from './api.js';
import { record } from './samples.js';

let config = { commitUrlTemplate: '', pollIntervalMs: 2000 };

export async function loadConfig() {
  config = await get('/ui/config.json');
  return config;
}

export const settings = () => config;

/** Every model's live state; each read also adds a utilization and replica point to what the page has seen. */
export async function loadModels() {
  const summaries = await get('/api/v1/models');
  const views = await Promise.all(summaries.map((s) => get(`/api/v1/models/${modelPath(s.id)}`).catch(() => null)));
  const now = Date.now();
  return summaries.map((summary, i) => {
    const view = views[i];
    if (view) observe(view, now);
    return { summary, view };
  });
}

export function observe(view, now = Date.now()) {
  record(view.id, { t: now, utilization: view.observedGpuUtilization, replicas: view.replicas });
}

export function distinct(models, pick) {
  return [...new Set(models.map((m) => m.view && pick(m.view.spec)).filter(Boolean))].sort();
}

// The registered names from the list endpoint, plus any a model names that is not registered (its card shows the 404).
export async function registeredOrNamed(listPath, models, pick) {
  const listed = (await get(listPath)).map((item) => item.name);
  return [...new Set([...listed, ...distinct(models, pick)])].sort();
}

export function commitLink(sha) {
  const short = sha.slice(0, 10);
  const template = config.commitUrlTemplate;
  if (!template) return { text: short, href: null };
  return { text: short, href: template.replaceAll('{sha}', encodeURIComponent(sha)) };
}
