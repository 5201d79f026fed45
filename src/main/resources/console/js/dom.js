// Building the page from data, always as text nodes: no innerHTML, so nothing a resource's name or
// a log line holds can run as markup.

/** h('a', {href: '#/x', onclick: fn, class: 'c'}, 'text', child, [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'value') el.value = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** A table: columns are [heading, row => cell] pairs; an empty list says so. */
export function table(columns, rows, empty = 'None.') {
  if (!rows || rows.length === 0) return h('p', { class: 'muted' }, empty);
  return h('table', {},
    h('thead', {}, h('tr', {}, columns.map(([title]) => h('th', {}, title)))),
    h('tbody', {}, rows.map(row => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(row) ?? ''))))));
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, String(error && error.message ? error.message : error));
}

/** Replaces what `el` shows. */
export function show(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Runs `load` and shows its result in a fresh container, or its error. */
export function loading(load) {
  const box = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  Promise.resolve().then(load).then(
    content => show(box, content),
    error => show(box, errorBox(error)));
  return box;
}

export function select(name, options, value, onchange) {
  return h('select', { name, onchange: e => onchange && onchange(e.target.value) },
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

export function when(epochSecondsOrIso) {
  if (epochSecondsOrIso === undefined || epochSecondsOrIso === null) return '';
  const date = typeof epochSecondsOrIso === 'number' ? new Date(epochSecondsOrIso * 1000) : new Date(epochSecondsOrIso);
  return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** The address of a console page with its parameters, for links. */
export function link(page, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')).toString();
  return '#/' + page + (query ? '?' + query : '');
}
