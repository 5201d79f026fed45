// Log groups, and one group's events: a filter pattern (FilterLogEvents' syntax) and a live tail
// that asks for what is new every two seconds.
import { h, table, link, when, show, errorBox } from '../dom.js';
import { logs, paged } from '../aws.js';

const TAIL_MILLIS = 2000;
const KEEP = 1000;

export async function render(params, page) {
  if (params.group) return group(params, page);
  const groups = await paged(nextToken => logs('DescribeLogGroups', { nextToken }), 'nextToken', 'logGroups');
  return h('div', {}, h('h1', {}, 'Log groups'), table([
    ['Name', g => h('a', { href: link('logs', { group: g.logGroupName }) }, g.logGroupName)],
    ['Created', g => when(g.creationTime / 1000)],
    ['Retention', g => g.retentionInDays ? g.retentionInDays + ' days' : 'never expire'],
    ['Stored', g => (g.storedBytes ?? 0) + ' bytes'],
  ], groups, 'No log groups.'));
}

function group(params, page) {
  const lines = h('pre', { class: 'tail', id: 'tail' });
  const status = h('div');
  const seen = new Map(); // eventId → timestamp of what is shown
  let since = Date.now() - 15 * 60 * 1000;
  let timer = null;
  let stopped = false;

  async function poll() {
    timer = null;
    try {
      let nextToken;
      do {
        const input = { logGroupName: params.group, startTime: since, nextToken };
        if (params.filter) input.filterPattern = params.filter;
        const answer = await logs('FilterLogEvents', input);
        for (const event of answer.events || []) {
          if (seen.has(event.eventId)) continue;
          seen.set(event.eventId, event.timestamp);
          since = Math.max(since, event.timestamp);
          lines.append(h('div', { class: 'line' }, when(event.timestamp / 1000), ' ', h('span', { class: 'muted' }, event.logStreamName), ' ', event.message));
        }
        nextToken = answer.nextToken;
      } while (nextToken && !stopped);
      while (lines.childElementCount > KEEP) lines.firstElementChild.remove();
      // Only events at `since` can come again (the next ask starts there): forget the older ones' IDs.
      for (const [id, timestamp] of seen) if (timestamp < since) seen.delete(id);
      show(status);
    } catch (error) {
      show(status, errorBox(error));
    }
    if (!stopped) timer = setTimeout(poll, TAIL_MILLIS);
  }
  page.onLeave(() => { stopped = true; if (timer) clearTimeout(timer); });
  poll();

  const form = h('form', { class: 'inline' },
    h('label', {}, 'Filter pattern', h('input', { name: 'filter', value: params.filter || '', size: 40, placeholder: 'e.g. ERROR or { $.status = 5* }' })),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    location.hash = link('logs', { group: params.group, filter: form.filter.value });
  });
  return h('div', {}, h('h1', {}, params.group), h('p', {}, h('a', { href: link('logs') }, '← Log groups'),
    h('span', { class: 'muted' }, ' · live tail of the last 15 minutes, newest last')), form, status, lines);
}
