// Runs m4l/loopsmith.js under Node with stand-ins for what Max gives a [js] object (File, outlet, post, LiveAPI,
// messagename, dispatch by message name) and for Live's Session View (tracks of clip slots holding clips), for M4lDeviceTest.
// Usage: node m4l-harness.js SCRIPT RESULTS_FOLDER MIDI_FILE…
//   Prints one JSON line per MIDI file ({file, notes, beats} or {file, error}) and then {replies: […]}, the status
//   lines the script showed while the test's replies arrived, and {inserted: n}, the clips it put into Live.
// Usage: node m4l-harness.js SCRIPT --serve   (see serve() below)
// Usage: node m4l-harness.js SCRIPT --tools
//   Runs the Tool menu's scenarios, each on a fresh script and Live set, and prints one JSON line per scenario:
//   {scenario, sent (OSC messages but pings), statuses, clips (the A/B line), slots (per track: null or {name, beats,
//   made, notes}: notes [[pitch, start, length, velocity]…] for a clip the script made, the count for one of the set),
//   deleted (clip slots whose clip was deleted)}.
'use strict';
const fs = require('fs');
const vm = require('vm');
const [script, resultsFolder, ...midiFiles] = process.argv.slice(2);

// A Live set: {tempo, highlighted: [track, slot] or null, tracks: [[clip or null, …], …]}, a clip {beats, loopStart,
// notes: [{pitch, start_time, duration, velocity, mute}], legacy (no get_notes_extended: Live before 11), audio}.
function load(set) {
  const outlets = [];
  const statuses = [];
  const liveCalls = [];
  function File(path) {
    try { this.data = fs.readFileSync(path); this.isopen = true; } catch (e) { this.isopen = false; this.data = Buffer.alloc(0); }
    this.pos = 0;
    this.eof = this.data.length;
  }
  File.prototype.readbytes = function (n) { const out = Array.from(this.data.subarray(this.pos, this.pos + n)); this.pos += out.length; return out; };
  File.prototype.close = function () {};
  // Paths resolve as Live's do: "live_set view highlighted_clip_slot" becomes the slot's own path; nothing is id 0.
  function LiveAPI(path) {
    if (path === 'live_set view highlighted_clip_slot')
      path = set.highlighted ? `live_set tracks ${set.highlighted[0]} clip_slots ${set.highlighted[1]}` : '';
    let m;
    this.kind = null;
    if (path === 'live_set') this.kind = 'set';
    else if ((m = /^live_set tracks (\d+)$/.exec(path)) && set.tracks[m[1]]) { this.kind = 'track'; this.t = +m[1]; }
    else if ((m = /^live_set tracks (\d+) clip_slots (\d+)( clip)?$/.exec(path)) && set.tracks[m[1]] && +m[2] < set.tracks[m[1]].length) {
      this.t = +m[1]; this.s = +m[2];
      this.kind = m[3] ? (set.tracks[this.t][this.s] ? 'clip' : null) : 'slot';
    }
    this.id = this.kind ? 1 : 0;
    this.unquotedpath = this.kind ? path : '';
    this.path = JSON.stringify(this.unquotedpath);
  }
  LiveAPI.prototype.clip = function () { return set.tracks[this.t][this.s]; };
  LiveAPI.prototype.get = function (p) {
    if (this.kind === 'set' && p === 'tempo') return [set.tempo];
    if (this.kind === 'slot' && p === 'has_clip') return [this.clip() ? 1 : 0];
    if (this.kind === 'clip') {
      const c = this.clip();
      if (p === 'length') return [c.beats];
      if (p === 'loop_start') return [c.loopStart || 0];
      if (p === 'is_midi_clip') return [c.audio ? 0 : 1];
    }
    return [0];
  };
  LiveAPI.prototype.getcount = function (p) { return this.kind === 'track' && p === 'clip_slots' ? set.tracks[this.t].length : 0; };
  LiveAPI.prototype.set = function (p, v) { if (this.kind === 'clip' && p === 'name') this.clip().name = v; };
  LiveAPI.prototype.call = function (f, ...a) {
    liveCalls.push([f, ...a]);
    if (this.kind === 'slot' && f === 'create_clip') {
      if (this.clip()) throw new Error('slot ' + this.s + ' already has a clip');
      set.tracks[this.t][this.s] = { beats: a[0], notes: [], made: true };
    }
    if (this.kind === 'slot' && f === 'delete_clip') { set.tracks[this.t][this.s] = null; (set.deleted = set.deleted || []).push([this.t, this.s]); }
    if (this.kind !== 'clip') return undefined;
    const c = this.clip();
    const inTime = (from, span) => c.notes.filter((n) => n.start_time >= from && n.start_time < from + span);
    if (f === 'get_notes_extended') {
      if (c.legacy) return undefined;                          // Max posts "no such function" and returns nothing
      return JSON.stringify({ notes: inTime(a[2], a[3]).map((n, i) => ({ note_id: i + 1, probability: 1, ...n })) });
    }
    if (f === 'get_notes') {
      const out = ['notes', 0];
      for (const n of inTime(a[0], a[2])) { out.push('note', n.pitch, n.start_time, n.duration, n.velocity, n.mute || 0); out[1]++; }
      return out.concat(['done']);
    }
    if (f === 'add_new_notes') c.notes = c.notes.concat(a[0].notes);
    return undefined;
  };
  const ctx = {
    File, LiveAPI, post: () => {},
    outlet: (n, ...a) => {
      if (a.length === 1 && Array.isArray(a[0])) a = a[0];     // outlet(0, [address, args…]) sends one message as well
      outlets.push([n, ...a]);
      if (n === 2) statuses.push(a.slice(1).join(' '));
    },
    arrayfromargs: (a) => Array.from(a),
    messagename: '',
  };
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(script, 'utf8'), ctx);
  // A control message from the patch ("tool Groove") goes to the function of its name or to anything(), as Max's js
  // does; an OSC reply from [udpreceive] comes through [prepend osc].
  const reply = (address, ...args) => {
    if (address.startsWith('/')) return ctx.osc(address, ...args);
    ctx.messagename = address;
    return typeof ctx[address] === 'function' ? ctx[address](...args) : ctx.anything(...args);
  };
  const sent = () => outlets.filter((o) => o[0] === 0).map((o) => o.slice(1));
  return { ctx, outlets, statuses, liveCalls, reply, sent, set };
}

function replies() {
  const { ctx, statuses, liveCalls, reply, sent } = load({ tempo: 120, highlighted: [0, 0], tracks: [[null, null]] });
  for (const f of midiFiles) {
    try {
      const clip = ctx.readMidi(f);
      console.log(JSON.stringify({ file: f, notes: clip.notes.length, beats: clip.lengthBeats }));
    } catch (e) {
      console.log(JSON.stringify({ file: f, error: String(e) }));
    }
  }
  const generated = () => sent().filter((o) => o[0] === '/loopsmith/generate');
  ctx.generate();
  const ping = sent().find((o) => o[0] === '/loopsmith/ping');
  const key = ping[2];
  const request = generated()[0][6];
  const before = statuses.length;
  reply('/loopsmith/pong', 'v', 'someone-else', '/etc');                 // a pong to another key: no folder taken
  reply('/loopsmith/queued', 'job-x', 'another-request');                // not our request
  reply('/loopsmith/done', 'job-x', 'folder', 'Full_120bpm.mid');        // before any queued: ignored
  reply('/loopsmith/error', 'job-x', 'spoofed');                         // not ours
  reply('/loopsmith/pong', 'v', key, resultsFolder);
  reply('/loopsmith/queued', 'job-1', request);
  reply('/loopsmith/progress', 'job-2', 0.5);                            // another job: ignored
  reply('/loopsmith/progress', 'job-1', 0.5);
  reply('/loopsmith/done', 'job-1', '..', '../../x.mid');                // odd names: nothing read
  ctx.generate();
  reply('/loopsmith/queued', 'job-2', generated()[1][6]);
  reply('/loopsmith/notes', 'job-9', 'Full', 4, 0, 1, 60, 0, 1, 100);     // another job's notes: ignored
  reply('/loopsmith/done', 'job-2', 'result', 'Full_120bpm.mid');        // no notes sent: the file is read (4 notes)
  ctx.generate();
  reply('/loopsmith/queued', 'job-3', generated()[2][6]);
  reply('/loopsmith/notes', 'job-3', 'Full', 8, 1, 2, 64, 4, 0.5, 90);    // chunks in any order
  reply('/loopsmith/notes', 'job-3', 'Full', 8, 0, 2, 60, 0, 1, 100, 62, 1.5, 0.25, 80);
  reply('/loopsmith/notes', 'job-3', 'Bass', 8, 0, 1, 36, 0, 2, 100);
  reply('/loopsmith/done', 'job-3', 'result', 'Full_120bpm.mid');        // the sent notes (3), no file needed
  ctx.generate();
  reply('/loopsmith/queued', 'job-4', generated()[3][6]);
  reply('/loopsmith/notes', 'job-4', 'Full', 8, 0, 1, 60, 0, 1, 100, 200, 1, 1, 90);   // pitch 200: the part is spoiled
  reply('/loopsmith/done', 'job-4', 'result', 'Full_120bpm.mid');        // so the file is read instead (4 notes)
  ctx.generate();
  reply('/loopsmith/queued', 'job-5', generated()[4][6]);
  reply('/loopsmith/notes', 'job-5', 'Full', 8, 0, 2, 60, 0, 1, 100);     // one chunk of two
  reply('/loopsmith/pong', 'v', key, '');                                // the server is elsewhere: no folder
  reply('/loopsmith/done', 'job-5', 'result', 'Full_120bpm.mid');        // incomplete notes and no file: nothing inserted
  console.log(JSON.stringify({ key, request, replies: statuses.slice(before) }));
  console.log(JSON.stringify({ inserted: liveCalls.filter((c) => c[0] === 'create_clip').length,
    notes: liveCalls.filter((c) => c[0] === 'add_new_notes').map((c) => c[1].notes.length) }));
}

// --- The Tool menu ---------------------------------------------------------------------------------------------------
const note = (pitch, start, duration, velocity, mute) => ({ pitch, start_time: start, duration, velocity, mute: mute ? 1 : 0 });
const clip = (beats, notes, more) => ({ beats, notes, name: 'mine', ...more });
const full = () => clip(4, [note(60, 0, 1, 100)]);

function report(scenario, h) {
  const slots = h.set.tracks.map((t) => t.map((c) => c && { name: c.name, beats: c.beats, made: !!c.made,
    notes: c.made ? c.notes.map((n) => [n.pitch, n.start_time, n.duration, n.velocity]) : c.notes.length }));
  const clips = h.outlets.filter((o) => o[0] === 4).map((o) => o.slice(2).join(' '));
  console.log(JSON.stringify({ scenario, sent: h.sent().filter((o) => o[0] !== '/loopsmith/ping'), statuses: h.statuses,
    clips: clips[clips.length - 1] || '', slots, deleted: h.set.deleted || [] }));
}

function tools() {
  const request = (h) => { const s = h.sent().filter((o) => o[0] !== '/loopsmith/ping'); return s[s.length - 1]; };

  // Groove: the selected drum clip's notes (a muted hat left out, a velocity Live keeps as a float rounded, a note
  // longer than the clip cut at its end); the reply goes below it: slot 1 selected and full, slot 2 full, slot 3 empty.
  let h = load({ tempo: 97.5, highlighted: [0, 0], tracks: [[
    clip(8, [note(36, 0, 0.25, 100), note(38, 1, 0.25, 90.4), note(42, 1.5, 0.25, 80, true), note(42, 7.5, 2, 70)]),
    full(), null, null]] });
  h.reply('tool', 'Groove');
  for (const address of ['run', 'groove', 'generate', 'seta', 'text']) h.ctx.osc(address, 'x');  // UDP packets named like buttons
  h.reply('amount', 0.25);
  h.reply('genre', 'funk');
  h.reply('seed', 7);
  h.ctx.run();
  let r = request(h)[7];
  h.reply('/loopsmith/grooved', 'another-request', 1, 1);                 // spoofed: another request's end
  h.reply('/loopsmith/notes', 'another-request', 'Drums', 8, 0, 1, 50, 0, 1, 100);   // spoofed: another request's notes
  h.reply('/loopsmith/queued', 'job-x', r);                               // a groove has no job: a queued for it is spoofed
  h.reply('/loopsmith/notes', r, 'Drums', 8, 1, 2, 38, 1.02, 0.25, 95);
  h.reply('/loopsmith/notes', r, 'Drums', 8, 0, 2, 36, 0.01, 0.25, 110, 42, 7.49, 0.5, 72);
  h.reply('/loopsmith/grooved', r, 7, 3);
  h.reply('/loopsmith/grooved', r, 7, 3);                                 // again: the request is answered, ignored
  report('groove', h);

  // Drumify on Live's older note API (get_notes), a looped clip whose loop starts at beat 4, on the second track;
  // an emptied genre field ("genre" then "bang", as an empty textedit may answer) is "any".
  h = load({ tempo: 120, highlighted: [1, 0], tracks: [[null, null], [
    clip(16, [note(40, 2, 1, 100), note(40, 4, 1, 100), note(43, 5.5, 0.5, 90)], { loopStart: 4, legacy: true }), full(), null]] });
  h.reply('tool', 'Drumify');
  h.reply('genre', 'house');
  h.reply('genre');
  h.reply('genre', 'bang');
  h.ctx.run();
  r = request(h)[7];
  h.reply('/loopsmith/queued', 'job-d', r);
  h.reply('/loopsmith/progress', 'job-d', 0.5);
  h.reply('/loopsmith/notes', 'job-other', 'Drums', 16, 0, 1, 50, 0, 1, 100);   // another job's notes: ignored
  h.reply('/loopsmith/notes', 'job-d', 'ClipNotes', 16, 0, 1, 40, 0, 1, 100);
  h.reply('/loopsmith/notes', 'job-d', 'Drums', 16, 0, 1, 36, 0, 0.5, 100, 38, 4, 0.5, 100);
  h.reply('/loopsmith/done', 'job-other', 'result', 'Drums_120bpm.mid');         // another job's end: ignored
  h.reply('/loopsmith/done', 'job-d', 'result', 'Drums_120bpm.mid', 'ClipNotes_120bpm.mid');
  report('drumify', h);

  // Interpolate: Set A and Set B, refused until both are set and as long as each other; then the morph goes below the
  // selected slot 3: slot 4 is full, slot 5 empty.
  h = load({ tempo: 120, highlighted: [0, 0], tracks: [[
    clip(8, [note(36, 0, 0.5, 100), note(38, 4, 0.5, 100)]), clip(16, [note(36, 0, 1, 100)]),
    clip(8, [note(36, 0, 0.5, 90), note(42, 2, 0.5, 80), note(38, 4, 0.5, 110)]), full(), null, null]] });
  h.reply('tool', 'Interpolate');
  h.reply('seed', 11);
  h.ctx.run();                                                             // neither set
  h.ctx.seta();
  h.ctx.run();                                                             // B not set
  h.set.highlighted = [0, 1];
  h.ctx.setb();
  h.ctx.run();                                                             // 2 bars against 4
  h.set.highlighted = [0, 4];
  h.ctx.setb();                                                            // an empty slot: B stays
  h.set.highlighted = [0, 2];
  h.ctx.setb();
  h.ctx.run();
  r = request(h)[7];
  h.reply('/loopsmith/notes', r, 'Interpolation', 40, 0, 1, 36, 0, 1, 100);     // notes before queued, under the request id: ignored
  h.reply('/loopsmith/queued', 'job-i', r);
  h.reply('/loopsmith/notes', 'job-i', 'Interpolation', 40, 1, 2, 38, 36, 0.5, 110);
  h.reply('/loopsmith/notes', 'job-i', 'Interpolation', 40, 0, 2, 36, 0, 0.5, 100, 38, 4, 0.5, 100);
  h.reply('/loopsmith/done', 'job-i', 'result', 'Interpolation_120bpm.mid');
  report('interpolate', h);

  // Refused before anything is sent: an empty clip, an empty slot, no slot, too many notes, an audio clip, Set A on
  // an empty clip.
  const many = [];
  for (let i = 0; i < 3001; i++) many.push(note(36 + (i % 40), (i % 64) / 16, 0.0625, 100));
  h = load({ tempo: 120, highlighted: [0, 0], tracks: [[clip(4, []), null, clip(4, many), clip(4, [], { audio: true })]] });
  for (const [tool, slot] of [['Groove', [0, 0]], ['Drumify', [0, 0]], ['Groove', [0, 1]], ['Drumify', null], ['Groove', [0, 2]],
    ['Drumify', [0, 3]]]) {
    h.set.highlighted = slot;
    h.reply('tool', tool);
    h.ctx.run();
  }
  h.set.highlighted = [0, 0];
  h.ctx.seta();
  report('refused', h);

  // No empty slot below the clip: the grooved clip goes nowhere, and nothing is overwritten.
  h = load({ tempo: 120, highlighted: [0, 0], tracks: [[clip(4, [note(36, 0, 0.25, 100)]), full()]] });
  h.reply('tool', 'Groove');
  h.ctx.run();
  r = request(h)[7];
  h.reply('/loopsmith/notes', r, 'Drums', 4, 0, 1, 36, 0.02, 0.25, 100);
  h.reply('/loopsmith/grooved', r, 5, 1);
  report('full', h);
}

// The script against the real server: a two-bar beat grooved; the request goes out as the first line, the server's
// replies come back on stdin (one JSON array [address, args…] a line), then the scenario's report.
function serve() {
  const beat = [];
  for (let eighth = 0; eighth < 16; eighth++) {
    beat.push(note(42, eighth / 2, 0.25, 100));
    if (eighth % 4 === 0) beat.push(note(36, eighth / 2, 0.25, 100));
    if (eighth % 4 === 2) beat.push(note(38, eighth / 2, 0.25, 100));
  }
  const h = load({ tempo: 100, highlighted: [0, 0], tracks: [[clip(8, beat), full(), null]] });
  h.reply('tool', 'Groove');
  h.reply('genre', 'funk');
  h.reply('seed', 7);
  h.ctx.run();
  console.log(JSON.stringify({ request: h.sent().filter((o) => o[0] === '/loopsmith/groove')[0] }));
  for (const line of fs.readFileSync(0, 'utf8').split('\n').filter((l) => l.trim())) h.reply(...JSON.parse(line));
  report('serve', h);
}

if (resultsFolder === '--tools') tools();
else if (resultsFolder === '--serve') serve();
else replies();
