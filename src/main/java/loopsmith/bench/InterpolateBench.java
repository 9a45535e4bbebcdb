package loopsmith.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import loopsmith.eval.ClipSimilarity;
import loopsmith.generate.Interpolation;
import loopsmith.generate.NoteSurprise;
import loopsmith.library.DrumGrid;
import loopsmith.library.FileSplit;
import loopsmith.midi.MidiReader;
import loopsmith.music.DrumGroup;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.service.InterpolateService;
import loopsmith.tokens.Tags;

/**
 * {@code bench interpolate}: Interpolate between pairs of real clips the bundled model never saw (held-out Groove
 * performances for drums; POP909 melodies and bass lines from the end of the list), and how the steps move:
 *
 * <ul>
 *   <li>similarity ({@link ClipSimilarity}: rhythm and pitch) of each step to A and to B, averaged over pairs, and the
 *       share of pairs whose similarity to B rises at every step;
 *   <li>how real the in-between steps look: for each of their bars, the Jaccard distance of its pattern (drums:
 *       kick, snare and hats on sixteen steps; lines: onsets on sixteen steps and the pitch classes played) to the
 *       nearest bar of a bank of real bars from other files (Groove's train split, POP909 from the start of the list).
 *       Measured for the model's order of edits, the beat's order (no model) and a random order, in the same run;
 *       ratio = random's distance / the model's (above 1: the model's in-betweens are nearer real bars).
 * </ul>
 */
public final class InterpolateBench {
    private static final int BASS_BELOW = 55;
    private static final int GRID = 16;

    private InterpolateBench() {}

    private record Clip(String name, Piece piece) { }

    public static Map<String, Object> run(Path corpus, Path model, int pairs, int bars, int steps, long seed) {
        long t0 = System.nanoTime();
        InterpolateService.Engine engine = InterpolateService.Engine.load(model, false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "interpolate");
        out.put("model", model.toString());
        out.put("steps", steps);
        out.put("bars", bars);
        Path groove = corpus.resolve("groove");
        FileSplit split = FileSplit.read(groove.resolve("info.csv"));
        List<Path> grooveFiles = files(groove);
        List<Clip> drums = new ArrayList<>(), drumBank = new ArrayList<>();
        for (Path f : grooveFiles) {
            String rel = groove.relativize(f).toString();
            Optional<String> s = split.of(rel);
            if (s.isEmpty()) continue;
            boolean train = split.isTraining(rel);
            if (!train && drums.size() >= 2 * pairs) continue;
            if (train && drumBank.size() >= 300) continue;
            drumClip(f, bars).ifPresent(c -> (train ? drumBank : drums).add(c));
        }
        List<Path> songs = songs(corpus.resolve("pop909"));
        List<Clip> melody = new ArrayList<>(), bass = new ArrayList<>(), lineBank = new ArrayList<>();
        for (int i = songs.size() - 1; i >= 0 && (melody.size() < 2 * pairs || bass.size() < 2 * pairs); i--)
            popClips(songs.get(i), bars, melody, bass, 2 * pairs);
        for (int i = 0; i < Math.min(songs.size() / 2, 120); i++) popClips(songs.get(i), bars, lineBank, lineBank, Integer.MAX_VALUE);

        Map<String, Object> sets = new LinkedHashMap<>();
        double[] totals = new double[3];
        for (Object[] set : new Object[][] {{"drums", drums, drumBank}, {"melody", melody, lineBank}, {"bass", bass, lineBank}}) {
            @SuppressWarnings("unchecked") List<Clip> clips = (List<Clip>) set[1];
            @SuppressWarnings("unchecked") List<Clip> bank = (List<Clip>) set[2];
            Map<String, Object> r = measure(clips, bank, engine, steps, seed);
            sets.put((String) set[0], r);
            @SuppressWarnings("unchecked") Map<String, Double> d = (Map<String, Double>) r.get("in_between_distance_to_real");
            if (d != null) {
                totals[0] += d.get("model");
                totals[1] += d.get("beat");
                totals[2] += d.get("random");
            }
        }
        out.put("sets", sets);
        out.put("in_between_distance_to_real", Map.of("model", round(totals[0] / 3), "beat", round(totals[1] / 3), "random", round(totals[2] / 3)));
        out.put("ratio", round(totals[2] / totals[0]));
        out.put("seconds", round((System.nanoTime() - t0) / 1e9));
        return out;
    }

    private static Map<String, Object> measure(List<Clip> clips, List<Clip> bank, InterpolateService.Engine engine, int steps, long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Long> bankBars = new ArrayList<>();
        for (Clip c : bank) bankBars.addAll(patterns(c.piece()));
        int ppq = engine.model().vocabulary().config().positionsPerQuarter();
        NoteSurprise judge = engine.surprise(Optional.empty());
        double[] toA = new double[steps], toB = new double[steps];
        double[] distance = new double[3];
        int[] measured = new int[3];
        int pairs = 0, rising = 0;
        double millis = 0;
        for (int i = 0; i + 1 < clips.size(); i += 2) {
            Piece a = clips.get(i).piece(), b = clips.get(i + 1).piece();
            b = new Piece(a.ticksPerQuarter(), a.tempos(), a.timeSignatures(), a.key(), b.withResolution(a.ticksPerQuarter()).tracks(), a.endTick());
            SplittableRandom random = new SplittableRandom(seed + i);
            Interpolation.Surprise shuffled = clip -> {
                Map<Long, Double> m = new java.util.HashMap<>();
                for (Note n : clip.tracks().get(0).notes()) m.putIfAbsent(Interpolation.key(n, clip.ticksPerQuarter(), ppq), random.nextDouble());
                return m;
            };
            boolean fits = judge.fits(a) && judge.fits(b);
            long t = System.nanoTime();
            Interpolation.Result byModel = new Interpolation(ppq, fits ? Optional.of(judge) : Optional.empty(), InterpolateService::nearness).between(a, b, steps, seed);
            millis += (System.nanoTime() - t) / 1e6;
            Interpolation.Result byBeat = new Interpolation(ppq, Optional.empty(), InterpolateService::nearness).between(a, b, steps, seed);
            Interpolation.Result byChance = new Interpolation(ppq, Optional.of(shuffled), InterpolateService::nearness).between(a, b, steps, seed);
            pairs++;
            double last = -1;
            boolean up = true;
            for (int k = 0; k < steps; k++) {
                Piece s = byModel.steps().get(k);
                toA[k] += ClipSimilarity.of(s, a).overall();
                double sb = ClipSimilarity.of(s, b).overall();
                toB[k] += sb;
                if (sb < last - 1e-9) up = false;
                last = sb;
            }
            if (up) rising++;
            List<Interpolation.Result> orders = List.of(byModel, byBeat, byChance);
            for (int o = 0; o < 3; o++)
                for (int k = 1; k < steps - 1; k++)
                    for (long p : patterns(orders.get(o).steps().get(k))) {
                        distance[o] += nearest(p, bankBars);
                        measured[o]++;
                    }
        }
        out.put("pairs", pairs);
        if (pairs == 0) return out;
        List<Double> ta = new ArrayList<>(), tb = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            ta.add(round(toA[k] / pairs));
            tb.add(round(toB[k] / pairs));
        }
        out.put("similarity_to_a", ta);
        out.put("similarity_to_b", tb);
        out.put("pairs_rising_every_step", round((double) rising / pairs));
        out.put("bank_bars", bankBars.size());
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("model", round(distance[0] / Math.max(1, measured[0])));
        d.put("beat", round(distance[1] / Math.max(1, measured[1])));
        d.put("random", round(distance[2] / Math.max(1, measured[2])));
        out.put("in_between_distance_to_real", d);
        out.put("model_ms_per_pair", round(millis / pairs));
        return out;
    }

    /** Each bar of a one-part clip as a bit pattern: drums 16 steps × kick, snare, hats; lines 16 onset steps and 12 pitch classes. */
    static List<Long> patterns(Piece p) {
        Track t = p.tracks().get(0);
        long barTicks = p.barGrid().barLengthTicks(0);
        int bars = (int) Math.max(1, p.endTick() / barTicks);
        long[] bits = new long[bars];
        for (Note n : t.notes()) {
            int bar = (int) (n.startTick() / barTicks);
            if (bar >= bars) continue;
            int step = (int) Math.min(GRID - 1, Math.round((n.startTick() - bar * barTicks) * (double) GRID / barTicks));
            if (t.isDrum()) {
                DrumGroup g = DrumGroup.of(n.pitch());
                int lane = g == DrumGroup.KICK ? 0 : g == DrumGroup.SNARE ? 1 : g == DrumGroup.HATS ? 2 : -1;
                if (lane >= 0) bits[bar] |= 1L << (lane * GRID + step);
            } else {
                bits[bar] |= 1L << step;
                bits[bar] |= 1L << (GRID + n.pitch() % 12);
            }
        }
        List<Long> out = new ArrayList<>();
        for (long b : bits) out.add(b);
        return out;
    }

    /** Jaccard distance to the nearest pattern of the bank. */
    static double nearest(long p, List<Long> bank) {
        double best = 1;
        for (long q : bank) {
            int union = Long.bitCount(p | q);
            double d = union == 0 ? 0 : 1 - (double) Long.bitCount(p & q) / union;
            if (d < best) best = d;
        }
        return best;
    }

    private static Optional<Clip> drumClip(Path f, int bars) {
        try {
            Piece p = MidiReader.read(f).piece();
            if (!p.initialTimeSignature().equals(TimeSignature.FOUR_FOUR)) return Optional.empty();
            Optional<Track> drums = p.tracks().stream().filter(DrumGrid::isDrums).filter(t -> !t.notes().isEmpty()).findFirst();
            if (drums.isEmpty()) return Optional.empty();
            // From bar 2: a performance's first bar is often a count-in or a pickup.
            return window(p, drums.get().withRole(Role.DRUMS), 1, bars).map(w -> new Clip(f.getFileName().toString(), w));
        } catch (LoopsmithException e) {
            return Optional.empty();
        }
    }

    private static void popClips(Path song, int bars, List<Clip> melody, List<Clip> bass, int max) {
        Path f = song.resolve(song.getFileName() + ".mid");
        if (!Files.isRegularFile(f)) return;
        Piece p = MidiReader.read(f).piece();
        if (!p.initialTimeSignature().equals(TimeSignature.FOUR_FOUR)) return;
        for (Track t : p.tracks()) {
            if (t.name().equalsIgnoreCase("MELODY") && melody.size() < max)
                window(p, t.withRole(Role.MELODY), 4, bars).ifPresent(w -> melody.add(new Clip(song.getFileName() + " melody", w)));
            if (t.name().equalsIgnoreCase("PIANO") && bass.size() < max) {
                Track low = new Track("Bass", Role.BASS, 33, false, t.notes().stream().filter(x -> x.pitch() < BASS_BELOW).toList());
                window(p, low, 4, bars).ifPresent(w -> bass.add(new Clip(song.getFileName() + " bass", w)));
            }
        }
    }

    /** The track alone, {@code bars} bars from {@code skip} bars after the bar of its first note; empty when that holds few notes. */
    private static Optional<Piece> window(Piece p, Track t, int skip, int bars) {
        if (t.notes().isEmpty()) return Optional.empty();
        long from = p.barGrid().barStartTick(p.barGrid().barAt(t.notes().get(0).startTick()) + skip);
        long to = p.barGrid().barStartTick(p.barGrid().barAt(from) + bars);
        List<Note> notes = t.notes().stream().filter(x -> x.startTick() >= from && x.startTick() < to)
                .map(x -> new Note(x.pitch(), x.velocity(), x.startTick() - from, Math.max(1, Math.min(x.durationTicks(), to - x.startTick())))).toList();
        if (notes.size() < 2 * bars) return Optional.empty();
        return Optional.of(Piece.of(p.ticksPerQuarter(), p.initialBpm(), TimeSignature.FOUR_FOUR, p.key(), List.of(t.withNotes(notes)), to - from));
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".mid")).sorted().toList();
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    private static List<Path> songs(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(s.filter(Files::isDirectory).sorted().toList());
            Collections.sort(out);
            return out;
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
