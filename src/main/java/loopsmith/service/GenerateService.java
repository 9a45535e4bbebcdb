package loopsmith.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import loopsmith.audio.Analyzer;
import loopsmith.audio.AudioAnalysis;
import loopsmith.audio.AudioFileInfo;
import loopsmith.audio.GrooveTemplate;
import loopsmith.audio.StemRenderer;
import loopsmith.audio.TempoDetector;
import loopsmith.audio.WavReader;
import loopsmith.eval.DrumIdiomGuard;
import loopsmith.export.ExportConfig;
import loopsmith.export.AbletonExport;
import loopsmith.export.Sidecar;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.GenreInstruments;
import loopsmith.generate.Generator;
import loopsmith.generate.JavaLanguageModel;
import loopsmith.generate.KeyConstraint;
import loopsmith.generate.PromptTags;
import loopsmith.generate.SamplingConfig;
import loopsmith.generate.TextPrompt;
import loopsmith.generate.TrackSpec;
import loopsmith.library.Synonyms;
import loopsmith.midi.MidiReadResult;
import loopsmith.midi.MidiReader;
import loopsmith.model.JavaGpt;
import loopsmith.model.ModelFile;
import loopsmith.music.Folders;
import loopsmith.music.Key;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;

/**
 * The one generation service the CLI, the web page and the OSC/HTTP API share: options in, result folders out.
 * Prompt text → tags (explicit options win, then a seed MIDI's tempo, key and meter, then genre defaults), the model
 * (the bundled default unless one is named) on the plain-Java inference path, the engine, and the Ableton export.
 */
public final class GenerateService {
    /** Where the bundled default model lives, relative to the installation. */
    public static final String DEFAULT_MODEL = "models/default.ckpt";
    /** A clip whose first downbeat is later than this did not start on its bar line: worth telling the producer. */
    private static final double MIN_DOWNBEAT_NOTE_SECONDS = 0.05;

    private final Path home;
    private final Clock clock;
    private final String version;
    private final double maxClipSeconds;
    private final int cores;
    /** The last model used, read, prepared and hashed once: a server's next request starts generating at once. */
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();
    /** The thread running the warm-up's generation, while it does; and whether a request has asked it to stop. */
    private volatile Thread warming;
    private volatile boolean warmUpStopped;

    /** A model file as generation uses it, and what identifies the file's version on disk. */
    private record Loaded(Path file, FileTime modified, long size, ModelFile model, JavaGpt java, String sha256) {
        boolean isCurrent(Path f) {
            try {
                return f.equals(file) && Files.getLastModifiedTime(f).equals(modified) && Files.size(f) == size;
            } catch (IOException e) {
                return false;
            }
        }
    }

    public GenerateService(Path home, Clock clock, String version) {
        this(home, clock, version, WavReader.MAX_SECONDS);
    }

    /** With audio clips decoded only up to {@code maxClipSeconds} (a server's limit; a FLAC may inflate past its header). */
    public GenerateService(Path home, Clock clock, String version, double maxClipSeconds) {
        this(home, clock, version, maxClipSeconds, 0);
    }

    /** Generating on at most {@code threads} cores (0 = all of them), so a DAW beside it keeps the others. */
    public GenerateService(Path home, Clock clock, String version, double maxClipSeconds, int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (all cores) or more");
        this.home = home;
        this.clock = clock;
        this.version = version;
        this.maxClipSeconds = maxClipSeconds;
        this.cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The piano roll and sidecar of a result folder, generously (a 32-bar roll is about 100 kB). */
    private static final long FOLDER_OVERHEAD_BYTES = 512 * 1024;
    /** MIDI per bar of one part, generously (a busy drum bar is a few hundred bytes), written twice (its file and Full). */
    private static final long MIDI_BYTES_PER_PART_BAR = 4 * 1024;

    /**
     * How much a request asks for, known before any of it runs (no model, no audio analysis): what a server checks its
     * budget against. Where the clip's analysis would decide, the larger answer is taken: its tempo as the slowest the
     * analysis reports, its bars as the most a request may have; when it decides both, the loop is as long as the clip
     * and a bar.
     *
     * @param bars        bars of the result (with a seed: the seed's, plus the new ones when continuing)
     * @param parts       parts of the result (the seed's and the new ones)
     * @param variations  results written
     * @param loopSeconds seconds of one result at its tempo and meter
     * @param audio       whether WAV stems and a mix are rendered
     * @param seedBars    bars of the seed MIDI (0 without one)
     * @param seedTracks  tracks of the seed MIDI (0 without one)
     * @param splitStems  stems beyond one per part: the pad groups of split drum parts
     */
    public record Work(int bars, int parts, int variations, double loopSeconds, boolean audio, long seedBars, int seedTracks,
                       int splitStems) {
        /** bars × parts × variations: the tokens the model writes grow with it. */
        public long partBars() {
            return (long) bars * parts * variations;
        }

        /** Seconds of WAV written: a stem per part, the split drums' and a mix, per variation. */
        public double audioSeconds() {
            return audio ? loopSeconds * (parts + 1 + splitStems) * variations : 0;
        }

        /** A generous guess at the bytes written: the WAVs (stereo, at the export's rate and depth), MIDI, piano roll, sidecar. */
        public long bytes(ExportConfig export) {
            double wav = audioSeconds() * export.sampleRateHz() * StemRenderer.CHANNELS * (export.bitsPerSample() / 8.0);
            return (long) Math.ceil(wav) + variations * FOLDER_OVERHEAD_BYTES + partBars() * MIDI_BYTES_PER_PART_BAR;
        }
    }

    /** The work of {@code o}, resolved as {@link #generate} resolves it; a seed MIDI is read, an audio clip's header only. */
    public Work estimate(GenerateOptions o) {
        PromptTags prompt = TextPrompt.parse(o.text().orElse(""));
        Optional<Piece> seed = o.seedMidi().map(f -> readSeed(f, new ArrayList<>()));
        Optional<AudioFileInfo> clip = o.audio().map(AudioFileInfo::read);
        boolean fromDefaults = o.seedMidi().isPresent();
        double bpm = o.bpm().orElseGet(() -> clip.isPresent() ? TempoDetector.MIN_BPM
                : seed.filter(p -> fromDefaults && prompt.defaulted().contains(PromptTags.BPM)).map(Piece::initialBpm).orElse(prompt.bpm().orElse(120)));
        TimeSignature meter = o.timeSignature()
                .or(() -> seed.filter(p -> prompt.defaulted().contains(PromptTags.TIME_SIGNATURE)).map(Piece::initialTimeSignature))
                .or(prompt::timeSignature).orElse(TimeSignature.FOUR_FOUR);
        int asked = o.bars().orElse(clip.isPresent() ? GenerationRequest.MAX_BARS : prompt.bars().orElse(8));
        int newParts = o.roles().orElse(clip.isPresent() ? rolesBeside(prompt.roles()) : prompt.roles()).size();
        long seedBars = seed.map(Piece::lengthBars).orElse(0L);
        int seedTracks = seed.map(p -> p.tracks().size()).orElse(0);
        int bars;
        int parts;
        if (seed.isEmpty()) {
            bars = asked;
            parts = newParts + (clip.isPresent() ? 1 : 0); // a clip's transcription becomes a part to accompany
        } else {
            bars = (int) Math.min(Integer.MAX_VALUE, seedBars + (o.mode() == GenerationRequest.Mode.CONTINUE ? asked : 0));
            parts = seedTracks + (o.mode() == GenerationRequest.Mode.ACCOMPANY ? newParts : 0);
        }
        double barSeconds = meter.numerator() * 4.0 / meter.denominator() * 60 / bpm;
        double loopSeconds = bars * barSeconds;
        if (clip.isPresent() && seed.isEmpty() && o.bars().isEmpty() && o.bpm().isEmpty())
            loopSeconds = Math.min(loopSeconds, clip.get().seconds() + barSeconds); // its bars at its tempo: its length, rounded up
        // Each drum part may fill every pad group: the new one (or the clip's transcription) and the seed's.
        int drumParts = 1 + seed.map(p -> (int) p.tracks().stream().filter(loopsmith.music.Track::isDrum).count()).orElse(0);
        int splitStems = o.export().splitDrums() ? drumParts * loopsmith.music.DrumGroup.values().length : 0;
        return new Work(bars, parts, o.variations(), loopSeconds, o.export().audio(), seedBars, seedTracks, splitStems);
    }

    /** What one call made: the parsed prompt, the request as run, the folders written, and notes for the user. */
    public record Outcome(PromptTags prompt, GenerationRequest request, List<Path> folders, List<String> warnings,
                          double seconds) { }

    public Outcome generate(GenerateOptions o) {
        return generate(o, folder -> { });
    }

    /**
     * As {@link #generate(GenerateOptions)}, telling {@code midiReady} each result folder as soon as its MIDI files are
     * written, before its stems and piano roll (see {@link AbletonExport#write(AbletonExport.Item, Path, ExportConfig,
     * Clock, java.util.function.Consumer)}).
     */
    public Outcome generate(GenerateOptions o, java.util.function.Consumer<Path> midiReady) {
        long t0 = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        PromptTags prompt = TextPrompt.parse(o.text().orElse(""));
        // The genre asked for settles the clip's tempo octave where its range does (trap at 140, not 70).
        Optional<String> genreAsked = o.genre().or(prompt::genre).map(Token.Tag::normalize);
        Optional<AudioAnalysis> clip = o.audio().map(f -> Analyzer.analyze(f, maxClipSeconds, genreAsked));
        Optional<Piece> seedPiece = o.seedMidi().map(f -> readSeed(f, warnings));
        // The request's bar limit holds with a seed too: accompanying or varying it makes as many bars as it has.
        seedPiece.filter(p -> p.lengthBars() > GenerationRequest.MAX_BARS).ifPresent(p -> {
            throw new LoopsmithException(o.seedMidi().get(), "seed MIDI has " + p.lengthBars() + " bars; at most "
                    + GenerationRequest.MAX_BARS + " (cut it shorter)");
        });
        Path modelPath = o.model().orElse(home.resolve(DEFAULT_MODEL));
        if (o.model().isEmpty() && !Files.exists(modelPath))
            throw new LoopsmithException(modelPath, "no default model found; train one and name it as the model to use");
        Loaded ready = load(modelPath);
        ModelFile model = ready.model();
        int maxTracks = model.vocabulary().config().maxTracks();
        // Refused before the engine plans the seed bar by bar and track by track.
        if (seedPiece.isPresent() && seedPiece.get().tracks().size() > maxTracks)
            throw new LoopsmithException(o.seedMidi().get(), "seed MIDI has " + seedPiece.get().tracks().size() + " tracks; this model "
                    + "writes at most " + maxTracks + " parts");

        String genre = o.genre().or(prompt::genre).map(Token.Tag::normalize).orElse(null);
        GenerationRequest.Controls asked = feelAsked(o, clip, warnings);
        Tags tags = Tags.of(genre, o.style().or(prompt::style).orElse(null), o.mood().or(prompt::mood).orElse(null))
                .withFeel(asked.feel().or(prompt::feel));
        List<String> droppedTags = new ArrayList<>();
        tags = knownTags(tags, model, warnings, droppedTags);
        // Under a clip's feel the model writes on the grid, where it knows how to be asked to.
        Token.Tag tight = new Token.Tag(Token.TagKind.FEEL, "tight");
        if (o.feelFromAudio() && tags.feel().isEmpty() && model.vocabulary().contains(tight)
                && model.seenTags().map(seen -> seen.contains(tight.toString())).orElse(true))
            tags = tags.withFeel(Optional.of("tight"));

        boolean fromDefaults = o.seedMidi().isPresent();
        double bpm = o.bpm().or(() -> clip.map(c -> c.tempo().bpm())).orElseGet(() -> seedPiece.filter(p -> fromDefaults && prompt.defaulted().contains(PromptTags.BPM))
                .map(Piece::initialBpm).orElse(prompt.bpm().orElse(120)));
        Optional<Key> key = o.key();
        if (key.isEmpty()) key = clip.flatMap(AudioAnalysis::detectedKey);
        if (key.isEmpty()) key = seedPiece.filter(p -> prompt.defaulted().contains(PromptTags.KEY)).flatMap(Piece::key).or(prompt::key);
        TimeSignature meter = o.timeSignature()
                .or(() -> seedPiece.filter(p -> prompt.defaulted().contains(PromptTags.TIME_SIGNATURE)).map(Piece::initialTimeSignature))
                .or(prompt::timeSignature).orElse(TimeSignature.FOUR_FOUR);
        int bars = o.bars().or(() -> clip.map(c -> Math.min(GenerationRequest.MAX_BARS, c.tempo().bars()))).orElse(prompt.bars().orElse(8));
        List<Role> roles = o.roles().orElse(clip.isPresent() ? rolesBeside(prompt.roles()) : prompt.roles());
        // Drums in the idea, asked for or in a seed (an audio clip is the groove the parts go beside).
        boolean withDrums = roles.contains(Role.DRUMS) || clip.isPresent()
                || seedPiece.map(p -> p.tracks().stream().anyMatch(loopsmith.music.Track::isDrum)).orElse(false);
        List<TrackSpec> tracks = tracks(roles, prompt, Optional.ofNullable(genre), model.playedInstruments().orElse(List.of()), withDrums);
        GenerationRequest.Mode mode = o.mode();
        Optional<Piece> requestSeed = seedPiece;
        if (clip.isPresent() && seedPiece.isEmpty() && mode == GenerationRequest.Mode.NEW) {
            // The clip's transcription is the seed: the new parts are made beside its groove, in its time, bar 1 on
            // its first downbeat.
            Piece transcribed = clip.get().startingAtDownbeat().toPiece(bars);
            double downbeat = clip.get().tempo().downbeat().firstSeconds();
            if (downbeat >= MIN_DOWNBEAT_NOTE_SECONDS)
                warnings.add(String.format(Locale.ROOT, "%s: its first downbeat is %.2f s in; bar 1 of the parts starts "
                        + "there (set the clip's start marker to it in Live)", clip.get().file().getFileName(), downbeat));
            if (transcribed.noteCount() > 0) {
                requestSeed = Optional.of(transcribed);
                mode = GenerationRequest.Mode.ACCOMPANY;
            } else {
                warnings.add(clip.get().file().getFileName() + ": nothing to transcribe; only its tempo, key and length are used");
            }
        }

        int[] vary = varyRange(o, seedPiece);
        long seed = o.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
        // Min-p and the harmony bonus as the model asks (a learned model: no min-p cut), unless the request says.
        SamplingConfig asDefault = SamplingConfig.defaultsFor(model.sampling());
        SamplingConfig sampling = new SamplingConfig(o.temperature(), o.topK(), o.topP(), 1 << 20, o.guidance(),
                o.minP().orElse(asDefault.minP()), asDefault.harmony());
        // The feel as the model hears it: one it never saw was dropped above, with its warning.
        GenerationRequest.Controls controls = new GenerationRequest.Controls(asked.density().or(prompt::density),
                asked.swingPercent(), asked.quantizeSteps(), tags.feel());
        GenerationRequest request = new GenerationRequest(tags, bpm, meter, key, bars, tracks, o.inKey(), sampling, seed,
                o.variations(), requestSeed, mode, vary[0], vary[1], controls);

        // The clip's pocket, for the new parts only: the seed's transcribed drums are the clip itself.
        Optional<GrooveTemplate> grooveTemplate = o.feelFromAudio()
                ? clip.map(c -> c.startingAtDownbeat().groove()).flatMap(GrooveTemplate::of) : Optional.empty();
        int seedTracks = requestSeed.map(p -> p.tracks().size()).orElse(0);
        JavaGpt java = ready.java();
        // One idea: both cores inside each product. Several: one core per variation, side by side.
        JavaLanguageModel language = o.variations() > 1 ? new JavaLanguageModel(java, 1, cores)
                : new JavaLanguageModel(java, Math.min(2, cores), cores);
        Generator generator = new Generator(language, model.vocabulary());
        List<Generator.Result> results = generator.generate(request);
        Sidecar.ModelInfo modelInfo = modelInfo(ready);
        List<Path> folders = new ArrayList<>();
        try {
            for (Generator.Result produced : results) {
                // A server job cancelled or past its deadline between two variations: the next would be written for no one.
                if (Thread.currentThread().isInterrupted()) throw new CancellationException("generation interrupted");
                DrumIdiomGuard.Kept kept = DrumIdiomGuard.keep(generator, request, produced, Optional.ofNullable(genre));
                Generator.Result r = kept.result();
                long ideaSeed = produced.seed();
                Sidecar.DrumIdiom idiom = kept.holds().map(holds -> new Sidecar.DrumIdiom(genre, holds, kept.candidates(), kept.drumsSeed(),
                        kept.barsRewritten()))
                        .orElse(null);
                if (kept.holds().filter(holds -> !holds).isPresent())
                    warnings.add("none of " + kept.candidates() + " drum parts the model wrote holds the " + genre
                            + " drum idiom, nor did the closest with its bars written again; kept its first");
                Piece played = grooveTemplate.map(g -> g.applyTo(r.piece(), i -> i >= seedTracks, 1.0)).orElse(r.piece());
                AudioAnalysis.Summary audio = clip.map(c -> c.summary(c.file().getFileName().toString(),
                        grooveTemplate.map(g -> g.offsetMs(bpm)).orElse(null))).orElse(null);
                Sidecar.GenerateRequest described = describe(o.text(), o.seedMidi(), prompt, request, ideaSeed, audio);
                folders.add(AbletonExport.write(new AbletonExport.Item(played, genre, ideaSeed, described, modelInfo,
                        figures(r, droppedTags, idiom, warnings), version), o.outDir(), o.export(), clock, midiReady));
            }
        } catch (RuntimeException e) {
            throw interrupted(e, folders);
        }
        return new Outcome(prompt, request, folders, warnings, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * {@code e} as it leaves the writing of the variations. When the thread was interrupted (a job cancelled or past its
     * deadline) whoever interrupted was told there are no results, so the variations already in place are deleted, not
     * left in the history unclaimed; and a write the interrupt broke (a channel closed by it) is the cancellation, not a
     * disk error.
     */
    private static RuntimeException interrupted(RuntimeException e, List<Path> written) {
        if (!Thread.currentThread().isInterrupted() && !(e instanceof CancellationException)) return e;
        for (Path f : written) {
            try {
                Folders.deleteTree(f);
            } catch (LoopsmithException cleanup) {
                e.addSuppressed(cleanup);
            }
        }
        if (e instanceof CancellationException) return e;
        CancellationException c = new CancellationException("generation interrupted");
        c.initCause(e);
        return c;
    }

    /**
     * {@code file} read and prepared, or the one kept from the last call when the file has not changed since; one
     * caller at a time, so a request arriving during the warm-up waits for its model instead of reading it again.
     */
    private synchronized Loaded load(Path file) {
        Path real = file.toAbsolutePath().normalize();
        Loaded last = loaded.get();
        if (last != null && last.isCurrent(real)) return last;
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(real);
            size = Files.size(real);
        } catch (IOException e) {
            modified = FileTime.fromMillis(0);
            size = -1;
        }
        ModelFile model = ModelFile.load(file);
        Loaded fresh = new Loaded(real, modified, size, model, new JavaGpt(model.config(), model.contents().tensors()), sha256(model.file()));
        loaded.set(fresh);
        return fresh;
    }

    /**
     * Reads and prepares the default model and runs one short generation with it, in memory, so a server's first
     * request finds the model loaded and the generator's hot loops compiled (the JIT compiles them on first use).
     * Returns the seconds it took; nothing is written.
     */
    public double warmUp() {
        long t0 = System.nanoTime();
        Loaded ready = load(home.resolve(DEFAULT_MODEL));
        warming = Thread.currentThread();
        try {
            if (warmUpStopped) return (System.nanoTime() - t0) / 1e9;
            warmUpGeneration(ready);
        } catch (java.util.concurrent.CancellationException e) {
            // A request came first: it runs on the loaded model, and compiles the rest itself.
        } finally {
            warming = null;
            Thread.interrupted();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Ends the warm-up's generation at its next token, so a request does not share the cores with it; the model it
     * loaded stays. Calls after the warm-up has ended do nothing.
     */
    public void stopWarmUp() {
        warmUpStopped = true;
        Thread t = warming;
        if (t != null) t.interrupt();
    }

    private void warmUpGeneration(Loaded ready) {
        GenerationRequest r = new GenerationRequest(Tags.of("house", null, null), 124, TimeSignature.FOUR_FOUR, Optional.empty(), 2,
                tracks(List.of(Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY), TextPrompt.parse(""), Optional.of("house"), List.of(), true),
                KeyConstraint.SOFT, SamplingConfig.defaults(), 1, 1, Optional.empty(), GenerationRequest.Mode.NEW, -1, -1);
        Generator.Result result = new Generator(new JavaLanguageModel(ready.java(), Math.min(2, cores), cores),
                ready.model().vocabulary()).generate(r).get(0);
        // The writing too (MIDI, piano roll, sidecar): its classes load and compile on first use, about as long again.
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("loopsmith-warm-up");
            AbletonExport.write(new AbletonExport.Item(result.piece(), "house", result.seed(), describe(Optional.empty(), Optional.empty(),
                    TextPrompt.parse(""), r, result.seed(), null), modelInfo(ready), figures(result, List.of(), null, List.of()), version),
                    scratch, ExportConfig.midiOnly(), clock);
        } catch (IOException e) {
            // Warming is an optimisation: without a temporary folder the first request compiles the writer itself.
        } finally {
            if (scratch != null) Folders.deleteTree(scratch);
        }
    }

    /**
     * The tags this model can use: one outside its vocabulary, or one it never saw in training (so its embedding is
     * noise that steers nowhere), is left out with a warning, and recorded in the sidecar.
     */
    private static Tags knownTags(Tags tags, ModelFile model, List<String> warnings, List<String> dropped) {
        Optional<java.util.Set<String>> seen = model.seenTags();
        java.util.function.Function<Token.Tag, Boolean> keep = t -> {
            if (!model.vocabulary().contains(t)) {
                warnings.add(t + " is unknown to this model; it is left out of the prompt");
            } else if (seen.isPresent() && !seen.get().contains(t.toString())) {
                warnings.add(t + " never occurred in this model's training data; it is left out of the prompt");
            } else {
                return true;
            }
            dropped.add(t.toString());
            return false;
        };
        return Tags.fromTokens(tags.tokens().stream().filter(keep::apply).toList());
    }

    private static Piece readSeed(Path file, List<String> warnings) {
        MidiReadResult r = MidiReader.read(file);
        r.warnings().forEach(w -> warnings.add(file.getFileName() + ": " + w));
        if (r.piece().noteCount() == 0) throw new LoopsmithException(file, "seed MIDI has no notes");
        return r.piece();
    }

    /**
     * The controls asked for; with the feel taken from an audio clip, the model writes straight (and tight, where it
     * knows the tag) unless a swing or feel was asked for explicitly, since the clip's groove is applied after: the
     * model's own swing or micro-timing under it would be played twice.
     */
    private static GenerationRequest.Controls feelAsked(GenerateOptions o, Optional<AudioAnalysis> clip, List<String> warnings) {
        GenerationRequest.Controls asked = o.controls();
        if (!o.feelFromAudio()) return asked;
        if (clip.isEmpty()) throw new InvalidRequestException(RequestField.FEEL_FROM_AUDIO, "needs an audio clip");
        if (GrooveTemplate.of(clip.get().groove()).isEmpty()) {
            warnings.add(clip.get().file().getFileName() + ": too few drum hits to take a feel from; the model's feel is kept");
            return asked;
        }
        return new GenerationRequest.Controls(asked.density(),
                asked.swingPercent().isPresent() ? asked.swingPercent() : OptionalDouble.of(0),
                asked.quantizeSteps(), asked.feel());
    }

    /** Beside an audio clip the prompt's parts less drums (the clip has the groove); bass and chords if none remain. */
    private static List<Role> rolesBeside(List<Role> promptRoles) {
        List<Role> out = promptRoles.stream().filter(r -> r != Role.DRUMS).toList();
        return out.isEmpty() ? List.of(Role.BASS, Role.CHORDS) : out;
    }

    /**
     * Where a part's instrument comes from: named in the prompt, the genre's usual one, or the one the model's
     * training library played the role on in the genre.
     */
    public enum InstrumentFrom { PROMPT, GENRE, LIBRARY }

    /** A part as generate will ask for it: its role, the General MIDI program and where that came from. */
    public record Part(Role role, int program, InstrumentFrom from) { }

    /**
     * The parts a prompt asks for and the instrument each is played on, as {@code generate} with this model would
     * ask (the named one, else the genre's, else the model's library's; see {@link #tracks}). A model file that is
     * not there asks as a model that recorded no instruments; one that is there but unreadable is an error naming it.
     */
    public static List<Part> parts(PromptTags prompt, Optional<Path> model, Path home) {
        Path path = model.orElse(home.resolve(DEFAULT_MODEL));
        List<loopsmith.model.PlayedInstrument> played = model.isEmpty() && !Files.exists(path) ? List.of()
                : loopsmith.model.ModelFile.load(path).playedInstruments().orElse(List.of());
        Optional<String> canonical = prompt.genre().map(g -> Synonyms.genre(g).orElse(g));
        GenreInstruments usual = GenreInstruments.forGenre(canonical);
        List<Part> out = new ArrayList<>();
        for (TrackSpec t : tracks(prompt.roles(), prompt, prompt.genre(), played, prompt.roles().contains(Role.DRUMS))) {
            InstrumentFrom from = t.role() != Role.DRUMS && prompt.instruments().containsKey(t.role()) ? InstrumentFrom.PROMPT
                    : t.program() == usual.track(t.role()).program() ? InstrumentFrom.GENRE : InstrumentFrom.LIBRARY;
            out.add(new Part(t.role(), t.program(), from));
        }
        return out;
    }

    /**
     * One part per role: the instrument the prompt named, else the one producers of the genre use ("--genre dnb" is
     * spelled out through {@link Synonyms} first, so it finds the drum-and-bass table too), unless the model's training
     * data played that role in the genre never or rarely on it: then the sound it played it on most (a model learned
     * from a library answers in the library's sounds; {@link GenreInstruments#heardIn}).
     */
    private static List<TrackSpec> tracks(List<Role> roles, PromptTags prompt, Optional<String> genre,
                                          List<loopsmith.model.PlayedInstrument> played, boolean withDrums) {
        Optional<String> canonical = genre.map(g -> Synonyms.genre(g).orElse(g));
        GenreInstruments usual = GenreInstruments.forGenre(canonical).heardIn(canonical, played, withDrums);
        List<TrackSpec> out = new ArrayList<>();
        for (Role r : roles) {
            Integer program = prompt.instruments().get(r);
            out.add(program == null || r == Role.DRUMS ? usual.track(r) : new TrackSpec(r, program, false));
        }
        return out;
    }

    /** "5-8" (1-based) → {4, 7}; the whole seed when not given. */
    private static int[] varyRange(GenerateOptions o, Optional<Piece> seed) {
        if (o.mode() != GenerationRequest.Mode.VARY && o.mode() != GenerationRequest.Mode.INFILL) return new int[] {0, -1};
        String mode = o.mode().name().toLowerCase(Locale.ROOT);
        String spec = o.varyBars().orElseThrow(() -> new InvalidRequestException(RequestField.VARY_BARS, "mode " + mode + " needs the bars to vary, FROM-TO, e.g. 5-8"));
        String[] parts = spec.split("-");
        try {
            int from = Integer.parseInt(parts[0].trim());
            int to = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : from;
            long seedBars = seed.map(Piece::lengthBars).orElse(0L);
            if (from < 1 || to < from || to > seedBars)
                throw new InvalidRequestException(RequestField.VARY_BARS, spec + ": the seed has bars 1-" + seedBars);
            return new int[] {from - 1, to - 1};
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(RequestField.VARY_BARS, spec + ": expected FROM-TO, e.g. 5-8");
        }
    }

    /** What the sidecar records of a request: the prompt and every setting as resolved, for this idea's seed. */
    private static Sidecar.GenerateRequest describe(Optional<String> text, Optional<Path> seedMidi, PromptTags prompt, GenerationRequest r,
                                                    long seed, AudioAnalysis.Summary audio) {
        return new Sidecar.GenerateRequest(text.orElse(null), loopsmith.generate.PromptExplanation.of(prompt),
                r.mode().name().toLowerCase(Locale.ROOT), seedMidi.map(f -> f.getFileName().toString()).orElse(null),
                r.tags().genre().orElse(null), r.tags().style().orElse(null), r.tags().mood().orElse(null), r.bpm(),
                r.key().map(Key::displayName).orElse(null), r.timeSignature().toString(), r.bars(),
                r.tracks().stream().map(t -> t.role().label() + ":" + t.program()).toList(), r.keyConstraint().name().toLowerCase(Locale.ROOT),
                r.controls().density().map(loopsmith.generate.Density::label).orElse(null),
                r.controls().swingPercent().isPresent() ? r.controls().swingPercent().getAsDouble() : null, r.controls().feel().orElse(null),
                r.controls().quantizeSteps(), r.sampling().temperature(), r.sampling().topK(), r.sampling().topP(), r.sampling().guidance(),
                r.sampling().minP(), seed, r.variations(), audio);
    }

    private static Sidecar.GenerateFigures figures(Generator.Result r, List<String> droppedTags, Sidecar.DrumIdiom idiom, List<String> warnings) {
        return new Sidecar.GenerateFigures(r.sampledTokens(), r.forcedTokens(), r.windowSlides(), r.barsClosedEarly(),
                r.swing().map(Token.Swing::toString).orElse("straight"), droppedTags, idiom, warnings);
    }

    private Sidecar.ModelInfo modelInfo(Loaded ready) {
        return new Sidecar.ModelInfo(shown(ready.model().file()), ready.sha256(), ready.model().config());
    }

    /**
     * A file as a sidecar records it: as given when relative, relative to the installation when inside it, else by
     * name (its SHA-256 beside it identifies it). A sidecar travels in zips and through the server's API, and an
     * absolute path would tell whoever reads it the user's name and folder layout.
     */
    private String shown(Path file) {
        if (!file.isAbsolute()) return file.toString();
        Path abs = file.normalize();
        return abs.startsWith(home.toAbsolutePath().normalize()) ? home.toAbsolutePath().normalize().relativize(abs).toString()
                : abs.getFileName().toString();
    }

    static String sha256(Path file) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unavailable: " + e.getMessage();
        }
    }
}
