/* wanplan map UI: plain JavaScript over the /api/v1 REST API, Leaflet over a shipped Natural Earth basemap. */
'use strict';

const state = { token: null, role: null, networks: [], network: null, pops: [], spans: [], design: null,
  layers: {}, map: null };
const ROLE_RANK = { viewer: 0, planner: 1, admin: 2 };
const $ = (id) => document.getElementById(id);

function can(role) { return state.role !== null && ROLE_RANK[state.role] >= ROLE_RANK[role]; }

/** A random key for Idempotency-Key headers (crypto.randomUUID needs a secure context; this does not). */
function uid() {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

function status(text) { $('status').textContent = text; }

async function api(method, path, body, extraHeaders) {
  const headers = { Authorization: 'Bearer ' + state.token };
  if (body !== undefined && !(body instanceof Blob) && !(body instanceof FormData) && typeof body !== 'string') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  }
  Object.assign(headers, extraHeaders || {});
  const r = await fetch('/api/v1' + path, { method, headers, body });
  const type = r.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await r.json() : await r.text();
  if (!r.ok) {
    const detail = data && data.errors ? data.errors.map((e) => e.pointer + ': ' + e.detail).join('; ') : '';
    const err = new Error((data && data.title ? data.title : r.status) + (data && data.detail ? ' — ' + data.detail : '')
      + (detail ? ' (' + detail + ')' : ''));
    err.status = r.status;
    err.code = data && data.code;
    throw err;
  }
  return data;
}

function fmtMoney(currency, v) {
  return currency + ' ' + Number(v).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
function fmt(v, digits) { return Number(v).toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }); }
function pct(v, digits) { return (100 * v).toFixed(digits) + ' %'; }

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}
/** A plain button in a table row; {@code ariaLabel} says which row it acts on. */
function button(text, className, ariaLabel, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.className = className;
  b.setAttribute('aria-label', ariaLabel);
  b.addEventListener('click', onClick);
  return b;
}
function clearBody(table) { const tb = table.querySelector('tbody'); tb.replaceChildren(); return tb; }

/* ------------------------------------------------------------------ sign in */

async function signIn(token) {
  state.token = token;
  try {
    const me = await api('GET', '/whoami');
    state.role = me.role;
    sessionStorage.setItem('wanplan.token', token);
    $('who').textContent = me.name + ' (' + me.role + ')';
    $('login').hidden = true;
    $('app').hidden = false;
    $('logout').hidden = false;
    $('tab-admin').hidden = !can('admin');
    $('tab-tokens').hidden = !can('admin');
    $('design-btn').disabled = !can('planner');
    $('order-btn').disabled = !can('planner');
    await start();
  } catch (e) {
    state.token = null;
    sessionStorage.removeItem('wanplan.token');
    $('login-error').textContent = e.status === 401 ? 'That token is not known.' : e.message;
  }
}

$('login-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  $('login-error').textContent = '';
  signIn($('token').value.trim());
});
$('logout').addEventListener('click', () => { sessionStorage.removeItem('wanplan.token'); location.reload(); });

/* ------------------------------------------------------------------ tabs */

document.querySelectorAll('[role=tab]').forEach((tab) => {
  tab.addEventListener('click', () => selectTab(tab.id));
  tab.addEventListener('keydown', (ev) => {
    const tabs = [...document.querySelectorAll('[role=tab]:not([hidden])')];
    const i = tabs.indexOf(tab);
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
      const next = tabs[(i + (ev.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      next.focus();
      selectTab(next.id);
    }
  });
});

function selectTab(id) {
  document.querySelectorAll('[role=tab]').forEach((t) => {
    const on = t.id === id;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  });
  if (id === 'tab-orders') loadOrders();
  if (id === 'tab-portfolio') loadPortfolio();
  if (id === 'tab-failures') fillFailureElements();
  if (id === 'tab-tokens') loadTokens();
}

/* ------------------------------------------------------------------ map */

async function start() {
  state.map = L.map('map', { preferCanvas: false, zoomSnap: 0.25 }).setView([50, 10], 4);
  state.map.attributionControl.addAttribution('Basemap: Natural Earth (public domain)');
  const basemap = await (await fetch('/basemap.geojson')).json();
  L.geoJSON(basemap, {
    style: { color: '#ffffff', weight: 0.8, fillColor: '#c8ccd0', fillOpacity: 1 },
    interactive: false,
  }).addTo(state.map);
  state.networks = await api('GET', '/networks');
  const select = $('network-select');
  const compare = $('compare-network');
  compare.appendChild(new Option('— no comparison —', ''));
  for (const n of state.networks) {
    select.appendChild(new Option(n.name + ' (' + n.pops + ' PoPs)', n.name));
    compare.appendChild(new Option(n.name, n.name));
  }
  select.value = state.networks.some((n) => n.name === 'euro350') ? 'euro350' : state.networks[0].name;
  compare.value = state.networks.some((n) => n.name === 'sparse') ? 'sparse' : '';
  select.addEventListener('change', () => showNetwork(select.value));
  const samples = await api('GET', '/samples');
  for (const s of samples) $('sample-select').appendChild(new Option(s, s));
  await showNetwork(select.value);
}

function utilColour(u) {
  const t = Math.max(0, Math.min(1, u));
  const r = Math.round(27 + t * (176 - 27));
  const g = Math.round(127 - t * 127);
  const b = Math.round(91 - t * (91 - 32));
  return 'rgb(' + r + ',' + g + ',' + b + ')';
}

const RUNWAY_COLOURS = { 'runway-short': '#b00020', 'runway-mid': '#e07b00', 'runway-long': '#1b7f5b',
  'runway-none': '#9aa5b1' };

function clearLayer(name) {
  if (state.layers[name]) { state.map.removeLayer(state.layers[name]); delete state.layers[name]; }
}

async function showNetwork(name) {
  status('Loading ' + name + '…');
  const [pops, spans] = await Promise.all([api('GET', '/networks/' + encodeURIComponent(name) + '/pops'),
    api('GET', '/networks/' + encodeURIComponent(name) + '/spans')]);
  state.network = name; state.pops = pops; state.spans = spans;
  state.popById = new Map(pops.map((p) => [p.id, p]));
  ['network', 'design', 'failure'].forEach(clearLayer);
  const layer = L.layerGroup();
  const byRunway = $('span-colour').value === 'runway';
  const runway = new Map();
  if (byRunway) {
    const r = await api('GET', '/networks/' + encodeURIComponent(name) + '/runway');
    for (const x of r.spans) runway.set(x.id, x.monthsToExhaustion);
    state.runwayGrowth = r.growth;
  }
  $('legend-utilisation').hidden = byRunway;
  $('legend-runway').hidden = !byRunway;
  for (const s of spans) {
    const a = state.popById.get(s.a); const b = state.popById.get(s.b);
    if (!a || a.lat === undefined || !b || b.lat === undefined) continue;
    const u = s.capacityGbps > 0 ? s.reservedGbps / s.capacityGbps : 0;
    const months = runway.get(s.id);
    const band = months === null || months === undefined ? 'runway-none'
      : months < 12 ? 'runway-short' : months <= 36 ? 'runway-mid' : 'runway-long';
    L.polyline([[a.lat, a.lon], [b.lat, b.lon]], {
      color: byRunway ? RUNWAY_COLOURS[band] : utilColour(u), weight: byRunway && band !== 'runway-none' ? 4 : 2.5,
      dashArray: s.submarine ? '6 5' : null, className: 'span-line' + (byRunway ? ' ' + band : ''),
    }).bindTooltip(s.id + '<br>' + (s.km !== undefined ? fmt(s.km, 0) + ' km, ' : '') + fmt(s.capacityGbps, 0)
      + ' Gbps, ' + fmt(s.reservedGbps, 2) + ' reserved (' + pct(u, 1) + ')' + (s.submarine ? '<br>submarine' : '')
      + (s.srlgs.length ? '<br>SRLG ' + s.srlgs.join(', ') : '')
      + (byRunway ? '<br>' + (months === null || months === undefined ? 'nothing held'
        : fmt(months, 1) + ' months to full at +' + pct(state.runwayGrowth, 0) + ' a year') : '')).addTo(layer);
  }
  document.body.dataset.spanColour = byRunway ? 'runway' : 'utilisation';
  for (const p of pops) {
    if (p.lat === undefined) continue;
    const radius = 2.5 + Math.sqrt((p.population || 0) / 1e6) * 2.5;
    L.circleMarker([p.lat, p.lon], { radius, color: '#102a43', weight: 1, fillColor: '#0b5cad', fillOpacity: 0.85,
      className: 'pop-marker' })
      .bindTooltip(p.name + (p.country ? ' (' + p.country + ')' : '') + '<br>'
        + (p.population ? fmt(p.population, 0) + ' people, ' : '') + 'degree ' + p.degree).addTo(layer);
  }
  layer.addTo(state.map);
  state.layers.network = layer;
  const located = pops.filter((p) => p.lat !== undefined);
  if (located.length > 1 && state.fitted !== name) state.map.fitBounds(located.map((p) => [p.lat, p.lon]), { padding: [20, 20], maxZoom: 7 });
  state.fitted = name;
  const n = state.networks.find((x) => x.name === name);
  const facts = $('network-facts');
  facts.replaceChildren();
  for (const [k, v] of [['PoPs', n.pops], ['Spans', n.spans], ['SRLGs', n.srlgs], ['Fibre', fmt(n.fibreKm, 0) + ' km'],
    ['Reserved', fmt(spans.reduce((t, s) => t + s.reservedGbps, 0), 2) + ' Gbps'], ['Source', n.attribution || '—']]) {
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v;
    facts.append(dt, dd);
  }
  document.body.dataset.network = name;
  document.body.dataset.popsDrawn = String(document.querySelectorAll('#map path.pop-marker').length);
  fillFailureElements();
  status(name + ': ' + pops.length + ' PoPs, ' + spans.length + ' spans');
}

/* ------------------------------------------------------------------ customer design */

/* The design request: a chosen file goes up as it is (a form, the server reads Excel, CSV or JSON and names the
   cell of every problem); a sample goes as the JSON body. */
async function designRequest() {
  const fields = { customer: $('customer-name').value.trim() || 'unnamed customer', network: state.network,
    topology: $('topology').value };
  if ($('compare-network').value && $('compare-network').value !== state.network) fields.compareWith = $('compare-network').value;
  const file = $('sites-file').files[0];
  if (file) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('sites', file, file.name);
    return form;
  }
  const sample = $('sample-select').value;
  if (!sample) throw new Error('Pick a sample customer or upload a site list.');
  return Object.assign(fields, { sites: await api('GET', '/samples/' + encodeURIComponent(sample)) });
}

$('sample-select').addEventListener('change', () => {
  if ($('sample-select').value && !$('customer-name').value) $('customer-name').value = $('sample-select').value;
});

$('design-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('design-error').textContent = '';
  $('design-btn').disabled = true;
  status('Designing…');
  try {
    const design = await api('POST', '/designs', await designRequest(), { 'Idempotency-Key': 'design-' + uid() });
    state.design = design;
    showDesign(design);
    status('Designed ' + design.sites.length + ' sites on ' + design.network + ' (' + design.id + ')');
  } catch (e) {
    $('design-error').textContent = e.message;
    status('Design failed');
  } finally {
    $('design-btn').disabled = !can('planner');
  }
});

function showDesign(d) {
  clearLayer('design');
  const layer = L.layerGroup();
  const pathLine = (path, cls, colour, dash) => {
    const pts = path.pops.map((id) => state.popById.get(id)).filter((p) => p && p.lat !== undefined).map((p) => [p.lat, p.lon]);
    return L.polyline(pts, { color: colour, weight: 4, opacity: 0.8, dashArray: dash, className: cls });
  };
  const drawn = new Set();
  for (const s of d.sites) {
    if (s.backbone && !drawn.has(s.backbone.pops.join())) {
      drawn.add(s.backbone.pops.join());
      pathLine(s.backbone, 'working-path', '#e07b00').bindTooltip('working path ' + s.id + ': ' + fmt(s.backbone.km, 0)
        + ' km, ' + fmt(s.backbone.latencyMs, 2) + ' ms').addTo(layer);
    }
    if (s.protection) {
      pathLine(s.protection, 'protection-path', '#7b2cbf', '8 6').bindTooltip('protection path ' + s.id).addTo(layer);
    }
  }
  for (const s of d.sites) {
    for (const t of s.tails) {
      const p = state.popById.get(t.pop);
      if (p && p.lat !== undefined) {
        L.polyline([[s.lat, s.lon], [p.lat, p.lon]], { color: t.onNet ? '#1b7f5b' : '#b00020', weight: 1.5,
          dashArray: '3 3', className: 'tail-line' }).addTo(layer);
      }
    }
    L.circleMarker([s.lat, s.lon], { radius: 4, color: '#000', weight: 1, fillColor: s.refused ? '#b00020' : '#ffbf47',
      fillOpacity: 1, className: 'site-marker' })
      .bindTooltip(s.name + ' (' + s.id + ')<br>' + s.tails.map((t) => t.pop + ' ' + fmt(t.km, 1) + ' km '
        + (t.onNet ? 'on-net' : 'off-net' + (t.partner ? ' via ' + t.partner : ''))).join('<br>') + '<br>'
        + (s.refused ? 'REFUSED: ' + s.reason : 'availability ' + pct(s.availability, 4))).addTo(layer);
  }
  const mine = d.comparison && d.comparison[d.network] && d.comparison[d.network].whatItTakes;
  if (mine && mine.needed && mine.met) {
    for (const w of mine.spans) {
      const a = state.popById.get(w.a); const b = state.popById.get(w.b);
      if (a && b && a.lat !== undefined && b.lat !== undefined) {
        L.polyline([[a.lat, a.lon], [b.lat, b.lon]], { color: '#1f5fa8', weight: 5, opacity: 0.9, dashArray: '10 6',
          className: 'wave-line' }).bindTooltip('lease ' + a.name + ' – ' + b.name + ': ' + fmt(w.lengthKm, 1) + ' km, '
          + fmt(w.mrc, 2) + ' EUR a month').addTo(layer);
      }
    }
  }
  layer.addTo(state.map);
  state.layers.design = layer;

  const q = d.quote;
  const total = $('quote-total');
  total.textContent = fmtMoney(q.currency, q.totalContractValue);
  total.dataset.value = String(q.totalContractValue);
  $('quote-terms').textContent = '(NRC ' + fmtMoney(q.currency, q.nrc) + ' + MRC ' + fmtMoney(q.currency, q.mrc)
    + ' × ' + q.termMonths + ' months)';
  let tb = clearBody($('quote-lines'));
  for (const l of q.lines) {
    const tr = document.createElement('tr');
    cell(tr, l.site); cell(tr, l.item); cell(tr, fmt(l.nrc, 2), 'num'); cell(tr, fmt(l.mrc, 2), 'num');
    tb.appendChild(tr);
  }
  showComparison(d);
  showLatency(d);
  const basis = { 'every-hub': 'to every hub, with restoration', 'mean-over-pairs': 'mean over its pairs, with restoration',
    'to-anchor': 'to the anchor site, with restoration', 'static-path-to-anchor': 'static path to the anchor site' };
  $('availability').querySelector('caption').textContent = 'Predicted availability, lowest first: '
    + (basis[d.availabilityBasis] || d.availabilityBasis || 'static path to the anchor site');
  $('availability').dataset.basis = d.availabilityBasis || '';
  tb = clearBody($('availability'));
  for (const s of [...d.sites].sort((a, b) => (a.availability || 0) - (b.availability || 0))) {
    const tr = document.createElement('tr');
    cell(tr, s.name || s.id); cell(tr, [...new Set(s.tails.map((t) => t.pop))].join(' + '));
    cell(tr, fmt(s.tails[0].km, 1), 'num');
    cell(tr, s.refused ? 'refused: ' + s.reason : pct(s.availability, 4), 'num');
    tb.appendChild(tr);
  }
  $('design-result').hidden = false;
  $('order-msg').textContent = '';
  document.body.dataset.designId = d.id;
}

function showComparison(d) {
  const table = $('comparison');
  const head = table.querySelector('thead'); head.replaceChildren();
  const tb = clearBody(table);
  const comparison = d.comparison || { [d.network]: d.summary };
  const names = Object.keys(comparison);
  const hr = document.createElement('tr');
  for (const h of ['Figure', ...names]) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = h; hr.appendChild(th); }
  head.appendChild(hr);
  const rows = [['On-net sites', (s) => pct(s.onNetShare, 0)], ['Mean tail', (s) => fmt(s.meanTailKm, 1) + ' km'],
    ['95th percentile tail', (s) => fmt(s.p95TailKm, 1) + ' km'], ['Mean RTT', (s) => fmt(s.meanRttMs, 2) + ' ms'],
    ['Worst RTT', (s) => fmt(s.maxRttMs, 2) + ' ms'],
    ['Pairs over real-time target', (s) => String(s.realtimeBreaches)],
    ['Pairs over business target', (s) => String(s.businessBreaches)],
    ['Mean availability', (s) => pct(s.meanAvailability, 3)],
    ['Lowest availability', (s) => pct(s.minAvailability, 3)], ['Refused sites', (s) => String(s.refused)],
    ['Total contract value', (s) => fmtMoney(d.quote.currency, s.totalContractValue)]];
  for (const [label, f] of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th'); th.scope = 'row'; th.textContent = label; tr.appendChild(th);
    for (const n of names) cell(tr, f(comparison[n]), 'num');
    tb.appendChild(tr);
  }
  showWhatItTakes(d, comparison);
}

/* For the network that is slower on mean round trip: the waves that win, their cost beside the contract. */
function showWhatItTakes(d, comparison) {
  const box = $('what-it-takes');
  const tb = clearBody($('what-it-takes-spans'));
  const slower = Object.keys(comparison).find((n) => comparison[n].whatItTakes && comparison[n].whatItTakes.needed);
  box.hidden = !slower;
  if (!slower) return;
  const w = comparison[slower].whatItTakes;
  const money = (v) => fmtMoney(d.quote.currency, v);
  let text = 'On ' + slower + ' this customer\'s mean round trip is ' + fmt(w.meanRttMs, 2) + ' ms, on ' + w.competitor
    + ' ' + fmt(w.competitorMeanRttMs, 2) + ' ms. ';
  if (!w.met) {
    text += 'No set of up to 30 leased waves makes it faster (best found ' + fmt(w.afterMeanRttMs, 2) + ' ms).';
  } else {
    text += 'Leasing ' + w.spans.length + ' wave(s), ' + fmt(w.km, 0) + ' km, brings it to ' + fmt(w.afterMeanRttMs, 2)
      + ' ms for ' + money(w.mrc) + ' a month, ' + money(w.termCost) + ' over ' + w.termMonths + ' months: '
      + pct(w.shareOfContract, 2) + ' of the ' + money(w.contractValue) + ' contract value.'
      + (slower === d.network ? ' The waves are drawn dashed blue on the map.' : '');
  }
  $('what-it-takes-text').textContent = text;
  box.dataset.network = slower;
  box.dataset.termCost = String(w.termCost);
  for (const l of w.spans) {
    const tr = document.createElement('tr');
    const name = (id) => (slower === d.network && state.popById.get(id) ? state.popById.get(id).name : id);
    cell(tr, name(l.a)); cell(tr, name(l.b)); cell(tr, fmt(l.lengthKm, 1), 'num'); cell(tr, fmt(l.mrc, 2), 'num');
    tb.appendChild(tr);
  }
}

function showLatency(d) {
  const ids = d.sites.map((s) => s.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const canvas = $('latency-heatmap');
  const ctx = canvas.getContext('2d');
  const n = Math.max(1, ids.length);
  const size = canvas.width / n;
  ctx.fillStyle = '#f2f4f7'; ctx.fillRect(0, 0, canvas.width, canvas.height);
  const max = Math.max(1, ...d.latency.map((l) => l.rttMs));
  for (const l of d.latency) {
    const i = index.get(l.a); const j = index.get(l.b);
    ctx.fillStyle = utilColour(l.rttMs / max);
    ctx.fillRect(i * size, j * size, Math.max(1, size), Math.max(1, size));
    ctx.fillRect(j * size, i * size, Math.max(1, size), Math.max(1, size));
  }
  canvas.setAttribute('aria-label', 'Heat map of round-trip times between ' + ids.length + ' sites: green fast, red up to '
    + fmt(max, 1) + ' ms');
  const tb = clearBody($('latency-worst'));
  for (const l of [...d.latency].sort((a, b) => b.rttMs - a.rttMs).slice(0, 10)) {
    const tr = document.createElement('tr');
    cell(tr, l.a + ' – ' + l.b); cell(tr, fmt(l.km, 0), 'num'); cell(tr, fmt(l.rttMs, 2), 'num');
    cell(tr, l.realtimeOk ? 'met' : 'missed');
    tb.appendChild(tr);
  }
}

/* The design as the RFC 8299 service order, downloaded as a file (the API needs the token, so fetched first). */
$('l3sm-btn').addEventListener('click', async () => {
  try {
    const id = state.design.id;
    const order = await api('GET', '/designs/' + encodeURIComponent(id) + '/l3sm');
    const blob = new Blob([JSON.stringify(order, null, 2) + '\n'], { type: 'application/yang-data+json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = id + '-l3sm.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    const sites = order['ietf-l3vpn-svc:l3vpn-svc'].sites.site.length;
    document.body.dataset.l3smSites = String(sites);
    status('Service order (L3SM) of ' + id + ': ' + sites + ' sites');
  } catch (e) {
    $('order-msg').textContent = e.message;
  }
});

$('order-btn').addEventListener('click', async () => {
  if (!state.design) return;
  try {
    const o = await api('POST', '/orders', { designId: state.design.id }, { 'Idempotency-Key': 'order-' + state.design.id });
    $('order-msg').textContent = 'Order ' + o.id + ' placed (draft). Submit and reserve it under Orders.';
    document.body.dataset.orderId = o.id;
    status('Order ' + o.id + ' placed');
  } catch (e) {
    $('order-msg').textContent = e.message;
  }
});

/* ------------------------------------------------------------------ failures */

function fillFailureElements() {
  const kind = $('failure-kind').value;
  const select = $('failure-element');
  select.replaceChildren();
  if (kind === 'span') state.spans.forEach((s) => select.appendChild(new Option(s.id, 'span:' + s.id)));
  if (kind === 'pop') [...state.pops].sort((a, b) => a.name.localeCompare(b.name))
    .forEach((p) => select.appendChild(new Option(p.name, 'pop:' + p.id)));
  if (kind === 'srlg') [...new Set(state.spans.flatMap((s) => s.srlgs))].sort()
    .forEach((g) => select.appendChild(new Option(g, 'srlg:' + g)));
}
$('failure-kind').addEventListener('change', fillFailureElements);

$('failure-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  status('Failing ' + $('failure-element').value + '…');
  try {
    const r = await api('POST', '/failures', { network: state.network, fail: [$('failure-element').value] });
    clearLayer('failure');
    const layer = L.layerGroup();
    for (const id of r.failedSpans) {
      const s = state.spans.find((x) => x.id === id);
      const a = s && state.popById.get(s.a); const b = s && state.popById.get(s.b);
      if (a && b) L.polyline([[a.lat, a.lon], [b.lat, b.lon]], { color: '#000', weight: 6, className: 'failed-span' })
        .bindTooltip('failed: ' + id).addTo(layer);
    }
    for (const id of r.failedPops) {
      const p = state.popById.get(id);
      if (p && p.lat !== undefined) L.circleMarker([p.lat, p.lon], { radius: 9, color: '#000', weight: 3, fillColor: '#b00020',
        fillOpacity: 1, className: 'failed-pop' }).bindTooltip('failed: ' + p.name).addTo(layer);
    }
    for (const d of r.reroutedDemands.slice(0, 50)) {
      const pts = d.after.pops.map((id) => state.popById.get(id)).filter((p) => p && p.lat !== undefined).map((p) => [p.lat, p.lon]);
      L.polyline(pts, { color: '#e07b00', weight: 2, opacity: 0.6, className: 'rerouted-path' })
        .bindTooltip(d.from + ' → ' + d.to + ': ' + fmt(d.before.latencyMs, 2) + ' → ' + fmt(d.after.latencyMs, 2) + ' ms')
        .addTo(layer);
    }
    layer.addTo(state.map);
    state.layers.failure = layer;
    $('failure-summary').textContent = r.scenario + ': ' + r.affected + ' of ' + r.demands + ' demands hit, '
      + r.rerouted + ' rerouted, ' + r.lost + ' lost (' + fmt(r.lostGbps, 1) + ' Gbps); worst utilisation '
      + pct(r.maxUtilisation, 0) + ' (gravity traffic ' + fmt(r.gravityGbps, 0)
      + ' Gbps, scaled so the busiest span runs at 50 % before the failure).';
    let tb = clearBody($('failure-spans'));
    for (const s of r.worstSpans) {
      const tr = document.createElement('tr');
      cell(tr, s.id); cell(tr, pct(s.baselineUtilisation, 0), 'num'); cell(tr, pct(s.utilisation, 0), 'num');
      tb.appendChild(tr);
    }
    tb = clearBody($('failure-lost'));
    for (const d of r.lostDemands) {
      const tr = document.createElement('tr');
      cell(tr, d.from); cell(tr, d.to); cell(tr, fmt(d.gbps, 2), 'num');
      tb.appendChild(tr);
    }
    $('failure-result').hidden = false;
    status('What-if done');
  } catch (e) {
    $('failure-summary').textContent = e.message;
    $('failure-result').hidden = false;
  }
});

/* ------------------------------------------------------------------ orders */

const NEXT = { draft: ['submit', 'cancel'], submitted: ['reserve', 'cancel'], reserved: ['activate', 'cancel'],
  active: ['cease'], ceased: [], cancelled: [] };

async function loadOrders() {
  const orders = await api('GET', '/orders?limit=200');
  const tb = clearBody($('orders-table'));
  for (const o of orders) {
    const tr = document.createElement('tr');
    tr.dataset.order = o.id;
    cell(tr, o.id); cell(tr, o.customer); cell(tr, o.network); cell(tr, fmt(o.totalGbps, 2), 'num');
    cell(tr, o.state, 'state');
    const actions = cell(tr, '');
    if (can('planner')) {
      for (const a of NEXT[o.state]) {
        const b = button(a, 'order-action', a + ' order ' + o.id, () => orderAction(o.id, a));
        b.dataset.action = a;
        actions.append(b, ' ');
      }
    }
    tb.appendChild(tr);
  }
  document.body.dataset.ordersLoaded = String(orders.length);
}

async function orderAction(id, action) {
  try {
    const o = await api('POST', '/orders/' + id + '/' + action, undefined, { 'Idempotency-Key': action + '-' + id });
    $('orders-msg').textContent = 'Order ' + id + ' is now ' + o.state + '.';
  } catch (e) {
    $('orders-msg').textContent = e.message;
  }
  await loadOrders();
  if (state.network) await showNetwork(state.network);
}
$('refresh-orders').addEventListener('click', loadOrders);

/* ------------------------------------------------------------------ portfolio */

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, parent) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (parent) parent.appendChild(e);
  return e;
}

async function loadPortfolio() {
  const p = await api('GET', '/portfolio');
  const facts = $('portfolio-facts');
  facts.replaceChildren();
  const money = (v) => p.currency + ' ' + fmt(v, 2);
  const status = { 'on-track': 'on track', behind: 'behind the target', 'no-full-month': 'no full month yet' }[p.status];
  for (const [k, v] of [['Active', money(p.activeMrc) + ' a month'], ['Pipeline', money(p.pipelineMrc) + ' a month'],
    ['Target', '+' + pct(p.targetGrowth, 0) + ' a year'],
    ['Last full month', p.lastFullMonth ? p.lastFullMonth + ': ' + status : status]]) {
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v;
    facts.append(dt, dd);
  }
  facts.dataset.status = p.status;
  const tb = clearBody($('pipeline-table'));
  for (const [st, n] of Object.entries(p.orders)) {
    const tr = document.createElement('tr');
    cell(tr, st); cell(tr, String(n), 'num');
    tb.appendChild(tr);
  }
  drawPortfolio(p);
  document.body.dataset.portfolioLoaded = String(p.history.length);
}

/** The history (solid, a dot a month) and the target curve over it and the 36 months ahead (dashed). */
function drawPortfolio(p) {
  const chart = $('portfolio-chart');
  chart.replaceChildren();
  const W = 640; const H = 280; const L0 = 70; const R0 = 10; const T0 = 12; const B0 = 30;
  const months = p.history.map((m) => m.month).concat(p.projection.map((m) => m.month));
  if (months.length === 0) {
    svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'chart-empty' }, chart).textContent =
      'No revenue yet: the chart starts with the first active order.';
    return;
  }
  const values = p.history.map((m) => m.activeMrc).concat(p.history.map((m) => m.targetMrc),
    p.projection.map((m) => m.targetMrc));
  const max = Math.max(...values) * 1.05 || 1;
  const x = (i) => L0 + (months.length === 1 ? 0 : i * (W - L0 - R0) / (months.length - 1));
  const y = (v) => T0 + (1 - v / max) * (H - T0 - B0);
  svg('line', { x1: L0, y1: y(0), x2: W - R0, y2: y(0), class: 'axis' }, chart);
  svg('line', { x1: L0, y1: T0, x2: L0, y2: y(0), class: 'axis' }, chart);
  for (const f of [0, 0.5, 1]) {
    svg('text', { x: L0 - 6, y: y(max * f) + 4, 'text-anchor': 'end', class: 'tick' }, chart).textContent =
      fmt(max * f, 0);
  }
  for (const i of [...new Set([0, p.history.length - 1, months.length - 1])]) {
    const anchor = i === 0 ? 'start' : i === months.length - 1 ? 'end' : 'middle';
    svg('text', { x: x(i), y: H - 10, 'text-anchor': anchor, class: 'tick' }, chart).textContent = months[i];
  }
  const target = p.history.map((m, i) => [i, m.targetMrc, m.month])
    .concat(p.projection.map((m, i) => [p.history.length + i, m.targetMrc, m.month]));
  svg('polyline', { points: target.map(([i, v]) => x(i) + ',' + y(v)).join(' '), class: 'target-line' }, chart);
  for (const [i, v, month] of target) {
    svg('circle', { cx: x(i), cy: y(v), r: 1.8, class: 'target-point', 'data-month': month, 'data-mrc': v }, chart);
  }
  svg('polyline', { points: p.history.map((m, i) => x(i) + ',' + y(m.activeMrc)).join(' '), class: 'actual-line' },
    chart);
  p.history.forEach((m, i) => {
    const c = svg('circle', { cx: x(i), cy: y(m.activeMrc), r: 3.5, class: 'actual-point' + (m.complete ? '' : ' partial'),
      'data-month': m.month, 'data-mrc': m.activeMrc }, chart);
    svg('title', {}, c).textContent = m.month + ': ' + p.currency + ' ' + fmt(m.activeMrc, 2) + ' a month (target '
      + fmt(m.targetMrc, 2) + ')' + (m.complete ? '' : ', so far');
  });
}
$('refresh-portfolio').addEventListener('click', loadPortfolio);
$('span-colour').addEventListener('change', () => { if (state.network) showNetwork(state.network); });

/* ------------------------------------------------------------------ import (admin) */

$('import-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const file = $('import-file').files[0];
  const name = $('import-name').value.trim();
  try {
    const r = await api('POST', '/networks?name=' + encodeURIComponent(name) + '&format=' + $('import-format').value,
      await file.text(), { 'Content-Type': 'application/octet-stream' });
    $('import-msg').textContent = 'Imported ' + r.name + ': ' + r.pops + ' PoPs, ' + r.spans + ' spans.';
    state.networks.push(r);
    $('network-select').appendChild(new Option(r.name + ' (' + r.pops + ' PoPs)', r.name));
    $('compare-network').appendChild(new Option(r.name, r.name));
  } catch (e) {
    $('import-msg').textContent = e.message;
  }
});

/* ------------------------------------------------------------------ tokens (admin) */

/** A cell with an instant as 'YYYY-MM-DD HH:MM' (UTC, as the API gives it), date and time each kept whole. */
function whenCell(tr, instant, suffix) {
  const td = cell(tr, instant ? '' : '-');
  if (instant) {
    for (const part of [instant.substring(0, 10), instant.substring(11, 16)]) {
      const s = document.createElement('span');
      s.className = 'nowrap';
      s.textContent = part;
      td.append(s, ' ');
    }
    td.append(suffix);
  }
  return td;
}

async function loadTokens() {
  const tokens = await api('GET', '/tokens');
  const tb = clearBody($('tokens-table'));
  for (const t of tokens) {
    const tr = document.createElement('tr');
    tr.dataset.token = t.id;
    cell(tr, t.id); cell(tr, t.role); whenCell(tr, t.createdAt, ''); cell(tr, t.createdBy);
    whenCell(tr, t.revokedAt, t.revokedAt ? ' by ' + t.revokedBy : '').classList.add('revoked');
    const actions = cell(tr, '');
    if (!t.revokedAt) {
      actions.appendChild(button('revoke', 'token-revoke', 'revoke ' + t.id, () => revokeToken(t.id)));
    }
    tb.appendChild(tr);
  }
  document.body.dataset.tokensLoaded = String(tokens.length);
}

async function revokeToken(id) {
  try {
    await api('POST', '/tokens/' + encodeURIComponent(id) + '/revoke');
    $('tokens-msg').textContent = id + ' is revoked.';
  } catch (e) {
    $('tokens-msg').textContent = e.message;
  }
  await loadTokens();
}

$('token-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const t = await api('POST', '/tokens', { role: $('token-role').value });
    $('new-token').value = t.token;
    $('new-token-box').hidden = false;
    $('new-token').select();
    $('tokens-msg').textContent = 'Issued ' + t.id + ' (' + t.role + ').';
  } catch (e) {
    $('tokens-msg').textContent = e.message;
  }
  await loadTokens();
});

/* ------------------------------------------------------------------ boot */

const saved = sessionStorage.getItem('wanplan.token');
if (saved) signIn(saved);
