package loopsmith.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import loopsmith.eval.ClipSimilarity;
import loopsmith.export.AbletonExport;
import loopsmith.export.Sidecar;
import loopsmith.generate.Interpolation;
import loopsmith.generate.JavaLanguageModel;
import loopsmith.generate.NoteSurprise;
import loopsmith.midi.MidiReader;
import loopsmith.model.JavaGpt;
import loopsmith.model.ModelFile;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.Track;
import loopsmith.tokens.Tags;

/**
 * Interpolate, for the CLI, the HTTP API and OSC alike: two clips of one part in, the clips between them out (see
 * {@link Interpolation}), judged by the model (the bundled default unless one is named), written as one result folder:
 * the steps one after another as the part {@code Interpolation} (MIDI, stem), and each step as its own MIDI file.
 */
public final class InterpolateService {
    /** Longest clip interpolated: a loop, not a song. */
    public static final int MAX_BARS = 16;
    public static final String PART_NAME = "Interpolation";

    private final Path home;
    private final Clock clock;
    private final String version;
    private final ConcurrentMap<Path, Engine> loaded = new ConcurrentHashMap<>();

    public InterpolateService(Path home, Clock clock, String version) {
        this.home = home;
        this.clock = clock;
        this.version = version;
    }

    /** A clip's part, as interpolation takes it. */
    public record Clip(Path file, Piece piece, Track part) { }

    /**
     * What one Interpolate made.
     *
     * @param toA         similarity of each step to A ({@link ClipSimilarity})
     * @param toB         similarity of each step to B
     * @param modelJudged whether the model ordered the edits (else the metric backbone did)
     */
    public record Interpolated(Interpolation.Result result, List<ClipSimilarity.Similarity> toA, List<ClipSimilarity.Similarity> toB,
                               boolean modelJudged, long seed, List<String> warnings) { }

    public record Outcome(Path folder, Interpolated interpolated, double seconds) { }

    public Outcome interpolate(InterpolateOptions o) {
        long t0 = System.nanoTime();
        Clip a = readClip(o.clipA(), o.part());
        Clip b = readClip(o.clipB(), o.part());
        long seed = o.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
        Engine engine = engine(o.model().orElse(home.resolve(GenerateService.DEFAULT_MODEL)), o.model().isEmpty());
        Optional<String> genre = DrumifyService.genreTag(engine.model, o.genre());
        Interpolated made = interpolate(a, b, o.steps(), genre, seed, engine);

        Sidecar.InterpolateRequest request = new Sidecar.InterpolateRequest(o.clipA().getFileName().toString(),
                o.clipB().getFileName().toString(), a.part().role().label(), o.steps(), a.piece().lengthBars(), genre.orElse(null), seed);
        Sidecar.ModelInfo model = DrumifyService.modelInfo(engine.model);
        Sidecar.InterpolateFigures generation = new Sidecar.InterpolateFigures(made.result().shared(), made.result().onlyA(),
                made.result().onlyB(), made.modelJudged() ? "model" : "metric", made.toA().stream().map(InterpolateService::figures).toList(),
                made.toB().stream().map(InterpolateService::figures).toList(), made.warnings());
        Piece sequence = made.result().sequence();
        sequence = sequence.withTracks(List.of(sequence.tracks().get(0).withName(PART_NAME)));
        Map<String, Piece> steps = new LinkedHashMap<>();
        List<Piece> clips = made.result().steps();
        for (int i = 0; i < clips.size(); i++)
            steps.put(String.format(Locale.ROOT, "Step%02d", i + 1), clips.get(i).withTracks(List.of(clips.get(i).tracks().get(0).withName("Step " + (i + 1)))));
        Path folder = AbletonExport.write(new AbletonExport.Item(sequence, "interpolate" + genre.map(g -> "-" + g).orElse(""), seed,
                request, model, generation, version), o.outDir(), o.export(), clock, f -> { }, steps);
        return new Outcome(folder, made, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * How much an Interpolate asks for, known before the model runs (as {@link GenerateService#estimate} for generate):
     * both clips are read and checked as a pair, so a bad pair is refused before it is queued.
     */
    public GenerateService.Work estimate(InterpolateOptions o) {
        Clip a = readClip(o.clipA(), o.part()), b = readClip(o.clipB(), o.part());
        checkPair(a, b);
        long bars = a.piece().lengthBars();
        double seconds = a.piece().secondsAt(a.piece().barGrid().barStartTick(bars)) * o.steps();
        return new GenerateService.Work((int) bars * o.steps(), 1, 1, seconds, o.export().audio(), bars, 2, 0);
    }

    /** The steps from {@code a} to {@code b} as {@code engine}'s model orders them, with their similarities to both. */
    public static Interpolated interpolate(Clip a, Clip b, int steps, Optional<String> genre, long seed, Engine engine) {
        checkPair(a, b);
        List<String> warnings = new ArrayList<>();
        if (a.part().role() != b.part().role())
            warnings.add(a.file().getFileName() + " reads as " + a.part().role().label() + " and " + b.file().getFileName() + " as "
                    + b.part().role().label() + "; interpolated as one part");
        Piece pa = a.piece();
        long end = pa.barGrid().barStartTick(pa.lengthBars());
        pa = pa.withEndTick(end);
        Piece pb = new Piece(pa.ticksPerQuarter(), pa.tempos(), pa.timeSignatures(), pa.key(),
                b.piece().withResolution(pa.ticksPerQuarter()).tracks(), end);
        NoteSurprise surprise = engine.surprise(genre);
        boolean judged = surprise.fits(pa) && surprise.fits(pb);
        if (!judged) warnings.add("the model cannot read these clips whole (too long for its context, or a meter it does not know); "
                + "notes were ordered by the beat instead");
        Interpolation interpolation = new Interpolation(engine.model.vocabulary().config().positionsPerQuarter(),
                judged ? Optional.of(surprise) : Optional.empty(), InterpolateService::nearness);
        Interpolation.Result r = interpolation.between(pa, pb, steps, seed);
        List<ClipSimilarity.Similarity> toA = new ArrayList<>(), toB = new ArrayList<>();
        for (Piece step : r.steps()) {
            toA.add(ClipSimilarity.of(step, pa));
            toB.add(ClipSimilarity.of(step, pb));
        }
        return new Interpolated(r, toA, toB, judged, seed, warnings);
    }

    /** One part of a MIDI clip: the role asked for, else its only part (tracks of one role are merged). */
    public static Clip readClip(Path file, Optional<Role> role) {
        if (!Files.isRegularFile(file)) throw new LoopsmithException(file, "no such clip");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".mid") && !name.endsWith(".midi")) throw new LoopsmithException(file, "interpolate takes MIDI clips (.mid)");
        Piece p = MidiReader.read(file).piece();
        return clipOf(file, p, role);
    }

    /** As {@link #readClip(Path, Optional)} for a piece already read; {@code file} names it in errors. */
    public static Clip clipOf(Path file, Piece p, Optional<Role> role) {
        if (p.noteCount() == 0) throw new LoopsmithException(file, "empty clip: it has no notes");
        List<Track> parts = p.tracks().stream().filter(t -> !t.notes().isEmpty()).filter(t -> role.isEmpty() || t.role() == role.get()).toList();
        if (parts.isEmpty())
            throw new LoopsmithException(file, "no " + role.get().label() + " part in the clip (it has " + roles(p) + ")");
        if (parts.stream().map(Track::role).distinct().count() > 1 || parts.stream().map(Track::isDrum).distinct().count() > 1)
            throw new LoopsmithException(file, "the clip holds several parts (" + roles(p) + "); name the part to use");
        if (p.lengthBars() > MAX_BARS)
            throw new LoopsmithException(file, "the clip is " + p.lengthBars() + " bars long; interpolate takes clips of at most " + MAX_BARS);
        List<Note> notes = parts.stream().flatMap(t -> t.notes().stream()).toList();
        Track part = parts.get(0).withNotes(notes);
        return new Clip(file, p.withTracks(List.of(part)), part);
    }

    private static void checkPair(Clip a, Clip b) {
        String na = a.file().getFileName().toString(), nb = b.file().getFileName().toString();
        if (a.part().isDrum() != b.part().isDrum())
            throw new LoopsmithException(b.file(), na + " is " + kind(a) + " and " + nb + " is " + kind(b)
                    + ": interpolate moves between two clips of the same part");
        if (!a.piece().initialTimeSignature().equals(b.piece().initialTimeSignature()))
            throw new LoopsmithException(b.file(), na + " is in " + a.piece().initialTimeSignature() + " and " + nb + " in "
                    + b.piece().initialTimeSignature() + ": interpolate needs clips in the same meter");
        if (a.piece().lengthBars() != b.piece().lengthBars())
            throw new LoopsmithException(b.file(), na + " is " + bars(a.piece().lengthBars()) + " and " + nb + " is " + bars(b.piece().lengthBars())
                    + ": interpolate needs clips of the same length (loop or cut one first)");
    }

    private static String kind(Clip c) {
        return c.part().isDrum() ? "drums" : "a pitched part (" + c.part().role().label() + ")";
    }

    private static String bars(long n) {
        return n + (n == 1 ? " bar" : " bars");
    }

    private static String roles(Piece p) {
        return String.join(", ", p.tracks().stream().filter(t -> !t.notes().isEmpty()).map(t -> t.role().label()).distinct().toList());
    }

    /** The figure steps are kept rising by: {@link ClipSimilarity}'s overall similarity. */
    public static double nearness(Piece step, Piece target) {
        return ClipSimilarity.of(step, target).overall();
    }

    private static Sidecar.Similarity figures(ClipSimilarity.Similarity s) {
        return new Sidecar.Similarity(round(s.rhythm()), round(s.pitch()), round(s.notes()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private Engine engine(Path path, boolean bundled) {
        return loaded.computeIfAbsent(path.toAbsolutePath().normalize(), p -> Engine.load(path, bundled));
    }

    /** A model read once, on the plain-Java path: what the CLI loads once per call, the server and the bench once per run. */
    public static final class Engine {
        private final ModelFile model;
        private final JavaLanguageModel languageModel;

        private Engine(ModelFile model) {
            this.model = model;
            this.languageModel = new JavaLanguageModel(new JavaGpt(model.config(), model.contents().tensors()));
        }

        public static Engine load(Path path, boolean bundled) {
            if (bundled && !Files.exists(path))
                throw new LoopsmithException(path, "no default model found; train one and name it as the model to use");
            return new Engine(ModelFile.load(path));
        }

        public ModelFile model() {
            return model;
        }

        /** The model's judgement of notes, under the genre's tag when one is given. */
        public NoteSurprise surprise(Optional<String> genre) {
            return new NoteSurprise(languageModel, model.vocabulary(), Tags.of(genre.orElse(null), null, null));
        }
    }
}
