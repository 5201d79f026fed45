// uPlot line charts (the webjar's build, loaded by index.html as the global uPlot).
import { h } from './dom.js';
import { align } from './metrics.js';

const COLORS = ['#2f6fbf', '#d92d20', '#f79009', '#12b76a', '#7a5af8', '#0ba5ec', '#ee46bc', '#667085'];

/** A chart box: {el, update(results, start, end)}; results as metrics.fetchResults gives them, over start..end (epoch seconds). */
export function lineChart(title, { unit = '', height = 220 } = {}) {
  const target = h('div', { class: 'plot' });
  const empty = h('p', { class: 'muted' }, 'No data points in this range.');
  const el = h('div', { class: 'chart', 'data-title': title }, h('h3', {}, title), target, empty);
  let plot = null;
  let labels = '';
  let span = null;

  function update(results, start, end) {
    span = start && end ? [start, end] : null;
    const data = align(results);
    const points = data.slice(1).reduce((n, column) => n + column.filter(v => v !== null).length, 0);
    el.dataset.points = String(points);
    el.dataset.total = String(data.slice(1).flat().reduce((sum, v) => sum + (v ?? 0), 0));
    empty.hidden = points > 0;
    const names = results.map(r => r.label).join('\u0000');
    if (plot && names === labels) {
      plot.setData(data); // rescales x, through the range below, to the new span
      return;
    }
    if (plot) plot.destroy();
    labels = names;
    plot = new uPlot({
      width: Math.max(320, (target.clientWidth || 540) - 4), height,
      series: [{}, ...results.map((r, i) => ({
        label: r.label, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: false,
        points: { show: data[0].length < 60 }, value: (u, v) => v === null || v === undefined ? '–' : round(v) + unit,
      }))],
      axes: [{}, { values: (u, ticks) => ticks.map(t => round(t) + unit), size: 60 }],
      // the whole queried range, not just the span of the points (a lone point would stretch to years)
      scales: { x: { time: true, range: (u, min, max) => span || [min, max] } },
    }, data, target);
  }
  return { el, update, destroy: () => plot && plot.destroy() };
}

function round(v) {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
}
