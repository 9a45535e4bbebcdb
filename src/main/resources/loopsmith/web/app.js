// The Loopsmith page: posts a generation to /api/generate, polls /api/jobs/{id}, and shows each result folder as a
// card (piano roll, one native audio player per stem, file links, zip). Plain JS, no framework: nothing to fetch.
'use strict';

const $ = (id) => document.getElementById(id);

// The server writes its per-start token into the page; every API call sends it, and file URLs (images, players,
// download links cannot send headers) carry it as a query parameter. Another site's page cannot read this page.
const TOKEN = document.querySelector('meta[name=loopsmith-token]').content;

function api(path, options = {}) {
  return fetch(path, { ...options, headers: { ...(options.headers || {}), 'X-Loopsmith-Token': TOKEN } });
}

const withToken = (url) => `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(TOKEN)}`;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function formRequest() {
  const r = {};
  const text = $('text').value.trim();
  if (text) r.text = text;
  for (const f of ['genre', 'mood', 'key', 'density', 'feel']) {
    const v = $(f).value.trim();
    if (v) r[f] = v;
  }
  for (const f of ['bpm', 'bars', 'seed', 'variations', 'swing']) {
    const v = $(f).value.trim();
    if (v) r[f] = Number(v);
  }
  const t = $('temperature').value.trim();
  if (t) r.temperature = Number(t);
  const roles = [...document.querySelectorAll('input[name=roles]:checked')].map((c) => c.value);
  if (roles.length) r.roles = roles;
  r.audio = $('audio').checked;
  r.split_drums = $('split_drums').checked;
  return r;
}

async function postGenerate(request) {
  const file = $('seed_midi').files[0];
  const clip = $('clip').files[0];
  let res;
  if (file || clip) {
    // Uploads go as multipart: the JSON request plus the seed MIDI and/or the audio clip whose tempo, key and groove lead.
    const body = new FormData();
    body.append('request', JSON.stringify(request));
    if (file) body.append('seed_midi', file);
    if (clip) body.append('audio', clip);
    res = await api('/api/generate', { method: 'POST', body });
  } else {
    res = await api('/api/generate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
  }
  const doc = await res.json();
  if (res.status === 429) throw new Error(`busy: ${doc.reason}`);
  if (!res.ok) throw new Error(doc.reason || res.statusText);
  return doc.job;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let currentJob = null;

async function waitFor(job) {
  currentJob = job;
  for (;;) {
    const res = await api(`/api/jobs/${encodeURIComponent(job)}`);
    const doc = await res.json();
    if (!res.ok) throw new Error(doc.reason || res.statusText);
    $('progress').value = doc.progress;
    setStatus(`${doc.status}… ${Math.round(doc.progress * 100)}%`);
    if (doc.status === 'done') return doc;
    if (doc.status === 'failed' || doc.status === 'cancelled') throw new Error(doc.error);
    await sleep(300);
  }
}

function setStatus(text, error = false) {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
}

function card(result) {
  const facts = [result.genre, result.bpm && `${result.bpm} BPM`, result.key, result.time_signature,
    result.bars && `${result.bars} bars`, result.seed && `seed ${result.seed}`].filter(Boolean).join(' · ');
  const c = el('article', { class: 'card', 'data-folder': result.folder },
    el('h3', {}, result.folder), el('div', { class: 'facts' }, facts));
  const roll = result.files.find((f) => f.name === 'piano-roll.png');
  if (roll) c.append(el('img', { class: 'roll', src: withToken(roll.url), alt: `piano roll of ${result.folder}` }));
  const stems = result.files.filter((f) => f.kind === 'audio');
  if (stems.length) {
    const grid = el('div', { class: 'stems' });
    for (const s of stems) {
      const audio = el('audio', { controls: '', preload: 'none', src: withToken(s.url) });
      grid.append(el('div', { class: 'stem' }, s.name.replace(/\.wav$/, ''), audio));
    }
    c.append(grid);
  }
  const links = el('div', { class: 'files' });
  for (const f of result.files.filter((f) => f.kind === 'midi')) links.append(el('a', { href: withToken(f.url), download: f.name }, f.name));
  links.append(el('a', { href: withToken(result.zip_url), download: `${result.folder}.zip`, class: 'zip' }, 'Download folder (.zip)'));
  c.append(links);
  return c;
}

async function refreshHistory() {
  const res = await api('/api/results');
  if (!res.ok) return;
  const doc = await res.json();
  const h = $('history');
  h.replaceChildren();
  for (const r of doc.results) {
    const item = el('div', { class: 'item' }, el('span', {}, r.folder), el('span', { class: 'muted' }, r.text || ''));
    item.addEventListener('click', () => $('results').prepend(card(r)));
    h.append(item);
  }
  if (!doc.results.length) h.append(el('p', { class: 'muted' }, 'Nothing yet.'));
}

async function health() {
  try {
    const doc = await (await api('/api/health')).json();
    $('health').textContent = `v${doc.version} · ${doc.running} running · ${doc.queued} queued`;
  } catch (e) {
    $('health').textContent = 'server unreachable';
  }
}

// Drumify takes the clip from either file input: a MIDI file of any instrument, or an audio clip.
async function postDrumify() {
  const clip = $('seed_midi').files[0] || $('clip').files[0];
  if (!clip) throw new Error('drumify needs a clip: choose a MIDI file or an audio clip');
  const all = formRequest();
  const request = {};
  for (const f of ['genre', 'bars', 'seed', 'audio', 'split_drums']) if (all[f] !== undefined) request[f] = all[f];
  const body = new FormData();
  body.append('request', JSON.stringify(request));
  body.append('clip', clip);
  const res = await api('/api/drumify', { method: 'POST', body });
  const doc = await res.json();
  if (res.status === 429) throw new Error(`busy: ${doc.reason}`);
  if (!res.ok) throw new Error(doc.reason || res.statusText);
  return doc.job;
}

// Interpolate takes clip A from Seed MIDI and clip B from its own input; the result is a job like Drumify's.
async function postInterpolate() {
  const a = $('seed_midi').files[0];
  const b = $('clip_b').files[0];
  if (!a || !b) throw new Error('interpolate needs two MIDI clips: A as Seed MIDI, B as Clip B');
  const all = formRequest();
  const request = { steps: Number($('steps').value) || 5 };
  for (const f of ['genre', 'seed', 'audio']) if (all[f] !== undefined) request[f] = all[f];
  const body = new FormData();
  body.append('request', JSON.stringify(request));
  body.append('clip_a', a);
  body.append('clip_b', b);
  const res = await api('/api/interpolate', { method: 'POST', body });
  const doc = await res.json();
  if (res.status === 429) throw new Error(`busy: ${doc.reason}`);
  if (!res.ok) throw new Error(doc.reason || res.statusText);
  return doc.job;
}

$('interpolate').addEventListener('click', () => runJob(postInterpolate));

$('generate').addEventListener('submit', (ev) => {
  ev.preventDefault();
  runJob(() => postGenerate(formRequest()));
});

$('drumify').addEventListener('click', () => runJob(postDrumify));

// Groove answers at once with the grooved MIDI file (no job): it is offered as a download in a small card.
$('groove').addEventListener('click', async () => {
  const clip = $('seed_midi').files[0];
  if (!clip) { setStatus('groove needs a MIDI drum clip: choose one as Seed MIDI', true); return; }
  const all = formRequest();
  const request = {};
  for (const f of ['genre', 'seed']) if (all[f] !== undefined) request[f] = all[f];
  const body = new FormData();
  body.append('request', JSON.stringify(request));
  body.append('clip', clip);
  $('groove').disabled = true;
  setStatus('grooving…');
  try {
    const res = await api('/api/groove', { method: 'POST', body });
    if (!res.ok) {
      const doc = await res.json().catch(() => ({}));
      throw new Error(doc.reason || res.statusText);
    }
    const url = URL.createObjectURL(await res.blob());
    const name = clip.name.replace(/\.midi?$/i, '') + '-grooved.mid';
    const hits = res.headers.get('X-Loopsmith-Hits');
    $('results').prepend(el('article', { class: 'card grooved' },
      el('h3', {}, `${clip.name}, grooved`),
      el('p', { class: 'files' }, el('a', { href: url, download: name }, name)),
      el('p', { class: 'muted' }, `${hits} hits · seed ${res.headers.get('X-Loopsmith-Seed')}`)));
    setStatus(`grooved: ${hits} hits`);
  } catch (e) {
    setStatus(e.message, true);
  } finally {
    $('groove').disabled = false;
  }
});

async function runJob(post) {
  $('go').disabled = true;
  $('drumify').disabled = true;
  $('interpolate').disabled = true;
  $('cancel').hidden = false;
  $('progress').hidden = false;
  $('progress').value = 0;
  setStatus('queued…');
  try {
    const job = await waitFor(await post());
    for (const r of job.results) $('results').prepend(card(r));
    setStatus(`done in ${job.seconds.toFixed(1)} s`);
    refreshHistory();
  } catch (e) {
    setStatus(e.message, true);
  } finally {
    currentJob = null;
    $('cancel').hidden = true;
    $('go').disabled = false;
    $('drumify').disabled = false;
    $('interpolate').disabled = false;
    $('progress').hidden = true;
    health();
  }
}

$('cancel').addEventListener('click', async () => {
  if (currentJob) await api(`/api/jobs/${encodeURIComponent(currentJob)}`, { method: 'DELETE' });
});

health();
refreshHistory();
