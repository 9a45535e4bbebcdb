package loopsmith.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** report.md and its charts: what a producer reads after ingest. */
final class ReportWriter {
    private static final int MAX_LISTED = 200;

    private ReportWriter() {}

    static void write(IngestReport r, Path dir) throws IOException {
        Path charts = dir.resolve(DatasetFormat.CHARTS);
        Files.createDirectories(charts);
        boolean pictures = chart(r.histograms().tempo(), "Tempo (BPM, 10-BPM bins)", "files", charts.resolve("tempo.png"))
                & chart(r.histograms().genre(), "Genre", "files", charts.resolve("genre.png"));
        Files.writeString(dir.resolve(DatasetFormat.REPORT_MD), markdown(r, pictures), StandardCharsets.UTF_8);
    }

    /** A bar chart as PNG; false when this JVM cannot draw (no fonts on a bare machine), which the report says. */
    private static boolean chart(Map<String, Integer> counts, String title, String yLabel, Path file) {
        if (counts.isEmpty()) return false;
        System.setProperty("java.awt.headless", "true");
        try {
            CategoryChart c = new CategoryChartBuilder().width(900).height(420).title(title).yAxisTitle(yLabel).build();
            c.getStyler().setLegendVisible(false);
            c.getStyler().setXAxisLabelRotation(45);
            c.addSeries(title, new ArrayList<>(counts.keySet()), new ArrayList<Number>(counts.values()));
            BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            return true;
        } catch (IOException | RuntimeException | Error e) {
            // Charts are a convenience; the numbers are in the tables either way.
            System.err.println("warning: " + file + ": chart not drawn: " + e);
            return false;
        }
    }

    private static String markdown(IngestReport r, boolean pictures) {
        StringBuilder md = new StringBuilder();
        md.append("# Ingest report\n\n");
        md.append("Library: `").append(r.library()).append("`  \nDataset: `").append(r.dataset()).append("`\n\n");
        IngestReport.Files f = r.files();
        md.append("| files | count |\n|---|---:|\n");
        row(md, "MIDI found", f.midi());
        row(md, "ingested", f.ingested());
        row(md, "skipped", f.skipped());
        row(md, "read with repairs", f.repaired());
        row(md, "audio catalogued", f.audio());
        row(md, "label sidecars", f.sidecars());
        row(md, "other files ignored", f.ignored());
        row(md, "re-used from cache", f.fromCache());
        md.append(String.format(Locale.ROOT, "%nTook %.1f s (%.1f files/s). %d files show a consistent swing.%n%n",
                r.seconds(), r.filesPerSecond(), r.filesWithSwing()));
        md.append("| split | files | segments | tokens |\n|---|---:|---:|---:|\n");
        r.splits().forEach((name, s) -> md.append("| ").append(name).append(" | ").append(s.files()).append(" | ")
                .append(s.segments()).append(" | ").append(s.tokens()).append(" |\n"));
        IngestReport.Segments seg = r.segments();
        md.append(String.format(Locale.ROOT, "%nSegments kept: %d; identical windows dropped: %d; nearly empty windows: %d; "
                + "windows across a meter change: %d; windows the tokenizer cannot express: %d.%n%n", seg.kept(),
                seg.duplicatesDropped(), seg.windowsNearlyEmpty(), seg.windowsAcrossMeterChange(), seg.windowsUnsupported()));
        if (pictures) md.append("![tempo](charts/tempo.png)\n\n![genre](charts/genre.png)\n\n");
        histogram(md, "Genre", r.histograms().genre());
        histogram(md, "Tempo (10-BPM bins)", r.histograms().tempo());
        histogram(md, "Key", r.histograms().key());
        histogram(md, "Role (files with the part)", r.histograms().role());
        histogram(md, "Time signature", r.histograms().timeSignature());
        histogram(md, "Where the key came from", r.histograms().keySource());
        histogram(md, "Where the tempo came from", r.histograms().bpmSource());
        md.append("## Skipped (").append(r.skipped().size()).append(")\n\n");
        if (!r.skipped().isEmpty()) md.append("| file | reason |\n|---|---|\n");
        for (IngestReport.Skip s : r.skipped().subList(0, Math.min(MAX_LISTED, r.skipped().size())))
            md.append("| `").append(s.file()).append("` | ").append(escape(s.reason())).append(" |\n");
        if (r.skipped().size() > MAX_LISTED) md.append("\n… and ").append(r.skipped().size() - MAX_LISTED).append(" more in report.json\n");
        md.append("\n## Ignored, not music (").append(r.ignored().size()).append(")\n\n");
        Map<String, Integer> byReason = new java.util.TreeMap<>();
        for (IngestReport.Skip s : r.ignored()) byReason.merge(s.reason(), 1, Integer::sum);
        byReason.forEach((reason, n) -> md.append("- ").append(reason).append(": ").append(n).append(" files\n"));
        md.append("\n## Warnings (").append(r.warnings().size()).append(" files)\n\n");
        for (IngestReport.FileWarnings w : r.warnings().subList(0, Math.min(MAX_LISTED, r.warnings().size())))
            md.append("- `").append(w.file()).append("`: ").append(escape(String.join("; ", w.warnings()))).append('\n');
        if (!r.audio().isEmpty()) audio(md, r);
        return md.toString();
    }

    private static void audio(StringBuilder md, IngestReport r) {
        IngestReport.Audio a = r.audioCounts();
        md.append("\n## Audio (").append(a.catalogued()).append(")\n\n");
        md.append(String.format(Locale.ROOT, "%d analysed, %d unreadable, %d drum loops; %d transcribed into %d segments; "
                + "%d re-used from cache. Tempo, key and bars come from labels when a file has them, else from the analysis.%n%n",
                a.analysed(), a.unreadable(), a.drumLoops(), a.transcribed(), a.segmentsKept(), a.fromCache()));
        histogram(md, "Audio: what the analysis heard", a.kind());
        histogram(md, "Audio: where the tempo came from", a.bpmSource());
        histogram(md, "Audio: where the key came from", a.keySource());
        md.append("| file | seconds | kind | bpm | bars | key | segments | note |\n|---|---:|---|---:|---:|---|---:|---|\n");
        for (IngestReport.AudioEntry e : r.audio().subList(0, Math.min(MAX_LISTED, r.audio().size())))
            md.append("| `").append(e.file()).append("` | ").append(orDash(e.seconds())).append(" | ").append(orDash(e.kind()))
                    .append(" | ").append(sourced(e.bpm(), e.bpmSource(), e.bpmConfidence())).append(" | ").append(orDash(e.bars()))
                    .append(" | ").append(sourced(e.key(), e.keySource(), e.keyConfidence())).append(" | ").append(orDash(e.segments()))
                    .append(" | ").append(e.error() != null ? escape("unreadable: " + e.error()) : e.note() == null ? "" : escape(e.note()))
                    .append(" |\n");
        if (r.audio().size() > MAX_LISTED) md.append("\n… and ").append(r.audio().size() - MAX_LISTED).append(" more in audio.jsonl\n");
    }

    /** "124.0 (label)", "Am (analysis, 0.81)". */
    private static String sourced(Object value, String source, Double confidence) {
        if (value == null) return "–";
        if (confidence == null || "label".equals(source)) return value + " (" + source + ")";
        return String.format(Locale.ROOT, "%s (%s, %.2f)", value, source, confidence);
    }

    private static void row(StringBuilder md, String name, int n) {
        md.append("| ").append(name).append(" | ").append(n).append(" |\n");
    }

    private static void histogram(StringBuilder md, String title, Map<String, Integer> counts) {
        md.append("### ").append(title).append("\n\n");
        if (counts.isEmpty()) {
            md.append("(none)\n\n");
            return;
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<String> lines = new ArrayList<>();
        counts.forEach((k, v) -> lines.add(String.format(Locale.ROOT, "%-16s %6d %s", k, v, "#".repeat((int) Math.ceil(30.0 * v / max)))));
        md.append("```\n").append(String.join("\n", lines)).append("\n```\n\n");
    }

    private static String orDash(Object o) {
        return o == null ? "–" : o.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
