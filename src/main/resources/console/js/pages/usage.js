// Usage plans (throttle, quota, stages) and API keys; a key's value is fetched only when asked.
import { h, table, when, show, errorBox } from '../dom.js';
import { apigw, all } from '../aws.js';

export async function render() {
  const [plans, keys] = await Promise.all([all('/usageplans'), all('/apikeys')]);
  return h('div', {},
    h('h1', {}, 'Usage plans'),
    table([
      ['Name', p => p.name], ['ID', p => h('code', {}, p.id)],
      ['Throttle', p => p.throttle ? `${p.throttle.rateLimit ?? '-'} rps, burst ${p.throttle.burstLimit ?? '-'}` : 'none'],
      ['Quota', p => p.quota ? `${p.quota.limit} per ${p.quota.period}` : 'none'],
      ['Stages', p => (p.apiStages || []).map(s => `${s.apiId}/${s.stage}`).join(', ')],
    ], plans, 'No usage plans.'),
    h('h1', {}, 'API keys'),
    table([
      ['Name', k => k.name], ['ID', k => h('code', {}, k.id)], ['Enabled', k => String(k.enabled)],
      ['Created', k => when(k.createdDate)],
      ['Value', k => hiddenValue(k)],
    ], keys, 'No API keys.'));
}

function hiddenValue(key) {
  const cell = h('span', {});
  const button = h('button', {
    class: 'secondary show-key',
    onclick: async () => {
      try {
        const full = await apigw('GET', `/apikeys/${key.id}`, undefined, { includeValue: 'true' });
        show(cell, h('code', { class: 'key-value' }, full.value));
      } catch (error) {
        show(cell, errorBox(error));
      }
    },
  }, 'Show');
  return show(cell, h('span', { class: 'muted' }, '•••••••• '), button);
}
