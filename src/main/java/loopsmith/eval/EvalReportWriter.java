package loopsmith.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvalReportWriter() {}

    static void write(Map<String, Object> doc, List<Evaluation.Sample> samples, List<PieceFeatures> gen, List<PieceFeatures> ref,
                      EvalConfig config) {
        Path out = config.out();
        Path charts = out.resolve(CHARTS);
        try {
            Files.createDirectories(charts);
        } catch (IOException e) {
            throw new LoopsmithException(charts, "cannot create report folder: " + e.getMessage(), e);
        }
        StringBuilder md = new StringBuilder("# Evaluation\n\n");
        md.append("Source: ").append(doc.get("source")).append("  \nReference: `").append(config.reference()).append("` (")
                .append(doc.get("reference_files")).append(" files, ").append(doc.get("reference_skipped")).append(" skipped)  \n")
                .append("Pieces: ").append(doc.get("pieces")).append(" × ").append(config.bars()).append(" bars, seed ")
                .append(config.seed()).append(". All figures are in `metrics.json`.\n\n");
        section(md, "Validity", (Map<?, ?>) doc.get("validity"));
        section(md, "Conditioning", (Map<?, ?>) doc.get("conditioning"));
        genreAdherence(md, (Map<?, ?>) doc.get("genre_adherence"));
        drumIdioms(md, (Map<?, ?>) doc.get("drum_idioms"));
        partCoherence(md, (Map<?, ?>) doc.get("part_coherence"));
        swing(md, (Map<?, ?>) doc.get("swing"));
        section(md, "Memorization", (Map<?, ?>) doc.get("memorization"));
        section(md, "Reproducibility", (Map<?, ?>) doc.get("reproducibility"));
        if (doc.get("infill_continuity") instanceof Map<?, ?> infill)
            section(md, "Infill continuity (NLL per token of the kept bar after a rewritten gap; lower leads back better)", infill);

        Map<?, ?> dm = (Map<?, ?>) doc.get("distribution_match");
        md.append("## Distribution match\n\n").append(dm.get("method")).append(".\n\nMean overlap area: **")
                .append(dm.get("mean_overlap")).append("**, mean KL divergence (reference ‖ generated): ").append(dm.get("mean_kl_divergence"))
                .append("\n\n| feature | generated mean | reference mean | overlap | KL |\n|---|---:|---:|---:|---:|\n");
        Map<?, ?> means = (Map<?, ?>) doc.get("features");
        Map<?, ?> perFeature = (Map<?, ?>) dm.get("features");
        for (String name : PieceFeatures.scalarNames()) {
            Map<?, ?> mean = (Map<?, ?>) means.get(name);
            Map<?, ?> match = (Map<?, ?>) perFeature.get(name);
            md.append("| ").append(name).append(" | ").append(dash(mean.get("generated_mean"))).append(" | ")
                    .append(dash(mean.get("reference_mean"))).append(" | ").append(dash(match.get("overlap"))).append(" | ")
                    .append(dash(match.get("kl_divergence"))).append(" |\n");
        }
        md.append('\n');
        for (Map.Entry<?, ?> h : ((Map<?, ?>) dm.get("histograms")).entrySet()) {
            Map<?, ?> match = (Map<?, ?>) h.getValue();
            md.append("- ").append(h.getKey()).append(" histogram: overlap ").append(dash(match.get("overlap")))
                    .append(", KL ").append(dash(match.get("kl_divergence"))).append('\n');
        }
        md.append('\n');
        for (String name : PieceFeatures.scalarNames()) {
            String file = "feature-" + name + ".png";
            if (featureChart(name, Evaluation.column(gen, name), Evaluation.column(ref, name), charts.resolve(file)))
                md.append("![").append(name).append("](").append(CHARTS).append('/').append(file).append(")\n");
        }
        histogramChart("IOI (16ths)", Evaluation.pooled(gen, PieceFeatures::ioiHistogram), Evaluation.pooled(ref, PieceFeatures::ioiHistogram), charts.resolve("ioi.png"), md);
        histogramChart("Note length (16ths)", Evaluation.pooled(gen, PieceFeatures::durationHistogram), Evaluation.pooled(ref, PieceFeatures::durationHistogram), charts.resolve("duration.png"), md);
        histogramChart("Velocity (bins of 16)", Evaluation.pooled(gen, PieceFeatures::velocityHistogram), Evaluation.pooled(ref, PieceFeatures::velocityHistogram), charts.resolve("velocity.png"), md);

        Map<?, ?> judge = (Map<?, ?>) doc.get("genre_classifier");
        md.append("\n## Genre judge\n\n").append(judge.get("method")).append(". ").append(judge.get("folds"))
                .append("-fold cross-validated accuracy on ").append(judge.get("pieces")).append(" reference pieces: **")
                .append(judge.get("cv_accuracy")).append("** (majority-class baseline ").append(judge.get("majority_baseline")).append(").\n\n");
        @SuppressWarnings("unchecked") List<String> genres = (List<String>) judge.get("genres");
        int[][] confusion = (int[][]) judge.get("confusion");
        if (confusionChart(genres, confusion, charts.resolve("confusion.png"))) md.append("![confusion](").append(CHARTS).append("/confusion.png)\n\n");
        md.append("| true \\ predicted | ").append(String.join(" | ", genres)).append(" |\n|---|").append("---:|".repeat(genres.size())).append('\n');
        for (int i = 0; i < genres.size(); i++)
            md.append("| ").append(genres.get(i)).append(" | ").append(String.join(" | ", Arrays.stream(confusion[i]).mapToObj(Integer::toString).toList())).append(" |\n");

        md.append("\n## Samples\n\n");
        int drawn = 0;
        for (int i = 0; i < samples.size() && drawn < config.pianoRolls(); i++) {
            Evaluation.Sample s = samples.get(i);
            if (s.piece().isEmpty()) continue;
            String file = Evaluation.sampleName(i) + ".png";
            PianoRoll.write(s.piece().get(), charts.resolve(file));
            EvalRequest r = s.request();
            md.append(String.format(Locale.ROOT, "%s: %s, %s BPM, %s, %s, %s (like `%s`)%n%n![%s](%s/%s)%n%n", Evaluation.sampleName(i),
                    r.genre().orElse("no genre"), Evaluation.round(r.bpm()), r.timeSignature(), r.key().map(Object::toString).orElse("no key"),
                    String.join("+", r.roles().stream().map(loopsmith.music.Role::label).toList()), r.referenceFile(),
                    Evaluation.sampleName(i), CHARTS, file));
            drawn++;
        }
        AtomicFiles.write(out.resolve(METRICS), "metrics", o -> JSON.writeValue(o, doc));
        AtomicFiles.write(out.resolve(INDEX), "report", md.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void genreAdherence(StringBuilder md, Map<?, ?> g) {
        md.append("## Genre adherence by genre\n\nShare of generated pieces the judge files under the requested genre, beside the judge's own "
                + "cross-validated hit rate on the reference pieces of that genre (95% Wilson intervals). Overall: ")
                .append(proportion((Map<?, ?>) g.get("generated"))).append("; judge on the reference: ")
                .append(proportion((Map<?, ?>) g.get("reference_cv"))).append(".\n\n| genre | generated | reference (judge CV) |\n|---|---:|---:|\n");
        Map<?, ?> gen = (Map<?, ?>) g.get("generated_by_genre");
        Map<?, ?> ref = (Map<?, ?>) g.get("reference_cv_by_genre");
        for (Object genre : union(gen, ref))
            md.append("| ").append(genre).append(" | ").append(proportion((Map<?, ?>) gen.get(genre))).append(" | ")
                    .append(proportion((Map<?, ?>) ref.get(genre))).append(" |\n");
        md.append('\n');
    }

    private static void drumIdioms(StringBuilder md, Map<?, ?> d) {
        md.append("## Drum idioms\n\n").append(d.get("method")).append(".\n\n| genre | required | generated | reference |\n|---|---|---:|---:|\n");
        Map<?, ?> required = (Map<?, ?>) d.get("required");
        Map<?, ?> gen = (Map<?, ?>) ((Map<?, ?>) d.get("generated")).get("by_genre");
        Map<?, ?> ref = (Map<?, ?>) ((Map<?, ?>) d.get("reference")).get("by_genre");
        for (Object genre : union(gen, ref)) {
            List<?> sets = (List<?>) required.get(genre);
            md.append("| ").append(genre).append(" | ").append(sets == null || sets.isEmpty() ? "none" : String.join(" or ", sets.stream().map(Object::toString).toList()))
                    .append(" | ").append(proportion((Map<?, ?>) gen.get(genre))).append(" | ").append(proportion((Map<?, ?>) ref.get(genre))).append(" |\n");
        }
        md.append("| all | | ").append(proportion((Map<?, ?>) ((Map<?, ?>) d.get("generated")).get("overall"))).append(" | ")
                .append(proportion((Map<?, ?>) ((Map<?, ?>) d.get("reference")).get("overall"))).append(" |\n\n");
    }

    private static void partCoherence(StringBuilder md, Map<?, ?> c) {
        md.append("## Part coherence\n\n").append(c.get("method")).append(".\n\n| measure | bars | generated own | other | lift | reference own | other | lift |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (String measure : List.of("chord_tones", "bass_kick_lock")) {
            Map<?, ?> m = (Map<?, ?>) c.get(measure);
            Map<?, ?> gen = (Map<?, ?>) m.get("generated");
            Map<?, ?> ref = (Map<?, ?>) m.get("reference");
            for (String part : List.of("early", "late", "all"))
                md.append("| ").append(measure.replace('_', ' ')).append(" | ").append(part).append(" | ").append(ownOtherLift(gen, part))
                        .append(" | ").append(ownOtherLift(ref, part)).append(" |\n");
        }
        md.append("\nBy genre, all bars (own / other / lift):\n\n| genre | chord tones, generated | reference | bass-kick lock, generated | reference |\n|---|---:|---:|---:|---:|\n");
        Map<?, ?> tonesGen = byGenre(c, "chord_tones", "generated"), tonesRef = byGenre(c, "chord_tones", "reference");
        Map<?, ?> lockGen = byGenre(c, "bass_kick_lock", "generated"), lockRef = byGenre(c, "bass_kick_lock", "reference");
        java.util.TreeSet<Object> genres = new java.util.TreeSet<>(union(tonesGen, tonesRef));
        genres.addAll(union(lockGen, lockRef));
        for (Object g : genres)
            md.append("| ").append(g).append(" | ").append(compact((Map<?, ?>) tonesGen.get(g))).append(" | ").append(compact((Map<?, ?>) tonesRef.get(g)))
                    .append(" | ").append(compact((Map<?, ?>) lockGen.get(g))).append(" | ").append(compact((Map<?, ?>) lockRef.get(g))).append(" |\n");
        md.append('\n');
    }

    private static Map<?, ?> byGenre(Map<?, ?> coherence, String measure, String side) {
        return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) coherence.get(measure)).get(side)).get("by_genre");
    }

    private static String ownOtherLift(Map<?, ?> m, String part) {
        return dash(m.get(part + "_own")) + " | " + dash(m.get(part + "_other")) + " | " + dash(m.get(part + "_lift"));
    }

    private static String compact(Map<?, ?> row) {
        if (row == null) return "–";
        return dash(row.get("all_own")) + " / " + dash(row.get("all_other")) + " / " + dash(row.get("all_lift")) + " (" + row.get("pieces") + ")";
    }

    private static void swing(StringBuilder md, Map<?, ?> s) {
        md.append("## Swing\n\n").append(s.get("method")).append(".\n\n| genre | 8th phase, generated | reference | 16th phase, generated | reference |\n|---|---:|---:|---:|---:|\n");
        Map<?, ?> gen = (Map<?, ?>) ((Map<?, ?>) s.get("generated")).get("by_genre");
        Map<?, ?> ref = (Map<?, ?>) ((Map<?, ?>) s.get("reference")).get("by_genre");
        for (Object g : union(gen, ref)) {
            Map<?, ?> a = (Map<?, ?>) gen.get(g), b = (Map<?, ?>) ref.get(g);
            md.append("| ").append(g).append(" | ").append(phase(a, "eighth")).append(" | ").append(phase(b, "eighth")).append(" | ")
                    .append(phase(a, "sixteenth")).append(" | ").append(phase(b, "sixteenth")).append(" |\n");
        }
        md.append('\n');
    }

    private static String phase(Map<?, ?> row, String level) {
        if (row == null || row.get(level + "_phase_mean") == null) return "–";
        return row.get(level + "_phase_mean") + " (" + row.get(level + "_phase_pieces") + ")";
    }

    /** "12/16 = 0.75 [0.51, 0.9]", or a dash when nothing was judged. */
    private static String proportion(Map<?, ?> p) {
        if (p == null || ((Number) p.get("judged")).intValue() == 0) return "–";
        return p.get("passed") + "/" + p.get("judged") + " = " + p.get("share") + " [" + p.get("ci95_low") + ", " + p.get("ci95_high") + "]";
    }

    private static java.util.SortedSet<Object> union(Map<?, ?> a, Map<?, ?> b) {
        java.util.TreeSet<Object> keys = new java.util.TreeSet<>(java.util.Comparator.comparing(Object::toString));
        keys.addAll(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static void section(StringBuilder md, String title, Map<?, ?> figures) {
        md.append("## ").append(title).append("\n\n| figure | value |\n|---|---:|\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(dash(v)).append(" |\n"));
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

    private static boolean confusionChart(List<String> genres, int[][] confusion, Path file) {
        if (genres.isEmpty()) return false;
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < genres.size(); i++)
            for (int j = 0; j < genres.size(); j++) cells.add(new Number[] {j, i, confusion[i][j]});
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
}
