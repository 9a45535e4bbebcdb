package loopsmith.server;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import loopsmith.generate.GenerationRequest;
import loopsmith.midi.MidiWriter;
import loopsmith.music.LoopsmithException;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.service.GenerateOptions;
import loopsmith.service.InvalidRequestException;
import loopsmith.service.GrooveService;

/**
 * OSC over UDP for Max for Live and other music software; the address space is in docs/osc.md. JavaOSC encodes
 * and decodes the messages; the socket is ours because JavaOSC 0.8's receiver does not tell who sent a packet, and
 * replies go back to the sender (or to the reply port it names, since Max's udpsend and udpreceive are two sockets).
 * <p>
 * Packets are taken only from this machine (and the addresses {@code --osc-allow} names): a web page cannot send UDP,
 * but another machine can when the socket listens beyond loopback. Replies name results relative to the output folder;
 * only a {@code pong} to a sender on this machine names the folder itself, for a device that reads the files. One
 * packet that fails in any way, an {@link Error} included, is logged and answered, and the receiver goes on.
 */
final class OscApi implements AutoCloseable {
    static final String PREFIX = "/loopsmith/";
    private static final int MAX_PACKET_BYTES = 65_507;
    private static final long PROGRESS_EVERY_MILLIS = 500;

    private final ServerConfig config;
    private final Admission admission;
    private final Jobs jobs;
    private final ResultFiles results;
    private final Uploads uploads;
    private final GrooveService grooveService;
    private final String version;
    private final DatagramSocket socket;
    private final OSCParser parser;
    private final OSCSerializerAndParserBuilder codec = new OSCSerializerAndParserBuilder();
    private final Thread receiver;
    private final ScheduledExecutorService ticker;
    /** Result folders whose notes a job has already sent (as soon as their MIDI was written), by job id. */
    private final Map<String, Integer> notesSent = new ConcurrentHashMap<>();
    /** Running OSC jobs and where their progress goes. */
    private final Map<Job, SocketAddress> watched = new ConcurrentHashMap<>();
    /** Senders allowed besides loopback, resolved once at start. */
    private final Set<InetAddress> allowed;
    /** Refused senders already logged: one line per address, not one per packet. */
    private final Set<InetAddress> refusedLogged = ConcurrentHashMap.newKeySet();

    OscApi(ServerConfig config, Admission admission, Jobs jobs, String version) throws SocketException {
        this.config = config;
        this.admission = admission;
        this.jobs = jobs;
        this.results = new ResultFiles(config.outDir());
        this.uploads = new Uploads(config.outDir(), config.maxUploadBytes(), config.budget().maxClipSeconds());
        this.version = version;
        this.grooveService = new GrooveService(config.home());
        this.allowed = resolve(config.oscSenders());
        this.socket = new DatagramSocket(new InetSocketAddress(config.host(), config.oscPort()));
        this.parser = codec.buildParser();
        this.receiver = new Thread(this::receive, "loopsmith-osc");
        receiver.setDaemon(true);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loopsmith-osc-progress");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        receiver.start();
        ticker.scheduleAtFixedRate(() -> {
            try {
                tick();
            } catch (Throwable t) {
                // A periodic task that throws is never run again: progress would stop for every job.
                System.err.println("warning: OSC progress report failed: " + t);
            }
        }, PROGRESS_EVERY_MILLIS, PROGRESS_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static Set<InetAddress> resolve(List<String> names) throws SocketException {
        Set<InetAddress> out = new HashSet<>();
        for (String n : names) {
            try {
                out.addAll(Arrays.asList(InetAddress.getAllByName(n)));
            } catch (UnknownHostException e) {
                throw new SocketException("--osc-allow " + n + ": unknown host");
            }
        }
        return out;
    }

    /** Whether OSC from {@code from} is taken: this machine, or an address --osc-allow names. */
    boolean accepts(InetAddress from) {
        return from.isLoopbackAddress() || allowed.contains(from);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void receive() {
        byte[] buf = new byte[MAX_PACKET_BYTES];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                if (socket.isClosed()) return;
                System.err.println("warning: OSC receive failed: " + e.getMessage());
                continue;
            }
            try {
                if (!accepts(p.getAddress())) {
                    // No reply: answering unchecked senders would make this a UDP reflector.
                    if (refusedLogged.add(p.getAddress()))
                        System.err.println("warning: OSC from " + p.getAddress().getHostAddress() + " refused: only this machine (and "
                                + "serve --osc-allow ADDRESS) may send");
                    continue;
                }
                packet(p);
            } catch (Throwable t) {
                // packet() answers what it can; this is the last line: a thread that ends here ends OSC for good, silently.
                System.err.println("warning: OSC packet from " + p.getSocketAddress() + " failed: " + t);
            }
        }
    }

    /** One packet, whatever happens in it: the receiver thread must outlive it, or the device silently stops working. */
    private void packet(DatagramPacket p) {
        SocketAddress from = p.getSocketAddress();
        List<OSCMessage> received;
        ByteBuffer bytes = ByteBuffer.wrap(p.getData(), 0, p.getLength());
        try {
            int depth = OscBundleDepth.of(bytes);
            if (depth > OscBundleDepth.MAX) {
                send(from, "error", "", "not an OSC packet: bundles nested " + depth + " deep; at most " + OscBundleDepth.MAX);
                return;
            }
            received = messages(parser.convert(bytes));
        } catch (OSCParseException | RuntimeException | StackOverflowError e) {
            // JavaOSC throws unchecked exceptions on some truncated packets; its recursion into nested bundles is
            // bounded by OscBundleDepth above, and an overflow is still caught should a parser change make it deeper.
            send(from, "error", "", "not an OSC packet: " + e);
            return;
        } catch (Throwable t) {
            System.err.println("warning: OSC packet from " + from + " failed: " + t);
            return;
        }
        for (OSCMessage m : received) {
            try {
                handle(m, from);
            } catch (Throwable t) {
                System.err.println("warning: OSC " + m.getAddress() + " from " + from + " failed: " + t);
                send(from, "error", "", results.relative("internal error: " + t, config.home()));
            }
        }
    }

    private static List<OSCMessage> messages(OSCPacket packet) {
        if (packet instanceof OSCMessage m) return List.of(m);
        List<OSCMessage> out = new ArrayList<>();
        if (packet instanceof OSCBundle b) for (OSCPacket p : b.getPackets()) out.addAll(messages(p));
        return out;
    }

    private void handle(OSCMessage m, SocketAddress from) {
        List<Object> args = m.getArguments();
        switch (m.getAddress()) {
            case PREFIX + "ping" -> send(replyTo(from, args, 0), "pong", version, stringArg(args, 1), resultsFolderFor(from));
            case PREFIX + "generate" -> generate(args, from);
            case PREFIX + "drumify" -> drumify(args, from);
            case PREFIX + "groove" -> groove(args, from);
            case PREFIX + "interpolate" -> interpolate(args, from);
            case PREFIX + "cancel" -> cancel(args, from);
            default -> send(from, "error", "", "unknown address " + m.getAddress() + "; see docs/osc.md");
        }
    }

    /**
     * {@code /loopsmith/generate <text> [bars] [seed] [reply_port] [audio] [request]}; 0 means "from the text" / "any".
     * The request id, any string the client picks, comes back with {@code queued} and with an error before there is a
     * job: a client that cannot see who sent a reply (Max's udpreceive) knows its own by it, then by the job id.
     */
    private void generate(List<Object> args, SocketAddress from) {
        SocketAddress to = replyTo(from, args, 3);
        String request = stringArg(args, 5);
        String text = args.isEmpty() ? "" : String.valueOf(args.get(0));
        int bars = intArg(args, 1);
        long seed = intArg(args, 2);
        boolean audio = intArg(args, 4) != 0;
        GenerateForm form = new GenerateForm(text, null, null, null, null, null, null, bars > 0 ? bars : null, null, null,
                null, null, null, seed > 0 ? seed : null, null, null, null, audio, null, null, null, null, null, null);
        try {
            form.check(config.maxPromptChars());
            GenerateOptions o = form.toOptions(config.outDir(), Optional.empty());
            watch(admission.submit(o), to, request);
        } catch (ApiException | InvalidRequestException e) {
            send(to, "error", request, results.relative(e.getMessage(), config.home()));
        } catch (Jobs.Full e) {
            send(to, "error", request, "busy: " + e.getMessage());
        }
    }

    /** A queued job's replies to {@code to}: queued now, then notes, progress and done or error as it goes. */
    private void watch(Job job, SocketAddress to, String request) {
        send(to, "queued", job.id(), request);
        watched.put(job, to);
        // The notes as soon as a result's MIDI is written, before its stems and piano roll: Live has its clip then.
        job.listenForMidi(folder -> {
            sendNotes(to, job.id(), folder);
            notesSent.merge(job.id(), 1, Integer::sum);
        });
        job.listen(v -> report(v, to));
    }

    /**
     * {@code /loopsmith/drumify <genre> <bpm> <beats> <seed> <reply_port> <audio> <request> (<pitch> <start> <length>
     * <velocity>)…}: the clip's notes, in beats from its start as {@code /loopsmith/notes} carries them, drumified as
     * {@code POST /api/drumify} does, the whole clip followed; replies as for generate.
     */
    private void drumify(List<Object> args, SocketAddress from) {
        SocketAddress to = replyTo(from, args, 4);
        String request = stringArg(args, 6);
        try {
            String genre = stringArg(args, 0);
            double bpm = doubleArg(args, 1);
            double beats = doubleArg(args, 2);
            long seed = intArg(args, 3);
            if (!(bpm >= 20 && bpm <= 400)) throw new ApiException(400, "bpm: expected 20 to 400");
            int bars = (int) Math.ceil(beats / 4 - 1e-9);
            if (bars < 1 || bars > GenerationRequest.MAX_BARS)
                throw new ApiException(400, "beats: the clip's length, expected more than 0 and at most " + 4 * GenerationRequest.MAX_BARS);
            Piece clip = clipOf(args.subList(Math.min(args.size(), DRUMIFY_NOTES_FROM), args.size()), bpm, bars);
            DrumifyForm form = new DrumifyForm(genre.isBlank() ? null : genre, seed > 0 ? seed : null, bars, null, intArg(args, 5) != 0, null);
            form.check();
            Path stored = uploads.storeMidi(MidiWriter.toBytes(clip));
            watch(admission.submit(form.toOptions(config.outDir(), stored)), to, request);
        } catch (ApiException | InvalidRequestException e) {
            send(to, "error", request, results.relative(e.getMessage(), config.home()));
        } catch (Jobs.Full e) {
            send(to, "error", request, "busy: " + e.getMessage());
        }
    }

    /**
     * {@code /loopsmith/groove <amount> <genre> <bpm> <beats> <seed> <reply_port> <request> (<pitch> <start> <length>
     * <velocity>)…}: a drum clip sent as its notes, grooved as {@code POST /api/groove} does. Grooving takes
     * milliseconds, so there is no job: the grooved clip comes back at once as {@code /loopsmith/notes} (part
     * {@code Drums}, the request id where a job's would be), then {@code /loopsmith/grooved <request> <seed> <hits>}.
     */
    private void groove(List<Object> args, SocketAddress from) {
        SocketAddress to = replyTo(from, args, 5);
        String request = stringArg(args, 6);
        try {
            String genre = stringArg(args, 1);
            double bpm = doubleArg(args, 2);
            double beats = doubleArg(args, 3);
            long seed = intArg(args, 4);
            if (!(bpm >= 20 && bpm <= 400)) throw new ApiException(400, "bpm: expected 20 to 400");
            int bars = (int) Math.ceil(beats / 4 - 1e-9);
            if (bars < 1 || bars > config.budget().maxPartBars())
                throw new ApiException(400, "beats: the clip's length, expected more than 0 and at most " + 4 * config.budget().maxPartBars());
            Piece notes = clipOf(args.subList(Math.min(args.size(), GROOVE_NOTES_FROM), args.size()), bpm, bars);
            // A Live clip carries no MIDI channel: its notes are taken as drums when any lies on a General MIDI drum key.
            List<Note> hits = notes.tracks().get(0).notes();
            if (hits.stream().noneMatch(n -> GeneralMidi.isDrumPitch(n.pitch())))
                throw new ApiException(400, "clip: no drums in the clip: none of its notes is on a General MIDI drum key ("
                        + GeneralMidi.MIN_DRUM_PITCH + "-" + GeneralMidi.MAX_DRUM_PITCH + ")");
            Piece clip = notes.withTracks(List.of(new Track("Drums", Role.DRUMS, 0, true, hits)));
            GrooveService.Grooved g = grooveService.groove(clip,
                    new GrooveForm(doubleArg(args, 0), genre.isBlank() ? null : genre, seed > 0 ? seed : null).toRequest());
            double tpq = g.piece().ticksPerQuarter();
            List<float[]> out = new ArrayList<>();
            for (Note n : g.piece().tracks().get(0).notes())
                out.add(new float[] {n.pitch(), (float) (n.startTick() / tpq), (float) (n.durationTicks() / tpq), n.velocity()});
            List<List<Object>> chunks = new OscNotes.Part("Drums", bars * 4.0, out).chunks();
            for (int i = 0; i < chunks.size(); i++) {
                List<Object> a = new ArrayList<>(List.of(request, "Drums", (float) (bars * 4.0), i, chunks.size()));
                a.addAll(chunks.get(i));
                send(to, "notes", a.toArray());
            }
            send(to, "grooved", request, (int) g.seed(), g.hits());
        } catch (ApiException e) {
            send(to, "error", request, results.relative(e.getMessage(), config.home()));
        } catch (LoopsmithException e) {
            send(to, "error", request, (e.file() == null ? "" : e.file().getFileName() + ": ") + e.reason());
        }
    }

    /**
     * {@code /loopsmith/interpolate <steps> <bpm> <beats_a> <beats_b> <seed> <reply_port> <request> <a_count> (A's notes)…
     * (B's notes)…}: two clips sent as their notes (the layout {@code /loopsmith/notes} uses, A's first), interpolated as
     * {@code POST /api/interpolate} does; replies as for generate, the steps one after another as the part
     * {@code Interpolation}. A Live clip carries no channel: a clip is taken as drums when all its notes lie on General
     * MIDI drum keys, most of them on kick, snare and hat keys, and some sound together.
     */
    private void interpolate(List<Object> args, SocketAddress from) {
        SocketAddress to = replyTo(from, args, 5);
        String request = stringArg(args, 6);
        Path a = null, b = null;
        try {
            int steps = intArg(args, 0);
            double bpm = doubleArg(args, 1);
            if (!(bpm >= 20 && bpm <= 400)) throw new ApiException(400, "bpm: expected 20 to 400");
            int barsA = barsOf(doubleArg(args, 2), "beats_a"), barsB = barsOf(doubleArg(args, 3), "beats_b");
            if (barsA != barsB)
                throw new ApiException(400, "clip_b: clip_a is " + barsA + " bars and clip_b is " + barsB + " bars: interpolate needs clips of the same length");
            long seed = intArg(args, 4);
            int countA = intArg(args, 7);
            List<Object> notes = args.subList(Math.min(args.size(), INTERPOLATE_NOTES_FROM), args.size());
            if (countA < 1 || 4L * countA >= notes.size())
                throw new ApiException(400, "a_count: the number of clip_a's notes, expected 1 or more with clip_b's notes after them");
            Piece clipA = asPart(clipOf(notes.subList(0, 4 * countA), bpm, barsA));
            Piece clipB = asPart(clipOf(notes.subList(4 * countA, notes.size()), bpm, barsB));
            InterpolateForm form = new InterpolateForm(steps > 0 ? steps : null, null, null, seed > 0 ? seed : null, false);
            form.check();
            a = uploads.storeMidi(MidiWriter.toBytes(clipA));
            b = uploads.storeMidi(MidiWriter.toBytes(clipB));
            Path storedA = a, storedB = b;
            a = b = null; // from here the job owns them
            watch(admission.submit(form.toOptions(config.outDir(), storedA, storedB)), to, request);
        } catch (ApiException | InvalidRequestException e) {
            send(to, "error", request, results.relative(e.getMessage(), config.home()));
        } catch (Jobs.Full e) {
            send(to, "error", request, "busy: " + e.getMessage());
        } finally {
            if (a != null) Uploads.delete(a);
            if (b != null) Uploads.delete(b);
        }
    }

    /** A clip's length in beats as whole bars of 4/4; a 400 naming {@code what} when it is none or too long. */
    private int barsOf(double beats, String what) {
        int bars = (int) Math.ceil(beats / 4 - 1e-9);
        if (bars < 1 || bars > loopsmith.service.InterpolateService.MAX_BARS)
            throw new ApiException(400, what + ": the clip's length, expected more than 0 and at most " + 4 * loopsmith.service.InterpolateService.MAX_BARS);
        return bars;
    }

    /** A clip sent as notes as one part: drums when it looks like a kit (see {@link #interpolate}), else a line or chords. */
    private static Piece asPart(Piece clip) {
        List<Note> notes = clip.tracks().get(0).notes();
        long onKit = notes.stream().filter(n -> n.pitch() >= 35 && n.pitch() <= 46 && n.pitch() != 41 && n.pitch() != 43 && n.pitch() != 45).count();
        boolean together = false;
        for (int i = 1; i < notes.size(); i++) together |= notes.get(i).startTick() == notes.get(i - 1).startTick();
        boolean drums = notes.stream().allMatch(n -> GeneralMidi.isDrumPitch(n.pitch())) && 2 * onKit >= notes.size() && together;
        Track part = drums ? new Track("Drums", Role.DRUMS, 0, true, notes)
                : new Track("Clip", loopsmith.music.RoleGuesser.guess("", 0, false, notes, clip.ticksPerQuarter()), 0, false, notes);
        return clip.withTracks(List.of(part));
    }

    /** Arguments of {@code interpolate} before its notes. */
    private static final int INTERPOLATE_NOTES_FROM = 8;

    /** Arguments of {@code groove} before its notes. */
    private static final int GROOVE_NOTES_FROM = 7;

    /** Arguments of {@code drumify} before its notes. */
    private static final int DRUMIFY_NOTES_FROM = 7;
    /** The resolution a clip sent as notes is written at: a 1/480 beat is finer than Live's note starts need. */
    private static final int CLIP_TICKS_PER_QUARTER = 480;

    /** The notes of a drumify request as a 4/4 clip at {@code bpm}, {@code bars} long; bad notes are a 400 with the reason. */
    private static Piece clipOf(List<Object> notes, double bpm, int bars) {
        if (notes.isEmpty()) throw new ApiException(400, "clip: empty clip: it has no notes");
        if (notes.size() % 4 != 0) throw new ApiException(400, "clip: notes come as pitch, start, length, velocity; got " + notes.size() + " numbers");
        int tpq = CLIP_TICKS_PER_QUARTER;
        long end = (long) bars * 4 * tpq;
        List<Note> out = new ArrayList<>();
        for (int i = 0; i < notes.size(); i += 4) {
            int pitch = intArg(notes, i);
            int velocity = intArg(notes, i + 3);
            long start = Math.round(doubleArg(notes, i + 1) * tpq);
            long length = Math.max(1, Math.round(doubleArg(notes, i + 2) * tpq));
            if (pitch < 0 || pitch > 127 || velocity < 1 || velocity > 127 || start < 0 || start >= end)
                throw new ApiException(400, "clip: note " + (i / 4 + 1) + " is not a note of the clip (pitch 0-127, velocity 1-127, start in it)");
            out.add(new Note(pitch, velocity, start, Math.min(length, end - start)));
        }
        return Piece.of(tpq, bpm, TimeSignature.FOUR_FOUR, Optional.empty(), List.of(new Track("Notes", Role.MELODY, 0, false, out)), end);
    }

    /** As {@link #intArg}, for floats: 0 when absent or not a number. */
    private static double doubleArg(List<Object> args, int index) {
        if (args.size() <= index) return 0;
        Object a = args.get(index);
        if (a instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(String.valueOf(a).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code /loopsmith/cancel <job> [reply_port]}: the job ends with {@code /loopsmith/error <job> cancelled}. */
    private void cancel(List<Object> args, SocketAddress from) {
        String id = stringArg(args, 0);
        Optional<Job> job = jobs.get(id);
        if (job.isEmpty()) send(replyTo(from, args, 1), "error", id, "no such job");
        else if (!jobs.cancel(job.get())) send(replyTo(from, args, 1), "error", id, "the job has already ended; nothing to cancel");
    }

    /** The output folder, for a sender on this machine only (a device that reads the files); "" for anyone else. */
    private String resultsFolderFor(SocketAddress from) {
        return from instanceof InetSocketAddress in && in.getAddress().isLoopbackAddress() ? config.outDir().toString() : "";
    }

    private void report(Job.View v, SocketAddress to) {
        switch (v.status()) {
            case DONE -> {
                int early = notesSent.getOrDefault(v.id(), 0);
                int index = 0;
                for (Path folder : v.folders()) {
                    if (index++ >= early) sendNotes(to, v.id(), folder);
                    // Names relative to the output folder: the folder's, then its files'.
                    List<Object> a = new ArrayList<>();
                    a.add(v.id());
                    a.add(folder.getFileName().toString());
                    for (Path f : ResultFiles.files(folder)) a.add(f.getFileName().toString());
                    send(to, "done", a.toArray());
                }
            }
            case FAILED, CANCELLED -> send(to, "error", v.id(), results.relative(v.error(), config.home()));
            case RUNNING -> send(to, "progress", v.id(), (float) v.progress());
            case QUEUED -> send(to, "progress", v.id(), 0f);
        }
        if (v.status().isFinal()) {
            watched.keySet().removeIf(j -> j.id().equals(v.id()));
            notesSent.remove(v.id());
        }
    }

    /**
     * Every MIDI part of a result as {@code /loopsmith/notes} messages, before its {@code done}: a device takes the
     * notes from them, so it needs no path to the server's files (the server may run in WSL2, Docker or on another
     * machine, where a path means nothing on Live's side). A part whose file cannot be read is left out; the device then
     * falls back to reading the file.
     */
    private void sendNotes(SocketAddress to, String job, Path folder) {
        for (Path f : ResultFiles.files(folder)) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".mid") || name.indexOf('_') < 1) continue;
            Optional<OscNotes.Part> part = OscNotes.read(f, name.substring(0, name.indexOf('_')));
            if (part.isEmpty()) continue;
            List<List<Object>> chunks = part.get().chunks();
            for (int i = 0; i < chunks.size(); i++) {
                List<Object> a = new ArrayList<>(List.of(job, part.get().name(), (float) part.get().lengthBeats(), i, chunks.size()));
                a.addAll(chunks.get(i));
                send(to, "notes", a.toArray());
            }
        }
    }

    private void tick() {
        double expected = jobs.expectedSeconds();
        watched.forEach((job, to) -> {
            Job.View v = job.view(expected);
            if (v.status() == Job.Status.RUNNING) send(to, "progress", v.id(), (float) v.progress());
        });
    }

    /** The sender, or the same host at the reply port given as argument {@code index} (0 or absent: the sender's port). */
    private static SocketAddress replyTo(SocketAddress from, List<Object> args, int index) {
        int port = intArg(args, index);
        if (port <= 0 || port > 65535 || !(from instanceof InetSocketAddress in)) return from;
        InetAddress host = in.getAddress();
        return new InetSocketAddress(host, port);
    }

    /** Argument {@code index} as text ("" when absent), at most 64 characters: it is only ever echoed back. */
    private static String stringArg(List<Object> args, int index) {
        if (args.size() <= index) return "";
        String s = String.valueOf(args.get(index));
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /** Max sends ints as 'i' and floats as 'f'; other software may send 'h' or 'd' or a number as text. */
    private static int intArg(List<Object> args, int index) {
        if (args.size() <= index) return 0;
        Object a = args.get(index);
        if (a instanceof Number n) return (int) Math.round(n.doubleValue());
        try {
            return Integer.parseInt(String.valueOf(a).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void send(SocketAddress to, String what, Object... args) {
        ByteBuffer buf = ByteBuffer.allocate(MAX_PACKET_BYTES);
        BufferBytesReceiver bytes = new BufferBytesReceiver(buf);
        OSCSerializer serializer = codec.buildSerializer(bytes);
        try {
            serializer.write(new OSCMessage(PREFIX + what, List.of(args)));
            byte[] data = bytes.toByteArray();
            synchronized (socket) {
                socket.send(new DatagramPacket(data, data.length, to));
            }
        } catch (OSCSerializeException | IOException | RuntimeException e) {
            // UDP has no one to report to when the reply itself cannot go out; the server's log is the place.
            System.err.println("warning: OSC reply to " + to + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        socket.close();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
