package loopsmith.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;
import loopsmith.generate.GrooveTransfer;
import loopsmith.library.CorpusRules;
import loopsmith.library.DrumGrid;
import loopsmith.library.FileSplit;
import loopsmith.library.GrooveModel;
import loopsmith.library.LabelReader;
import loopsmith.library.LibraryScan;
import loopsmith.library.LibraryScanner;
import loopsmith.library.Labels;
import loopsmith.midi.MidiReader;
import loopsmith.music.DrumGroup;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * Groove against the performances it imitates: held-out drum performances (files the model was not learned from) are
 * quantized to the sixteenth grid at one velocity, grooved back, and each drum group's per-hit timing offsets and
 * velocities are compared with the real ones by the two-sample Kolmogorov–Smirnov statistic (the largest gap between
 * the two cumulative distributions: 0 is the same distribution). The peer is random jitter, measured in the same run:
 * every hit independently gets a Gaussian offset and velocity with the mean and spread of all the model's hits. Also
 * compared: each bar's mean offset (a bar pushed or dragged as a whole), which per-hit jitter cannot reproduce.
 */
public final class GrooveBench {
    /** The velocity a quantized clip is written with: what a step sequencer gives every hit by default. */
    static final int QUANTIZED_VELOCITY = 100;
    /** Bars with fewer hits say little about a bar's push or drag. */
    static final int MIN_HITS_FOR_BAR_MEAN = 4;
    public static final double TARGET_KS = 0.1;

    private GrooveBench() {}

    /** Offsets and velocities, per drum group, and bar means, of one side. */
    private static final class Side {
        final Map<DrumGroup, List<Double>> offsets = new EnumMap<>(DrumGroup.class);
        final Map<DrumGroup, List<Double>> velocities = new EnumMap<>(DrumGroup.class);
        final List<Double> barMeans = new ArrayList<>();

        void add(List<DrumGrid.Bar> bars) {
            for (DrumGrid.Bar b : bars) {
                double sum = 0;
                for (DrumGrid.Hit h : b.hits()) {
                    offsets.computeIfAbsent(h.group(), g -> new ArrayList<>()).add(h.offsetSteps());
                    velocities.computeIfAbsent(h.group(), g -> new ArrayList<>()).add((double) h.velocity());
                    sum += h.offsetSteps();
                }
                if (b.hits().size() >= MIN_HITS_FOR_BAR_MEAN) barMeans.add(sum / b.hits().size());
            }
        }
    }

    public static Map<String, Object> run(Path grooveDir, Path splitCsv, Path modelFile, long seed) {
        long t0 = System.nanoTime();
        GrooveModel model = GrooveModel.read(modelFile);
        FileSplit split = FileSplit.read(splitCsv);
        Path csvDir = splitCsv.toAbsolutePath().normalize().getParent();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "groove");
        out.put("model", modelFile.toString());
        out.put("model_bars", model.bars());
        out.put("held_out", splitCsv + " (split other than train)");
        out.putAll(measure(new GrooveTransfer(model), grooveDir, file -> {
            String inCsv = csvDir.relativize(file.toAbsolutePath().normalize()).toString();
            return split.of(inCsv).isPresent() && !split.isTraining(inCsv);
        }, seed, true));
        out.put("seconds", round((System.nanoTime() - t0) / 1e9));
        return out;
    }

    /**
     * The figures on the files of {@code grooveDir} that {@code heldOut} accepts (absolute paths), grooved with each file's
     * genre label when {@code byGenre}.
     */
    static Map<String, Object> measure(GrooveTransfer transfer, Path grooveDir, Predicate<Path> heldOut, long seed,
                                       boolean byGenre) {
        GrooveModel model = transfer.model();
        LibraryScan scan = LibraryScanner.scan(grooveDir);
        LabelReader labels = new LabelReader(scan.root());
        double[] offsetStats = stats(model.hits(), model::offsetSteps);
        double[] velocityStats = stats(model.hits(), i -> model.velocity(i));

        Side real = new Side();
        Side ours = new Side();
        Side jitter = new Side();
        SplittableRandom jitterRng = new SplittableRandom(seed);
        int files = 0;
        List<String> skipped = new ArrayList<>();
        for (Path rel : scan.midi()) {
            Path file = scan.root().resolve(rel);
            if (!heldOut.test(file)) continue;
            try {
                Labels l = CorpusRules.labels(labels.labelsFor(file), rel.toString());
                Piece performed = CorpusRules.piece(MidiReader.read(file).piece(), l);
                Piece quantized = quantized(performed);
                Piece grooved = transfer.apply(quantized, new GrooveTransfer.Options(1.0, byGenre ? l.genre() : Optional.empty(), seed + files)).piece();
                for (Track t : performed.tracks()) if (DrumGrid.isDrums(t)) real.add(DrumGrid.bars(performed, t));
                for (Track t : grooved.tracks()) if (DrumGrid.isDrums(t)) ours.add(DrumGrid.bars(grooved, t));
                for (Track t : quantized.tracks())
                    if (DrumGrid.isDrums(t)) jitter.add(jittered(quantized, t, offsetStats, velocityStats, jitterRng));
                files++;
            } catch (LoopsmithException e) {
                skipped.add(rel + ": " + e.reason());
            }
        }
        if (files == 0) throw new LoopsmithException(grooveDir, "no held-out file found");

        Side training = new Side();
        for (int i = 0; i < model.hits(); i++) {
            DrumGroup g = GrooveModel.groupOf(model.hitCell()[i]);
            training.offsets.computeIfAbsent(g, x -> new ArrayList<>()).add(model.offsetSteps(i));
            training.velocities.computeIfAbsent(g, x -> new ArrayList<>()).add((double) model.velocity(i));
        }
        Map<String, Object> trainingResult = scores(real, training);
        trainingResult.remove("bar_mean_offset_ks");
        Map<String, Object> oursResult = scores(real, ours);
        Map<String, Object> jitterResult = scores(real, jitter);
        jitterResult.put("offset_mean_steps", offsetStats[0]);
        jitterResult.put("offset_std_steps", offsetStats[1]);
        jitterResult.put("velocity_mean", velocityStats[0]);
        jitterResult.put("velocity_std", velocityStats[1]);
        Map<String, Integer> hits = new LinkedHashMap<>();
        for (Map.Entry<DrumGroup, List<Double>> e : real.offsets.entrySet()) hits.put(e.getKey().label(), e.getValue().size());

        double oursWorst = (double) oursResult.get("worst_ks");
        double jitterWorst = (double) jitterResult.get("worst_ks");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("held_out_files", files);
        out.put("held_out_hits", hits);
        out.put("held_out_bars", real.barMeans.size());
        out.put("seed", seed);
        out.put("ours", oursResult);
        out.put("random_jitter", jitterResult);
        out.put("training_hits", trainingResult);
        out.put("target", "KS <= " + TARGET_KS + " for offsets and velocities in every drum group");
        out.put("target_met", oursWorst <= TARGET_KS);
        out.put("ratio", round(jitterWorst / Math.max(oursWorst, 1e-9)));
        out.put("ratio_is", "random jitter's worst KS / ours (higher is better)");
        out.put("skipped", skipped);
        return out;
    }

    /** The performance with every drum hit on its sixteenth at one velocity: a clip as a step sequencer writes it. */
    static Piece quantized(Piece performed) {
        List<Track> tracks = new ArrayList<>();
        for (Track t : performed.tracks()) {
            if (!DrumGrid.isDrums(t)) {
                tracks.add(t);
                continue;
            }
            List<Note> notes = new ArrayList<>(t.notes());
            for (DrumGrid.Bar b : DrumGrid.bars(performed, t))
                for (DrumGrid.Hit h : b.hits()) {
                    Note n = notes.get(h.noteIndex());
                    notes.set(h.noteIndex(), new Note(n.pitch(), QUANTIZED_VELOCITY, h.gridTick(), n.durationTicks()));
                }
            tracks.add(t.withNotes(notes));
        }
        return performed.withTracks(tracks);
    }

    /** Random jitter: a Gaussian offset and velocity per hit, independent of everything else, landed on the piece's ticks. */
    private static List<DrumGrid.Bar> jittered(Piece quantized, Track t, double[] offset, double[] velocity, SplittableRandom rng) {
        double stepTicks = DrumGrid.stepTicks(quantized.ticksPerQuarter());
        List<DrumGrid.Bar> out = new ArrayList<>();
        for (DrumGrid.Bar b : DrumGrid.bars(quantized, t)) {
            List<DrumGrid.Hit> hits = new ArrayList<>();
            for (DrumGrid.Hit h : b.hits()) {
                double o = Math.max(-0.5, Math.min(0.5, offset[0] + offset[1] * rng.nextGaussian()));
                o = Math.round(o * stepTicks) / stepTicks;
                int v = (int) Math.max(Note.MIN_VELOCITY, Math.min(Note.MAX_VELOCITY, Math.round(velocity[0] + velocity[1] * rng.nextGaussian())));
                hits.add(new DrumGrid.Hit(h.noteIndex(), h.pitch(), h.group(), h.step(), h.gridTick(), o, v));
            }
            out.add(new DrumGrid.Bar(b.bar(), b.steps(), hits));
        }
        return out;
    }

    private static Map<String, Object> scores(Side real, Side side) {
        Map<String, Double> offsets = new LinkedHashMap<>();
        Map<String, Double> velocities = new LinkedHashMap<>();
        double worstOffset = 0;
        double worstVelocity = 0;
        for (DrumGroup g : real.offsets.keySet()) {
            double o = ks(real.offsets.get(g), side.offsets.getOrDefault(g, List.of()));
            double v = ks(real.velocities.get(g), side.velocities.getOrDefault(g, List.of()));
            offsets.put(g.label(), round(o));
            velocities.put(g.label(), round(v));
            worstOffset = Math.max(worstOffset, o);
            worstVelocity = Math.max(worstVelocity, v);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offset_ks", offsets);
        m.put("velocity_ks", velocities);
        m.put("worst_offset_ks", round(worstOffset));
        m.put("worst_velocity_ks", round(worstVelocity));
        m.put("worst_ks", round(Math.max(worstOffset, worstVelocity)));
        m.put("bar_mean_offset_ks", round(ks(real.barMeans, side.barMeans)));
        return m;
    }

    /** The two-sample Kolmogorov–Smirnov statistic: the largest gap between the samples' empirical distribution functions. */
    static double ks(List<Double> a, List<Double> b) {
        if (a.isEmpty() || b.isEmpty()) return 1;
        double[] x = a.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] y = b.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            // Ties (velocities are integers) step both functions past the value before the gap is read.
            while (i < x.length && x[i] == v) i++;
            while (j < y.length && y[j] == v) j++;
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    private static double[] stats(int n, IntToDoubleFunction value) {
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double v = value.applyAsDouble(i);
            sum += v;
            sq += v * v;
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean))};
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
