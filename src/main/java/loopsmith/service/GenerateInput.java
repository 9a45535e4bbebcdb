package loopsmith.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import loopsmith.export.ExportConfig;
import loopsmith.generate.Density;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.KeyConstraint;
import loopsmith.generate.SamplingConfig;
import loopsmith.library.CorpusRules;
import loopsmith.library.Synonyms;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * A generation request as a caller gave it: words and numbers, each left unset (null) when not given. The CLI, the
 * HTTP API and OSC fill one in and call {@link #resolve()}, which checks every field and applies every default, so
 * the rules ("new" with a seed MIDI means accompany it, the sampling defaults, the ranges) live only here and errors
 * name the field ({@link InvalidRequestException}) for each shell to spell its own way.
 */
public final class GenerateInput {
    private final Path outDir;
    private String text, genre, style, mood, key, timesig, inKey, mode, varyBars, density, feel;
    private Double bpm, temperature, topP, minP, guidance, swing;
    private Integer bars, topK, variations, quantize;
    private Long seed;
    private List<String> roles;
    private Path seedMidi, audio, model;
    private boolean feelFromAudio;
    private ExportConfig export = ExportConfig.defaults();

    private GenerateInput(Path outDir) {
        this.outDir = outDir;
    }

    /** A request whose result folders go under {@code outDir}; everything else unset. */
    public static GenerateInput into(Path outDir) {
        return new GenerateInput(outDir);
    }

    public GenerateInput text(String v) { text = v; return this; }
    public GenerateInput genre(String v) { genre = v; return this; }
    public GenerateInput style(String v) { style = v; return this; }
    public GenerateInput mood(String v) { mood = v; return this; }
    public GenerateInput bpm(Double v) { bpm = v; return this; }
    public GenerateInput key(String v) { key = v; return this; }
    public GenerateInput timesig(String v) { timesig = v; return this; }
    public GenerateInput bars(Integer v) { bars = v; return this; }
    public GenerateInput roles(List<String> v) { roles = v; return this; }
    public GenerateInput inKey(String v) { inKey = v; return this; }
    public GenerateInput temperature(Double v) { temperature = v; return this; }
    public GenerateInput topK(Integer v) { topK = v; return this; }
    public GenerateInput topP(Double v) { topP = v; return this; }
    public GenerateInput minP(Double v) { minP = v; return this; }
    public GenerateInput guidance(Double v) { guidance = v; return this; }
    public GenerateInput seed(Long v) { seed = v; return this; }
    public GenerateInput variations(Integer v) { variations = v; return this; }
    public GenerateInput seedMidi(Path v) { seedMidi = v; return this; }
    public GenerateInput audio(Path v) { audio = v; return this; }
    public GenerateInput feelFromAudio(boolean v) { feelFromAudio = v; return this; }
    public GenerateInput mode(String v) { mode = v; return this; }
    public GenerateInput varyBars(String v) { varyBars = v; return this; }
    public GenerateInput density(String v) { density = v; return this; }
    public GenerateInput swing(Double v) { swing = v; return this; }
    public GenerateInput quantize(Integer v) { quantize = v; return this; }
    public GenerateInput feel(String v) { feel = v; return this; }
    public GenerateInput model(Path v) { model = v; return this; }
    public GenerateInput export(ExportConfig v) { export = v; return this; }

    /** The checked request with every default applied. */
    public GenerateOptions resolve() {
        SamplingConfig d = SamplingConfig.defaults();
        if (bpm != null && !(bpm >= 20 && bpm <= 400)) throw invalid(RequestField.BPM, "expected 20 to 400");
        if (bars != null && (bars < 1 || bars > GenerationRequest.MAX_BARS))
            throw invalid(RequestField.BARS, "expected 1 to " + GenerationRequest.MAX_BARS);
        if (temperature != null && !(temperature >= 0 && temperature <= 5)) throw invalid(RequestField.TEMPERATURE, "expected 0 to 5");
        if (topK != null && topK < 0) throw invalid(RequestField.TOP_K, "expected 0 or more");
        if (topP != null && !(topP > 0 && topP <= 1)) throw invalid(RequestField.TOP_P, "expected more than 0 and at most 1");
        if (minP != null && !(minP >= 0 && minP < 1)) throw invalid(RequestField.MIN_P, "expected 0 to less than 1");
        if (guidance != null && !(guidance >= 0 && guidance <= 4)) throw invalid(RequestField.GUIDANCE, "expected 0 to 4");
        if (variations != null && variations < 1) throw invalid(RequestField.VARIATIONS, "expected 1 or more");
        if (feelFromAudio && audio == null) throw invalid(RequestField.FEEL_FROM_AUDIO, "needs an audio clip");
        Optional<Key> key = words(this.key).map(k -> Key.parse(k).orElseThrow(() -> invalid(RequestField.KEY, "not a key: " + k)));
        Optional<TimeSignature> meter = words(timesig)
                .map(t -> TimeSignature.parse(t).orElseThrow(() -> invalid(RequestField.TIMESIG, "not a time signature: " + t)));
        Optional<List<Role>> roles = this.roles == null || this.roles.isEmpty() ? Optional.empty() : Optional.of(parseRoles(this.roles));
        GenerationRequest.Mode mode = mode();
        if (seedMidi == null && mode != GenerationRequest.Mode.NEW && mode != GenerationRequest.Mode.ACCOMPANY)
            throw invalid(RequestField.SEED_MIDI, "mode " + mode.name().toLowerCase(Locale.ROOT) + " needs a seed MIDI");
        if (seedMidi == null && audio == null && mode == GenerationRequest.Mode.ACCOMPANY)
            throw invalid(RequestField.SEED_MIDI, "mode accompany needs a seed MIDI or an audio clip");
        return new GenerateOptions(words(text), words(genre), words(style), words(mood), Optional.ofNullable(bpm), key,
                meter, Optional.ofNullable(bars), roles, keyConstraint(), temperature == null ? d.temperature() : temperature, topK == null ? d.topK() : topK,
                topP == null ? d.topP() : topP, Optional.ofNullable(seed), variations == null ? 1 : variations,
                Optional.ofNullable(seedMidi), mode, words(varyBars), Optional.ofNullable(model), outDir, export,
                Optional.ofNullable(audio), controls(), guidance == null ? d.guidance() : guidance, Optional.ofNullable(minP),
                feelFromAudio);
    }

    /** "new" with a seed MIDI means accompany it. */
    private GenerationRequest.Mode mode() {
        if (mode == null || mode.isBlank()) return seedMidi != null ? GenerationRequest.Mode.ACCOMPANY : GenerationRequest.Mode.NEW;
        GenerationRequest.Mode m;
        try {
            m = GenerationRequest.Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(RequestField.MODE, "expected new, continue, accompany, vary or infill, not " + mode);
        }
        return m == GenerationRequest.Mode.NEW && seedMidi != null ? GenerationRequest.Mode.ACCOMPANY : m;
    }

    /** Role names and their synonyms ("keys" for chords), each role once, in the order given. */
    private static List<Role> parseRoles(List<String> names) {
        List<Role> out = new ArrayList<>();
        for (String n : names) {
            Role r = Synonyms.role(n).or(() -> Role.parse(n))
                    .orElseThrow(() -> invalid(RequestField.ROLES, "unknown role '" + n + "' (drums, bass, chords, melody, pad, fx)"));
            if (!out.contains(r)) out.add(r);
        }
        return List.copyOf(out);
    }

    private KeyConstraint keyConstraint() {
        if (inKey == null || inKey.isBlank()) return KeyConstraint.SOFT;
        try {
            return KeyConstraint.valueOf(inKey.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(RequestField.IN_KEY, "expected strict, soft or off, not " + inKey);
        }
    }

    private GenerationRequest.Controls controls() {
        Optional<Density> d = words(density).map(w -> Density.fromWord(w)
                .orElseThrow(() -> invalid(RequestField.DENSITY, "expected sparse, medium or busy, not " + w)));
        if (swing != null && !(swing == 0 || (swing >= 50 && swing <= 75)))
            throw invalid(RequestField.SWING, "expected 0 (straight) or 50 to 75");
        if (quantize != null && (quantize < 0 || quantize > 24)) throw invalid(RequestField.QUANTIZE, "expected 0 to 24");
        Optional<String> f = words(feel).map(w -> CorpusRules.feelWord(w.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> invalid(RequestField.FEEL, "expected human (performed) or tight (programmed on the grid), not " + w)));
        return new GenerationRequest.Controls(d, swing == null ? OptionalDouble.empty() : OptionalDouble.of(swing),
                quantize == null ? 0 : quantize, f);
    }

    private static Optional<String> words(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    private static InvalidRequestException invalid(RequestField field, String problem) {
        return new InvalidRequestException(field, problem);
    }
}
