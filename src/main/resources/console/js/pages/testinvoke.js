// TestInvokeMethod: a REST method called with a path, headers and body, without a deployment;
// shows the answer and the execution log.
import { h, table, show, errorBox, link } from '../dom.js';
import { apigw, all } from '../aws.js';
import { chooseApi } from '../pick.js';

export async function render(params) {
  const { api, picker } = await chooseApi('testinvoke', params, a => a.kind === 'REST');
  const root = h('div', {}, h('h1', {}, 'Test invoke'), h('div', { class: 'toolbar' }, picker));
  if (!api) {
    root.append(h('p', { class: 'muted' }, 'No REST APIs yet.'));
    return root;
  }
  const resources = await all(`/restapis/${api.id}/resources`, { embed: 'methods' });
  const methods = resources.sort((a, b) => a.path.localeCompare(b.path))
    .flatMap(r => Object.keys(r.resourceMethods || {}).map(verb => ({ id: r.id + ' ' + verb, resource: r, verb })));
  const chosen = methods.find(m => m.resource.id === params.resource && m.verb === params.method) || methods[0];
  if (!chosen) {
    root.append(h('p', { class: 'muted' }, 'This API has no methods.'));
    return root;
  }
  const result = h('div');
  const form = h('form', { id: 'invoke' },
    h('div', { class: 'toolbar' },
      h('label', {}, 'Method', h('select', {
        name: 'method',
        onchange: e => {
          const m = methods.find(x => x.id === e.target.value);
          location.hash = link('testinvoke', { id: api.id, resource: m.resource.id, method: m.verb });
        },
      }, methods.map(m => h('option', { value: m.id, selected: m === chosen }, `${m.verb} ${m.resource.path}`)))),
      h('label', {}, 'Path and query', h('input', { name: 'path', size: 50, value: chosen.resource.path.replace(/\{[^}]+\}/g, 'x') }))),
    h('label', {}, 'Headers (one Name: value a line)', h('textarea', { name: 'headers', rows: 3 })),
    h('label', {}, 'Body', h('textarea', { name: 'body', rows: 5 })),
    h('button', { type: 'submit' }, 'Invoke'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    show(result, h('p', { class: 'muted' }, 'Invoking…'));
    try {
      const answer = await apigw('POST', `/restapis/${api.id}/resources/${chosen.resource.id}/methods/${chosen.verb}`, {
        pathWithQueryString: form.path.value, body: form.body.value || undefined, headers: headers(form.headers.value),
      });
      show(result,
        h('h2', {}, 'Status ', h('span', { id: 'invoke-status' }, String(answer.status)), h('span', { class: 'muted' }, ` · ${answer.latency} ms`)),
        table([['Header', ([n]) => n], ['Value', ([, v]) => v]], Object.entries(answer.headers || {}), 'No headers.'),
        h('h2', {}, 'Body'), h('pre', { id: 'invoke-body' }, answer.body || ''),
        h('h2', {}, 'Execution log'), h('pre', { id: 'invoke-log' }, answer.log || ''));
    } catch (error) {
      show(result, errorBox(error));
    }
  });
  root.append(form, result);
  return root;
}

function headers(text) {
  const out = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}
