// GetMetricData for the charts: queries in, uPlot's aligned columns out.
import { cloudwatch } from './aws.js';

/** A metric query: {id, label, namespace, metricName, dimensions: {Name: Value}, stat, period} or {id, label, expression}. */
export function query(q) {
  if (q.expression) return { Id: q.id, Label: q.label, Expression: q.expression, ReturnData: q.returnData ?? true };
  return {
    Id: q.id, Label: q.label, ReturnData: q.returnData ?? true,
    MetricStat: {
      Metric: {
        Namespace: q.namespace, MetricName: q.metricName,
        Dimensions: Object.entries(q.dimensions || {}).map(([Name, Value]) => ({ Name, Value })),
      },
      Period: q.period, Stat: q.stat,
    },
  };
}

/** Every result of the queries between `start` and `end` (epoch seconds), all pages. */
export async function fetchResults(queries, start, end) {
  const results = new Map();
  let NextToken;
  do {
    const answer = await cloudwatch('GetMetricData', {
      MetricDataQueries: queries.map(query), StartTime: start, EndTime: end, ScanBy: 'TimestampAscending', NextToken,
    });
    for (const r of answer.MetricDataResults || []) {
      const into = results.get(r.Id) || { id: r.Id, label: r.Label, timestamps: [], values: [] };
      into.timestamps.push(...(r.Timestamps || []).map(toSeconds));
      into.values.push(...(r.Values || []));
      results.set(r.Id, into);
    }
    NextToken = answer.NextToken;
  } while (NextToken);
  return [...results.values()];
}

function toSeconds(t) {
  return typeof t === 'number' ? t : Date.parse(t) / 1000;
}

/** uPlot's data: the union of timestamps, then one column per result with nulls where it has no point. */
export function align(results) {
  const times = [...new Set(results.flatMap(r => r.timestamps))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const columns = results.map(r => {
    const column = new Array(times.length).fill(null);
    r.timestamps.forEach((t, i) => { column[index.get(t)] = r.values[i]; });
    return column;
  });
  return [times, ...columns];
}

/** The period a range is charted at: minutes up to 3 hours, then coarser. */
export function periodFor(rangeSeconds) {
  if (rangeSeconds <= 3 * 3600) return 60;
  if (rangeSeconds <= 24 * 3600) return 300;
  return 3600;
}
