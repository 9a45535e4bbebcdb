package loopsmith.export;

import java.util.List;
import loopsmith.audio.AudioAnalysis;
import loopsmith.generate.PromptExplanation;
import loopsmith.model.Gpt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Sidecar sections for tests: a plain generate request for exports, and arbitrary sidecars of every tool. */
final class Sidecars {
    static final Sidecar.ModelInfo MODEL = new Sidecar.ModelInfo("models/test.ckpt", "0".repeat(64), Gpt.Config.tiny(64));
    static final Sidecar.GenerateFigures FIGURES = new Sidecar.GenerateFigures(40, 20, 0, 0, "straight", List.of(), null, List.of());

    private Sidecars() {}

    /** A generate request with {@code text} as its prompt and the defaults the service fills in. */
    static Sidecar.GenerateRequest request(String text) {
        return new Sidecar.GenerateRequest(text, null, "new", null, "house", null, null, 124.0, "A minor", "4/4", 2, List.of("drums:0", "bass:38"),
                "soft", null, null, null, 0, 1.0, 0, 1.0, 1.0, 0.1, 7L, 1, null);
    }

    static Arbitrary<Sidecar> sidecars() {
        Arbitrary<Sidecar.TrackEntry> track = Combinators.combine(words(), Arbitraries.of("drums", "bass", "chords", "melody", "pad"),
                words(), Arbitraries.integers().between(0, 127), Arbitraries.of(true, false), Arbitraries.integers().between(0, 5000), words())
                .as(Sidecar.TrackEntry::new);
        Arbitrary<Sidecar.DrumPartEntry> part = Combinators.combine(words(), Arbitraries.of("kick", "snare", "hats", "toms", "cymbals", "percussion"),
                words(), Arbitraries.integers().between(0, 500), words().injectNull(0.3), words().injectNull(0.3)).as(Sidecar.DrumPartEntry::new);
        Arbitrary<Sidecar.ModelInfo> model = Combinators.combine(words().injectNull(0.1), Arbitraries.strings().withChars("0123456789abcdef")
                .ofLength(64), Arbitraries.integers().between(2, 2000)).as((f, sha, vocab) -> new Sidecar.ModelInfo(f, sha, Gpt.Config.small(vocab)));
        Arbitrary<Object[]> facts = Combinators.combine(words(), words(), Arbitraries.longs(), numbers(), words().injectNull(0.3),
                Arbitraries.of("4/4", "3/4", "6/8", "7/8"), Arbitraries.integers().between(1, 32)).as((v, created, seed, bpm, key, meter, bars)
                -> new Object[] {v, created, seed, bpm, key, meter, bars});
        Arbitrary<Object[]> lists = Combinators.combine(track.list().ofMaxSize(6), words().list().ofMaxSize(8), words().list().ofMaxSize(2),
                part.list().ofMaxSize(6).injectNull(0.5)).as((tracks, files, warnings, parts) -> new Object[] {tracks, files, warnings, parts});
        Arbitrary<Sidecar.Request[]> sections = Arbitraries.oneOf(
                generateRequest().map(r -> new Sidecar.Request[] {r}),
                drumifyRequest().map(r -> new Sidecar.Request[] {r}),
                interpolateRequest().map(r -> new Sidecar.Request[] {r}));
        return Combinators.combine(facts, model, sections, lists, generateFigures(), drumifyFigures(), interpolateFigures())
                .as((f, m, s, l, gen, drum, interp) -> {
                    Sidecar.Generation figures = switch (s[0].tool()) {
                        case GENERATE -> gen;
                        case DRUMIFY -> drum;
                        case INTERPOLATE -> interp;
                    };
                    @SuppressWarnings("unchecked")
                    Sidecar sidecar = new Sidecar(Sidecar.FORMAT, Sidecar.VERSION, (String) f[0], (String) f[1], s[0], m, (long) f[2],
                            (double) f[3], (String) f[4], (String) f[5], (int) f[6], (List<Sidecar.TrackEntry>) l[0], (List<String>) l[1],
                            figures, (List<String>) l[2], (List<Sidecar.DrumPartEntry>) l[3]);
                    return sidecar;
                });
    }

    static Arbitrary<Sidecar.GenerateRequest> generateRequest() {
        Arbitrary<Object[]> prompt = Combinators.combine(words().injectNull(0.3), explanations().injectNull(0.2),
                Arbitraries.of("new", "continue", "accompany", "vary", "infill"), words().injectNull(0.7), words().injectNull(0.3),
                words().injectNull(0.7), words().injectNull(0.7), numbers().injectNull(0.1))
                .as((text, parsed, mode, seedMidi, genre, style, mood, bpm) -> new Object[] {text, parsed, mode, seedMidi, genre, style, mood, bpm});
        Arbitrary<Object[]> shape = Combinators.combine(words().injectNull(0.2), Arbitraries.of("4/4", "6/8"), Arbitraries.integers().between(1, 32)
                .injectNull(0.1), words().list().ofMaxSize(5).injectNull(0.1), Arbitraries.of("strict", "soft", "off"),
                Arbitraries.of("sparse", "medium", "busy").injectNull(0.5), numbers().injectNull(0.5), Arbitraries.of("human", "tight").injectNull(0.5))
                .as((key, meter, bars, tracks, inKey, density, swing, feel) -> new Object[] {key, meter, bars, tracks, inKey, density, swing, feel});
        Arbitrary<Object[]> sampling = Combinators.combine(Arbitraries.integers().between(0, 24).injectNull(0.2), numbers(),
                Arbitraries.integers().between(0, 100), numbers(), numbers().injectNull(0.2), numbers().injectNull(0.2), Arbitraries.longs(),
                Arbitraries.integers().between(1, 16)).as((quantize, temperature, topK, topP, guidance, minP, seed, variations)
                -> new Object[] {quantize, temperature, topK, topP, guidance, minP, seed, variations});
        return Combinators.combine(prompt, shape, sampling, audio().injectNull(0.6)).as((p, s, x, audio) -> new Sidecar.GenerateRequest(
                (String) p[0], (PromptExplanation) p[1], (String) p[2], (String) p[3], (String) p[4], (String) p[5], (String) p[6], (Double) p[7],
                (String) s[0], (String) s[1], (Integer) s[2], list(s[3]), (String) s[4], (String) s[5], (Double) s[6], (String) s[7],
                (Integer) x[0], (Double) x[1], (Integer) x[2], (Double) x[3], (Double) x[4], (Double) x[5], (Long) x[6], (Integer) x[7], audio));
    }

    static Arbitrary<Sidecar.DrumifyRequest> drumifyRequest() {
        return Combinators.combine(words(), Arbitraries.of("midi", "audio"), words().injectNull(0.3), Arbitraries.integers().between(1, 32),
                numbers(), Arbitraries.longs(), Arbitraries.integers().between(1, 16), audio().injectNull(0.5)).as(Sidecar.DrumifyRequest::new);
    }

    static Arbitrary<Sidecar.InterpolateRequest> interpolateRequest() {
        return Combinators.combine(words(), words(), Arbitraries.of("drums", "bass"), Arbitraries.integers().between(3, 16),
                Arbitraries.longs().between(1, 8), words().injectNull(0.5), Arbitraries.longs()).as(Sidecar.InterpolateRequest::new);
    }

    static Arbitrary<Sidecar.GenerateFigures> generateFigures() {
        Arbitrary<Sidecar.DrumIdiom> idiom = Combinators.combine(words(), Arbitraries.of(true, false), Arbitraries.integers().between(1, 8),
                Arbitraries.longs(), Arbitraries.integers().between(0, 15).list().ofMaxSize(3)).as(Sidecar.DrumIdiom::new);
        return Combinators.combine(counts(), counts(), counts(), counts(), Arbitraries.of("straight", "SWING_16_58"), words().list().ofMaxSize(3),
                idiom.injectNull(0.5), words().list().ofMaxSize(3)).as(Sidecar.GenerateFigures::new);
    }

    static Arbitrary<Sidecar.DrumifyFigures> drumifyFigures() {
        Arbitrary<Integer[]> n = counts().array(Integer[].class).ofSize(8);
        return Combinators.combine(n, Arbitraries.longs(), Arbitraries.of(true, false), Arbitraries.of(true, false).injectNull(0.4),
                words().list().ofMaxSize(3)).as((c, seed, heard, idiom, warnings) -> new Sidecar.DrumifyFigures(c[0], c[1], c[2], c[3], c[4],
                c[5], c[6], c[7], seed, heard, idiom, warnings));
    }

    static Arbitrary<Sidecar.InterpolateFigures> interpolateFigures() {
        Arbitrary<Sidecar.Similarity> similarity = Combinators.combine(numbers(), numbers(), numbers()).as(Sidecar.Similarity::new);
        return Combinators.combine(counts(), counts(), counts(), Arbitraries.of("model", "metric"), similarity.list().ofMaxSize(5),
                similarity.list().ofMaxSize(5), words().list().ofMaxSize(2)).as(Sidecar.InterpolateFigures::new);
    }

    static Arbitrary<AudioAnalysis.Summary> audio() {
        Arbitrary<Object[]> tempo = Combinators.combine(words(), numbers(), numbers(), numbers(), numbers().injectNull(0.5), numbers(),
                Arbitraries.of("four", "half", "other"), Arbitraries.of(true, false))
                .as((file, seconds, bpm, confidence, alternative, alternativeConfidence, rhythm, byLabel)
                        -> new Object[] {file, seconds, bpm, confidence, alternative, alternativeConfidence, rhythm, byLabel});
        Arbitrary<Object[]> rest = Combinators.combine(numbers(), numbers(), numbers(), counts(), Arbitraries.of(true, false),
                Arbitraries.of("drums", "pitched", "mixed"), words().injectNull(0.5), numbers().list().ofSize(16).injectNull(0.5))
                .as((firstBeat, firstDownbeat, downbeatConfidence, bars, loop, kind, key, feel)
                        -> new Object[] {firstBeat, firstDownbeat, downbeatConfidence, bars, loop, kind, key, feel});
        return Combinators.combine(tempo, rest, numbers().injectNull(0.5), numbers(), counts(), counts(), counts())
                .as((t, r, keyConfidence, voiced, onsets, hits, notes) -> new AudioAnalysis.Summary((String) t[0], (Double) t[1], (Double) t[2],
                        (Double) t[3], (Double) t[3], (Double) t[4], (Double) t[5], (String) t[6], (Boolean) t[7], (Double) r[0], (Double) r[1],
                        (Double) r[2], (Integer) r[3], (Boolean) r[4], (String) r[5], (String) r[6], keyConfidence, voiced, onsets, hits, notes,
                        list(r[7])));
    }

    /**
     * What the prompt said. Its tempo is an Integer or a Double, as JSON reads it back: the service writes a whole
     * tempo as a Long, which writes the same digits but would not compare equal after the round trip.
     */
    static Arbitrary<PromptExplanation> explanations() {
        Arbitrary<Number> bpm = Arbitraries.oneOf(Arbitraries.integers().between(40, 240), numbers());
        return Combinators.combine(words().injectNull(0.3), bpm.injectNull(0.3), words().list().ofMaxSize(2), Arbitraries.integers().between(1, 32)
                .injectNull(0.5), words().list().ofMaxSize(4), Arbitraries.maps(words(), Arbitraries.integers().between(0, 127)).ofMaxSize(2))
                .as((genre, tempo, tempoFrom, bars, roles, instruments) -> new PromptExplanation(genre, null, null, tempo, tempoFrom, null, "4/4",
                        bars, roles, null, null, instruments, List.of(), roles));
    }

    /** Finite numbers: a sidecar never holds NaN, which JSON cannot write. */
    private static Arbitrary<Double> numbers() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6), Arbitraries.of(0.0, 1.0, 0.1, 124.0, 122.5));
    }

    private static Arbitrary<Integer> counts() {
        return Arbitraries.integers().between(0, 100_000);
    }

    /** Text with what JSON must escape: quotes, backslashes, control and non-ASCII characters (whole code points). */
    private static Arbitrary<String> words() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(8).filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return (List<T>) value;
    }
}
