// CloudWatch dashboards made with PutDashboard: each metric widget (metrics, stat, period, title)
// drawn as a chart over its range; text widgets shown as text.
import { h, table, link, show, errorBox, when } from '../dom.js';
import { cloudwatch, paged } from '../aws.js';
import { fetchResults } from '../metrics.js';
import { lineChart } from '../charts.js';

const REFRESH_MILLIS = 10000;

export async function render(params, page) {
  if (params.name) return dashboard(params.name, page);
  const entries = await paged(NextToken => cloudwatch('ListDashboards', { NextToken }), 'NextToken', 'DashboardEntries');
  return h('div', {}, h('h1', {}, 'Dashboards'), table([
    ['Name', d => h('a', { href: link('dashboards', { name: d.DashboardName }) }, d.DashboardName)],
    ['Modified', d => when(d.LastModified)], ['Size', d => d.Size + ' bytes'],
  ], entries, 'No dashboards. Create one with PutDashboard.'));
}

async function dashboard(name, page) {
  const answer = await cloudwatch('GetDashboard', { DashboardName: name });
  const body = JSON.parse(answer.DashboardBody);
  const status = h('div');
  const rangeSeconds = relativeSeconds(body.start) || 3 * 3600;
  const widgets = (body.widgets || []).map((widget, i) => build(widget, i, rangeSeconds));
  const root = h('div', {}, h('h1', {}, name), h('p', {}, h('a', { href: link('dashboards') }, '← Dashboards')), status,
    h('div', { class: 'grid' }, widgets.map(w => w.el)));
  let timer = null;
  let stopped = false;
  async function refresh() {
    try {
      await Promise.all(widgets.map(w => w.refresh && w.refresh()));
      show(status);
    } catch (error) {
      show(status, errorBox(error));
    }
    if (!stopped) timer = setTimeout(refresh, REFRESH_MILLIS);
  }
  page.onLeave(() => { stopped = true; clearTimeout(timer); widgets.forEach(w => w.destroy && w.destroy()); });
  setTimeout(refresh, 0);
  return root;
}

function build(widget, index, dashboardRange) {
  const props = widget.properties || {};
  if (widget.type === 'text') return { el: h('div', { class: 'chart' }, h('pre', {}, props.markdown || '')) };
  if (widget.type !== 'metric') {
    return { el: h('div', { class: 'chart muted' }, `A ${widget.type} widget (not drawn by the console).`) };
  }
  const chart = lineChart(props.title || `Widget ${index + 1}`);
  const range = relativeSeconds(props.start) || dashboardRange;
  const queries = rows(props.metrics || []).map((row, i) => toQuery(row, i, props));
  return {
    el: chart.el,
    destroy: chart.destroy,
    refresh: async () => {
      const end = Math.floor(Date.now() / 1000);
      chart.update(await fetchResults(queries, end - range, end), end - range, end);
    },
  };
}

/** The widget's metric rows with "." (same as the row above) and "..." (the rest of the row above) spelled out. */
function rows(metrics) {
  const out = [];
  let previous = [];
  for (const raw of metrics) {
    const options = raw.length && typeof raw[raw.length - 1] === 'object' ? raw[raw.length - 1] : null;
    const values = options ? raw.slice(0, -1) : raw.slice();
    const dots = values.indexOf('...');
    let row = dots < 0 ? values
      : [...values.slice(0, dots), ...previous.slice(dots, previous.length - (values.length - dots - 1)), ...values.slice(dots + 1)];
    row = row.map((v, i) => (v === '.' ? previous[i] : v));
    out.push({ values: row, options: options || {} });
    previous = row;
  }
  return out;
}

function toQuery({ values, options }, i, props) {
  const id = options.id || 'w' + i;
  const returnData = options.visible !== false;
  if (options.expression) return { id, label: options.label || options.expression, expression: options.expression, returnData };
  const [namespace, metricName, ...pairs] = values;
  const dimensions = {};
  for (let p = 0; p + 1 < pairs.length; p += 2) dimensions[pairs[p]] = pairs[p + 1];
  const stat = options.stat || props.stat || 'Average';
  const label = options.label || [metricName, ...Object.values(dimensions)].join(' ');
  return { id, label, namespace, metricName, dimensions, stat, period: options.period || props.period || 300, returnData };
}

/** "-PT3H" → 10800; anything else → 0 (the default range). */
function relativeSeconds(start) {
  const match = /^-P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(start || '');
  if (!match) return 0;
  const [d, hh, mm, ss] = match.slice(1).map(v => Number(v || 0));
  return d * 86400 + hh * 3600 + mm * 60 + ss;
}
