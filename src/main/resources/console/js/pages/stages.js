// Stages with their deployment, canary share and history: promote or drop a canary, roll back to
// any earlier deployment (UpdateStage, as the AWS console does).
import { h, table, when, errorBox, show } from '../dom.js';
import { apigw, all, stagesOf } from '../aws.js';
import { chooseApi } from '../pick.js';

export async function render(params) {
  const { api, picker } = await chooseApi('stages', params);
  const page = h('div', {}, h('h1', {}, 'Stages'), h('div', { class: 'toolbar' }, picker));
  if (!api) {
    page.append(h('p', { class: 'muted' }, 'No APIs yet.'));
    return page;
  }
  const status = h('div');
  page.append(status, api.kind === 'REST' ? await rest(api, status) : await v2(api, status));
  return page;
}

async function rest(api, status) {
  const base = `/restapis/${api.id}`;
  const [stages, deployments] = await Promise.all([stagesOf(api), all(base + '/deployments')]);
  const update = (stage, ops) => act(status, () => apigw('PATCH', `${base}/stages/${stage.stageName}`, { patchOperations: ops }));
  deployments.sort((a, b) => b.createdDate - a.createdDate);
  return h('div', {},
    table([
      ['Stage', s => h('code', {}, s.stageName)],
      ['Deployment', s => s.deploymentId],
      ['Canary', s => s.canarySettings
        ? `${s.canarySettings.percentTraffic ?? 0}% → ${s.canarySettings.deploymentId}` : h('span', { class: 'muted' }, 'none')],
      ['Updated', s => when(s.lastUpdatedDate)],
      ['', s => s.canarySettings ? [
        h('button', { class: 'promote', onclick: () => update(s, promotion(s)) }, 'Promote canary'), ' ',
        h('button', { class: 'secondary', onclick: () => update(s, [{ op: 'remove', path: '/canarySettings' }]) }, 'Roll back canary'),
      ] : ''],
    ], stages, 'No stages.'),
    h('h2', {}, 'Deployment history'),
    table([
      ['Deployment', d => h('code', {}, d.id)],
      ['Created', d => when(d.createdDate)],
      ['Description', d => d.description],
      ['Serving', d => stages.filter(s => s.deploymentId === d.id).map(s => s.stageName).join(', ')],
      ['', d => stages.filter(s => s.deploymentId !== d.id).map(s => h('button', {
        class: 'secondary',
        onclick: () => update(s, [{ op: 'replace', path: '/deploymentId', value: d.id }]),
      }, `Deploy to ${s.stageName}`))],
    ], deployments, 'No deployments.'));
}

/** AWS's promotion: the canary's deployment and variables become the stage's, and the canary goes. */
function promotion(stage) {
  const ops = [{ op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' }];
  if (Object.keys(stage.canarySettings.stageVariableOverrides || {}).length > 0) {
    ops.push({ op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' });
  }
  ops.push({ op: 'remove', path: '/canarySettings' });
  return ops;
}

async function v2(api, status) {
  const base = `/v2/apis/${api.id}`;
  const [stages, deployments] = await Promise.all([stagesOf(api), all(base + '/deployments')]);
  deployments.sort((a, b) => String(b.createdDate).localeCompare(String(a.createdDate)));
  return h('div', {},
    table([['Stage', s => h('code', {}, s.stageName)], ['Deployment', s => s.deploymentId],
      ['Auto deploy', s => String(!!s.autoDeploy)], ['Updated', s => when(s.lastUpdatedDate)]], stages, 'No stages.'),
    h('h2', {}, 'Deployment history'),
    table([
      ['Deployment', d => h('code', {}, d.deploymentId)], ['Created', d => when(d.createdDate)],
      ['Status', d => d.deploymentStatus], ['Description', d => d.description],
      ['', d => stages.filter(s => s.deploymentId !== d.deploymentId && !s.autoDeploy).map(s => h('button', {
        class: 'secondary',
        onclick: () => act(status, () => apigw('PATCH', `${base}/stages/${s.stageName}`, { deploymentId: d.deploymentId })),
      }, `Deploy to ${s.stageName}`))],
    ], deployments, 'No deployments.'));
}

/** Runs a change, then shows the page again (or the error above it). */
async function act(status, change) {
  if (!confirm('Change the stage?')) return;
  try {
    await change();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } catch (error) {
    show(status, errorBox(error));
  }
}
