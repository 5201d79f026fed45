// The API (and stage) choosers pages share: a change moves to the same page for the chosen one.
import { h, link } from './dom.js';
import { allApis, stagesOf } from './aws.js';

/** The chosen API of `params` (id), or the first; null when there is none. */
export async function chooseApi(page, params, filter = () => true) {
  const apis = (await allApis()).filter(filter);
  const api = apis.find(a => a.id === params.id) || apis[0] || null;
  const picker = h('label', {}, 'API', h('select', {
    name: 'api',
    onchange: e => { location.hash = link(page, { id: e.target.value }); },
  }, apis.map(a => h('option', { value: a.id, selected: api && a.id === api.id }, `${a.name} (${a.kind}, ${a.id})`))));
  return { api, apis, picker };
}

/** The chosen stage of `params` (stage) for `api`, or the first. */
export async function chooseStage(page, params, api, extra = {}) {
  const stages = api ? await stagesOf(api) : [];
  const stage = stages.find(s => s.stageName === params.stage) || stages[0] || null;
  const picker = h('label', {}, 'Stage', h('select', {
    name: 'stage',
    onchange: e => { location.hash = link(page, { ...extra, id: api.id, stage: e.target.value }); },
  }, stages.map(s => h('option', { value: s.stageName, selected: stage && s.stageName === stage.stageName }, s.stageName))));
  return { stage, stages, picker };
}
