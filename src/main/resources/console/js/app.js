// The console's shell: sign-in, the navigation and a hash router (#/page?name=value) that gives each
// page the main area and a way to stop its timers when the user leaves.
import { h, show, errorBox } from './dom.js';
import * as aws from './aws.js';

const PAGES = [
  ['apis', 'APIs'], ['stages', 'Stages'], ['usage', 'Usage plans & keys'], ['authorizers', 'Authorizers'],
  ['domains', 'Domain names'], ['metrics', 'Metrics'], ['dashboards', 'Dashboards'], ['logs', 'Logs'],
  ['alarms', 'Alarms'], ['testinvoke', 'Test invoke'], ['openapi', 'OpenAPI'],
];
const main = document.getElementById('main');
let leaving = [];

function route() {
  const [name, query] = location.hash.replace(/^#\/?/, '').split('?');
  return { page: name || 'apis', params: Object.fromEntries(new URLSearchParams(query || '')) };
}

async function render() {
  leaving.forEach(stop => stop());
  const stops = [];
  leaving = stops;
  main.dataset.ready = '';
  if (aws.needsSignIn()) {
    signInForm();
    return;
  }
  const { page, params } = route();
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === page);
  if (!PAGES.some(([p]) => p === page)) {
    show(main, errorBox('No page ' + page));
    main.dataset.ready = page;
    return;
  }
  show(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const module = await import(`./pages/${page}.js`);
    // A page the user left while it loaded stops at once and shows nothing.
    const content = await module.render(params, { onLeave: stop => (leaving === stops ? stops.push(stop) : stop()) });
    if (leaving !== stops) return;
    show(main, content);
  } catch (error) {
    if (leaving !== stops) return;
    show(main, errorBox(error));
  }
  main.dataset.ready = page; // what the browser tests wait for
}

function signInForm() {
  const message = h('div');
  const form = h('form', { class: 'signin', id: 'signin' },
    h('h1', {}, 'Sign in'),
    h('p', { class: 'muted' }, 'An access key from the server\'s credentials file. The secret stays in this tab and signs each call (SigV4).'),
    h('label', {}, 'Access key ID', h('input', { name: 'accessKeyId', autocomplete: 'username', required: true })),
    h('label', {}, 'Secret access key', h('input', { name: 'secretAccessKey', type: 'password', autocomplete: 'current-password', required: true })),
    message,
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    aws.signIn(form.accessKeyId.value.trim(), form.secretAccessKey.value.trim());
    try {
      await aws.apigw('GET', '/restapis', undefined, { limit: 1 });
      whoAmI();
      render();
    } catch (error) {
      aws.signOut();
      show(message, errorBox(error));
    }
  });
  show(main, form);
  main.dataset.ready = 'signin';
}

function whoAmI() {
  const who = document.getElementById('who');
  const creds = aws.credentials();
  if (!creds) {
    show(who, 'dev mode · ' + aws.region());
    return;
  }
  show(who, creds.accessKeyId + ' · ' + aws.region() + ' ',
    h('button', { class: 'secondary', id: 'signout', onclick: () => { aws.signOut(); whoAmI(); render(); } }, 'Sign out'));
}

async function start() {
  await aws.loadConfig();
  show(document.getElementById('nav'), PAGES.map(([page, title]) => h('a', { href: '#/' + page, 'data-page': page }, title)));
  if (aws.needsSignIn()) show(document.getElementById('who'), '');
  else whoAmI();
  window.addEventListener('hashchange', render);
  render();
}

start().catch(error => show(main, errorBox(error)));
