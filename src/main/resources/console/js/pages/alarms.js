// Alarms with their state, and one alarm's history.
import { h, table, link, when } from '../dom.js';
import { cloudwatch, paged } from '../aws.js';

export async function render(params) {
  const alarms = await paged(NextToken => cloudwatch('DescribeAlarms', { NextToken, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }),
    'NextToken', 'MetricAlarms', 'CompositeAlarms');
  const page = h('div', {}, h('h1', {}, 'Alarms'), table([
    ['Name', a => h('a', { href: link('alarms', { name: a.AlarmName }) }, a.AlarmName)],
    ['State', a => h('span', { class: 'state-' + a.StateValue }, a.StateValue)],
    ['Metric', a => a.MetricName ? `${a.Namespace} ${a.MetricName} ${a.Statistic || a.ExtendedStatistic || ''}` : (a.AlarmRule || '')],
    ['Condition', a => a.ComparisonOperator ? `${a.ComparisonOperator} ${a.Threshold}` : ''],
    ['Since', a => when(a.StateUpdatedTimestamp)],
    ['Reason', a => a.StateReason],
  ], alarms, 'No alarms.'));
  if (params.name) {
    const history = await cloudwatch('DescribeAlarmHistory', { AlarmName: params.name, MaxRecords: 100 });
    page.append(h('h2', {}, 'History of ' + params.name), table([
      ['When', e => when(e.Timestamp)], ['Type', e => e.HistoryItemType], ['Summary', e => e.HistorySummary],
    ], history.AlarmHistoryItems || [], 'No history.'));
  }
  return page;
}
