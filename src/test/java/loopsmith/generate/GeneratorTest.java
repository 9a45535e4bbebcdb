package loopsmith.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import loopsmith.CorpusTest;
import loopsmith.NativeTest;
import loopsmith.SharedCorpus;
import loopsmith.midi.MidiReader;
import loopsmith.midi.MidiWriter;
import loopsmith.model.Gpt;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Key;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.tokens.Grammar;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Tags;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;
import org.junit.jupiter.api.Test;

@CorpusTest
@NativeTest
class GeneratorTest {
    private static final Vocabulary V = Vocabulary.defaults();
    private static final List<TimeSignature> METERS = List.of(TimeSignature.FOUR_FOUR, new TimeSignature(3, 4),
            new TimeSignature(6, 8), new TimeSignature(7, 8), new TimeSignature(5, 4));
    private static final List<Role> ROLES = List.of(Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY, Role.PAD);

    private static GenerationRequest randomRequest(SplittableRandom r) {
        List<TrackSpec> tracks = new ArrayList<>();
        for (Role role : ROLES) if (r.nextInt(3) == 0) tracks.add(TrackSpec.of(role));
        if (tracks.isEmpty()) tracks.add(TrackSpec.of(ROLES.get(r.nextInt(ROLES.size()))));
        KeyConstraint kc = KeyConstraint.values()[r.nextInt(3)];
        Optional<Key> key = r.nextBoolean() ? Key.parse(List.of("Am", "C", "F#m", "Eb").get(r.nextInt(4))) : Optional.empty();
        SamplingConfig sampling = new SamplingConfig(List.of(0.0, 0.7, 1.0, 1.5).get(r.nextInt(4)), r.nextBoolean() ? 0 : 20,
                r.nextBoolean() ? 1.0 : 0.9, 4096);
        return new GenerationRequest(Tags.of(r.nextBoolean() ? "house" : null, null, null), 60 + r.nextInt(120),
                METERS.get(r.nextInt(METERS.size())), key, 1 + r.nextInt(3), tracks, kc, sampling, r.nextLong(), 1,
                Optional.empty(), GenerationRequest.Mode.NEW, 0, -1);
    }

    /** Whatever the model says, every output is grammatical, bar-exact and within the pitch rules. */
    @Test
    void aThousandPiecesFromARandomModelAreAllValid() {
        SplittableRandom r = new SplittableRandom(42);
        Grammar grammar = new Grammar(V);
        int slides = 0;
        for (int i = 0; i < 1000; i++) {
            GenerationRequest req = randomRequest(r);
            Generator g = new Generator(new RandomLogitsModel(V.size(), 64 + r.nextInt(200), r.nextLong()), V);
            Generator.Result res = g.generate(req).get(0);
            slides += res.windowSlides();
            assertEquals(Optional.empty(), grammar.validate(res.tokens()), "sample " + i);
            check(res.piece(), req);
        }
        assertTrue(slides > 0, "the context window slid at least once");
    }

    static void check(Piece p, GenerationRequest req) {
        assertEquals(req.bars(), p.lengthBars());
        assertEquals(req.bars() * req.timeSignature().ticksPerBar(p.ticksPerQuarter()), p.endTick());
        assertEquals(req.tracks().stream().map(TrackSpec::role).toList(), p.tracks().stream().map(Track::role).toList());
        assertEquals(req.bpm(), p.initialBpm());
        for (Track t : p.tracks()) {
            for (Note n : t.notes()) {
                assertTrue(n.startTick() < p.endTick());
                int level = t.isDrum() ? V.grid().drumVelocityLevel(n.velocity()) : V.grid().velocityLevel(n.velocity());
                assertEquals(V.grid().velocityPlayed(level, t.isDrum()), n.velocity(), "a note plays the middle of its velocity bin");
                if (t.isDrum()) assertTrue(GeneralMidi.isDrumPitch(n.pitch()), "drum pitch " + n.pitch());
                else {
                    int[] range = PitchRules.range(t.role());
                    assertTrue(n.pitch() >= range[0] && n.pitch() <= range[1], t.role() + " pitch " + n.pitch());
                    if (req.keyConstraint() == KeyConstraint.STRICT && req.key().isPresent())
                        assertTrue(req.key().get().inScale(n.pitch()), "out of key: " + n.pitch());
                }
            }
        }
    }

    @Test
    void sameSeedSameBytesAndVariationsDiffer() {
        GenerationRequest req = GenerationRequest.fresh(Tags.of("house", null, null), 124, TimeSignature.FOUR_FOUR,
                Key.parse("Am"), 4, List.of(TrackSpec.of(Role.DRUMS), TrackSpec.of(Role.BASS)), SamplingConfig.defaults(), 7);
        Generator g = new Generator(new RandomLogitsModel(V.size(), 512, 1), V);
        Generator.Result a = g.generate(req).get(0);
        Generator.Result b = g.generate(req).get(0);
        assertEquals(a.tokens(), b.tokens());
        assertArrayEquals(MidiWriter.toBytes(a.piece()), MidiWriter.toBytes(b.piece()));
        Generator.Result other = g.generate(req.withSeed(8)).get(0);
        assertFalse(a.tokens().equals(other.tokens()));
    }

    @Test
    void anUntrainedModelStillGivesValidPieces() {
        try (Gpt model = Gpt.create(Gpt.Config.tiny(V.size()), 3, Device.cpu())) {
            Generator g = new Generator(new DjlLanguageModel(model), V);
            SplittableRandom r = new SplittableRandom(5);
            for (int i = 0; i < 5; i++) {
                GenerationRequest req = randomRequest(r);
                Generator.Result res = g.generate(req).get(0);
                assertEquals(Optional.empty(), new Grammar(V).validate(res.tokens()));
                check(res.piece(), req);
            }
        }
    }

    private static GenerationRequest seeded(Piece seed, GenerationRequest.Mode mode, List<TrackSpec> tracks, int bars, int from, int to) {
        return new GenerationRequest(Tags.NONE, 120, seed.initialTimeSignature(), seed.key(), bars, tracks, KeyConstraint.SOFT,
                SamplingConfig.defaults(), 11, 1, Optional.of(seed), mode, from, to);
    }

    @Test
    void continueAccompanyAndVaryKeepTheGivenMaterial() {
        Piece seed = MidiReader.read(SharedCorpus.malformed("gen-valid-reference.mid")).piece();
        Piece quantized = V.grid().played(new RemiEncoder(V).quantize(seed)); // kept token for token, played as generated
        Generator g = new Generator(new RandomLogitsModel(V.size(), 256, 3), V);
        long twoBars = quantized.endTick();

        Piece continued = g.generate(seeded(seed, GenerationRequest.Mode.CONTINUE, List.of(), 2, 0, -1)).get(0).piece();
        assertEquals(4, continued.lengthBars());
        for (int i = 0; i < quantized.tracks().size(); i++)
            assertEquals(quantized.tracks().get(i).notes(), before(continued.tracks().get(i), twoBars), "continue keeps bars 1-2");

        Piece seedDrums = quantized.withTracks(List.of(quantized.tracks().get(0)));
        Piece accompanied = g.generate(seeded(seedDrums, GenerationRequest.Mode.ACCOMPANY,
                List.of(TrackSpec.of(Role.BASS), TrackSpec.of(Role.CHORDS)), 2, 0, -1)).get(0).piece();
        assertEquals(List.of(Role.DRUMS, Role.BASS, Role.CHORDS), accompanied.tracks().stream().map(Track::role).toList());
        assertEquals(quantized.tracks().get(0).notes(), accompanied.tracks().get(0).notes(), "accompany keeps the drums");
        assertEquals(2, accompanied.lengthBars());

        Piece varied = g.generate(seeded(seed, GenerationRequest.Mode.VARY, List.of(TrackSpec.of(Role.BASS)), 2, 1, 1)).get(0).piece();
        long bar = twoBars / 2;
        for (int i = 0; i < quantized.tracks().size(); i++) {
            Track q = quantized.tracks().get(i);
            Track v = varied.tracks().get(i);
            if (q.role() == Role.BASS) assertEquals(before(q, bar), before(v, bar), "bar 1 of the bass is kept");
            else assertEquals(q.notes(), v.notes(), q.role() + " untouched");
        }
    }

    @Test
    void accompanyWritesHarmonyBeforeTheLinesAndListsThePartsAsAsked() {
        Piece seed = MidiReader.read(SharedCorpus.malformed("gen-valid-reference.mid")).piece();
        Piece quantized = new RemiEncoder(V).quantize(seed);
        Piece drums = quantized.withTracks(List.of(quantized.tracks().get(0)));
        Generator g = new Generator(new RandomLogitsModel(V.size(), 256, 5), V);
        Generator.Result r = g.generate(seeded(drums, GenerationRequest.Mode.ACCOMPANY,
                List.of(TrackSpec.of(Role.MELODY), TrackSpec.of(Role.BASS), TrackSpec.of(Role.CHORDS)), 2, 0, -1)).get(0);
        assertEquals(List.of(Role.DRUMS, Role.MELODY, Role.BASS, Role.CHORDS), r.piece().tracks().stream().map(Track::role).toList());
        List<Role> declared = r.tokens().stream().filter(t -> t instanceof Token.RoleTag).map(t -> ((Token.RoleTag) t).role()).toList();
        assertEquals(List.of(Role.DRUMS, Role.CHORDS, Role.BASS, Role.MELODY), declared, "written in part order");
    }

    private static List<Note> before(Track t, long tick) {
        return t.notes().stream().filter(n -> n.startTick() < tick).toList();
    }

    /** Variations generated side by side are each exactly what their seed gives alone. */
    @Test
    void parallelVariationsEqualTheirSeedsAlone() {
        try (Gpt djl = Gpt.create(Gpt.Config.tiny(V.size()), 9, Device.cpu())) {
            loopsmith.model.JavaGpt java = new loopsmith.model.JavaGpt(djl.config(), loopsmith.model.Checkpoint.weightsOf(djl));
            Generator g = new Generator(new JavaLanguageModel(java, 1), V);
            GenerationRequest one = GenerationRequest.fresh(Tags.of("funk", null, null), 100, TimeSignature.FOUR_FOUR, Key.parse("Em"), 2,
                    List.of(TrackSpec.of(Role.DRUMS), TrackSpec.of(Role.CHORDS)), SamplingConfig.defaults(), 20);
            GenerationRequest four = new GenerationRequest(one.tags(), one.bpm(), one.timeSignature(), one.key(), one.bars(), one.tracks(),
                    one.keyConstraint(), one.sampling(), one.seed(), 4, Optional.empty(), GenerationRequest.Mode.NEW, 0, -1);
            List<Generator.Result> together = g.generate(four);
            assertEquals(4, together.size());
            for (int i = 0; i < 4; i++) {
                Generator.Result alone = g.generate(one.withSeed(20 + i)).get(0);
                assertEquals(alone.tokens(), together.get(i).tokens(), "variation " + i);
                assertEquals(20 + i, together.get(i).seed());
            }
        }
    }

    /** Infill: only the chosen bars change, and the model wrote them after the bars (FILL … FILL_START … FILL_END). */
    @Test
    void infillRewritesOnlyTheGapWithEveryPartInView() {
        Piece seed = MidiReader.read(SharedCorpus.malformed("gen-valid-reference.mid")).piece();
        Piece quantized = V.grid().played(new RemiEncoder(V).quantize(seed));
        Generator g = new Generator(new RandomLogitsModel(V.size(), 512, 4), V);
        long bar = quantized.endTick() / 2;
        Generator.Result r = g.generate(seeded(seed, GenerationRequest.Mode.INFILL, List.of(), 2, 0, 0)).get(0);
        assertTrue(r.tokens().contains(Token.FILL) && r.tokens().contains(Token.FILL_START), "the gap is filled after the bars");
        assertEquals(r.tokens().stream().filter(t -> t.equals(Token.FILL)).count(), r.tokens().stream().filter(t -> t.equals(Token.FILL_END)).count());
        int firstFill = r.tokens().indexOf(Token.FILL_START);
        assertTrue(r.tokens().subList(0, firstFill).stream().filter(t -> t.equals(Token.BAR_START)).count() == 2,
                "the model wrote the fill with both bars in view");
        for (int i = 0; i < quantized.tracks().size(); i++) {
            List<Note> keptBar2 = quantized.tracks().get(i).notes().stream().filter(n -> n.startTick() >= bar).toList();
            assertEquals(keptBar2, r.piece().tracks().get(i).notes().stream().filter(n -> n.startTick() >= bar).toList(),
                    "bar 2 of every part is kept");
        }
        assertEquals(2, r.piece().lengthBars());
    }

    /** The controls reach the model: a density asked for is written into every new part's declaration. */
    @Test
    void densityAndSwingControlsAreWrittenAndPlayedBack() {
        GenerationRequest base = GenerationRequest.fresh(Tags.of("boom-bap", null, null), 90, TimeSignature.FOUR_FOUR,
                Key.parse("Dm"), 2, List.of(TrackSpec.of(Role.DRUMS), TrackSpec.of(Role.BASS)), SamplingConfig.defaults(), 3);
        Generator g = new Generator(new RandomLogitsModel(V.size(), 512, 9), V);
        GenerationRequest busy = base.withControls(new GenerationRequest.Controls(Optional.of(Density.BUSY), java.util.OptionalDouble.of(66), 0, Optional.empty()));
        Generator.Result r = g.generate(busy).get(0);
        assertEquals(2, r.tokens().stream().filter(t -> t.equals(new Token.Density(2))).count(), "both parts declared busy");
        assertEquals(Optional.of(new Token.Swing(16, 66)), r.swing());
        assertTrue(r.tokens().contains(new Token.Swing(16, 66)));
        long sixteenth = r.piece().ticksPerQuarter() / 4;
        boolean swungOffbeat = r.piece().tracks().stream().flatMap(t -> t.notes().stream())
                .anyMatch(n -> n.startTick() % (2 * sixteenth) != 0 && n.startTick() % (2 * sixteenth) != sixteenth);
        assertTrue(swungOffbeat || r.piece().noteCount() == 0, "off-beat sixteenths are played late");

        GenerationRequest straight = base.withControls(new GenerationRequest.Controls(Optional.empty(), java.util.OptionalDouble.of(0), 4, Optional.empty()));
        Generator.Result s = g.generate(straight).get(0);
        assertTrue(s.swing().isEmpty());
        assertTrue(s.tokens().stream().noneMatch(t -> t instanceof Token.Swing));
        assertTrue(s.piece().tracks().stream().flatMap(t -> t.notes().stream()).allMatch(n -> n.startTick() % sixteenth == 0),
                "--quantize 4 puts every onset on a sixteenth");
    }

    /**
     * A part is held to the density it declares: each of its onsets starts while it has played fewer notes than its
     * level allows per bar over the bars so far. A model of random logits, which knows nothing of density, plays far
     * busier when asked for busy parts, so the rule is what holds the sparse ones.
     */
    @Test
    void aPartStartsNoOnsetPastItsDensity() {
        List<TrackSpec> parts = List.of(TrackSpec.of(Role.DRUMS), TrackSpec.of(Role.BASS), TrackSpec.of(Role.MELODY));
        Generator g = new Generator(new RandomLogitsModel(V.size(), 4096, 17), V);
        for (Density d : List.of(Density.SPARSE, Density.MEDIUM)) {
            GenerationRequest req = GenerationRequest.fresh(Tags.of("house", null, null), 124, TimeSignature.FOUR_FOUR,
                    Key.parse("Am"), 4, parts, SamplingConfig.defaults(), 5)
                    .withControls(new GenerationRequest.Controls(Optional.of(d), java.util.OptionalDouble.of(0), 0, Optional.empty()));
            for (long seed = 5; seed < 9; seed++) {
                Generator.Result r = g.generate(req.withSeed(seed)).get(0);
                long barTicks = r.piece().initialTimeSignature().ticksPerBar(r.piece().ticksPerQuarter());
                for (Track t : r.piece().tracks()) {
                    double ceiling = loopsmith.tokens.Controls.notesPerBarBelow(t.role(), t.isDrum(), d.ordinal());
                    List<Note> notes = t.notes().stream().sorted(java.util.Comparator.comparingLong(Note::startTick)).toList();
                    for (int i = 0; i < notes.size(); i++) {
                        if (i > 0 && notes.get(i).startTick() == notes.get(i - 1).startTick()) continue;
                        long bar = notes.get(i).startTick() / barTicks;
                        assertTrue(i < ceiling * (bar + 1), t.role() + " asked " + d + " starts an onset in bar " + (bar + 1)
                                + " after " + i + " notes, ceiling " + ceiling + " a bar");
                    }
                }
            }
        }
        GenerationRequest busy = GenerationRequest.fresh(Tags.of("house", null, null), 124, TimeSignature.FOUR_FOUR,
                Key.parse("Am"), 4, parts, SamplingConfig.defaults(), 5)
                .withControls(new GenerationRequest.Controls(Optional.of(Density.BUSY), java.util.OptionalDouble.of(0), 0, Optional.empty()));
        Generator.Result r = g.generate(busy).get(0);
        Track melody = r.piece().tracks().get(2);
        double sparse = loopsmith.tokens.Controls.notesPerBarBelow(Role.MELODY, false, Density.SPARSE.ordinal());
        assertTrue(melody.notes().size() > 2 * sparse * 4, "unheld, random logits play busy: " + melody.notes().size() + " melody notes in 4 bars");
    }

    /**
     * A part that was asked for sounds: a model that would end every bar of every part at once (as one that learned
     * songs whose melody rests for bars can over a short idea) leaves the early bars empty as it wants, but in its last
     * bar a part that has not played yet plays before it ends.
     */
    @Test
    void anAskedPartThatHasNotPlayedPlaysInItsLastBar() {
        RandomLogitsModel random = new RandomLogitsModel(V.size(), 4096, 23);
        LanguageModel resting = new LanguageModel() {
            @Override public int vocabSize() { return random.vocabSize(); }
            @Override public int contextTokens() { return random.contextTokens(); }
            @Override public Session newSession() {
                Session inner = random.newSession();
                return new Session() {
                    @Override public int length() { return inner.length(); }
                    @Override public float[] feed(int[] ids) {
                        float[] logits = inner.feed(ids);
                        for (int i = 0; i < logits.length; i++)
                            if (V.token(i) instanceof Token.Special || V.token(i) instanceof Token.TrackRef) logits[i] += 40;
                        return logits;
                    }
                    @Override public void close() { inner.close(); }
                };
            }
        };
        List<TrackSpec> parts = List.of(TrackSpec.of(Role.DRUMS), TrackSpec.of(Role.BASS), TrackSpec.of(Role.CHORDS), TrackSpec.of(Role.MELODY));
        GenerationRequest req = GenerationRequest.fresh(Tags.of("pop", null, null), 90, TimeSignature.FOUR_FOUR,
                Key.parse("C"), 4, parts, SamplingConfig.defaults(), 3);
        for (long seed = 3; seed < 6; seed++) {
            Generator.Result r = new Generator(resting, V).generate(req.withSeed(seed)).get(0);
            long barTicks = r.piece().initialTimeSignature().ticksPerBar(r.piece().ticksPerQuarter());
            assertEquals(parts.size(), r.piece().tracks().size());
            for (Track t : r.piece().tracks()) {
                assertFalse(t.notes().isEmpty(), t.role() + " was asked for and sounds");
                assertTrue(t.notes().stream().allMatch(n -> n.startTick() >= 3 * barTicks),
                        t.role() + ": the bars before the last rest, as the model wanted");
            }
        }
    }

    /**
     * Bars drawn again in a seed's part keep it at the density measured on the seed: counting its kept bars, every onset
     * of a new bar starts while the part has fewer notes than its level allows over the bars so far.
     */
    @Test
    void barsDrawnAgainKeepASeedsPartAtItsDensity() {
        int ppq = 480;
        long bar = 4L * ppq;
        List<Note> bass = new ArrayList<>();
        for (int b = 0; b < 4; b++) for (int beat : new int[] {0, 2}) bass.add(new Note(45, 90, b * bar + beat * ppq, ppq));
        Track track = new Track("bass", Role.BASS, 33, false, bass);
        Piece seed = new Piece(ppq, List.of(new loopsmith.music.TempoChange(0, 120)),
                List.of(new loopsmith.music.TimeSignatureChange(0, TimeSignature.FOUR_FOUR)), Key.parse("Am"), List.of(track), 4 * bar);
        assertEquals(0, loopsmith.tokens.Controls.density(track, 4), "two notes a bar is sparse");
        double ceiling = loopsmith.tokens.Controls.notesPerBarBelow(Role.BASS, false, 0);
        Generator g = new Generator(new RandomLogitsModel(V.size(), 1024, 23), V);
        for (long s = 1; s <= 6; s++) {
            Piece varied = g.generate(seeded(seed, GenerationRequest.Mode.VARY, List.of(TrackSpec.of(Role.BASS)), 4, 1, 3)
                    .withSeed(s)).get(0).piece();
            long barTicks = varied.initialTimeSignature().ticksPerBar(varied.ticksPerQuarter());
            List<Note> notes = varied.tracks().get(0).notes();
            long kept = notes.stream().filter(n -> n.startTick() < barTicks).count();
            List<Long> onsets = notes.stream().filter(n -> n.startTick() >= barTicks).map(Note::startTick).distinct().sorted().toList();
            for (long onset : onsets) {
                long before = notes.stream().filter(n -> n.startTick() >= barTicks && n.startTick() < onset).count();
                long barsSoFar = 1 + (onset / barTicks); // the kept bar, then the bars drawn again up to this one
                assertTrue(kept + before < ceiling * barsSoFar, "seed " + s + ": an onset at tick " + onset + " after "
                        + (kept + before) + " notes, ceiling " + ceiling + " a bar");
            }
        }
    }

    /** A feel asked for is the FEEL tag of the header, after the mood and before the tempo, as the model was trained. */
    @Test
    void aFeelIsWrittenIntoTheHeader() {
        Generator g = new Generator(new RandomLogitsModel(V.size(), 256, 4), V);
        Tags tight = Tags.of("boom-bap", null, "dark").withFeel(Optional.of("tight"));
        GenerationRequest req = GenerationRequest.fresh(tight, 90, TimeSignature.FOUR_FOUR, Key.parse("Dm"), 1,
                List.of(TrackSpec.of(Role.DRUMS)), SamplingConfig.defaults(), 3);
        List<Token> tokens = g.generate(req).get(0).tokens();
        Token feel = new Token.Tag(Token.TagKind.FEEL, "tight");
        int at = tokens.indexOf(feel);
        assertEquals(tokens.indexOf(new Token.Tag(Token.TagKind.MOOD, "dark")) + 1, at, "FEEL follows MOOD: " + tokens);
        assertTrue(tokens.get(at + 1) instanceof Token.Tempo, "TEMPO follows FEEL: " + tokens);
        List<Token> plain = g.generate(GenerationRequest.fresh(Tags.of("boom-bap", null, "dark"), 90, TimeSignature.FOUR_FOUR,
                Key.parse("Dm"), 1, List.of(TrackSpec.of(Role.DRUMS)), SamplingConfig.defaults(), 3)).get(0).tokens();
        assertTrue(plain.stream().noneMatch(t -> t instanceof Token.Tag tag && tag.kind() == Token.TagKind.FEEL), "no feel asked, none written");
    }

    /** A feel control is human or tight, in any case; anything else is refused with the two it could be. */
    @Test
    void aFeelControlIsHumanOrTight() {
        assertEquals(Optional.of("human"), new GenerationRequest.Controls(Optional.empty(), java.util.OptionalDouble.empty(), 0,
                Optional.of(" Human ")).feel());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GenerationRequest.Controls(Optional.empty(),
                java.util.OptionalDouble.empty(), 0, Optional.of("sloppy")));
        assertEquals("feel must be human (performed) or tight (programmed on the grid), was 'sloppy'", e.getMessage());
        assertEquals(Optional.empty(), GenerationRequest.Controls.MODEL.feel());
    }

    /** A slid window keeps the header, every part's declaration and whole bars of every part, never one part alone. */
    @Test
    void aSlidWindowKeepsEveryPartsBars() {
        RandomLogitsModel model = new RandomLogitsModel(V.size(), 160, 12);
        Generator g = new Generator(model, V);
        GenerationRequest req = GenerationRequest.fresh(Tags.of("house", null, null), 124, TimeSignature.FOUR_FOUR, Key.parse("Am"), 8,
                List.of(TrackSpec.of(Role.DRUMS), TrackSpec.of(Role.BASS), TrackSpec.of(Role.CHORDS), TrackSpec.of(Role.MELODY)),
                SamplingConfig.defaults(), 5);
        Generator.Result r = g.generate(req).get(0);
        assertTrue(r.windowSlides() > 0);
        for (int[] window : model.windows.subList(1, model.windows.size())) {
            List<Token> w = V.tokens(window);
            assertEquals(Token.PIECE_START, w.get(0));
            assertEquals(4, w.stream().filter(t -> t instanceof Token.RoleTag).count(), "all four declarations");
            int firstBar = w.indexOf(Token.BAR_START);
            int lastBar = w.lastIndexOf(Token.BAR_START);
            if (firstBar >= 0 && firstBar < lastBar)
                for (int part = 0; part < 4; part++)
                    assertTrue(w.subList(firstBar, lastBar).contains(new Token.TrackRef(part)), "part " + part + " of the earlier bars");
        }
    }

    /** Guidance runs a second pass without the GENRE tag, stays valid and reproducible, and changes what is drawn. */
    @Test
    void guidanceReadsTheSequenceWithoutItsGenreToo() {
        RandomLogitsModel model = new RandomLogitsModel(V.size(), 200, 21);
        Generator g = new Generator(model, V);
        SamplingConfig guided = SamplingConfig.defaults().withGuidance(3);
        GenerationRequest req = GenerationRequest.fresh(Tags.of("house", null, null), 124, TimeSignature.FOUR_FOUR, Key.parse("Am"), 4,
                List.of(TrackSpec.of(Role.DRUMS), TrackSpec.of(Role.BASS), TrackSpec.of(Role.CHORDS)), guided, 6);
        Generator.Result a = g.generate(req).get(0);
        assertEquals(Optional.empty(), new Grammar(V).validate(a.tokens()));
        check(a.piece(), req);
        assertEquals(a.tokens(), g.generate(req).get(0).tokens());
        Token house = new Token.Tag(Token.TagKind.GENRE, "house");
        assertTrue(model.windows.stream().anyMatch(w -> !V.tokens(w).contains(house) && V.tokens(w).contains(Token.PIECE_START)),
                "an unconditional pass without the genre");
        GenerationRequest plain = GenerationRequest.fresh(req.tags(), 124, TimeSignature.FOUR_FOUR, Key.parse("Am"), 4, req.tracks(),
                SamplingConfig.defaults(), 6);
        assertFalse(a.tokens().equals(g.generate(plain).get(0).tokens()));
    }
}
