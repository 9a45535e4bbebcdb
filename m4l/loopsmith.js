// Loopsmith for Max for Live: talks OSC to `loopsmith serve` (docs/osc.md) and puts the result into Live.
// Inlet 0: "text <words…>", "bars <n>", "seed <n>", "part <name>", "generate", "reveal", and the OSC replies from
// [udpreceive] ("/loopsmith/progress <job> <f>", "/loopsmith/done <job> <folder> <files…>", "/loopsmith/error …").
// Outlet 0: OSC messages for [udpsend]. Outlet 1: progress 0..1. Outlet 2: status text. Outlet 3: folder for reveal.
autowatch = 1;
inlets = 1;
outlets = 4;

var REPLY_PORT = 8767;        // the port of this patch's [udpreceive]
var prompt = "";
var bars = 8;
var seed = 0;
var part = "Full";            // which file of the result goes into the clip: Full, Drums, Bass, Chords, Melody, Pad
var lastFolder = "";

function text() { prompt = arrayfromargs(arguments).join(" "); }

function anything() {
    var args = arrayfromargs(arguments);
    switch (messagename) {
        case "bars": bars = Math.max(0, Math.min(32, Math.round(args[0]))); return;
        case "seed": seed = Math.max(0, Math.round(args[0])); return;
        case "part": part = String(args[0]); return;
        case "/loopsmith/queued": status("queued"); outlet(1, 0); return;
        case "/loopsmith/progress": outlet(1, args[1]); status("generating… " + Math.round(args[1] * 100) + "%"); return;
        case "/loopsmith/done": done(args[1], args.slice(2)); return;
        case "/loopsmith/error": status("error: " + args.slice(1).join(" ")); outlet(1, 0); return;
        case "/loopsmith/pong": status("server " + args[0] + " is up"); return;
        default: post("loopsmith: unknown message " + messagename + "\n");
    }
}

function generate() {
    if (prompt.length > 500) { status("prompt too long (500 characters at most)"); return; }
    outlet(0, "/loopsmith/generate", prompt, bars, seed, REPLY_PORT);
    status("sent");
}

function ping() { outlet(0, "/loopsmith/ping", REPLY_PORT); }

function reveal() { if (lastFolder) outlet(3, lastFolder); }

function status(s) { outlet(2, "set", s); }

function done(folder, files) {
    lastFolder = folder;
    outlet(1, 1);
    var chosen = null;
    for (var i = 0; i < files.length; i++) {
        var name = String(files[i]).split("/").pop();
        if (/\.mid$/.test(name) && name.indexOf(part + "_") === 0) chosen = files[i];
    }
    if (!chosen) { status("done: " + folder + " (no " + part + " part; drag the files from the folder)"); return; }
    try {
        var clip = readMidi(chosen);
        insert(clip);
        status("done: " + part + " inserted (" + clip.notes.length + " notes) from " + folder);
    } catch (e) {
        status("done: " + folder + " (could not insert: " + e + "; drag the files from the folder)");
    }
}

// --- A Standard MIDI File, read just far enough for a clip: notes in beats, and the length in whole bars. -----------
function readMidi(path) {
    var f = new File(path, "read");
    if (!f.isopen) throw "cannot open " + path;
    var bytes = f.readbytes(f.eof);
    f.close();
    var p = 0;
    function u32() { var v = ((bytes[p] << 24) >>> 0) + (bytes[p + 1] << 16) + (bytes[p + 2] << 8) + bytes[p + 3]; p += 4; return v; }
    function u16() { var v = (bytes[p] << 8) + bytes[p + 1]; p += 2; return v; }
    function vlq() { var v = 0, b; do { b = bytes[p++]; v = (v << 7) | (b & 0x7f); } while (b & 0x80); return v; }
    if (String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== "MThd") throw "not a MIDI file";
    p = 8;
    u16(); var tracks = u16(); var ppq = u16();
    var notes = [], beatsPerBar = 4, end = 0;
    for (var t = 0; t < tracks; t++) {
        while (String.fromCharCode(bytes[p], bytes[p + 1], bytes[p + 2], bytes[p + 3]) !== "MTrk") p += 8 + ((bytes[p + 4] << 24) + (bytes[p + 5] << 16) + (bytes[p + 6] << 8) + bytes[p + 7]);
        p += 4;
        var len = u32(), stop = p + len, tick = 0, running = 0, open = {};
        while (p < stop) {
            tick += vlq();
            var s = bytes[p];
            if (s & 0x80) p++; else s = running;
            if (s === 0xff) {
                var type = bytes[p++], n = vlq();
                if (type === 0x58) beatsPerBar = bytes[p] * 4 / Math.pow(2, bytes[p + 1]);
                p += n;
            } else if (s === 0xf0 || s === 0xf7) {
                p += vlq();
            } else {
                running = s;
                var kind = s & 0xf0, a = bytes[p++], b = (kind === 0xc0 || kind === 0xd0) ? 0 : bytes[p++];
                if (kind === 0x90 && b > 0) open[a] = {start: tick, velocity: b};
                else if ((kind === 0x80 || kind === 0x90) && open[a]) {
                    notes.push({pitch: a, start_time: open[a].start / ppq, duration: Math.max(1, tick - open[a].start) / ppq,
                                velocity: open[a].velocity});
                    delete open[a];
                }
            }
            end = Math.max(end, tick);
        }
        p = stop;
    }
    var lengthBeats = Math.max(beatsPerBar, Math.ceil(end / ppq / beatsPerBar) * beatsPerBar);
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
