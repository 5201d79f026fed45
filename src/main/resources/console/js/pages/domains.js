// Custom domain names and the APIs mapped under them.
import { h, table } from '../dom.js';
import { all } from '../aws.js';

export async function render() {
  const domains = await all('/v2/domainnames');
  const mappings = await Promise.all(domains.map(d => all(`/v2/domainnames/${encodeURIComponent(d.domainName)}/apimappings`)));
  const rows = domains.flatMap((d, i) => (mappings[i].length ? mappings[i] : [null]).map(m => ({ d, m })));
  return h('div', {}, h('h1', {}, 'Domain names'), table([
    ['Domain', r => h('code', {}, r.d.domainName)],
    ['Endpoint', r => (r.d.domainNameConfigurations || []).map(c => c.apiGatewayDomainName).join(', ')],
    ['Base path', r => r.m ? (r.m.apiMappingKey || '(none)') : ''],
    ['API', r => r.m ? r.m.apiId : h('span', { class: 'muted' }, 'no mappings')],
    ['Stage', r => r.m ? r.m.stage : ''],
  ], rows, 'No domain names.'));
}
