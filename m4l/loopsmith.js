// Loopsmith for Max for Live: talks OSC to `loopsmith serve` (docs/osc.md) and puts the result into Live.
// Inlet 0: "text <words…>", "bars <n>", "seed <n>", "part <name>", "generate", "reveal", "ping", and the OSC replies
// from [udpreceive] ("/loopsmith/pong <version> <request> <folder>", "/loopsmith/queued <job> <request>",
// "/loopsmith/progress <job> <f>", "/loopsmith/notes <job> <part> <beats> <chunk> <chunks> <pitch start length
// velocity>…", "/loopsmith/done <job> <folder> <files…>", "/loopsmith/error <job|request> …").
// Outlet 0: OSC messages for [udpsend]. Outlet 1: progress 0..1. Outlet 2: status text. Outlet 3: folder for reveal.
//
// [udpreceive] does not say who sent a message, and anything on the network may send to its port. So a reply counts
// only when it carries what this device sent or was told: the key of its ping, the id of its pending request, then the
// job id the server gave for it. The clip is made from the notes the server sends, so it works wherever the server
// runs (WSL2, Docker, another machine); only when they did not all arrive does the script read the result's MIDI file,
// which needs the server on this computer. Notes are checked one by one, file names in a reply are checked to be plain
// names inside the server's results folder, and the MIDI reader is bounded (file size, chunk lengths, events), so no
// reply and no file can freeze Live.
autowatch = 1;
inlets = 1;
outlets = 4;

var REPLY_PORT = 8767;        // the port of this patch's [udpreceive]
var MAX_MIDI_BYTES = 1048576; // a result's MIDI file is a few kB; anything larger is not one of ours
var MAX_TRACKS = 64;
var MAX_EVENTS = 200000;      // per file
var NAME = /^[A-Za-z0-9#_-][A-Za-z0-9#._-]{0,127}$/; // what the server's exporter names folders and files
var PART = /^[A-Za-z0-9-]{1,32}$/;   // a part's name in /loopsmith/notes
var MAX_PARTS = 32;
var MAX_CHUNKS = 1000;
var MAX_NOTES = 20000;               // per part: 32 bars of the busiest drums are a few thousand

var prompt = "";
var bars = 8;
var seed = 0;
var part = "Full";            // which file of the result goes into the clip: Full, Drums, Bass, Chords, Melody, Pad
var key = newKey();           // this device's key: pings carry it, requests are named after it
var requests = 0;
var pending = "";             // the request sent and not yet queued
var job = "";                 // the job the server queued for it
var resultsFolder = "";       // the server's output folder, from a pong to this key
var lastFolder = "";
var received = {};            // the current job's parts from /loopsmith/notes: name -> {beats, chunks, count, got, notes, bad}
var receivedParts = 0;

function newKey() { return "m4l-" + Math.floor(Math.random() * 1e9).toString(36) + "-" + new Date().getTime().toString(36); }

function text() { prompt = arrayfromargs(arguments).join(" "); }

function anything() {
    var args = arrayfromargs(arguments);
    switch (messagename) {
        case "bars": bars = Math.max(0, Math.min(32, Math.round(args[0]))); return;
        case "seed": seed = Math.max(0, Math.round(args[0])); return;
        case "part": part = String(args[0]); return;
        case "/loopsmith/pong": pong(args); return;
        case "/loopsmith/queued":
            if (!pending || String(args[1]) !== pending) return ignored(messagename);
            job = String(args[0]); pending = ""; received = {}; receivedParts = 0; status("queued"); outlet(1, 0); return;
        case "/loopsmith/progress":
            if (!job || String(args[0]) !== job) return ignored(messagename);
            outlet(1, args[1]); status("generating… " + Math.round(args[1] * 100) + "%"); return;
        case "/loopsmith/notes":
            if (!job || String(args[0]) !== job) return ignored(messagename);
            takeNotes(args.slice(1)); return;
        case "/loopsmith/done":
            if (!job || String(args[0]) !== job) return ignored(messagename);
            job = ""; done(String(args[1]), args.slice(2)); return;
        case "/loopsmith/error":
            var about = String(args[0]);
            if (!(job && about === job) && !(pending && about === pending)) return ignored(messagename);
            job = ""; pending = ""; status("error: " + args.slice(1).join(" ")); outlet(1, 0); return;
        default: post("loopsmith: unknown message " + messagename + "\n");
    }
}

function ignored(what) { post("loopsmith: ignored " + what + " that is not a reply to this device\n"); }

function pong(args) {
    if (String(args[1]) !== key) return ignored("/loopsmith/pong");
    resultsFolder = args.length > 2 ? String(args[2]).replace(/\\/g, "/") : ""; // Max's File takes '/' on Windows too
    status(resultsFolder ? "server " + args[0] + " is up" : "server " + args[0] + " is up, but not on this computer: results cannot be inserted");
}

function generate() {
    if (prompt.length > 500) { status("prompt too long (500 characters at most)"); return; }
    ping(); // the folder again: the server may have restarted with another --out
    pending = key + "-" + (++requests);
    job = "";
    outlet(0, "/loopsmith/generate", prompt, bars, seed, REPLY_PORT, 0, pending);
    status("sent");
}

function ping() { outlet(0, "/loopsmith/ping", REPLY_PORT, key); }

function reveal() { if (lastFolder && resultsFolder) outlet(3, resultsFolder + "/" + lastFolder); }

function status(s) { outlet(2, "set", s); }

// One chunk of a part's notes. A chunk that breaks any rule spoils its whole part (the file is read instead, if it can be).
function takeNotes(a) {
    var name = String(a[0]), beats = Number(a[1]), i = a[2], n = a[3];
    if (!PART.test(name)) return;
    var p = received[name];
    if (!p) {
        if (receivedParts >= MAX_PARTS) return;
        p = received[name] = {beats: beats, chunks: {}, count: n, got: 0, notes: 0, bad: false};
        receivedParts++;
    }
    var body = a.slice(4);
    var ok = isWhole(i) && isWhole(n) && i >= 0 && i < n && n <= MAX_CHUNKS && n === p.count && beats === p.beats
        && beats > 0 && beats <= 32 * 4 * 8 && body.length % 4 === 0 && !p.chunks.hasOwnProperty(i)
        && p.notes + body.length / 4 <= MAX_NOTES;
    var notes = [];
    for (var k = 0; ok && k < body.length; k += 4) {
        var pitch = body[k], start = Number(body[k + 1]), length = Number(body[k + 2]), velocity = body[k + 3];
        ok = isWhole(pitch) && pitch >= 0 && pitch <= 127 && isFinite(start) && start >= 0 && start < beats
            && isFinite(length) && length > 0 && length <= beats && isWhole(velocity) && velocity >= 1 && velocity <= 127;
        if (ok) notes.push({pitch: pitch, start_time: start, duration: Math.min(length, beats - start), velocity: velocity});
    }
    if (!ok) { p.bad = true; return; }
    p.chunks[i] = notes;
    p.got++;
    p.notes += notes.length;
}

function isWhole(x) { return typeof x === "number" && isFinite(x) && Math.floor(x) === x; }

// The chosen part's notes, when every chunk of it arrived intact; null otherwise.
function receivedClip() {
    var p = received[part];
    if (!p || p.bad || p.got !== p.count) return null;
    var notes = [];
    for (var i = 0; i < p.count; i++) notes = notes.concat(p.chunks[i]);
    return {notes: notes, lengthBeats: p.beats};
}

function done(folder, files) {
    if (!NAME.test(folder) || folder.indexOf("..") >= 0) { status("error: the server named an odd folder; nothing inserted"); return; }
    lastFolder = folder;
    outlet(1, 1);
    var sent = receivedClip();
    received = {}; receivedParts = 0;
    if (sent) {
        try {
            insert(sent);
            status("done: " + part + " inserted (" + sent.notes.length + " notes) from " + folder);
        } catch (e) {
            status("done: " + folder + " (could not insert: " + e + ")");
        }
        return;
    }
    if (!resultsFolder) { status("done: " + folder + " (the server's folder is unknown; press Generate again)"); return; }
    var chosen = null;
    for (var i = 0; i < files.length && i < 256; i++) {
        var name = String(files[i]);
        if (!NAME.test(name) || name.indexOf("..") >= 0) continue;
        if (/\.mid$/.test(name) && name.indexOf(part + "_") === 0) chosen = name;
    }
    if (!chosen) { status("done: " + folder + " (no " + part + " part; drag the files from the folder)"); return; }
    try {
        var clip = readMidi(resultsFolder + "/" + folder + "/" + chosen);
        insert(clip);
        status("done: " + part + " inserted (" + clip.notes.length + " notes) from " + folder);
    } catch (e) {
        status("done: " + folder + " (could not insert: " + e + "; drag the files from the folder)");
    }
}

// --- A Standard MIDI File, read just far enough for a clip: notes in beats, and the length in whole bars. -----------
// Every read is checked against the file's end and every loop is bounded, so a damaged or hostile file ends in an
// error, never in a loop: Max runs this script on Live's thread.
function readBytes(path) {
    var f = new File(path, "read");
    if (!f.isopen) throw "cannot open " + path;
    var size = f.eof;
    if (!(size > 0) || size > MAX_MIDI_BYTES) { f.close(); throw "not a MIDI file of ours (" + size + " bytes)"; }
    var bytes = [];
    while (bytes.length < size) {
        var chunk = f.readbytes(Math.min(1024, size - bytes.length));
        if (!chunk || chunk.length === 0) break;
        for (var i = 0; i < chunk.length; i++) bytes.push(chunk[i] & 0xff);
    }
    f.close();
    return bytes;
}

function readMidi(path) {
    return parseMidi(readBytes(path));
}

function parseMidi(bytes) {
    var p = 0, events = 0;
    function need(n) { if (p + n > bytes.length) throw "truncated MIDI file"; }
    function u8() { need(1); return bytes[p++]; }
    function u16() { need(2); var v = (bytes[p] << 8) + bytes[p + 1]; p += 2; return v; }
    function u32() { need(4); var v = bytes[p] * 16777216 + (bytes[p + 1] << 16) + (bytes[p + 2] << 8) + bytes[p + 3]; p += 4; return v; }
    function vlq() { var v = 0, b, n = 0; do { if (++n > 4) throw "bad variable-length number"; b = u8(); v = v * 128 + (b & 0x7f); } while (b & 0x80); return v; }
    function tag() { need(4); return String.fromCharCode(bytes[p], bytes[p + 1], bytes[p + 2], bytes[p + 3]); }
    if (tag() !== "MThd") throw "not a MIDI file";
    p = 4;
    var headerEnd = u32() + 8;
    u16(); var tracks = u16(); var ppq = u16();
    if (tracks < 1 || tracks > MAX_TRACKS) throw "a MIDI file of " + tracks + " tracks is not one of ours";
    if (ppq < 1 || ppq >= 0x8000) throw "unsupported time division";
    p = headerEnd;
    var notes = [], beatsPerBar = 4, end = 0;
    for (var t = 0; t < tracks; t++) {
        // Skip unknown chunks; each step moves forward by at least 8 bytes, so this ends at the file's end.
        while (tag() !== "MTrk") { p += 4; var skip = u32(); if (p + skip > bytes.length) throw "truncated MIDI file"; p += skip; }
        p += 4;
        var len = u32(), stop = p + len, tick = 0, running = 0, open = {};
        if (stop > bytes.length) throw "truncated MIDI track";
        while (p < stop) {
            if (++events > MAX_EVENTS) throw "more than " + MAX_EVENTS + " events";
            tick += vlq();
            var s = bytes[p];
            if (s & 0x80) p++; else s = running;
            if (s === 0xff) {
                var type = u8(), n = vlq();
                need(n);
                if (type === 0x58 && n >= 2 && bytes[p] > 0 && bytes[p + 1] < 8) beatsPerBar = bytes[p] * 4 / Math.pow(2, bytes[p + 1]);
                p += n;
            } else if (s === 0xf0 || s === 0xf7) {
                var m = vlq(); need(m); p += m;
            } else if (s & 0x80) {
                running = s;
                var kind = s & 0xf0, a = u8(), b = (kind === 0xc0 || kind === 0xd0) ? 0 : u8();
                if (kind === 0x90 && b > 0) open[a] = {start: tick, velocity: b};
                else if ((kind === 0x80 || kind === 0x90) && open[a]) {
                    notes.push({pitch: a & 0x7f, start_time: open[a].start / ppq, duration: Math.max(1, tick - open[a].start) / ppq,
                                velocity: open[a].velocity});
                    delete open[a];
                }
            } else {
                throw "running status before any status byte";
            }
            end = Math.max(end, tick);
        }
        p = stop;
    }
    var lengthBeats = Math.max(beatsPerBar, Math.ceil(end / ppq / beatsPerBar) * beatsPerBar);
    if (!(lengthBeats <= 32 * 4 * 8)) throw "longer than any loop the server writes";
    return {notes: notes, lengthBeats: lengthBeats};
}

// --- Live API: a new clip in the highlighted clip slot (replacing what is there), notes added. -------------------
function insert(clip) {
    var slot = new LiveAPI("live_set view highlighted_clip_slot");
    if (!slot || slot.id == 0) throw "select a clip slot in Session View first";
    if (Number(slot.get("has_clip")) === 1) slot.call("delete_clip");
    slot.call("create_clip", clip.lengthBeats);
    var c = new LiveAPI(slot.unquotedpath + " clip");
    try {
        c.call("add_new_notes", {notes: clip.notes});                 // Live 11 and 12
    } catch (e) {
        c.call("set_notes");                                           // older API, still in Live 11
        c.call("notes", clip.notes.length);
        for (var i = 0; i < clip.notes.length; i++) {
            var n = clip.notes[i];
            c.call("note", n.pitch, n.start_time.toFixed(4), n.duration.toFixed(4), n.velocity, 0);
        }
        c.call("done");
    }
    c.set("name", "Loopsmith " + part);
}
