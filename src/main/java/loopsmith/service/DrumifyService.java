package loopsmith.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import loopsmith.audio.Analyzer;
import loopsmith.audio.AudioAnalysis;
import loopsmith.eval.DrumIdioms;
import loopsmith.export.AbletonExport;
import loopsmith.export.Sidecar;
import loopsmith.generate.EngineException;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.Generator;
import loopsmith.generate.GenreInstruments;
import loopsmith.generate.JavaLanguageModel;
import loopsmith.generate.KeyConstraint;
import loopsmith.generate.SamplingConfig;
import loopsmith.library.Synonyms;
import loopsmith.midi.MidiReader;
import loopsmith.model.JavaGpt;
import loopsmith.model.ModelFile;
import loopsmith.music.BarGrid;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.Track;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;

/**
 * Drumify: a drum part that follows any clip's rhythm, written by the model.
 *
 * <p>The model writes several candidate drum parts under the genre tag: half of them accompanying the clip (the clip is
 * the seed and the drums the part added to it, so each drum bar is written hearing the clip's bar), half for the genre
 * alone. The model learned its parts in a fixed order with the drums first, so a drum part written after a melody is
 * a less familiar task and holds the genre's idiom less often; the genre-only candidates keep the idiom within reach.
 * Each candidate is then made to carry every onset of the clip ({@link OnsetCover#follow}: a hit where the model left
 * an onset bare, a kick or snare on the strong ones, the drum chosen from what the other candidates play there), and
 * the one kept is the one that still holds the genre's drum idiom, then the one whose own hits covered the most onsets
 * (the fewest added). Sampling with the coverage as a hard constraint inside
 * the grammar was the alternative; it would need the engine to know onset positions per bar and to force a drum
 * token where the model may not want one, and it would still not choose kick or snare by the idiom. Choosing among
 * the model's own parts keeps its idiom and adds only what is missing.
 */
public final class DrumifyService {
    /** Without --bars, a clip longer than this is followed for its first bars only: Drumify makes a loop. */
    public static final int DEFAULT_MAX_BARS = 8;
    public static final int DEFAULT_CANDIDATES = 4;
    private static final String CLIP_PREFIX = "Clip ";

    private final Path home;
    private final Clock clock;
    private final String version;
    private final double maxClipSeconds;

    public DrumifyService(Path home, Clock clock, String version, double maxClipSeconds) {
        this.home = home;
        this.clock = clock;
        this.version = version;
        this.maxClipSeconds = maxClipSeconds;
    }

    /** A clip read and cut to the bars to follow; {@code kind} is "midi" or "audio", and an audio clip has its analysis. */
    public record Clip(Path file, String kind, Piece piece, Optional<AudioAnalysis.Summary> analysis) { }

    /**
     * What one Drumify made, and how well the drums carry the clip.
     *
     * @param own       the onsets the model's part covered before Drumify added hits
     * @param seed      the chosen candidate's seed
     * @param heardClip whether the chosen candidate was written hearing the clip (else for the genre alone)
     */
    public record Drumified(Piece piece, Track drums, OnsetCover.Coverage own, OnsetCover.Coverage result, Optional<Boolean> idiom,
                            int added, long seed, int candidates, Optional<String> genre, boolean heardClip) { }

    public record Outcome(Path folder, Drumified drumified, List<String> warnings, double seconds) { }

    public Outcome drumify(DrumifyOptions o) {
        long t0 = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        Clip clip = readClip(o.clip(), o.bars(), maxClipSeconds);
        Engine engine = Engine.load(o.model().orElse(home.resolve(GenerateService.DEFAULT_MODEL)), o.model().isEmpty(), o.candidates() > 1);
        Optional<String> genre = engine.genre(o.genre());
        long seed = o.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
        Drumified d = engine.follow(clip, genre, seed, o.candidates());
        if (d.idiom().filter(ok -> !ok).isPresent())
            warnings.add("no candidate holds the " + genre.get() + " drum idiom with this clip's onsets; kept the one that covers the most");

        Sidecar.DrumifyRequest request = new Sidecar.DrumifyRequest(o.clip().getFileName().toString(), clip.kind(), genre.orElse(null),
                (int) d.piece().lengthBars(), d.piece().initialBpm(), seed, o.candidates(), clip.analysis().orElse(null));
        Sidecar.ModelInfo model = modelInfo(engine.model);
        Sidecar.DrumifyFigures generation = new Sidecar.DrumifyFigures(d.result().onsets(), d.result().strong(), d.own().covered(),
                d.result().covered(), d.result().strongWithKickOrSnare(), d.result().kickSnareOnOnsets(), d.result().kickSnareHits(),
                d.added(), d.seed(), d.heardClip(), d.idiom().orElse(null), warnings);
        Path folder = AbletonExport.write(new AbletonExport.Item(d.piece(), "drumify" + genre.map(g -> "-" + g).orElse(""), seed,
                request, model, generation, version), o.outDir(), o.export(), clock);
        return new Outcome(folder, d, warnings, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * How much a Drumify asks for, known before the model runs (as {@link GenerateService#estimate} for generate): a
     * MIDI clip is read, an audio clip's header only (its tempo taken as the slowest the analysis reports). Its parts
     * are the candidates the model writes plus the clip's tracks, so both the tokens and the stems are counted high.
     */
    public GenerateService.Work estimate(DrumifyOptions o) {
        String name = o.clip().getFileName().toString().toLowerCase(Locale.ROOT);
        boolean midi = name.endsWith(".mid") || name.endsWith(".midi");
        int splitStems = o.export().splitDrums() ? loopsmith.music.DrumGroup.values().length : 0;
        if (midi) {
            Piece p = readClip(o.clip(), o.bars(), maxClipSeconds).piece();
            double seconds = p.secondsAt(p.endTick());
            return new GenerateService.Work((int) p.lengthBars(), o.candidates() + p.tracks().size(), 1, seconds, o.export().audio(),
                    p.lengthBars(), p.tracks().size(), splitStems);
        }
        loopsmith.audio.AudioFileInfo info = loopsmith.audio.AudioFileInfo.read(o.clip());
        int bars = o.bars().orElse(DEFAULT_MAX_BARS);
        double barSeconds = 4 * 60.0 / loopsmith.audio.TempoDetector.MIN_BPM;
        double seconds = Math.min(bars * barSeconds, info.seconds() + barSeconds);
        return new GenerateService.Work(bars, o.candidates() + 2, 1, seconds, o.export().audio(), 0, 0, splitStems);
    }

    /** The clip as a piece of its first {@code bars} bars (default: all, at most {@link #DEFAULT_MAX_BARS}). */
    public static Clip readClip(Path file, Optional<Integer> bars, double maxClipSeconds) {
        if (!Files.isRegularFile(file)) throw new LoopsmithException(file, "no such clip");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        DrumifyOptions.checkBars(bars);
        if (name.endsWith(".mid") || name.endsWith(".midi")) {
            Piece p = MidiReader.read(file).piece();
            if (p.noteCount() == 0) throw new LoopsmithException(file, "empty clip: it has no notes");
            int n = bars.orElse((int) Math.min(DEFAULT_MAX_BARS, Math.max(1, p.lengthBars())));
            Piece cut = firstBars(p, n);
            if (cut.noteCount() == 0) throw new LoopsmithException(file, "no notes in its first " + n + " bars");
            return new Clip(file, "midi", cut, Optional.empty());
        }
        if (name.endsWith(".wav") || name.endsWith(".aif") || name.endsWith(".aiff") || name.endsWith(".flac")) {
            AudioAnalysis a = Analyzer.analyze(file, maxClipSeconds).startingAtDownbeat();
            int n = bars.orElse(Math.max(1, Math.min(DEFAULT_MAX_BARS, a.tempo().bars())));
            Piece p = a.toPiece(n);
            if (p.noteCount() == 0) throw new LoopsmithException(file, "no onsets: the analysis found no drum hits or notes in it");
            return new Clip(file, "audio", p, Optional.of(a.summary(file.getFileName().toString(), null)));
        }
        throw new LoopsmithException(file, "not a clip Drumify reads: expected a MIDI file (.mid) or audio (.wav, .aif, .aiff, .flac)");
    }

    /** The piece's first {@code bars} bars: notes starting there, cut at the bar line, empty tracks left out. */
    public static Piece firstBars(Piece p, int bars) {
        BarGrid grid = p.barGrid();
        long end = grid.barStartTick(bars);
        List<Track> tracks = new ArrayList<>();
        for (Track t : p.tracks()) {
            List<Note> notes = new ArrayList<>();
            for (Note n : t.notes())
                if (n.startTick() < end) notes.add(new Note(n.pitch(), n.velocity(), n.startTick(), Math.max(1, Math.min(n.durationTicks(), end - n.startTick()))));
            if (!notes.isEmpty()) tracks.add(t.withNotes(notes));
        }
        return p.withTracks(tracks).withEndTick(end);
    }

    /** The model as Drumify's and Interpolate's sidecars record it: by file name, with its SHA-256 and config. */
    static Sidecar.ModelInfo modelInfo(ModelFile model) {
        return new Sidecar.ModelInfo(model.file().getFileName().toString(), GenerateService.sha256(model.file()), model.config());
    }

    /** The genre as {@code model}'s tag ("hip hop" → hip-hop); an error naming the genres it knows when it knows none. */
    static Optional<String> genreTag(ModelFile model, Optional<String> raw) {
        if (raw.isEmpty()) return Optional.empty();
        String g = Synonyms.genre(raw.get()).map(Token.Tag::normalize).orElse(Token.Tag.normalize(raw.get()));
        Token.Tag tag = new Token.Tag(Token.TagKind.GENRE, g);
        boolean seen = model.seenTags().map(s -> s.contains(tag.toString())).orElse(true);
        if (!model.vocabulary().contains(tag) || !seen) {
            String known = model.seenTags().map(s -> s.stream().filter(t -> t.startsWith("GENRE=")).map(t -> t.substring(6)).sorted().toList().toString())
                    .orElse("see prompt explain");
            throw new InvalidRequestException(RequestField.GENRE, "unknown genre '" + raw.get() + "' for this model (it knows " + known + ")");
        }
        return Optional.of(g);
    }

    /** A loaded model and its generator: what the CLI loads once per call and the bench once per run. */
    public static final class Engine {
        private final ModelFile model;
        private final Generator generator;

        private Engine(ModelFile model, boolean oneCorePerCandidate) {
            this.model = model;
            JavaGpt java = new JavaGpt(model.config(), model.contents().tensors());
            this.generator = new Generator(oneCorePerCandidate ? new JavaLanguageModel(java, 1) : new JavaLanguageModel(java), model.vocabulary());
        }

        /** The model at {@code path}; {@code bundled} says it is the default one, for the error when it is missing. */
        public static Engine load(Path path, boolean bundled, boolean oneCorePerCandidate) {
            if (bundled && !Files.exists(path))
                throw new LoopsmithException(path, "no default model found; train one and name it as the model to use");
            return new Engine(ModelFile.load(path), oneCorePerCandidate);
        }

        /** The genre as this model's tag ("hip hop" → hip-hop); an error naming the genres it knows when it knows none. */
        public Optional<String> genre(Optional<String> raw) {
            return genreTag(model, raw);
        }

        /**
         * The drums the model writes for the clip, made to carry its onsets. Of the {@code candidates}, half (rounded
         * up) are written hearing the clip and the rest for the genre alone, seeds seed..seed+n-1.
         */
        public Drumified follow(Clip clip, Optional<String> genre, long seed, int candidates) {
            Piece input = clip.piece();
            int maxSeedTracks = model.vocabulary().config().maxTracks() - 1;
            if (input.tracks().size() > maxSeedTracks) { // the model hears the busiest parts; every onset still counts
                List<Track> busiest = input.tracks().stream().sorted(Comparator.comparingInt((Track t) -> t.notes().size()).reversed())
                        .limit(maxSeedTracks).toList();
                input = input.withTracks(input.tracks().stream().filter(busiest::contains).toList());
            }
            int hearing = (candidates + 1) / 2;
            GenerationRequest request = new GenerationRequest(Tags.of(genre.orElse(null), null, null), input.initialBpm(),
                    input.initialTimeSignature(), input.key(), (int) input.lengthBars(), List.of(drumSpec(genre)), KeyConstraint.OFF,
                    SamplingConfig.defaults(), seed, hearing, Optional.of(input), GenerationRequest.Mode.ACCOMPANY, 0, -1);
            List<Generator.Result> results = new ArrayList<>(generator.generate(request));
            if (candidates > hearing)
                results.addAll(generator.generate(fresh(clip, genre, seed + hearing, candidates - hearing)));
            Drumified best = choose(clip, genre, results, hearing, candidates);
            // None holds the genre's idiom: as generate does, the model writes more parts for the genre (once more as many).
            if (best.idiom().filter(ok -> !ok).isPresent()) {
                results.addAll(generator.generate(fresh(clip, genre, seed + candidates, candidates)));
                best = choose(clip, genre, results, hearing, 2 * candidates);
            }
            return best;
        }

        /** The best of the model's drum parts for the clip, each made to carry its onsets; the first {@code hearing} heard it. */
        private Drumified choose(Clip clip, Optional<String> genre, List<Generator.Result> results, int hearing, int candidates) {
            int tpq = results.get(0).piece().ticksPerQuarter();
            Piece clipAtTpq = clip.piece().withResolution(tpq);
            List<OnsetCover.Onset> onsets = OnsetCover.onsets(clipAtTpq);
            List<Track> drums = results.stream().map(r -> last(r.piece())).toList();
            Drumified best = null;
            for (int i = 0; i < results.size(); i++) {
                Piece made = results.get(i).piece();
                List<Track> others = new ArrayList<>(drums);
                others.remove(i);
                OnsetCover.Followed f = OnsetCover.follow(made, drums.get(i), others, onsets, genre);
                List<Track> tracks = new ArrayList<>();
                tracks.add(f.drums().withName(Role.DRUMS.displayName()));
                // "Clip Bass": the clip's parts, for reference, apart from the drums even when the clip is a drum loop.
                for (Track t : clipAtTpq.tracks()) tracks.add(t.withName(CLIP_PREFIX + t.name()));
                Piece out = made.withTracks(tracks);
                Optional<Boolean> idiom = genre.flatMap(g -> DrumIdioms.judge(made.withTracks(List.of(f.drums()))).flatMap(v -> v.passes(g)));
                Drumified d = new Drumified(out, f.drums(), OnsetCover.coverage(onsets, drums.get(i), tpq),
                        OnsetCover.coverage(onsets, f.drums(), tpq), idiom, f.added(), results.get(i).seed(), candidates, genre, i < hearing);
                if (best == null || better(d, best)) best = d;
            }
            return best;
        }

        /** The model's drums for the genre at the clip's tempo, meter and bars, not hearing it: the baseline to follow against. */
        public Drumified unconstrained(Clip clip, Optional<String> genre, long seed) {
            Piece made = generator.generate(fresh(clip, genre, seed, 1)).get(0).piece();
            List<OnsetCover.Onset> onsets = OnsetCover.onsets(clip.piece().withResolution(made.ticksPerQuarter()));
            Track drums = last(made);
            OnsetCover.Coverage c = OnsetCover.coverage(onsets, drums, made.ticksPerQuarter());
            Optional<Boolean> idiom = genre.flatMap(g -> DrumIdioms.judge(made).flatMap(v -> v.passes(g)));
            return new Drumified(made, drums, c, c, idiom, 0, seed, 1, genre, false);
        }

        /** Drums alone for the genre at the clip's tempo, meter and bars. */
        private static GenerationRequest fresh(Clip clip, Optional<String> genre, long seed, int variations) {
            Piece input = clip.piece();
            return new GenerationRequest(Tags.of(genre.orElse(null), null, null), input.initialBpm(), input.initialTimeSignature(),
                    input.key(), (int) input.lengthBars(), List.of(drumSpec(genre)), KeyConstraint.OFF, SamplingConfig.defaults(), seed,
                    variations, Optional.empty(), GenerationRequest.Mode.NEW, 0, -1);
        }

        private static loopsmith.generate.TrackSpec drumSpec(Optional<String> genre) {
            return GenreInstruments.forGenre(genre.map(g -> Synonyms.genre(g).orElse(g))).track(Role.DRUMS);
        }

        /** The part added in accompany mode: the engine lists the seed's parts first. */
        private static Track last(Piece p) {
            Track t = p.tracks().get(p.tracks().size() - 1);
            if (!t.isDrum()) throw new EngineException("the added part is not drums: " + t.name());
            return t;
        }

        /** The idiom held first, then the most onsets the model covered itself, then its strong ones. */
        private static boolean better(Drumified a, Drumified b) {
            int ia = a.idiom().map(ok -> ok ? 1 : 0).orElse(0), ib = b.idiom().map(ok -> ok ? 1 : 0).orElse(0);
            if (ia != ib) return ia > ib;
            if (a.own().covered() != b.own().covered()) return a.own().covered() > b.own().covered();
            return a.own().strongWithKickOrSnare() > b.own().strongWithKickOrSnare();
        }
    }
}
