// An API's authorizers: Lambda (TOKEN, REQUEST), Cognito and JWT.
import { h, table } from '../dom.js';
import { all } from '../aws.js';
import { chooseApi } from '../pick.js';

export async function render(params) {
  const { api, picker } = await chooseApi('authorizers', params);
  const page = h('div', {}, h('h1', {}, 'Authorizers'), h('div', { class: 'toolbar' }, picker));
  if (!api) {
    page.append(h('p', { class: 'muted' }, 'No APIs yet.'));
    return page;
  }
  if (api.kind === 'REST') {
    const authorizers = await all(`/restapis/${api.id}/authorizers`);
    page.append(table([
      ['Name', a => a.name], ['ID', a => h('code', {}, a.id)], ['Type', a => a.type],
      ['Identity source', a => h('code', {}, a.identitySource || '')],
      ['Target', a => h('code', {}, a.authorizerUri || (a.providerARNs || []).join(', '))],
      ['Cache TTL', a => a.authorizerResultTtlInSeconds],
    ], authorizers, 'No authorizers.'));
  } else {
    const authorizers = await all(`/v2/apis/${api.id}/authorizers`);
    page.append(table([
      ['Name', a => a.name], ['ID', a => h('code', {}, a.authorizerId)], ['Type', a => a.authorizerType],
      ['Identity source', a => h('code', {}, (a.identitySource || []).join(', '))],
      ['Target', a => h('code', {}, a.authorizerUri || (a.jwtConfiguration ? a.jwtConfiguration.issuer : ''))],
    ], authorizers, 'No authorizers.'));
  }
  return page;
}
