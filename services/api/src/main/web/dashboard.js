// The Koers dashboard: plain browser JavaScript over the HTTP API (/api/v1) and its event stream.
// Every number shown is the API's own (kept in data-value); the page only formats it.
'use strict';
(function () {

  const PERSPECTIVES = ['CUSTOMER', 'EMPLOYEE', 'ORGANIZATION', 'OTHER'];
  const BALANCES = {
    MULTI_PERSPECTIVE: 'Multi-perspective (customer-oriented)',
    PARTIAL: 'Partial (customer and one other)',
    CUSTOMER_ONLY: 'Customer only (customer-swayed)',
    NO_CUSTOMER: 'No customer heard'
  };
  const GROUPS = { OWN_ACTION: 'Own action', INTERACTION: 'Interaction', CONTENT: 'Content', POWER: 'Use of power' };
  // Okabe–Ito: distinguishable with every common colour-vision deficiency.
  const COLOURS = {
    CUSTOMER: '#E69F00', EMPLOYEE: '#56B4E9', ORGANIZATION: '#009E73', OTHER: '#CC79A7',
    MULTI_PERSPECTIVE: '#009E73', PARTIAL: '#56B4E9', CUSTOMER_ONLY: '#E69F00', NO_CUSTOMER: '#D55E00',
    p50: '#0072B2', p90: '#D55E00'
  };
  const TOKEN_KEY = 'koers.token';
  const PAGE = 200;

  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    units: new Set(), managers: new Set(),
    next: null, timelineId: null, timelineSequence: 0, stream: null, retry: 1, chart: null
  };
  const $ = id => document.getElementById(id);

  // ---------- the API ----------

  class Refused extends Error {}

  async function api(path) {
    const response = await fetch('/api/v1' + path, {
      headers: { 'Authorization': 'Bearer ' + state.token, 'Accept': 'application/json' }, cache: 'no-store'
    });
    if (response.status === 401 || response.status === 403) {
      throw new Refused(response.status === 401 ? 'the token was refused (expired or not valid here)'
        : 'this token may not read the views');
    }
    if (response.status === 404) {
      return null;
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || ('the API answered ' + response.status));
    }
    return response.json();
  }

  const enc = encodeURIComponent;

  // ---------- formatting: the shown text; the API's number stays in data-value ----------

  const NOT_AVAILABLE = 'n/a';
  function share(v) { return v == null ? NOT_AVAILABLE : (v * 100).toFixed(1) + ' %'; }
  function mean(v) { return v == null ? NOT_AVAILABLE : v.toFixed(2); }
  function signed(v) { return v == null ? NOT_AVAILABLE : (v > 0 ? '+' : '') + v.toFixed(2); }
  function count(v) { return v == null ? NOT_AVAILABLE : String(v); }
  function duration(seconds) {
    if (seconds == null) return NOT_AVAILABLE;
    if (seconds < 3600) return (seconds / 60).toFixed(0) + ' min';
    if (seconds < 2 * 86400) return (seconds / 3600).toFixed(1) + ' h';
    return (seconds / 86400).toFixed(1) + ' d';
  }
  function instant(text) {
    return text == null ? NOT_AVAILABLE : text.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v == null) return;
      if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
    });
    children.forEach(c => node.append(c));
    return node;
  }

  /** A table cell showing one figure: data-figure names it, data-value holds the API's value as JSON. */
  function figure(name, value, format) {
    return el('td', { 'data-figure': name, 'data-value': JSON.stringify(value), text: format(value),
      class: value == null ? 'na' : null });
  }

  function card(name, label, value, format) {
    return el('div', { class: 'card', 'data-figure': name },
      el('dt', { text: label }), el('dd', { 'data-value': JSON.stringify(value), text: format(value) }));
  }

  function bar(colour, fraction) {
    const width = Math.max(0, Math.min(1, fraction || 0)) * 6; // a full bar is 6rem
    return el('span', { class: 'bar', 'aria-hidden': 'true', style: 'width:' + width.toFixed(2) + 'rem;background:' + colour });
  }

  function fill(tbody, rows) {
    tbody.replaceChildren(...rows);
  }

  // ---------- pickers ----------

  function learn(unit, manager) {
    let changed = false;
    if (unit && !state.units.has(unit)) { state.units.add(unit); changed = true; }
    if (manager && !state.managers.has(manager)) { state.managers.add(manager); changed = true; }
    if (changed) renderPickers();
  }

  function options(select, values, keepFirst) {
    const chosen = select.value;
    const fixed = keepFirst ? [select.options[0]] : [];
    select.replaceChildren(...fixed, ...[...values].sort().map(v => el('option', { value: v, text: v })));
    if (chosen && (values.has(chosen) || chosen === '')) select.value = chosen;
  }

  function renderPickers() {
    const unitBefore = $('unit-picker').value;
    const managerBefore = $('manager-picker').value;
    options($('unit-picker'), state.units, false);
    options($('manager-picker'), state.managers, false);
    options($('filter-unit'), state.units, true);
    options($('filter-manager'), state.managers, true);
    if (!unitBefore && $('unit-picker').value) refresh('unit');
    if (!managerBefore && $('manager-picker').value) refresh('manager');
  }

  async function discover() {
    let after = null;
    for (let page = 0; page < 50; page++) {
      const body = await api('/decisions?limit=500' + (after ? '&after=' + enc(after) : ''));
      body.items.forEach(d => learn(d.unit, d.managerId));
      after = body.next;
      if (!after) return;
    }
  }

  // ---------- the unit view ----------

  async function renderUnit() {
    const unit = $('unit-picker').value;
    if (!unit) return;
    const [all, weekly] = await Promise.all([
      api('/units/' + enc(unit) + '/metrics'), api('/units/' + enc(unit) + '/metrics/weekly')]);
    if (!all || unit !== $('unit-picker').value) return;
    $('unit-heading').textContent = 'Unit ' + unit;
    $('unit-cards').replaceChildren(
      card('counts.opened', 'Opened', all.counts.opened, count),
      card('counts.decided', 'Decided', all.counts.decided, count),
      card('leadTimeSeconds.p50', 'Lead time p50', all.leadTimeSeconds.p50, duration),
      card('leadTimeSeconds.p90', 'Lead time p90', all.leadTimeSeconds.p90, duration),
      card('onTimeShare', 'On time', all.onTimeShare, share),
      card('valueConsensusShare', 'Value consensus', all.valueConsensusShare, share),
      card('revisionRate', 'Revised since', all.revisionRate, share),
      card('withdrawalRate', 'Withdrawn', all.withdrawalRate, share),
      card('communicationLagSeconds.p50', 'Communication lag p50', all.communicationLagSeconds.p50, duration));
    renderScores(all.scores);
    renderCoverage(all.coverage);
    renderBalance(all.balance);
    renderGap(all.perceptionGap);
    renderLeadTime(weekly ? weekly.weeks : []);
  }

  function renderScores(scores) {
    const groups = [['overall', 'All perspectives', scores.overall]]
      .concat(PERSPECTIVES.map(p => [p, label(p), scores.byPerspective[p]]));
    fill($('scores-table').tBodies[0], groups.map(([key, name, g]) => {
      const row = el('tr', { 'data-perspective': key }, el('th', { scope: 'row' }, swatch(key), name),
        figure('respondents', g.respondents, count));
      if (g.withheld) {
        // Anonymity: fewer respondents than the threshold, so the API gives no means, and neither do we.
        row.append(el('td', { colspan: '4', class: 'withheld', 'data-figure': 'withheld', 'data-value': 'true',
          text: 'withheld: only ' + g.respondents + ' respondent' + (g.respondents === 1 ? '' : 's') }));
      } else {
        ['clarity', 'speed', 'heard', 'addedValue'].forEach(f => row.append(figure(f, g[f], mean)));
      }
      return row;
    }));
  }

  function renderCoverage(coverage) {
    fill($('coverage-table').tBodies[0], PERSPECTIVES.map(p => {
      const shareCell = figure('share', coverage[p].share, share);
      shareCell.prepend(bar(COLOURS[p], coverage[p].share));
      return el('tr', { 'data-perspective': p }, el('th', { scope: 'row' }, swatch(p), label(p)), shareCell,
        figure('meanDepth', coverage[p].meanDepth, mean));
    }));
  }

  function renderBalance(balance) {
    const total = Object.keys(BALANCES).reduce((sum, k) => sum + balance[k], 0);
    fill($('balance-table').tBodies[0], Object.keys(BALANCES).map(k => {
      const fraction = total === 0 ? null : balance[k] / total;
      const shareCell = el('td', { text: share(fraction) });
      shareCell.prepend(bar(COLOURS[k], fraction));
      return el('tr', { 'data-balance': k }, el('th', { scope: 'row' }, swatch(k), BALANCES[k]),
        figure('count', balance[k], count), shareCell);
    }));
  }

  function renderGap(gap) {
    fill($('gap-table').tBodies[0], Object.keys(GROUPS).map(g =>
      el('tr', { 'data-group': g }, el('th', { scope: 'row', text: GROUPS[g] }), figure('gap', gap[g], signed))));
  }

  function swatch(key) {
    return COLOURS[key] ? el('span', { class: 'swatch', 'aria-hidden': 'true', style: 'background:' + COLOURS[key] }) : '';
  }

  function label(p) { return p.charAt(0) + p.slice(1).toLowerCase(); }

  // ---------- the lead-time chart (uPlot) and its table ----------

  /** Monday 00:00 UTC of an ISO week such as 2026-W48, in seconds. */
  function weekStart(week) {
    const [year, w] = week.split('-W').map(Number);
    const jan4 = Date.UTC(year, 0, 4);
    const day = (new Date(jan4).getUTCDay() + 6) % 7;
    return (jan4 - day * 86400000 + (w - 1) * 7 * 86400000) / 1000;
  }

  /** The ISO week that starts at a Monday (seconds), as the API writes it: 2026-W48. */
  function isoWeek(t) {
    const year = new Date((t + 3 * 86400) * 1000).getUTCFullYear(); // the week's Thursday decides its year
    const week = Math.round((t - weekStart(year + '-W1')) / (7 * 86400)) + 1;
    return year + '-W' + String(week).padStart(2, '0');
  }

  function renderLeadTime(weeks) {
    fill($('lead-table').tBodies[0], weeks.map(doc => el('tr', { 'data-week': doc.window },
      el('th', { scope: 'row', text: doc.window }), figure('decided', doc.counts.decided, count),
      figure('p50', doc.leadTimeSeconds.p50, duration), figure('p90', doc.leadTimeSeconds.p90, duration))));
    const days = s => s == null ? null : s / 86400;
    const byStart = new Map(weeks.map(doc => [weekStart(doc.window), doc]));
    const xs = [];
    if (weeks.length > 0) {
      // Every week from the first to the last: a week where nothing counted is a gap in the lines.
      for (let t = weekStart(weeks[0].window); t <= weekStart(weeks[weeks.length - 1].window); t += 7 * 86400) xs.push(t);
    }
    const data = [xs, xs.map(t => days(byStart.get(t)?.leadTimeSeconds.p50)),
      xs.map(t => days(byStart.get(t)?.leadTimeSeconds.p90))];
    const box = $('lead-chart');
    const width = Math.max(320, box.clientWidth || 640);
    if (state.chart) state.chart.destroy();
    state.chart = new uPlot({
      width: width, height: 240, padding: [12, 48, 0, 0],
      scales: { x: { time: true } },
      legend: { live: false },
      series: [{ label: 'Week starting', value: (u, v) => v == null ? '' : new Date(v * 1000).toISOString().slice(0, 10) },
        { label: 'p50 (days)', stroke: COLOURS.p50, width: 2, points: { show: true }, value: (u, v) => v == null ? NOT_AVAILABLE : v.toFixed(1) },
        { label: 'p90 (days)', stroke: COLOURS.p90, width: 2, dash: [6, 4], points: { show: true }, value: (u, v) => v == null ? NOT_AVAILABLE : v.toFixed(1) }],
      // One tick per ISO week, named as the API names it.
      axes: [{ splits: () => xs, values: (u, splits) => splits.map(isoWeek) },
        { label: 'days' }]
    }, data, box);
  }

  // ---------- the manager view ----------

  async function renderManager() {
    const manager = $('manager-picker').value;
    if (!manager) return;
    const [all, weekly] = await Promise.all([
      api('/managers/' + enc(manager) + '/metrics'), api('/managers/' + enc(manager) + '/metrics/weekly')]);
    if (!all || manager !== $('manager-picker').value) return;
    $('manager-heading').textContent = 'Manager ' + manager;
    const dialogue = all.dialogue || { weeks: [], longestStreak: 0, lastWeek: null };
    $('manager-cards').replaceChildren(
      card('dialogue.weekCount', 'Weeks with a customer dialogue', dialogue.weeks.length, count),
      card('dialogue.longestStreak', 'Longest streak (weeks)', dialogue.longestStreak, count),
      card('dialogue.lastWeek', 'Latest dialogue week', dialogue.lastWeek, v => v == null ? 'none yet' : v),
      card('counts.decided', 'Decided', all.counts.decided, count),
      card('leadTimeSeconds.p50', 'Lead time p50', all.leadTimeSeconds.p50, duration),
      card('valueConsensusShare', 'Value consensus', all.valueConsensusShare, share));
    const withDialogue = new Set(dialogue.weeks);
    const active = (weekly ? weekly.weeks.map(w => w.window) : []).concat(dialogue.weeks);
    const weeks = [...new Set(active)].sort();
    fill($('dialogue-table').tBodies[0], weeks.map(w => el('tr', { 'data-week': w },
      el('th', { scope: 'row', text: w }),
      el('td', { 'data-figure': 'dialogue', 'data-value': String(withDialogue.has(w)),
        class: withDialogue.has(w) ? 'yes' : 'no', text: withDialogue.has(w) ? '● yes' : '○ no' }))));
  }

  // ---------- decisions and their timelines ----------

  function decisionQuery(after) {
    const q = ['limit=' + PAGE];
    if ($('filter-unit').value) q.push('unit=' + enc($('filter-unit').value));
    if ($('filter-manager').value) q.push('managerId=' + enc($('filter-manager').value));
    if ($('filter-status').value) q.push('status=' + enc($('filter-status').value));
    if (after) q.push('after=' + enc(after));
    return '/decisions?' + q.join('&');
  }

  function decisionRow(d) {
    const open = el('button', { type: 'button', class: 'link', 'aria-label': 'Timeline of ' + d.decisionId, text: d.decisionId });
    open.addEventListener('click', () => { state.timelineSequence = d.sequence || 0; openTimeline(d.decisionId, true); });
    return el('tr', { 'data-decision-id': d.decisionId }, el('th', { scope: 'row' }, open),
      el('td', { text: d.title }), el('td', { text: d.unit }), el('td', { text: d.managerId }),
      figure('status', d.status, v => v), figure('balance', d.balance, v => v == null ? NOT_AVAILABLE : BALANCES[v] || v),
      figure('leadTimeSeconds', d.leadTimeSeconds, duration), figure('respondents', d.scores.overall.respondents, count));
  }

  async function renderDecisions(append) {
    const body = await api(decisionQuery(append ? state.next : null));
    body.items.forEach(d => learn(d.unit, d.managerId));
    const rows = body.items.map(decisionRow);
    const tbody = $('decision-table').tBodies[0];
    if (append) tbody.append(...rows); else fill(tbody, rows);
    state.next = body.next;
    $('decisions-more').hidden = !body.next;
  }

  function details(kind, data) {
    return Object.entries(data || {}).filter(([, v]) => v != null && v !== '')
      .map(([k, v]) => k + ': ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join('; ');
  }

  async function openTimeline(id, focus) {
    state.timelineId = id;
    // The sequence the stream or the list announced: the timeline waits for it instead of showing an older one.
    const body = await api('/decisions/' + enc(id) + '/events'
      + (state.timelineSequence ? '?minSequence=' + state.timelineSequence : ''));
    if (!body || state.timelineId !== id) return;
    const d = body.decision;
    $('timeline').hidden = false;
    $('timeline-heading').textContent = 'Timeline of ' + id + ': ' + d.title;
    $('timeline-summary').textContent = d.status + ' · unit ' + d.unit + ' · manager ' + d.managerId
      + ' · ' + GROUPS[d.activityGroup] + (d.balance ? ' · ' + BALANCES[d.balance] : '')
      + ' · ' + body.events.length + ' events';
    fill($('timeline-table').tBodies[0], body.events.map(e => el('tr', { 'data-sequence': String(e.sequence) },
      el('th', { scope: 'row', text: String(e.sequence) }), el('td', { text: e.kind }),
      el('td', { text: instant(e.occurredAt) }), el('td', { text: instant(e.recordedAt) }),
      el('td', { text: (e.actorRole || '') + (e.actorId ? ' ' + e.actorId : '') }),
      el('td', { class: 'details', text: details(e.kind, e.data) }),
      el('td', { 'data-figure': 'hash', 'data-value': JSON.stringify(e.hash) }, el('code', { text: e.hash })))));
    if (focus) $('timeline').focus();
  }

  // ---------- refreshing, live ----------

  const views = {
    unit: renderUnit, manager: renderManager, decisions: () => renderDecisions(false),
    timeline: () => state.timelineId && openTimeline(state.timelineId, false)
  };
  const pending = {};

  /** Redraws a view at most about once a second, however many changes the stream brings. */
  function refresh(view) {
    if (pending[view]) return;
    pending[view] = setTimeout(() => {
      delete pending[view];
      views[view]().catch(failed);
    }, 300);
  }

  function onChange(message) {
    const doc = JSON.parse(message.data);
    if (message.event === 'error') {
      // The server's final event says why it ends the stream (docs/api.md): too slow, token expired, ...
      state.ended = doc.reason;
      return;
    }
    if (message.event === 'decision') {
      learn(doc.unit, doc.managerId);
      const f = { unit: $('filter-unit').value, managerId: $('filter-manager').value, status: $('filter-status').value };
      if ((!f.unit || f.unit === doc.unit) && (!f.managerId || f.managerId === doc.managerId)) refresh('decisions');
      if (state.timelineId === doc.decisionId) {
        state.timelineSequence = Math.max(state.timelineSequence, doc.sequence || 0);
        refresh('timeline');
      }
    } else if (message.event === 'metrics') {
      if (doc.scope.unit) learn(doc.scope.unit, null);
      if (doc.scope.managerId) learn(null, doc.scope.managerId);
      if (doc.scope.unit && doc.scope.unit === $('unit-picker').value) refresh('unit');
      if (doc.scope.managerId && doc.scope.managerId === $('manager-picker').value) refresh('manager');
    }
    setStatus('Live: last change ' + new Date().toISOString().slice(11, 19) + ' UTC.');
  }

  async function listen() {
    if (state.stream) state.stream.abort();
    const controller = new AbortController();
    state.stream = controller;
    let reconnecting = false;
    while (!controller.signal.aborted) {
      state.ended = null;
      try {
        await KoersSse.open('/api/v1/stream', state.token, {
          onOpen: () => {
            state.retry = 1;
            setStatus('Live: connected to the event stream.');
            document.body.dataset.live = 'true';
            if (reconnecting) Object.keys(views).forEach(refresh); // what changed while disconnected
          },
          onEvent: onChange
        }, controller.signal);
      } catch (e) {
        if (controller.signal.aborted) return;
        if (e.status === 401 || e.status === 403) { failed(new Refused('the stream refused the token')); return; }
      }
      if (state.ended === 'token expired') { failed(new Refused('the token expired')); return; }
      reconnecting = true;
      document.body.dataset.live = 'false';
      const wait = Math.min(30, state.retry *= 2);
      setStatus('Live: disconnected' + (state.ended ? ' (' + state.ended + ')' : '') + '; trying again in ' + wait + ' s.');
      await new Promise(r => setTimeout(r, wait * 1000));
    }
  }

  function setStatus(text) { $('status').textContent = text; }

  function failed(error) {
    if (error instanceof Refused) {
      setStatus('Not shown: ' + error.message + '. Paste another token.');
      if (state.stream) state.stream.abort();
      $('token-input').focus();
    } else {
      setStatus('Could not load: ' + error.message);
    }
  }

  function claims(token) {
    try {
      return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    } catch (e) {
      return {};
    }
  }

  async function start() {
    if (!state.token) {
      setStatus('No token yet: paste one above to see the figures.');
      return;
    }
    const c = claims(state.token);
    setStatus('Loading as ' + (c.role || 'unknown role') + (c.exp ? ', token valid until '
      + new Date(c.exp * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '') + '…');
    try {
      await discover();
      await Promise.all([renderUnit(), renderManager(), renderDecisions(false)]);
      document.body.dataset.loaded = 'true';
      listen();
    } catch (e) {
      failed(e);
    }
  }

  $('token-form').addEventListener('submit', event => {
    event.preventDefault();
    state.token = $('token-input').value.trim();
    $('token-input').value = '';
    sessionStorage.setItem(TOKEN_KEY, state.token);
    start();
  });
  $('token-forget').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    if (state.stream) state.stream.abort();
    setStatus('Token forgotten.');
  });
  $('unit-picker').addEventListener('change', () => renderUnit().catch(failed));
  $('manager-picker').addEventListener('change', () => renderManager().catch(failed));
  ['filter-unit', 'filter-manager', 'filter-status'].forEach(id =>
    $(id).addEventListener('change', () => renderDecisions(false).catch(failed)));
  $('decisions-more').addEventListener('click', () => renderDecisions(true).catch(failed));
  window.addEventListener('resize', () => state.chart && state.chart.setSize({ width: Math.max(320, $('lead-chart').clientWidth), height: 240 }));

  start();
})();
