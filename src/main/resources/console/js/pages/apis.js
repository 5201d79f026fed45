// APIs of every kind; one API's resources and methods (REST) or routes and integrations (HTTP, WebSocket).
import { h, table, link, when } from '../dom.js';
import { apigw, all, allApis } from '../aws.js';

export async function render(params) {
  if (params.id) return params.kind === 'REST' ? restApi(params.id) : v2Api(params.id);
  const apis = await allApis();
  return h('div', {}, h('h1', {}, 'APIs'), table([
    ['Name', a => h('a', { href: link('apis', { id: a.id, kind: a.kind }) }, a.name)],
    ['ID', a => h('code', {}, a.id)],
    ['Kind', a => a.kind],
    ['Created', a => when(a.api.createdDate)],
    ['Description', a => a.api.description],
  ], apis, 'No APIs yet.'));
}

async function restApi(id) {
  const [api, resources] = await Promise.all([
    apigw('GET', `/restapis/${id}`), all(`/restapis/${id}/resources`, { embed: 'methods' })]);
  const methods = [];
  for (const resource of resources.sort((a, b) => a.path.localeCompare(b.path))) {
    for (const [verb, method] of Object.entries(resource.resourceMethods || {})) {
      methods.push({ resource, verb, method, integration: method.methodIntegration || {} });
    }
  }
  return h('div', {},
    h('h1', {}, api.name, ' ', h('span', { class: 'muted' }, 'REST API ', api.id)),
    nav(id, 'REST'),
    h('h2', {}, 'Resources'),
    table([['Path', r => h('code', {}, r.path)], ['ID', r => r.id],
      ['Methods', r => Object.keys(r.resourceMethods || {}).join(' ')]], resources),
    h('h2', {}, 'Methods and integrations'),
    table([
      ['Method', m => h('code', {}, m.verb + ' ' + m.resource.path)],
      ['Authorization', m => m.method.authorizationType + (m.method.apiKeyRequired ? ' + API key' : '')],
      ['Integration', m => m.integration.type],
      ['Target', m => h('code', {}, m.integration.uri || '')],
      ['', m => h('a', { href: link('testinvoke', { id, resource: m.resource.id, method: m.verb }) }, 'Test')],
    ], methods));
}

async function v2Api(id) {
  const [api, routes, integrations] = await Promise.all([
    apigw('GET', `/v2/apis/${id}`), all(`/v2/apis/${id}/routes`), all(`/v2/apis/${id}/integrations`)]);
  const byId = Object.fromEntries(integrations.map(i => [i.integrationId, i]));
  const kind = api.protocolType === 'WEBSOCKET' ? 'WebSocket' : 'HTTP';
  return h('div', {},
    h('h1', {}, api.name, ' ', h('span', { class: 'muted' }, kind + ' API ', api.apiId)),
    h('p', {}, 'Endpoint: ', h('code', {}, api.apiEndpoint || '')),
    nav(id, kind),
    h('h2', {}, 'Routes'),
    table([
      ['Route', r => h('code', {}, r.routeKey)],
      ['Authorization', r => r.authorizationType || 'NONE'],
      ['Integration', r => {
        const integration = byId[(r.target || '').replace('integrations/', '')];
        return integration ? integration.integrationType + ' ' + (integration.integrationUri || '') : r.target || '';
      }],
    ], routes.sort((a, b) => a.routeKey.localeCompare(b.routeKey))),
    h('h2', {}, 'Integrations'),
    table([['ID', i => i.integrationId], ['Type', i => i.integrationType], ['URI', i => h('code', {}, i.integrationUri || '')],
      ['Method', i => i.integrationMethod]], integrations));
}

function nav(id, kind) {
  return h('p', {},
    h('a', { href: link('stages', { id, kind }) }, 'Stages'), ' · ',
    h('a', { href: link('authorizers', { id, kind }) }, 'Authorizers'), ' · ',
    h('a', { href: link('metrics', { id, kind }) }, 'Metrics'), ' · ',
    h('a', { href: link('openapi', { id, kind }) }, 'OpenAPI'));
}
