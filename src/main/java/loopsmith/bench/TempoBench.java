package loopsmith.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import loopsmith.audio.Analyzer;
import loopsmith.audio.AudioAnalysis;
import loopsmith.audio.AudioNote;
import loopsmith.audio.SoundFonts;
import loopsmith.audio.WavWriter;
import loopsmith.midi.MidiFormatException;
import loopsmith.midi.MidiReader;
import loopsmith.midi.MidiWriter;
import loopsmith.audio.StemRenderer;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;

/**
 * {@code bench tempo}: tempo accuracy on labelled drum loops, ours next to aubio's on the same files in the same run.
 *
 * <p>Two sets. {@link Set#GENRES} (the default) is {@link TempoSet}: loops of eleven genre families at the tempos they
 * are counted in, from our renderer and FluidSynth, half of them started off the downbeat; besides tempo it scores
 * the octave per family, the downbeat (within {@link #DOWNBEAT_WINDOW_S}) and the groove's per-hit offsets against
 * the MIDI ({@link GrooveCheck}, within {@link #GROOVE_WINDOW_MS}); each loop is also read with its family as the genre
 * label, as ingest reads a labelled library's loops, and scored apart. {@link Set#GROOVE} is the earlier set: 4/4 beats
 * from the Groove corpus, cut to 2, 4 or 8 bars at a random bar, re-timed to a tempo drawn from 70–180 BPM (from a file
 * recorded within 20% of it, so the groove still sounds like itself) and rendered with FluidR3_GM to
 * {@code NNN_<style>_<bars>bars_<bpm>bpm.wav} beside the cut MIDI; its tempos are arbitrary, not the ones the grooves
 * are counted in, so only the octave-free figure means much there.
 *
 * <p>Either set depends only on the seed (a smaller count is a prefix), so it is kept in the work folder and reused.
 * Scoring is aubio's: exact within 2%, octave also accepting double or half. aubio reports three estimates; the
 * comparison uses whichever scores best here.
 */
public final class TempoBench {
    /** Which loops to score. */
    public enum Set { GENRES, GROOVE }

    static final double TOLERANCE = 0.02;
    static final double DOWNBEAT_WINDOW_S = 0.05;
    static final double GROOVE_WINDOW_MS = 10;
    /** A gap before the one, as an export or a clip cut a little early has: 20 to 500 ms. */
    static final double LEAD_MIN_S = 0.02;
    static final double LEAD_MAX_S = 0.5;
    /** GM kicks, snares, claps, rims and crashes: what tells a bar's beats apart. */
    private static final java.util.Set<Integer> BACKBONE = java.util.Set.of(35, 36, 37, 38, 39, 40, 49, 52, 55, 57);
    static final double SAME_PATTERN = 0.8;
    /** The targets for the genre set. */
    static final double TARGET_EXACT = 0.975;
    static final double TARGET_OVER_AUBIO = 0.10;
    static final double TARGET_DOWNBEAT = 0.90;
    static final double TARGET_GROOVE = 0.90;
    static final double ONSET_WINDOW_S = 0.05;
    /** Reference hits closer than this are one onset: a flam or kick-and-hat is one attack to a listener. */
    static final double SAME_ONSET_S = 0.03;
    private static final int MIN_BPM = 70;
    private static final int MAX_BPM = 180;
    private static final int[] BARS = {2, 4, 8};
    private static final int SAMPLE_RATE_HZ = 44100;
    private static final double PEAK = 0.9;

    private TempoBench() {}

    /**
     * Runs the bench.
     *
     * @param corpus      the Groove corpus (for {@link Set#GROOVE})
     * @param aubioPeer   tempo_aubio.py
     * @param fluidsynth  render_fluidsynth.sh (for {@link Set#GENRES})
     */
    public static Map<String, Object> run(Set set, Path corpus, Path work, int cases, long seed, Path aubioPeer, Path fluidsynth) {
        return set == Set.GENRES ? genres(work, cases, seed, aubioPeer, fluidsynth) : groove(corpus, work, cases, seed, aubioPeer);
    }

    private static Map<String, Object> groove(Path corpus, Path work, int cases, long seed, Path peerScript) {
        List<Path> loops = loops(corpus, work, cases, seed);
        int exact = 0;
        int octave = 0;
        long tp = 0;
        long fp = 0;
        long fn = 0;
        double audioSeconds = 0;
        long t0 = System.nanoTime();
        List<Map<String, Object>> misses = new ArrayList<>();
        for (Path wav : loops) {
            AudioAnalysis a = Analyzer.analyze(wav);
            audioSeconds += a.seconds();
            double known = knownBpm(wav);
            if (close(a.tempo().bpm(), known)) exact++;
            if (close(a.tempo().bpm(), known) || close(a.tempo().bpm(), known * 2) || close(a.tempo().bpm(), known / 2)) octave++;
            else if (misses.size() < 10) misses.add(Map.of("file", wav.getFileName().toString(), "bpm", a.tempo().bpm()));
            Piece reference = MidiReader.read(midiOf(wav)).piece();
            long[] m = match(onsets(reference), a.drumHits().stream().map(AudioNote::startSeconds).toList());
            tp += m[0];
            fp += m[1];
            fn += m[2];
        }
        double oursSeconds = (System.nanoTime() - t0) / 1e9;

        List<JsonNode> rows = Peer.runLines(peerScript, loops.stream().map(Path::toString).toList(), Map.of(), 3600);
        Map<String, Object> aubio = aubio(rows.get(rows.size() - 1));
        String best = (String) aubio.get("best");
        double bestExact = aubioExact(rows.get(rows.size() - 1), best);

        int n = loops.size();
        double oursExact = round(exact / (double) n);
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("exact", oursExact);
        ours.put("octave", round(octave / (double) n));
        ours.put("realtime_factor", round(audioSeconds / oursSeconds));
        ours.put("misses", misses);
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        Map<String, Object> drums = new LinkedHashMap<>();
        drums.put("f_measure", round(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
        drums.put("precision", round(precision));
        drums.put("recall", round(recall));
        drums.put("reference_onsets", tp + fn);
        drums.put("window_s", ONSET_WINDOW_S);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "tempo");
        out.put("set", "groove");
        out.put("cases", n);
        out.put("seed", seed);
        out.put("work", loops.get(0).getParent().toString());
        out.put("tolerance", TOLERANCE);
        out.put("ours", ours);
        out.put("aubio", aubio);
        out.put("ratio", bestExact > 0 ? round(oursExact / bestExact) : null);
        out.put("ratio_uses", "aubio " + best + " (its best exact accuracy here)");
        out.put("target", "ours exact >= aubio exact + 0.10");
        out.put("target_met", oursExact >= bestExact + 0.10);
        out.put("drum_onsets", drums);
        return out;
    }

    private static Map<String, Object> genres(Path work, int cases, long seed, Path aubioPeer, Path fluidsynth) {
        List<TempoSet.Case> set = TempoSet.build(work, cases, seed, fluidsynth);
        Map<String, Tally> families = new LinkedHashMap<>();
        for (TempoSet.Family f : TempoSet.FAMILIES) families.put(f.name(), new Tally());
        Map<String, Tally> renderers = new LinkedHashMap<>();
        for (TempoSet.Renderer r : TempoSet.Renderer.values()) renderers.put(r.label(), new Tally());
        Map<String, Tally> shifts = new TreeMap<>();
        Tally all = new Tally();
        Tally audibleBar = new Tally();
        Tally leadIn = new Tally();
        // The set: loops that start on a downbeat, as exported and shifted by a known lead-in.
        Tally onTheOne = new Tally();
        // The same loops read again with their genre label, as ingest reads a labelled library's loops.
        Map<String, Tally> labelled = new LinkedHashMap<>();
        for (TempoSet.Family f : TempoSet.FAMILIES) labelled.put(f.name(), new Tally());
        Tally labelledAll = new Tally();
        List<Map<String, Object>> misses = new ArrayList<>();
        List<Double> grooveErrors = new ArrayList<>();
        List<int[]> velocities = new ArrayList<>();
        long attacks = 0;
        long tp = 0;
        long fp = 0;
        long fn = 0;
        double audioSeconds = 0;
        long t0 = System.nanoTime();
        for (TempoSet.Case c : set) {
            float[] mono = Analyzer.readMono(c.wav());
            AudioAnalysis a = Analyzer.analyze(c.wav(), mono);
            audioSeconds += a.seconds();
            double bpm = a.tempo().bpm();
            double bar = 60.0 * 4 / c.bpm();
            double apart = Math.abs(a.tempo().downbeat().firstSeconds() - c.firstDownbeatSeconds()) % bar;
            boolean downbeat = Math.min(apart, bar - apart) <= DOWNBEAT_WINDOW_S;
            GrooveCheck.Score groove = GrooveCheck.score(c.piece(), a.groove());
            long within = groove.errorsMs().stream().filter(e -> e <= GROOVE_WINDOW_MS).count();
            Tally shift = shifts.computeIfAbsent(c.shiftBeats() + " beats", k -> new Tally());
            for (Tally t : List.of(all, families.get(c.family().name()), renderers.get(c.renderer().label()), shift))
                t.add(close(bpm, c.bpm()), octaveRight(bpm, c.bpm()), downbeat, groove.errorsMs().size(), within);
            if (c.shiftBeats() == 0 || barIsAudible(c.piece())) audibleBar.add(close(bpm, c.bpm()), octaveRight(bpm, c.bpm()), downbeat, 0, 0);
            if (c.shiftBeats() == 0) {
                onTheOne.add(close(bpm, c.bpm()), octaveRight(bpm, c.bpm()), downbeat, 0, 0);
                // The same loop exported with a gap before the one: the downbeat is the gap's end, and the length
                // less the gap is still whole bars.
                double lead = LEAD_MIN_S + new SplittableRandom(seed * 7_919L + c.wav().getFileName().toString().hashCode())
                        .nextDouble() * (LEAD_MAX_S - LEAD_MIN_S);
                AudioAnalysis led = Analyzer.analyze(c.wav(), withLead(mono, lead));
                double off = Math.abs(led.tempo().downbeat().firstSeconds() - lead) % bar;
                boolean ledDownbeat = Math.min(off, bar - off) <= DOWNBEAT_WINDOW_S;
                leadIn.add(close(led.tempo().bpm(), c.bpm()), octaveRight(led.tempo().bpm(), c.bpm()), ledDownbeat, 0, 0);
                onTheOne.add(close(led.tempo().bpm(), c.bpm()), octaveRight(led.tempo().bpm(), c.bpm()), ledDownbeat, 0, 0);
            }
            AudioAnalysis labelledRead = Analyzer.analyze(c.wav(), mono, Optional.of(c.family().name()));
            audioSeconds += labelledRead.seconds();
            double labelledBpm = labelledRead.tempo().bpm();
            for (Tally t : List.of(labelledAll, labelled.get(c.family().name())))
                t.add(close(labelledBpm, c.bpm()), octaveRight(labelledBpm, c.bpm()), false, 0, 0);
            grooveErrors.addAll(groove.errorsMs());
            velocities.addAll(groove.velocities());
            attacks += groove.attacks();
            long[] m = match(onsets(c.piece()), a.drumHits().stream().map(AudioNote::startSeconds).toList());
            tp += m[0];
            fp += m[1];
            fn += m[2];
            if ((!close(bpm, c.bpm()) || !downbeat) && misses.size() < 30) {
                Map<String, Object> miss = new LinkedHashMap<>();
                miss.put("file", c.wav().getFileName().toString());
                miss.put("bpm", bpm);
                miss.put("alternative", a.tempo().octave().alternativeBpm().isPresent() ? a.tempo().octave().alternativeBpm().getAsDouble() : null);
                miss.put("rhythm", a.tempo().octave().rhythm().label());
                miss.put("first_downbeat_s", a.tempo().downbeat().firstSeconds());
                miss.put("known_first_downbeat_s", round(c.firstDownbeatSeconds()));
                miss.put("bar_audible", barIsAudible(c.piece()));
                misses.add(miss);
            }
        }
        double oursSeconds = (System.nanoTime() - t0) / 1e9;

        List<JsonNode> rows = Peer.runLines(aubioPeer, set.stream().map(c -> c.wav().toString()).toList(), Map.of(), 3600);
        JsonNode summary = rows.get(rows.size() - 1);
        Map<String, Object> aubio = aubio(summary);
        String best = (String) aubio.get("best");
        double aubioExact = aubioExact(summary, best);
        Map<String, Tally> aubioFamilies = new LinkedHashMap<>();
        aubioEstimates(rows, set, best, (c, est) ->
                aubioFamilies.computeIfAbsent(c.family().name(), k -> new Tally()).add(close(est, c.bpm()), octaveRight(est, c.bpm()), false, 0, 0));
        Map<String, Object> aubioByFamily = new LinkedHashMap<>();
        aubioFamilies.forEach((name, t) -> aubioByFamily.put(name, Map.of("exact", t.share(t.exact), "octave_right", t.share(t.octaveRight))));
        aubio.put("by_family_" + best, aubioByFamily);

        Map<String, Object> ours = all.figures();
        ours.put("groove_median_error_ms", round(median(grooveErrors)));
        ours.put("groove_hits_paired", grooveErrors.size());
        ours.put("groove_recall", round(grooveErrors.size() / (double) Math.max(1, attacks)));
        ours.put("velocity_correlation", round(correlation(velocities)));
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        ours.put("drum_onsets_f_measure", round(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
        ours.put("realtime_factor", round(audioSeconds / oursSeconds));
        Map<String, Object> byFamily = new LinkedHashMap<>();
        families.forEach((name, t) -> byFamily.put(name, t.figures()));
        Map<String, Object> byRenderer = new LinkedHashMap<>();
        renderers.forEach((name, t) -> byRenderer.put(name, t.figures()));
        Map<String, Object> byShift = new LinkedHashMap<>();
        shifts.forEach((name, t) -> byShift.put(name, Map.of("cases", t.cases, "downbeat_within_50ms", t.share(t.downbeat))));
        ours.put("by_family", byFamily);
        ours.put("by_renderer", byRenderer);
        // A groove that repeats every half bar with no crash or fill cannot say which half comes first: a clip
        // started two beats in reads as started on the downbeat.
        ours.put("downbeat_by_clip_start_shift", byShift);
        ours.put("downbeat_where_the_bar_is_audible", Map.of("cases", audibleBar.cases, "downbeat_within_50ms", audibleBar.share(audibleBar.downbeat)));
        ours.put("after_a_lead_in", Map.of("cases", leadIn.cases, "lead_in_s", List.of(LEAD_MIN_S, LEAD_MAX_S),
                "exact", leadIn.share(leadIn.exact), "downbeat_within_50ms", leadIn.share(leadIn.downbeat)));
        ours.put("downbeat_loops_starting_on_the_one", Map.of("cases", onTheOne.cases, "downbeat_within_50ms", onTheOne.share(onTheOne.downbeat)));
        ours.put("misses", misses);
        Map<String, Object> labelledByFamily = new LinkedHashMap<>();
        labelled.forEach((name, t) -> labelledByFamily.put(name, Map.of("cases", t.cases, "exact", t.share(t.exact), "octave_right", t.share(t.octaveRight))));
        Map<String, Object> withLabel = new LinkedHashMap<>();
        withLabel.put("exact", labelledAll.share(labelledAll.exact));
        withLabel.put("octave_right", labelledAll.share(labelledAll.octaveRight));
        withLabel.put("by_family", labelledByFamily);
        ours.put("with_genre_label", withLabel);

        double oursExact = all.share(all.exact);
        boolean everyFamily = families.values().stream().allMatch(t -> t.octaveRight == t.cases);
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("exact >= 0.975", oursExact >= TARGET_EXACT);
        targets.put("exact >= aubio best + 0.10", oursExact >= aubioExact + TARGET_OVER_AUBIO);
        targets.put("octave right in every family", everyFamily);
        targets.put("octave right in every family, with the loops' genre label (as ingest reads a labelled library)",
                labelled.values().stream().allMatch(t -> t.octaveRight == t.cases));
        targets.put("downbeat within 50 ms >= 0.90 of loops starting on the one (as played and after a lead-in)",
                onTheOne.share(onTheOne.downbeat) >= TARGET_DOWNBEAT);
        targets.put("downbeat within 50 ms >= 0.90 of all loops (also those started 1-3 beats into the bar)",
                all.share(all.downbeat) >= TARGET_DOWNBEAT);
        targets.put("groove offsets within 10 ms >= 0.90 of paired hits", all.share(all.grooveWithin, all.groovePaired) >= TARGET_GROOVE);

        Map<String, Object> fullMixes = mixes(TempoSet.buildMixes(work, cases / 2, seed, fluidsynth), aubioPeer, best);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "tempo");
        out.put("set", "genres");
        out.put("cases", set.size());
        out.put("seed", seed);
        out.put("work", set.get(0).wav().getParent().toString());
        out.put("tolerance", TOLERANCE);
        out.put("ours", ours);
        out.put("aubio", aubio);
        out.put("ratio", aubioExact > 0 ? round(oursExact / aubioExact) : null);
        out.put("ratio_uses", "aubio " + best + " (its best exact accuracy here)");
        out.put("targets", targets);
        out.put("full_mixes", fullMixes);
        return out;
    }

    /**
     * The nine starter families again as whole loops (drums with bass, chords, melody), ours and aubio's estimate (the
     * method that was best on the drum loops) on the same files: how far the drum-pattern conventions carry into a mix.
     */
    private static Map<String, Object> mixes(List<TempoSet.Case> set, Path aubioPeer, String aubioMethod) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cases", set.size());
        if (set.isEmpty()) return out;
        Tally all = new Tally();
        Map<String, Tally> families = new LinkedHashMap<>();
        List<Map<String, Object>> misses = new ArrayList<>();
        for (TempoSet.Case c : set) {
            double bpm = Analyzer.analyze(c.wav()).tempo().bpm();
            for (Tally t : List.of(all, families.computeIfAbsent(c.family().name(), k -> new Tally())))
                t.add(close(bpm, c.bpm()), octaveRight(bpm, c.bpm()), false, 0, 0);
            if (!close(bpm, c.bpm()) && misses.size() < 30) misses.add(Map.of("file", c.wav().getFileName().toString(), "bpm", bpm));
        }
        List<JsonNode> rows = Peer.runLines(aubioPeer, set.stream().map(c -> c.wav().toString()).toList(), Map.of(), 3600);
        Tally aubio = new Tally();
        aubioEstimates(rows, set, aubioMethod, (c, est) -> aubio.add(close(est, c.bpm()), octaveRight(est, c.bpm()), false, 0, 0));
        out.put("work", set.get(0).wav().getParent().toString());
        out.put("ours", Map.of("exact", all.share(all.exact), "octave_right", all.share(all.octaveRight)));
        out.put("aubio_" + aubioMethod, Map.of("exact", aubio.share(aubio.exact), "octave_right", aubio.share(aubio.octaveRight)));
        Map<String, Object> byFamily = new LinkedHashMap<>();
        families.forEach((name, t) -> byFamily.put(name, Map.of("cases", t.cases, "exact", t.share(t.exact))));
        out.put("ours_by_family", byFamily);
        out.put("ours_misses", misses);
        return out;
    }

    /**
     * Whether a clip's drum pattern says where its bar starts: its backbone (kicks, snares, claps, rims, crashes, by
     * drum and sixteenth, as a listener hears them) is not nearly the same moved by a beat or by half a bar. A plain
     * four-on-the-floor, the dembow, a ride over hi-hat pedal are; a hat left out here and there does not tell a bar's
     * halves apart, so a drum whose hits are {@link #SAME_PATTERN} the same moved counts as the same.
     */
    static boolean barIsAudible(Piece loop) {
        long sixteenth = loop.ticksPerQuarter() / 4;
        int steps = (int) Math.max(1, loop.endTick() / sixteenth);
        Map<Integer, java.util.Set<Integer>> byDrum = new TreeMap<>();
        for (Track t : loop.tracks())
            for (Note n : t.notes())
                if (BACKBONE.contains(n.pitch()))
                    byDrum.computeIfAbsent(n.pitch(), k -> new TreeSet<>()).add(Math.floorMod((int) Math.round(n.startTick() / (double) sixteenth), steps));
        if (byDrum.isEmpty()) return false;
        for (int by : new int[] {4, 8}) {
            boolean same = true;
            for (java.util.Set<Integer> hits : byDrum.values()) {
                long kept = hits.stream().filter(h -> hits.contains(Math.floorMod(h + by, steps))).count();
                same &= kept >= SAME_PATTERN * hits.size();
            }
            if (same) return false;
        }
        return true;
    }

    private static float[] withLead(float[] mono, double seconds) {
        float[] out = new float[mono.length + (int) Math.round(seconds * Analyzer.SAMPLE_RATE_HZ)];
        System.arraycopy(mono, 0, out, out.length - mono.length, mono.length);
        return out;
    }

    /** Counts for one slice of the genre set. */
    private static final class Tally {
        int cases;
        int exact;
        int octaveRight;
        int downbeat;
        long groovePaired;
        long grooveWithin;

        void add(boolean isExact, boolean isOctaveRight, boolean isDownbeat, long paired, long within) {
            cases++;
            if (isExact) exact++;
            if (isOctaveRight) octaveRight++;
            if (isDownbeat) downbeat++;
            groovePaired += paired;
            grooveWithin += within;
        }

        double share(long count) {
            return share(count, cases);
        }

        double share(long count, long of) {
            return of == 0 ? 0 : round(count / (double) of);
        }

        Map<String, Object> figures() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cases", cases);
            m.put("exact", share(exact));
            m.put("octave_right", share(octaveRight));
            m.put("downbeat_within_50ms", share(downbeat));
            m.put("groove_within_10ms", share(grooveWithin, groovePaired));
            return m;
        }
    }

    /** aubio's summary: each estimate's accuracy and which is best here. */
    private static Map<String, Object> aubio(JsonNode peer) {
        Map<String, Object> aubio = new LinkedHashMap<>();
        String best = null;
        double bestExact = -1;
        for (String method : List.of("median", "mean", "tracker")) {
            JsonNode acc = peer.path("accuracy").path(method);
            aubio.put(method, Map.of("exact", acc.path("exact").asDouble(), "octave", acc.path("octave").asDouble()));
            if (acc.path("exact").asDouble() > bestExact) {
                bestExact = acc.path("exact").asDouble();
                best = method;
            }
        }
        aubio.put("best", best);
        aubio.put("version", peer.path("version").asText());
        aubio.put("files", peer.path("files").asInt());
        aubio.put("errors", peer.path("errors").asInt());
        aubio.put("realtime_factor", peer.path("realtime_factor").asDouble());
        return aubio;
    }

    /** aubio's estimate by {@code method} for each case of the set it read (its rows name the files). */
    private static void aubioEstimates(List<JsonNode> rows, List<TempoSet.Case> set, String method,
                                       java.util.function.BiConsumer<TempoSet.Case, Double> each) {
        for (TempoSet.Case c : set)
            for (JsonNode row : rows)
                if (row.path("file").asText().equals(c.wav().toString()) && row.has("bpm")) each.accept(c, row.path("bpm").path(method).asDouble());
    }

    private static double aubioExact(JsonNode peer, String method) {
        return peer.path("accuracy").path(method).path("exact").asDouble();
    }

    /** The tempo is in the right octave: nearer the known tempo than its double or half. */
    static boolean octaveRight(double bpm, double known) {
        return bpm > 0 && Math.abs(Math.log(bpm / known) / Math.log(2)) < 0.5;
    }

    private static double median(List<Double> xs) {
        if (xs.isEmpty()) return 0;
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** Pearson correlation of the pairs {reference, heard}; 0 without spread. */
    private static double correlation(List<int[]> pairs) {
        int n = pairs.size();
        if (n < 2) return 0;
        double mx = 0;
        double my = 0;
        for (int[] p : pairs) {
            mx += p[0];
            my += p[1];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    static boolean close(double bpm, double target) {
        return Math.abs(bpm - target) <= TOLERANCE * target;
    }

    static double knownBpm(Path wav) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{2,3}(?:\\.\\d+)?)bpm").matcher(wav.getFileName().toString());
        if (!m.find()) throw new LoopsmithException(wav, "no tempo in the file name");
        return Double.parseDouble(m.group(1));
    }

    private static Path midiOf(Path wav) {
        String name = wav.getFileName().toString();
        return wav.resolveSibling(name.substring(0, name.length() - 4) + ".mid");
    }

    /** Distinct onset times (seconds) of a piece's notes, hits within {@link #SAME_ONSET_S} merged. */
    static List<Double> onsets(Piece p) {
        TreeSet<Double> times = new TreeSet<>();
        for (Track t : p.tracks()) for (Note n : t.notes()) if (n.startTick() < p.endTick()) times.add(p.secondsAt(n.startTick()));
        List<Double> out = new ArrayList<>();
        for (double t : times) if (out.isEmpty() || t - out.get(out.size() - 1) > SAME_ONSET_S) out.add(t);
        return out;
    }

    /** {true positives, false positives, false negatives}: each reference matched at most once, in time order. */
    static long[] match(List<Double> reference, List<Double> detected) {
        List<Double> det = new ArrayList<>(new TreeSet<>(detected));
        boolean[] used = new boolean[det.size()];
        long tp = 0;
        int j = 0;
        for (double r : reference) {
            while (j < det.size() && det.get(j) < r - ONSET_WINDOW_S) j++;
            for (int k = j; k < det.size() && det.get(k) <= r + ONSET_WINDOW_S; k++) {
                if (!used[k]) {
                    used[k] = true;
                    tp++;
                    break;
                }
            }
        }
        return new long[] {tp, det.size() - tp, reference.size() - tp};
    }

    /** Bumped whenever StemRenderer's sound changes (sf2: the SF2 voice renderer that replaced Gervill). */
    private static final String RENDER_GENERATION = "sf2";

    /** The labelled loops in {@code work}, rendered first where missing. */
    static List<Path> loops(Path corpus, Path work, int cases, long seed) {
        List<Path> beats = beats(corpus);
        if (beats.isEmpty()) throw new LoopsmithException(corpus, "no 4/4 Groove beat files (*_beat_4-4.mid) found");
        Path sf2 = SoundFonts.find(Optional.empty()).orElseThrow(() -> new LoopsmithException(null, "no SoundFont found: install fluid-soundfont-gm"));
        // Case i depends only on the seed and the cases before it, so a smaller set is a prefix of a larger one.
        // The folder names the renderer generation too: loops rendered by an earlier renderer are not reused.
        Path dir = work.resolve(String.format(Locale.ROOT, "%s-seed%d", RENDER_GENERATION, seed));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot create the work folder: " + e.getMessage(), e);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        StemRenderer renderer = new StemRenderer(sf2, SAMPLE_RATE_HZ);
        Map<Path, Piece> read = new LinkedHashMap<>();
        List<Path> out = new ArrayList<>();
        int attempts = 0;
        while (out.size() < cases && attempts++ < cases * 20) {
            int bpm = MIN_BPM + rnd.nextInt(MAX_BPM - MIN_BPM + 1);
            int bars = BARS[rnd.nextInt(BARS.length)];
            Path source = beats.get(rnd.nextInt(beats.size()));
            double pick = rnd.nextDouble();
            Piece p = read.computeIfAbsent(source, f -> readOrNull(f));
            if (p == null || Math.abs(p.initialBpm() - bpm) > 0.2 * bpm || p.lengthBars() < bars) continue;
            long startBar = (long) Math.floor(pick * (p.lengthBars() - bars + 1));
            Piece loop = cut(p, startBar, bars, bpm);
            if (loop.noteCount() < 8 * bars) continue;
            String style = source.getFileName().toString().replaceAll("^\\d+_", "").replaceAll("_.*", "");
            String base = String.format(Locale.ROOT, "%03d_%s_%dbars_%dbpm", out.size(), style, bars, bpm);
            Path wav = dir.resolve(base + ".wav");
            Path mid = dir.resolve(base + ".mid");
            if (!Files.isRegularFile(wav) || !Files.isRegularFile(mid)) {
                MidiWriter.write(loop, mid);
                float[][] stereo = renderer.render(loop, loop.tracks().get(0), renderer.loopFrames(loop), 0);
                WavWriter.write(wav, new float[][] {normalised(stereo)}, SAMPLE_RATE_HZ, 16);
            }
            out.add(wav);
        }
        return out;
    }

    private static Piece readOrNull(Path f) {
        try {
            Piece p = MidiReader.read(f).piece();
            return p.tracks().stream().anyMatch(Track::isDrum) && p.initialTimeSignature().equals(TimeSignature.FOUR_FOUR) ? p : null;
        } catch (MidiFormatException e) {
            return null;
        }
    }

    /** Bars {@code from .. from+bars-1} of the piece's drums, moved to tick 0 and set to {@code bpm}. */
    static Piece cut(Piece p, long fromBar, int bars, double bpm) {
        long start = p.barGrid().barStartTick(fromBar);
        long end = p.barGrid().barStartTick(fromBar + bars);
        List<Note> notes = new ArrayList<>();
        for (Track t : p.tracks()) {
            if (!t.isDrum()) continue;
            for (Note n : t.notes())
                if (n.startTick() >= start && n.startTick() < end)
                    notes.add(new Note(n.pitch(), n.velocity(), n.startTick() - start, Math.min(n.durationTicks(), end - n.startTick())));
        }
        return Piece.of(p.ticksPerQuarter(), bpm, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), end - start);
    }

    private static float[] normalised(float[][] stereo) {
        float[] mono = new float[stereo[0].length];
        float peak = 0;
        for (int i = 0; i < mono.length; i++) {
            mono[i] = (stereo[0][i] + stereo[1][i]) / 2;
            peak = Math.max(peak, Math.abs(mono[i]));
        }
        if (peak > 0) for (int i = 0; i < mono.length; i++) mono[i] *= PEAK / peak;
        return mono;
    }

    private static List<Path> beats(Path corpus) {
        if (!Files.isDirectory(corpus)) throw new LoopsmithException(corpus, "not a directory");
        try (Stream<Path> s = Files.walk(corpus)) {
            return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith("_beat_4-4.mid")).sorted().toList();
        } catch (IOException e) {
            throw new LoopsmithException(corpus, "cannot list: " + e.getMessage(), e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
