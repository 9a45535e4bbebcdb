// Runs m4l/loopsmith.js under Node with stand-ins for what Max gives a [js] object (File, outlet, post, LiveAPI,
// messagename), for M4lDeviceTest. Usage: node m4l-harness.js SCRIPT RESULTS_FOLDER MIDI_FILE…
// Prints one JSON line per MIDI file ({file, notes, beats} or {file, error}) and then {replies: […]}, the status
// lines the script showed while the test's replies arrived, and {inserted: n}, the clips it put into Live.
'use strict';
const fs = require('fs');
const vm = require('vm');
const [script, resultsFolder, ...midiFiles] = process.argv.slice(2);

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
function LiveAPI(path) { this.path = path; this.id = 1; this.unquotedpath = path; }
LiveAPI.prototype.get = function () { return 0; };
LiveAPI.prototype.call = function (...a) { liveCalls.push(a); };
LiveAPI.prototype.set = function () {};
const ctx = {
  File, LiveAPI, post: () => {},
  outlet: (n, ...a) => { outlets.push([n, ...a]); if (n === 2) statuses.push(a.slice(1).join(' ')); },
  arrayfromargs: (a) => Array.from(a),
  messagename: '',
};
vm.createContext(ctx);
vm.runInContext(fs.readFileSync(script, 'utf8'), ctx);

for (const f of midiFiles) {
  try {
    const clip = ctx.readMidi(f);
    console.log(JSON.stringify({ file: f, notes: clip.notes.length, beats: clip.lengthBeats }));
  } catch (e) {
    console.log(JSON.stringify({ file: f, error: String(e) }));
  }
}

function reply(address, ...args) {
  ctx.messagename = address;
  ctx.anything(...args);
}
const sent = () => outlets.filter((o) => o[0] === 0);
ctx.generate();
const ping = sent().find((o) => o[1] === '/loopsmith/ping');
const gen = sent().find((o) => o[1] === '/loopsmith/generate');
const key = ping[3];
const request = gen[7];
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
const request2 = sent().filter((o) => o[1] === '/loopsmith/generate')[1][7];
reply('/loopsmith/queued', 'job-2', request2);
reply('/loopsmith/notes', 'job-9', 'Full', 4, 0, 1, 60, 0, 1, 100);     // another job's notes: ignored
reply('/loopsmith/done', 'job-2', 'result', 'Full_120bpm.mid');        // no notes sent: the file is read (4 notes)
ctx.generate();
const request3 = sent().filter((o) => o[1] === '/loopsmith/generate')[2][7];
reply('/loopsmith/queued', 'job-3', request3);
reply('/loopsmith/notes', 'job-3', 'Full', 8, 1, 2, 64, 4, 0.5, 90);    // chunks in any order
reply('/loopsmith/notes', 'job-3', 'Full', 8, 0, 2, 60, 0, 1, 100, 62, 1.5, 0.25, 80);
reply('/loopsmith/notes', 'job-3', 'Bass', 8, 0, 1, 36, 0, 2, 100);
reply('/loopsmith/done', 'job-3', 'result', 'Full_120bpm.mid');        // the sent notes (3), no file needed
ctx.generate();
const request4 = sent().filter((o) => o[1] === '/loopsmith/generate')[3][7];
reply('/loopsmith/queued', 'job-4', request4);
reply('/loopsmith/notes', 'job-4', 'Full', 8, 0, 1, 60, 0, 1, 100, 200, 1, 1, 90);   // pitch 200: the part is spoiled
reply('/loopsmith/done', 'job-4', 'result', 'Full_120bpm.mid');        // so the file is read instead (4 notes)
ctx.generate();
const request5 = sent().filter((o) => o[1] === '/loopsmith/generate')[4][7];
reply('/loopsmith/queued', 'job-5', request5);
reply('/loopsmith/notes', 'job-5', 'Full', 8, 0, 2, 60, 0, 1, 100);     // one chunk of two
reply('/loopsmith/pong', 'v', key, '');                                // the server is elsewhere: no folder
reply('/loopsmith/done', 'job-5', 'result', 'Full_120bpm.mid');        // incomplete notes and no file: nothing inserted
console.log(JSON.stringify({ key, request, replies: statuses.slice(before) }));
console.log(JSON.stringify({ inserted: liveCalls.filter((c) => c[0] === 'create_clip').length,
  notes: liveCalls.filter((c) => c[0] === 'add_new_notes').map((c) => c[1].notes.length) }));
