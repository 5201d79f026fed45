// OpenAPI: export a REST API's stage (GetExport) or an HTTP API (ExportApi), and import a
// definition as a new API (ImportRestApi, ImportApi).
import { h, show, errorBox, link } from '../dom.js';
import { apigwRaw } from '../aws.js';
import { chooseApi, chooseStage } from '../pick.js';

export async function render(params) {
  const { api, picker } = await chooseApi('openapi', params, a => a.kind !== 'WebSocket');
  const root = h('div', {}, h('h1', {}, 'OpenAPI'));
  if (api) root.append(await exportForm(api, params, picker));
  root.append(importForm());
  return root;
}

async function exportForm(api, params, picker) {
  const { stage, picker: stagePicker } = api.kind === 'REST' ? await chooseStage('openapi', params, api) : { picker: null };
  const output = h('textarea', { id: 'export', rows: 18, readonly: true });
  const status = h('div');
  const run = async () => {
    try {
      const text = api.kind === 'REST'
        ? await apigwRaw('GET', `/restapis/${api.id}/stages/${stage.stageName}/exports/oas30`, '', { extensions: 'apigateway' },
          undefined, 'application/json')
        : await apigwRaw('GET', `/v2/apis/${api.id}/exports/OAS30`, '', { outputType: 'JSON', includeExtensions: 'true' });
      output.value = JSON.stringify(JSON.parse(text), null, 2);
      show(status);
    } catch (error) {
      show(status, errorBox(error));
    }
  };
  const disabled = api.kind === 'REST' && !stage;
  return h('section', {}, h('h2', {}, 'Export'),
    h('div', { class: 'toolbar' }, picker, stagePicker,
      h('button', { id: 'export-button', onclick: run, disabled }, 'Export OpenAPI 3.0'),
      disabled ? h('span', { class: 'muted' }, 'Deploy the API to a stage to export it.') : null),
    status, output);
}

function importForm() {
  const status = h('div');
  const form = h('form', { id: 'import' },
    h('div', { class: 'toolbar' },
      h('label', {}, 'Import as', h('select', { name: 'kind' },
        h('option', { value: 'REST' }, 'REST API (ImportRestApi)'), h('option', { value: 'HTTP' }, 'HTTP API (ImportApi)')))),
    h('label', {}, 'OpenAPI definition (JSON or YAML)', h('textarea', { name: 'definition', rows: 14 })),
    h('button', { type: 'submit' }, 'Import'), status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const rest = form.kind.value === 'REST';
    try {
      const answer = JSON.parse(rest
        ? await apigwRaw('POST', '/restapis', form.definition.value, { mode: 'import' })
        : await apigwRaw('PUT', '/v2/apis', JSON.stringify({ body: form.definition.value })));
      location.hash = link('apis', { id: answer.id || answer.apiId, kind: rest ? 'REST' : 'HTTP' });
    } catch (error) {
      show(status, errorBox(error));
    }
  });
  return h('section', {}, h('h2', {}, 'Import'), form);
}
