// The dashboard shell: asks for a key once per tab, routes on the URL hash, and polls the current page.
import { apiKey } from './api.js';
import { budgetsView } from './budgets-view.js';
import { clustersView } from './clusters-view.js';
import { time } from './dom.js';
import { modelView } from './model-view.js';
import { modelsView } from './models-view.js';
import { loadConfig, settings } from './plane.js';

const $ = (id) => document.getElementById(id);
const routes = [
  [/^#\/models\/([a-z0-9-]+)\/([a-z0-9-]+)$/, (m) => modelView(`${m[1]}/${m[2]}`), 'models'],
  [/^#\/budgets$/, () => budgetsView(), 'budgets'],
  [/^#\/clusters$/, () => clustersView(), 'clusters'],
  [/^(#\/?(models)?)?$/, () => modelsView(), 'models'],
];

let page = null;
let generation = 0;
let timer = 0;

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message ?? '';
}

function askForKey(message) {
  generation += 1;
  clearTimeout(timer);
  apiKey.clear();
  $('view').replaceChildren();
  $('key-form').hidden = false;
  $('forget-key').hidden = true;
  showError(message);
  $('key-input').focus();
}

async function poll(run) {
  if (run !== generation) return;
  try {
    await page.refresh();
    if (run !== generation) return;
    showError(null);
    $('status').textContent = `updated ${time(Date.now())}, every ${settings().pollIntervalMs / 1000} s`;
  } catch (error) {
    if (run !== generation) return;
    if (error.status === 401) { askForKey(error.message); return; }
    showError(error.message);
  }
  timer = setTimeout(() => poll(run), settings().pollIntervalMs);
}

function navigate() {
  const route = routes.map(([pattern, make, section]) => ({ match: pattern.exec(location.hash), make, section })).find((r) => r.match);
  generation += 1;
  clearTimeout(timer);
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.route === route?.section));
  if (!route) {
    $('view').replaceChildren();
    showError(`No page at ${location.hash}.`);
    return;
  }
  page = route.make(route.match);
  $('view').replaceChildren(page.root);
  poll(generation);
}

async function start() {
  $('key-form').hidden = true;
  $('forget-key').hidden = false;
  try {
    await loadConfig();
  } catch (error) {
    if (error.status === 401) askForKey(error.message);
    else showError(error.message);
    return;
  }
  navigate();
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = $('key-input').value.trim();
  $('key-input').value = '';
  if (!key) return;
  apiKey.set(key);
  showError(null);
  start();
});
$('forget-key').addEventListener('click', () => askForKey(null));
window.addEventListener('hashchange', () => { if (apiKey.get()) navigate(); });

if (apiKey.get()) start();
else askForKey(null);
