// An API's gateway metrics (AWS/ApiGateway) and usage (Archway/Usage) per stage over a chosen range,
// refreshed every ten seconds: requests, errors, latency percentiles, throttles, cache, top API keys.
import { h, table, link, show, errorBox } from '../dom.js';
import { cloudwatch } from '../aws.js';
import { chooseApi, chooseStage } from '../pick.js';
import { fetchResults, periodFor } from '../metrics.js';
import { lineChart } from '../charts.js';

const RANGES = [['900', '15 minutes'], ['3600', '1 hour'], ['10800', '3 hours'], ['43200', '12 hours'],
  ['86400', '1 day'], ['604800', '1 week']];
const REFRESH_MILLIS = 10000;
const USAGE = 'Archway/Usage';

export async function render(params, page) {
  const { api, picker } = await chooseApi('metrics', params);
  const root = h('div', {}, h('h1', {}, 'Metrics'));
  if (!api) {
    root.append(h('p', { class: 'muted' }, 'No APIs yet.'));
    return root;
  }
  const range = RANGES.some(([r]) => r === params.range) ? params.range : '3600';
  const { stage, picker: stagePicker } = await chooseStage('metrics', params, api, { range });
  const rangePicker = h('label', {}, 'Range', h('select', {
    name: 'range',
    onchange: e => { location.hash = link('metrics', { id: api.id, stage: stage && stage.stageName, range: e.target.value }); },
  }, RANGES.map(([r, label]) => h('option', { value: r, selected: r === range }, label))));
  const status = h('div');
  const charts = definitions(api, stage ? stage.stageName : null);
  const plots = charts.map(c => ({ ...c, chart: lineChart(c.title, { unit: c.unit }) }));
  const keys = h('div');
  root.append(h('div', { class: 'toolbar' }, picker, stagePicker, rangePicker), status,
    h('div', { class: 'grid' }, plots.map(p => p.chart.el)), h('h2', {}, 'Top API keys'), keys);

  let timer = null;
  let stopped = false;
  async function refresh() {
    const end = Math.floor(Date.now() / 1000);
    const start = end - Number(range);
    const period = periodFor(Number(range));
    try {
      await Promise.all(plots.map(async p => p.chart.update(await fetchResults(p.queries(period), start, end), start, end)));
      show(keys, await topKeys(api, stage, start, end));
      show(status);
    } catch (error) {
      show(status, errorBox(error));
    }
    if (!stopped) timer = setTimeout(refresh, REFRESH_MILLIS);
  }
  page.onLeave(() => { stopped = true; clearTimeout(timer); plots.forEach(p => p.chart.destroy()); });
  setTimeout(refresh, 0);
  return root;
}

/** The charts of one kind of API: each a title, a unit and its queries at a period. */
function definitions(api, stageName) {
  const rest = api.kind === 'REST';
  const dims = rest ? { ApiName: apiNameDimension(api.name, api.id) } : { ApiId: api.id };
  if (stageName) dims.Stage = stageName;
  const usageDims = stageName ? { ApiId: api.id, Stage: stageName } : { ApiId: api.id };
  const m = (id, label, metricName, stat, namespace = 'AWS/ApiGateway', dimensions = dims) =>
    period => ({ id, label, metricName, stat, namespace, dimensions, period });
  const chart = (title, unit, ...parts) => ({ title, unit, queries: period => parts.map(p => p(period)) });
  const percentiles = (prefix, metric) => ['p50', 'p90', 'p99'].map(p => m(prefix + p, p, metric, p));
  if (api.kind === 'WebSocket') {
    return [
      chart('Connections and messages', '', m('c', 'ConnectCount', 'ConnectCount', 'Sum'), m('m', 'MessageCount', 'MessageCount', 'Sum')),
      chart('Errors', '', m('ce', 'ClientError', 'ClientError', 'Sum'), m('ie', 'IntegrationError', 'IntegrationError', 'Sum'),
        m('ee', 'ExecutionError', 'ExecutionError', 'Sum')),
      chart('Integration latency', ' ms', ...percentiles('i', 'IntegrationLatency')),
      chart('Throttled', '', m('t', 'Throttled', 'Throttled', 'Sum', USAGE, usageDims)),
    ];
  }
  const list = [
    chart('Requests', '', m('count', 'Count', 'Count', 'Sum')),
    chart('Errors', '', m('e4', rest ? '4XXError' : '4xx', rest ? '4XXError' : '4xx', 'Sum'),
      m('e5', rest ? '5XXError' : '5xx', rest ? '5XXError' : '5xx', 'Sum')),
    chart('Latency', ' ms', ...percentiles('l', 'Latency')),
    chart('Integration latency', ' ms', ...percentiles('i', 'IntegrationLatency')),
    chart('Throttled', '', m('t', 'Throttled', 'Throttled', 'Sum', USAGE, usageDims)),
  ];
  if (rest) {
    list.push(chart('Cache hit ratio', ' %',
      m('hit', 'hits', 'CacheHitCount', 'Sum'), m('miss', 'misses', 'CacheMissCount', 'Sum'),
      () => ({ id: 'ratio', label: 'hit ratio', expression: '100 * hit / (hit + miss)' })));
    const last = list[list.length - 1];
    const queries = last.queries;
    last.queries = period => queries(period).map(q => (q.id === 'ratio' ? q : { ...q, returnData: false }));
  }
  return list;
}

/** The API keys with the most requests in the range (Archway/Usage Count by ApiId, ApiKeyId, Stage). */
async function topKeys(api, stage, start, end) {
  const filters = [{ Name: 'ApiId', Value: api.id }, { Name: 'ApiKeyId' }];
  if (stage) filters.push({ Name: 'Stage', Value: stage.stageName });
  const listed = await cloudwatch('ListMetrics', { Namespace: USAGE, MetricName: 'Count', Dimensions: filters });
  const metrics = (listed.Metrics || []).filter(m => m.Dimensions.length === 3 && !m.Dimensions.some(d => d.Name === 'Route'));
  if (metrics.length === 0) return h('p', { class: 'muted' }, 'No requests with API keys in this range.');
  const queries = metrics.slice(0, 100).map((metric, i) => ({
    id: 'k' + i, label: metric.Dimensions.find(d => d.Name === 'ApiKeyId').Value, namespace: USAGE, metricName: 'Count',
    dimensions: Object.fromEntries(metric.Dimensions.map(d => [d.Name, d.Value])), stat: 'Sum', period: end - start,
  }));
  const results = await fetchResults(queries, start, end);
  const totals = new Map();
  for (const r of results) totals.set(r.label, (totals.get(r.label) || 0) + r.values.reduce((a, b) => a + b, 0));
  const rows = [...totals].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 10);
  return table([['API key ID', ([key]) => h('code', {}, key)], ['Requests', ([, n]) => n]], rows,
    'No requests with API keys in this range.');
}

/** AWS drops non-ASCII characters from the ApiName dimension, and uses the ID when none are left. */
function apiNameDimension(name, id) {
  const ascii = (name || '').replace(/[^\x00-\x7f]/g, '');
  return ascii || id;
}
