package loopsmith.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import loopsmith.export.PianoRoll;
import loopsmith.music.AtomicFiles;
import loopsmith.music.LoopsmithException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/** REPORT/metrics.json and REPORT/index.md with its charts: feature histograms, the judge's confusion matrix, piano rolls. */
final class EvalReportWriter {
    static final String METRICS = "metrics.json";
    static final String INDEX = "index.md";
    static final String CHARTS = "charts";
    private static final int FEATURE_BINS = 12;

    private EvalReportWriter() {}

    static void write(EvalMetrics metrics, List<Evaluation.Sample> samples, List<PieceFeatures> gen, List<PieceFeatures> ref,
                      EvalConfig config) {
        Path out = config.out();
        Path charts = out.resolve(CHARTS);
        try {
            Files.createDirectories(charts);
        } catch (IOException e) {
            throw new LoopsmithException(charts, "cannot create report folder: " + e.getMessage(), e);
        }
        StringBuilder md = new StringBuilder("# Evaluation\n\n");
        md.append("Source: ").append(metrics.source()).append("  \nReference: `").append(config.reference()).append("` (")
                .append(metrics.referenceFiles()).append(" files, ").append(metrics.referenceSkipped()).append(" skipped")
                .append(config.heldOut().map(d -> "; the files `" + d + "` held out").orElse("")).append(")  \n")
                .append("Pieces: ").append(metrics.pieces()).append(" × ").append(Boolean.TRUE.equals(metrics.matchLength()) ? "up to " : "")
                .append(config.bars()).append(" bars").append(Boolean.TRUE.equals(metrics.matchLength()) ? " (each as long as its reference window)" : "")
                .append(", seed ")
                .append(config.seed()).append(metrics.askedTags() == null ? "" : ", asked for each reference file's "
                        + String.join(", ", metrics.askedTags()) + " where the model knows them")
                .append(". All figures are in `metrics.json`.\n\n");
        section(md, "Validity", validity(metrics.validity()));
        section(md, "Conditioning", conditioning(metrics.conditioning()));
        genreAdherence(md, metrics.genreAdherence());
        drumIdioms(md, metrics.drumIdioms());
        partCoherence(md, metrics.partCoherence());
        swing(md, metrics.swing());
        section(md, "Memorization", memorization(metrics.memorization()));
        section(md, "Reproducibility", reproducibility(metrics.reproducibility()));
        if (metrics.infillContinuity() != null)
            section(md, "Infill continuity (NLL per token of the kept bar after a rewritten gap; lower leads back better)",
                    infillContinuity(metrics.infillContinuity()));

        DistributionMetrics dm = metrics.distributionMatch();
        md.append("## Distribution match\n\n").append(dm.method()).append(".\n\nMean overlap area: **")
                .append(dm.meanOverlap()).append("**").append(interval(dm.meanOverlapCi95()));
        if (dm.ceiling() != null)
            md.append(", ").append(dash(dm.ofCeiling())).append(" of the real-data ceiling ").append(dm.ceiling())
                    .append(" (the training files' overlap with the reference)").append(interval(dm.ofCeilingCi95()));
        md.append("; mean KL divergence (reference ‖ generated): ").append(dm.meanKlDivergence())
                .append("\n\n| feature | generated mean | reference mean | overlap | KL |\n|---|---:|---:|---:|---:|\n");
        for (String name : PieceFeatures.scalarNames()) {
            EvalMetrics.FeatureMeans mean = metrics.features().get(name);
            DistributionMetrics.Match match = dm.features().get(name);
            md.append("| ").append(name).append(" | ").append(dash(mean.generatedMean())).append(" | ")
                    .append(dash(mean.referenceMean())).append(" | ").append(dash(match.overlap())).append(" | ")
                    .append(dash(match.klDivergence())).append(" |\n");
        }
        md.append('\n');
        dm.histograms().forEach((name, match) -> md.append("- ").append(name).append(" histogram: overlap ").append(dash(match.overlap()))
                .append(", KL ").append(dash(match.klDivergence())).append('\n'));
        md.append('\n');
        for (String name : PieceFeatures.scalarNames()) {
            String file = "feature-" + name + ".png";
            if (featureChart(name, Evaluation.column(gen, name), Evaluation.column(ref, name), charts.resolve(file)))
                md.append("![").append(name).append("](").append(CHARTS).append('/').append(file).append(")\n");
        }
        histogramChart("IOI (16ths)", Evaluation.pooled(gen, PieceFeatures::ioiHistogram), Evaluation.pooled(ref, PieceFeatures::ioiHistogram), charts.resolve("ioi.png"), md);
        histogramChart("Note length (16ths)", Evaluation.pooled(gen, PieceFeatures::durationHistogram), Evaluation.pooled(ref, PieceFeatures::durationHistogram), charts.resolve("duration.png"), md);
        histogramChart("Velocity (bins of 16)", Evaluation.pooled(gen, PieceFeatures::velocityHistogram), Evaluation.pooled(ref, PieceFeatures::velocityHistogram), charts.resolve("velocity.png"), md);

        GenreClassifierMetrics judge = metrics.genreClassifier();
        md.append("\n## Genre judge\n\n").append(judge.method()).append(". ").append(judge.folds())
                .append("-fold cross-validated accuracy on ").append(judge.pieces()).append(" reference pieces: **")
                .append(judge.cvAccuracy()).append("** (majority-class baseline ").append(judge.majorityBaseline()).append(").\n\n");
        List<String> genres = judge.genres();
        List<List<Integer>> confusion = judge.confusion();
        if (confusionChart(genres, confusion, charts.resolve("confusion.png"))) md.append("![confusion](").append(CHARTS).append("/confusion.png)\n\n");
        md.append("| true \\ predicted | ").append(String.join(" | ", genres)).append(" |\n|---|").append("---:|".repeat(genres.size())).append('\n');
        for (int i = 0; i < genres.size(); i++)
            md.append("| ").append(genres.get(i)).append(" | ").append(String.join(" | ", confusion.get(i).stream().map(Object::toString).toList())).append(" |\n");

        md.append("\n## Samples\n\n");
        int drawn = 0;
        for (int i = 0; i < samples.size() && drawn < config.pianoRolls(); i++) {
            Evaluation.Sample s = samples.get(i);
            if (s.piece().isEmpty()) continue;
            String file = Evaluation.sampleName(i) + ".png";
            PianoRoll.write(s.piece().get(), charts.resolve(file));
            EvalRequest r = s.request();
            md.append(String.format(Locale.ROOT, "%s: %s, %s BPM, %s, %s, %s (like `%s`)%n%n![%s](%s/%s)%n%n", Evaluation.sampleName(i),
                    r.tagText(), Evaluation.round(r.bpm()), r.timeSignature(), r.key().map(Object::toString).orElse("no key"),
                    String.join("+", r.roles().stream().map(loopsmith.music.Role::label).toList()), r.referenceFile(),
                    Evaluation.sampleName(i), CHARTS, file));
            drawn++;
        }
        metrics.write(out.resolve(METRICS));
        AtomicFiles.write(out.resolve(INDEX), "report", md.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A row of a section's table, named as metrics.json names the figure. */
    private record Figure(String name, Object value) { }

    private static List<Figure> validity(ValidityMetrics v) {
        return List.of(new Figure("rate", v.rate()), new Figure("decodes", v.decodes()), new Figure("bar_count", v.barCount()),
                new Figure("tempo", v.tempo()), new Figure("time_signature", v.timeSignature()), new Figure("roles_present", v.rolesPresent()));
    }

    private static List<Figure> conditioning(ConditioningMetrics c) {
        return List.of(new Figure("in_key_rate", c.inKeyRate()), new Figure("in_key_pieces", c.inKeyPieces()),
                new Figure("reference_in_key_rate", c.referenceInKeyRate()), new Figure("tempo_adherence", c.tempoAdherence()),
                new Figure("meter_adherence", c.meterAdherence()), new Figure("genre_adherence", c.genreAdherence()),
                new Figure("genre_judged_pieces", c.genreJudgedPieces()), new Figure("genre_confusion", c.genreConfusion()));
    }

    private static List<Figure> memorization(MemorizationMetrics m) {
        return List.of(new Figure("training_set", m.trainingSet()), new Figure("window_bars", m.windowBars()),
                new Figure("copied_window_rate", m.copiedWindowRate()), new Figure("generated_windows", m.generatedWindows()),
                new Figure("copied_windows", m.copiedWindows()), new Figure("longest_copied_run_bars", m.longestCopiedRunBars()),
                new Figure("training_pieces", m.trainingPieces()), new Figure("training_windows", m.trainingWindows()),
                new Figure("copied_shared_windows", m.copiedSharedWindows()), new Figure("shared_sources", m.sharedSources()),
                new Figure("copied_by_part", m.byPart() == null ? null : copiedByPart(m.byPart())));
    }

    /** "drums 6/112, bass 0/112": a part's copies over its windows. */
    private static String copiedByPart(Map<String, MemorizationMetrics.Part> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach((role, p) -> out.append(out.length() == 0 ? "" : ", ").append(role).append(' ')
                .append(p.copiedWindows()).append('/').append(p.generatedWindows()));
        return out.toString();
    }

    private static List<Figure> reproducibility(ReproducibilityMetrics r) {
        if (r instanceof ReproducibilityMetrics.NotMeasured n) return List.of(new Figure("note", n.note()));
        if (r instanceof ReproducibilityMetrics.Measured m)
            return List.of(new Figure("checks", m.checks()), new Figure("seeds", m.seeds()), new Figure("identical_tokens", m.identicalTokens()),
                    new Figure("identical_midi", m.identicalMidi()), new Figure("rate", m.rate()));
        throw new AssertionError("unhandled " + r);
    }

    private static List<Figure> infillContinuity(InfillContinuityMetrics i) {
        return List.of(new Figure("pieces", i.pieces()), new Figure("original_bar4_nll", i.originalBar4Nll()),
                new Figure("infill_bar4_nll", i.infillBar4Nll()), new Figure("continuation_bar4_nll", i.continuationBar4Nll()),
                new Figure("infill_gap", i.infillGap()), new Figure("continuation_gap", i.continuationGap()));
    }

    private static void genreAdherence(StringBuilder md, GenreAdherenceMetrics g) {
        md.append("## Genre adherence by genre\n\nShare of generated pieces the judge files under the requested genre, beside the judge's own "
                + "cross-validated hit rate on the reference pieces of that genre (95% Wilson intervals). Overall: ")
                .append(proportion(g.generated())).append("; judge on the reference: ")
                .append(proportion(g.referenceCv())).append(".\n\n| genre | generated | reference (judge CV) |\n|---|---:|---:|\n");
        for (String genre : union(g.generatedByGenre(), g.referenceCvByGenre()))
            md.append("| ").append(genre).append(" | ").append(proportion(g.generatedByGenre().get(genre))).append(" | ")
                    .append(proportion(g.referenceCvByGenre().get(genre))).append(" |\n");
        md.append('\n');
    }

    private static void drumIdioms(StringBuilder md, DrumIdiomMetrics d) {
        md.append("## Drum idioms\n\n").append(d.method()).append(".\n\n| genre | required | generated | reference |\n|---|---|---:|---:|\n");
        Map<String, ProportionMetrics> gen = d.generated().byGenre(), ref = d.reference().byGenre();
        for (String genre : union(gen, ref)) {
            List<String> sets = d.required().get(genre);
            md.append("| ").append(genre).append(" | ").append(sets == null || sets.isEmpty() ? "none" : String.join(" or ", sets))
                    .append(" | ").append(proportion(gen.get(genre))).append(" | ").append(proportion(ref.get(genre))).append(" |\n");
        }
        md.append("| all | | ").append(proportion(d.generated().overall())).append(" | ")
                .append(proportion(d.reference().overall())).append(" |\n\n");
    }

    private static void partCoherence(StringBuilder md, PartCoherenceMetrics c) {
        md.append("## Part coherence\n\n").append(c.method()).append(".\n\n| measure | bars | generated own | other | lift | reference own | other | lift |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        lifts(md, "chord tones", c.chordTones());
        lifts(md, "bass kick lock", c.bassKickLock());
        md.append("\nBy genre, all bars (own / other / lift):\n\n| genre | chord tones, generated | reference | bass-kick lock, generated | reference |\n|---|---:|---:|---:|---:|\n");
        Map<String, PartCoherenceMetrics.GenreLift> tonesGen = c.chordTones().generated().byGenre(), tonesRef = c.chordTones().reference().byGenre();
        Map<String, PartCoherenceMetrics.GenreLift> lockGen = c.bassKickLock().generated().byGenre(), lockRef = c.bassKickLock().reference().byGenre();
        SortedSet<String> genres = union(tonesGen, tonesRef);
        genres.addAll(union(lockGen, lockRef));
        for (String g : genres)
            md.append("| ").append(g).append(" | ").append(compact(tonesGen.get(g))).append(" | ").append(compact(tonesRef.get(g)))
                    .append(" | ").append(compact(lockGen.get(g))).append(" | ").append(compact(lockRef.get(g))).append(" |\n");
        md.append('\n');
    }

    /** One measure's rows: the first half of the bars, the second half, all. */
    private static void lifts(StringBuilder md, String measure, PartCoherenceMetrics.Sides sides) {
        PartCoherenceMetrics.Lift g = sides.generated(), r = sides.reference();
        md.append("| ").append(measure).append(" | early | ").append(ownOtherLift(g.earlyOwn(), g.earlyOther(), g.earlyLift()))
                .append(" | ").append(ownOtherLift(r.earlyOwn(), r.earlyOther(), r.earlyLift())).append(" |\n");
        md.append("| ").append(measure).append(" | late | ").append(ownOtherLift(g.lateOwn(), g.lateOther(), g.lateLift()))
                .append(" | ").append(ownOtherLift(r.lateOwn(), r.lateOther(), r.lateLift())).append(" |\n");
        md.append("| ").append(measure).append(" | all | ").append(ownOtherLift(g.allOwn(), g.allOther(), g.allLift()))
                .append(" | ").append(ownOtherLift(r.allOwn(), r.allOther(), r.allLift())).append(" |\n");
    }

    private static String ownOtherLift(Double own, Double other, Double lift) {
        return dash(own) + " | " + dash(other) + " | " + dash(lift);
    }

    private static String compact(PartCoherenceMetrics.GenreLift row) {
        if (row == null) return "–";
        return dash(row.allOwn()) + " / " + dash(row.allOther()) + " / " + dash(row.allLift()) + " (" + row.pieces() + ")";
    }

    private static void swing(StringBuilder md, SwingMetrics s) {
        md.append("## Swing\n\n").append(s.method()).append(".\n\n| genre | 8th phase, generated | reference | 16th phase, generated | reference |\n|---|---:|---:|---:|---:|\n");
        Map<String, SwingMetrics.Row> gen = s.generated().byGenre(), ref = s.reference().byGenre();
        for (String g : union(gen, ref)) {
            SwingMetrics.Row a = gen.get(g), b = ref.get(g);
            md.append("| ").append(g).append(" | ").append(eighths(a)).append(" | ").append(eighths(b)).append(" | ")
                    .append(sixteenths(a)).append(" | ").append(sixteenths(b)).append(" |\n");
        }
        md.append('\n');
    }

    private static String eighths(SwingMetrics.Row row) {
        return row == null ? "–" : phase(row.eighthPhaseMean(), row.eighthPhasePieces());
    }

    private static String sixteenths(SwingMetrics.Row row) {
        return row == null ? "–" : phase(row.sixteenthPhaseMean(), row.sixteenthPhasePieces());
    }

    private static String phase(Double mean, int pieces) {
        return mean == null ? "–" : mean + " (" + pieces + ")";
    }

    /** "12/16 = 0.75 [0.51, 0.9]", or a dash when nothing was judged. */
    private static String proportion(ProportionMetrics p) {
        if (p == null || p.judged() == 0) return "–";
        return p.passed() + "/" + p.judged() + " = " + p.share() + " [" + p.ci95Low() + ", " + p.ci95High() + "]";
    }

    /** The genres of both sides, alphabetical. */
    private static SortedSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        SortedSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static void section(StringBuilder md, String title, List<Figure> figures) {
        md.append("## ").append(title).append("\n\n| figure | value |\n|---|---:|\n");
        for (Figure f : figures) md.append("| ").append(f.name()).append(" | ").append(dash(f.value())).append(" |\n");
        md.append('\n');
    }

    private static String dash(Object o) {
        return o == null ? "–" : o.toString();
    }

    /** Shares of generated and reference pieces in {@value #FEATURE_BINS} equal bins over the joint range. */
    private static boolean featureChart(String name, double[] gen, double[] ref, Path file) {
        double[] g = Arrays.stream(gen).filter(Double::isFinite).toArray();
        double[] r = Arrays.stream(ref).filter(Double::isFinite).toArray();
        if (g.length == 0 && r.length == 0) return false;
        double lo = Math.min(Arrays.stream(g).min().orElse(Double.MAX_VALUE), Arrays.stream(r).min().orElse(Double.MAX_VALUE));
        double hi = Math.max(Arrays.stream(g).max().orElse(-Double.MAX_VALUE), Arrays.stream(r).max().orElse(-Double.MAX_VALUE));
        double width = hi > lo ? (hi - lo) / FEATURE_BINS : 1;
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < FEATURE_BINS; b++) labels.add(String.format(Locale.ROOT, "%.2f", lo + (b + 0.5) * width));
        CategoryChart c = new CategoryChartBuilder().width(700).height(360).title(name).yAxisTitle("share of pieces").build();
        c.getStyler().setXAxisLabelRotation(45);
        c.addSeries("generated", labels, shares(g, lo, width));
        c.addSeries("reference", labels, shares(r, lo, width));
        return save(c, file);
    }

    private static List<Double> shares(double[] xs, double lo, double width) {
        double[] h = new double[FEATURE_BINS];
        for (double x : xs) h[(int) Math.min(FEATURE_BINS - 1, Math.max(0, Math.floor((x - lo) / width)))]++;
        List<Double> out = new ArrayList<>();
        for (double v : h) out.add(xs.length == 0 ? 0 : v / xs.length);
        return out;
    }

    private static void histogramChart(String title, double[] gen, double[] ref, Path file, StringBuilder md) {
        if (gen.length == 0 || ref.length == 0) return;
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < gen.length; i++) labels.add(Integer.toString(i + 1));
        CategoryChart c = new CategoryChartBuilder().width(700).height(360).title(title).yAxisTitle("share").build();
        c.addSeries("generated", labels, Arrays.stream(gen).boxed().toList());
        c.addSeries("reference", labels, Arrays.stream(ref).boxed().toList());
        if (save(c, file)) md.append("![").append(title).append("](").append(CHARTS).append('/').append(file.getFileName()).append(")\n");
    }

    private static boolean confusionChart(List<String> genres, List<List<Integer>> confusion, Path file) {
        if (genres.isEmpty()) return false;
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < genres.size(); i++)
            for (int j = 0; j < genres.size(); j++) cells.add(new Number[] {j, i, confusion.get(i).get(j)});
        HeatMapChart c = new HeatMapChartBuilder().width(700).height(600).title("Genre judge, cross-validated (rows: true)").build();
        c.getStyler().setShowValue(true);
        c.getStyler().setXAxisLabelRotation(45);
        c.addSeries("pieces", genres, genres, cells);
        return save(c, file);
    }

    /** Charts are a convenience; the numbers are in the tables either way (a bare JVM may have no fonts to draw with). */
    private static boolean save(Chart<?, ?> chart, Path file) {
        System.setProperty("java.awt.headless", "true");
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            return true;
        } catch (IOException | RuntimeException | Error e) {
            System.err.println("warning: " + file + ": chart not drawn: " + e);
            return false;
        }
    }

    /** A bootstrap interval as the report writes it; nothing where none was measured. */
    private static String interval(List<Double> ci95) {
        return ci95 == null ? "" : " (95% bootstrap interval " + ci95.get(0) + "–" + ci95.get(1) + ")";
    }
}
