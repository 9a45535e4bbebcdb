// Loopsmith for Max for Live: talks OSC to `loopsmith serve` (docs/osc.md) and puts the result into Live.
// Inlet 0: "text <words…>", "bars <n>", "seed <n>", "part <name>", "tool <Generate|Groove|Drumify|Interpolate>",
// "genre <words…>", "amount <0..1>", "steps <n>", "run" (the chosen tool), "generate", "seta", "setb", "reveal",
// "ping", and, each after the word "osc", the OSC replies from [udpreceive] ("/loopsmith/pong <version> <request> <folder>", "/loopsmith/queued
// <job> <request>", "/loopsmith/progress <job> <f>", "/loopsmith/notes <job|request> <part> <beats> <chunk> <chunks>
// <pitch start length velocity>…", "/loopsmith/grooved <request> <seed> <hits>", "/loopsmith/done <job> <folder>
// <files…>", "/loopsmith/error <job|request> …").
// Outlet 0: OSC messages for [udpsend]. Outlet 1: progress 0..1. Outlet 2: status text. Outlet 3: folder for reveal.
// Outlet 4: the A/B line of Interpolate.
//
// Generate sends the prompt; Groove and Drumify send the notes of the selected clip, Interpolate those of the two clips
// set as A and B. Generate's clip goes into the highlighted slot, as it always has; a tool's result goes into the next
// empty slot below the clip it started from on that track, so it never overwrites its input or any other clip.
//
// [udpreceive] does not say who sent a message, and anything on the network may send to its port. So a reply counts
// only when it carries what this device sent or was told: the key of its ping, the id of its pending request, then the
// job id the server gave for it (a groove has no job: its notes and grooved reply carry the request id). The clip is
// made from the notes the server sends, so it works wherever the server runs (WSL2, Docker, another machine); only
// when they did not all arrive does the script read the result's MIDI file, which needs the server on this computer.
// Notes are checked one by one, file names in a reply are checked to be plain names inside the server's results
// folder, and the MIDI reader is bounded (file size, chunk lengths, events), so no reply and no file can freeze Live.
autowatch = 1;
inlets = 1;
outlets = 5;

var REPLY_PORT = 8767;        // the port of this patch's [udpreceive]
var MAX_MIDI_BYTES = 1048576; // a result's MIDI file is a few kB; anything larger is not one of ours
var MAX_TRACKS = 64;
var MAX_EVENTS = 200000;      // per file
var NAME = /^[A-Za-z0-9#_-][A-Za-z0-9#._-]{0,127}$/; // what the server's exporter names folders and files
var PART = /^[A-Za-z0-9-]{1,32}$/;   // a part's name in /loopsmith/notes
var MAX_PARTS = 32;
var MAX_CHUNKS = 1000;
var MAX_NOTES = 20000;               // per part received: 32 bars of the busiest drums are a few thousand
var MAX_BEATS = 32 * 4 * 8;          // the longest part the server writes; an interpolation is up to MAX_STEPS of them
var MAX_SEND_NOTES = 3000;           // per request sent: a note takes 20 bytes of OSC, and a request is one UDP datagram (64 kB)
var MIN_STEPS = 3;                   // an interpolation's clips, A and B included
var MAX_STEPS = 16;
var TOOLS = {                        // the Tool menu: the part each tool's result comes as, and its progress word
    Generate: {part: "", doing: "generating"}, Groove: {part: "Drums", doing: "grooving"},
    Drumify: {part: "Drums", doing: "drumifying"}, Interpolate: {part: "Interpolation", doing: "interpolating"}};

var prompt = "";
// The controls' values. (Their names differ from the messages that set them: Max calls a message's function by name.)
var lengthBars = 8;
var seedValue = 0;
var partName = "Full";        // which file of a generated result goes into the clip: Full, Drums, Bass, Chords, Melody, Pad
var toolName = "Generate";    // the Tool menu
var genreName = "";           // Groove and Drumify; "" = any
var grooveAmount = 1;         // Groove, 0..1
var morphSteps = 5;           // Interpolate
var clipA = null;             // Interpolate's clips, captured by Set A and Set B: {notes, beats, track, index}
var clipB = null;
var key = newKey();           // this device's key: pings carry it, requests are named after it
var requests = 0;
var pending = "";             // the request sent and not yet queued (a groove's until its grooved reply)
var job = "";                 // the job the server queued for it
var active = null;            // what the last request was: {tool, anchor} (anchor: the slot a tool's result goes below)
var resultsFolder = "";       // the server's output folder, from a pong to this key
var lastFolder = "";
var received = {};            // the current request's parts from /loopsmith/notes: name -> {beats, chunks, count, got, notes, bad}
var receivedParts = 0;

function newKey() { return "m4l-" + Math.floor(Math.random() * 1e9).toString(36) + "-" + new Date().getTime().toString(36); }

function text() { prompt = arrayfromargs(arguments).join(" "); }

// The controls of the patch.
function anything() {
    var args = arrayfromargs(arguments);
    switch (messagename) {
        case "bars": lengthBars = Math.max(0, Math.min(32, Math.round(args[0]))); return;
        case "seed": seedValue = Math.max(0, Math.round(args[0])); return;
        case "part": partName = String(args[0]); return;
        case "tool": if (TOOLS.hasOwnProperty(String(args[0]))) toolName = String(args[0]); return;
        case "genre": genreName = genreOf(args); return;
        case "amount": grooveAmount = Math.max(0, Math.min(1, Number(args[0]) || 0)); return;
        case "steps": morphSteps = Math.max(MIN_STEPS, Math.min(MAX_STEPS, Math.round(args[0]) || MIN_STEPS)); return;
        default: post("loopsmith: unknown message " + messagename + "\n");
    }
}

// Every message from [udpreceive], through [prepend osc]: anything on the network may send one, so its address must
// never reach Max's by-name dispatch (a packet addressed "run" or "generate" would press the button).
function osc(address) {
    var args = arrayfromargs(arguments).slice(1);
    switch (String(address)) {
        case "/loopsmith/pong": pong(args); return;
        case "/loopsmith/queued":
            if (!pending || String(args[1]) !== pending || active.tool === "Groove") return ignored(address);
            job = String(args[0]); pending = ""; received = {}; receivedParts = 0; status("queued"); outlet(1, 0); return;
        case "/loopsmith/progress":
            if (!job || String(args[0]) !== job) return ignored(address);
            outlet(1, args[1]); status(TOOLS[active.tool].doing + "… " + Math.round(args[1] * 100) + "%"); return;
        case "/loopsmith/notes":
            if (!(job && String(args[0]) === job) && !(pending && active.tool === "Groove" && String(args[0]) === pending))
                return ignored(address);
            takeNotes(args.slice(1)); return;
        case "/loopsmith/grooved":
            if (!pending || active.tool !== "Groove" || String(args[0]) !== pending) return ignored(address);
            pending = ""; grooved(args[1]); return;
        case "/loopsmith/done":
            if (!job || String(args[0]) !== job) return ignored(address);
            job = ""; done(String(args[1]), args.slice(2)); return;
        case "/loopsmith/error":
            var about = String(args[0]);
            if (!(job && about === job) && !(pending && about === pending)) return ignored(address);
            job = ""; pending = ""; status("error: " + args.slice(1).join(" ")); outlet(1, 0); return;
        default: post("loopsmith: unknown OSC message " + address + "\n");
    }
}

// The genre field's text; "" for none. (An empty textedit may answer a bang with "bang"; the patch resets the genre
// before asking, so an emptied field reads as "any".)
function genreOf(args) {
    var g = args.join(" ").replace(/^\s+|\s+$/g, "");
    return g === "bang" ? "" : g.substring(0, 64);
}

function ignored(what) { post("loopsmith: ignored " + what + " that is not a reply to this device\n"); }

function pong(args) {
    if (String(args[1]) !== key) return ignored("/loopsmith/pong");
    resultsFolder = args.length > 2 ? String(args[2]).replace(/\\/g, "/") : ""; // Max's File takes '/' on Windows too
    status(resultsFolder ? "server " + args[0] + " is up" : "server " + args[0] + " is up, but not on this computer: results cannot be inserted");
}

// The Run button: the tool chosen in the menu.
function run() {
    switch (toolName) {
        case "Groove": groove(); return;
        case "Drumify": drumify(); return;
        case "Interpolate": interpolate(); return;
        default: generate();
    }
}

function generate() {
    if (prompt.length > 500) { status("prompt too long (500 characters at most)"); return; }
    ping(); // the folder again: the server may have restarted with another --out
    pending = key + "-" + (++requests);
    job = "";
    active = {tool: "Generate", anchor: null};
    outlet(0, "/loopsmith/generate", prompt, lengthBars, seedValue, REPLY_PORT, 0, pending);
    status("sent");
}

// Groove: the selected drum clip played with a drummer's timing and velocity. No job: the notes come back at once.
function groove() {
    var c = selectedClip();
    if (typeof c === "string") { status("Groove: " + c); return; }
    send("Groove", c, "/loopsmith/groove", [grooveAmount, genreName, tempo(), c.beats, seedValue, REPLY_PORT], flat(c.notes));
}

// Drumify: a drum part that follows the selected clip's rhythm; a job, as for Generate (no stems: audio 0).
function drumify() {
    var c = selectedClip();
    if (typeof c === "string") { status("Drumify: " + c); return; }
    send("Drumify", c, "/loopsmith/drumify", [genreName, tempo(), c.beats, seedValue, REPLY_PORT, 0], flat(c.notes));
}

// Interpolate: a morph from clip A to clip B, `morphSteps` clips one after the other in one clip; a job.
function interpolate() {
    if (!clipA || !clipB) { status("Interpolate: " + (clipA ? "Set B first" : clipB ? "Set A first" : "Set A and Set B first")
        + " (select a clip, press Set A; another, Set B)"); return; }
    if (clipA.beats !== clipB.beats) { status("A is " + lengthOf(clipA.beats) + ", B is " + lengthOf(clipB.beats)
        + ": interpolate needs clips of the same length"); return; }
    var count = clipA.notes.length + clipB.notes.length;
    if (count > MAX_SEND_NOTES) { status("A and B have " + count + " notes: at most " + MAX_SEND_NOTES + " fit one message"); return; }
    var s = selectedSlot();
    var anchor = typeof s === "string" ? clipB : s;   // the result goes below the highlighted slot, else below B
    send("Interpolate", anchor, "/loopsmith/interpolate", [morphSteps, tempo(), clipA.beats, clipB.beats, seedValue, REPLY_PORT],
        [clipA.notes.length].concat(flat(clipA.notes), flat(clipB.notes)));
}

// One request: <address> <before…> <request> <after…>, the reply matched by its request id, the result placed below anchor.
function send(tool, anchor, address, before, after) {
    if (tool !== "Groove") ping(); // the folder again, for reading a result's file when its notes went missing
    pending = key + "-" + (++requests);
    job = "";
    received = {}; receivedParts = 0;
    active = {tool: tool, anchor: {track: anchor.track, index: anchor.index}};
    outlet(0, [address].concat(before, [pending], after));
    outlet(1, 0);
    status(tool.toLowerCase() + ": sent");
}

function seta() { capture("A"); }

function setb() { capture("B"); }

// Set A / Set B: the selected clip's notes and length, kept until set again.
function capture(which) {
    var c = selectedClip();
    if (typeof c === "string") { status("Set " + which + ": " + c); return; }
    if (which === "A") clipA = c; else clipB = c;
    outlet(4, "set", "A: " + (clipA ? describe(clipA) : "not set") + "   B: " + (clipB ? describe(clipB) : "not set"));
    status(which + ": " + describe(c) + " (slot " + (c.index + 1) + ")");
}

function describe(c) { return lengthOf(c.beats) + ", " + c.notes.length + (c.notes.length === 1 ? " note" : " notes"); }

// A clip's length as Live shows it in 4/4 (the server takes clips as 4/4).
function lengthOf(beats) {
    if (beats % 4 !== 0) return beats + " beats";
    return beats / 4 + (beats === 4 ? " bar" : " bars");
}

function flat(notes) {
    var out = [];
    for (var i = 0; i < notes.length; i++) out.push(notes[i][0], notes[i][1], notes[i][2], notes[i][3]);
    return out;
}

function ping() { outlet(0, "/loopsmith/ping", REPLY_PORT, key); }

function reveal() { if (lastFolder && resultsFolder) outlet(3, resultsFolder + "/" + lastFolder); }

function status(s) { outlet(2, "set", s); }

// The part a result's clip is made of: the Part menu's for Generate, the tool's own otherwise.
function wantedPart() { return active.tool === "Generate" ? partName : TOOLS[active.tool].part; }

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
    var longest = active.tool === "Interpolate" ? MAX_STEPS * MAX_BEATS : MAX_BEATS;
    var ok = isWhole(i) && isWhole(n) && i >= 0 && i < n && n <= MAX_CHUNKS && n === p.count && beats === p.beats
        && beats > 0 && beats <= longest && body.length % 4 === 0 && !p.chunks.hasOwnProperty(i)
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

// A part's notes, when every chunk of it arrived intact; null otherwise.
function receivedClip(name) {
    var p = received.hasOwnProperty(name) ? received[name] : null;
    if (!p || p.bad || p.got !== p.count) return null;
    var notes = [];
    for (var i = 0; i < p.count; i++) notes = notes.concat(p.chunks[i]);
    return {notes: notes, lengthBeats: p.beats};
}

function grooved(seedUsed) {
    outlet(1, 1);
    var clip = receivedClip("Drums");
    received = {}; receivedParts = 0;
    if (!clip) { status("error: the grooved notes did not all arrive; press Run again"); return; }
    try {
        status("grooved: " + clip.notes.length + " notes inserted" + place(clip) + " (seed " + seedUsed + ")");
    } catch (e) {
        status("grooved, but not inserted: " + e);
    }
}

function done(folder, files) {
    if (!NAME.test(folder) || folder.indexOf("..") >= 0) { status("error: the server named an odd folder; nothing inserted"); return; }
    lastFolder = folder;
    outlet(1, 1);
    var want = wantedPart();
    var sent = receivedClip(want);
    received = {}; receivedParts = 0;
    if (sent) {
        try {
            status("done: " + want + " inserted" + place(sent) + " (" + sent.notes.length + " notes) from " + folder);
        } catch (e) {
            status("done: " + folder + " (could not insert: " + e + ")");
        }
        return;
    }
    if (!resultsFolder) { status("done: " + folder + " (the server's folder is unknown; press Run again)"); return; }
    var chosen = null;
    for (var i = 0; i < files.length && i < 256; i++) {
        var name = String(files[i]);
        if (!NAME.test(name) || name.indexOf("..") >= 0) continue;
        if (/\.mid$/.test(name) && name.indexOf(want + "_") === 0) chosen = name;
    }
    if (!chosen) { status("done: " + folder + " (no " + want + " part; drag the files from the folder)"); return; }
    try {
        var clip = readMidi(resultsFolder + "/" + folder + "/" + chosen);
        status("done: " + want + " inserted" + place(clip) + " (" + clip.notes.length + " notes) from " + folder);
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

// --- Live API: the selected clip's notes; a new clip in the highlighted slot or below a tool's clip. --------------
// The highlighted clip slot as {api, track, index}, or why there is none.
function selectedSlot() {
    var slot = new LiveAPI("live_set view highlighted_clip_slot");
    if (!slot || Number(slot.id) === 0) return "select a clip in Session View first";
    var m = /tracks (\d+) clip_slots (\d+)$/.exec(String(slot.unquotedpath));
    if (!m) return "select a clip slot of a track in Session View first";
    return {api: slot, track: Number(m[1]), index: Number(m[2])};
}

// The selected clip as {notes: [[pitch, start, length, velocity]…], beats, track, index}, start and length in beats
// from the clip's start (its loop start when looped), muted notes left out; or why it cannot be used.
function selectedClip() {
    var s = selectedSlot();
    if (typeof s === "string") return s;
    if (Number(s.api.get("has_clip")) !== 1) return "no clip selected (slot " + (s.index + 1) + " is empty): click a MIDI clip";
    var c = new LiveAPI(s.api.unquotedpath + " clip");
    if (Number(c.get("is_midi_clip")) !== 1) return "the selected clip is an audio clip: choose a MIDI clip";
    var from = Number(c.get("loop_start")), beats = Number(c.get("length"));
    if (!(isFinite(from) && beats > 0 && beats <= MAX_BEATS)) return "the selected clip's length (" + beats + " beats) is not one the server takes";
    var notes = clipNotes(c, from, beats);
    if (notes.length === 0) return "the selected clip is empty (no notes)";
    if (notes.length > MAX_SEND_NOTES) return "the selected clip has " + notes.length + " notes: at most " + MAX_SEND_NOTES + " fit one message";
    return {notes: notes, beats: beats, track: s.track, index: s.index};
}

// get_notes_extended (Live 11 and 12) answers a JSON dictionary; where it is missing, get_notes (the older API, still in
// Live 11) answers "notes <n> note <pitch> <start> <length> <velocity> <mute> … done".
function clipNotes(c, from, beats) {
    var raw;
    try { raw = c.call("get_notes_extended", 0, 128, from, beats); } catch (e) { raw = null; }
    var live = extendedNotes(raw);
    if (!live) live = legacyNotes(c.call("get_notes", from, 0, beats, 128));
    var out = [];
    for (var i = 0; i < live.length; i++) {
        var n = live[i];
        var pitch = Math.round(Number(n.pitch)), start = Number(n.start_time) - from, velocity = Math.round(Number(n.velocity));
        var length = Math.min(Number(n.duration), beats - start);
        if (Number(n.mute) === 1 || !(pitch >= 0 && pitch <= 127 && start >= 0 && start < beats && length > 0)) continue;
        out.push([pitch, start, length, Math.max(1, Math.min(127, velocity || 1))]);
    }
    return out;
}

function extendedNotes(raw) {
    if (Array.isArray(raw) && raw.length === 1) raw = raw[0];   // a dictionary's JSON may come as a one-item list
    if (typeof raw === "string") {
        try { raw = JSON.parse(raw); } catch (e) { return null; }
    }
    return raw && Array.isArray(raw.notes) ? raw.notes : null;
}

function legacyNotes(raw) {
    var out = [];
    if (!Array.isArray(raw)) return out;
    for (var i = 0; i + 5 < raw.length; i++) {
        if (raw[i] !== "note") continue;
        out.push({pitch: raw[i + 1], start_time: raw[i + 2], duration: raw[i + 3], velocity: raw[i + 4], mute: raw[i + 5]});
        i += 5;
    }
    return out;
}

function tempo() { return Number(new LiveAPI("live_set").get("tempo")); }

// Where a finished clip goes: Generate replaces the highlighted slot's clip, as it always has; a tool's result goes into
// the next empty slot below the clip it started from, on that clip's track, and nothing is overwritten.
// Returns where it went ("" or " in slot N"), or throws why it could not go anywhere.
function place(clip) {
    if (active.tool === "Generate") { insert(clip); return ""; }
    var a = active.anchor;
    var track = new LiveAPI("live_set tracks " + a.track);
    var count = Number(track.getcount("clip_slots"));
    for (var k = a.index + 1; k < count; k++) {
        var slot = new LiveAPI("live_set tracks " + a.track + " clip_slots " + k);
        if (Number(slot.id) === 0 || Number(slot.get("has_clip")) !== 0) continue;
        fill(slot, clip, "Loopsmith " + active.tool);
        return " in slot " + (k + 1);
    }
    throw "no empty clip slot below slot " + (a.index + 1) + " on this track (nothing overwritten): empty one or add a scene";
}

// Generate: a new clip in the highlighted clip slot (replacing what is there).
function insert(clip) {
    var slot = new LiveAPI("live_set view highlighted_clip_slot");
    if (!slot || slot.id == 0) throw "select a clip slot in Session View first";
    if (Number(slot.get("has_clip")) === 1) slot.call("delete_clip");
    fill(slot, clip, "Loopsmith " + partName);
}

function fill(slot, clip, name) {
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
    c.set("name", name);
}
