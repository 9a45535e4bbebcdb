package loopsmith.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.eval.OverlapInterval;
import loopsmith.eval.StyleMatch;
import loopsmith.music.LoopsmithException;
import loopsmith.service.LearnService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A producer's style in minutes, against training from scratch in the same run: one stand-in library (by default
 * 200 files of one genre from the shared corpus, a style the bundled model was not trained on), fine-tuned from the
 * base model for {@code minutes} and trained from nothing for the same minutes; both measured on the library's
 * held-out files against its own ceiling. ratio = fine-tuned share of the ceiling / from-scratch share. Given several
 * budgets, each side trains once per budget, so the curve says how many minutes each needs to reach the style.
 */
public final class FinetuneBench {
    /** The fine-tuning target: 85% of the library's own overlap with its held-out files. */
    public static final double TARGET = 0.85;

    private FinetuneBench() {}

    /**
     * A stand-in library in {@code dir}: {@code files} files of {@code genre} from a corpus folder with a metadata.csv,
     * picked by a seeded shuffle and linked (not copied), with the rows they need.
     */
    public static Path standIn(Path corpusSource, String genre, int files, long seed, Path dir) {
        Path csv = corpusSource.resolve("metadata.csv");
        if (!Files.isRegularFile(csv)) throw new LoopsmithException(csv, "a stand-in library needs the source's metadata.csv");
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> rows = new ArrayList<>();
            for (CSVRecord r : p) if (r.get("genre").equalsIgnoreCase(genre)) rows.add(r);
            if (rows.size() < 20) throw new LoopsmithException(csv, "only " + rows.size() + " files of genre " + genre);
            java.util.Collections.shuffle(rows, new java.util.Random(seed));
            rows = rows.subList(0, Math.min(files, rows.size()));
            Files.createDirectories(dir);
            StringBuilder out = new StringBuilder(String.join(",", p.getHeaderNames())).append('\n');
            for (CSVRecord r : rows) {
                Path target = corpusSource.resolve(r.get("path")).toAbsolutePath();
                Path link = dir.resolve(r.get("path"));
                Files.createDirectories(link.getParent());
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, target);
                List<String> cells = new ArrayList<>();
                for (String v : r.toList()) cells.add(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
                out.append(String.join(",", cells)).append('\n');
            }
            Files.writeString(dir.resolve("metadata.csv"), out);
            return dir;
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot make the stand-in library: " + e.getMessage(), e);
        }
    }

    /**
     * Both sides at each budget (minutes, each run annealed over its own budget, as {@code learn} would be given it),
     * shortest first. The headline figures are the longest budget's; {@code minutes_to_target} is the shortest budget
     * at which each side reached {@link #TARGET} of the ceiling, and {@code finetune.png} in {@code work} draws both
     * sides' share of the ceiling against minutes, the base model at 0.
     */
    public static Map<String, Object> run(Path library, Path base, Path work, List<Double> budgets, int pieces, long seed, int threads,
                                          LearnService.Progress progress) {
        if (budgets.isEmpty()) throw new IllegalArgumentException("no training budget given");
        List<Double> minutes = budgets.stream().distinct().sorted().toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Double> tunedShares = new ArrayList<>();
        List<Double> scratchShares = new ArrayList<>();
        Optional<StyleMatch> baseMatch = Optional.empty();
        LearnService.Result tuned = null;
        LearnService.Result scratch = null;
        for (double budget : minutes) {
            Path dir = minutes.size() == 1 ? work : work.resolve(label(budget));
            tuned = LearnService.run(new LearnService.Options(library, dir.resolve("finetuned.ckpt"), Optional.of(base),
                    dir.resolve("finetuned.run"), budget, pieces, 4, seed, "small", threads, baseMatch.isEmpty()), progress);
            if (baseMatch.isEmpty()) baseMatch = tuned.baseMatch();
            scratch = LearnService.run(new LearnService.Options(library, dir.resolve("scratch.ckpt"), Optional.empty(),
                    dir.resolve("scratch.run"), budget, pieces, 4, seed, "small", threads), progress);
            rows.add(comparison(budget, tuned, scratch, seed));
            tunedShares.add(tuned.match().ofCeiling());
            scratchShares.add(scratch.match().ofCeiling());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", "finetune");
        m.put("library", library.toString());
        m.put("files", tuned.ingest().files().ingested());
        m.put("held_out_files", tuned.match().heldOut());
        m.put("ceiling", round(tuned.match().ceiling()));
        m.put("target_of_ceiling", TARGET);
        baseMatch.ifPresent(b -> m.put("base_model", result(b, null, seed)));
        m.putAll(rows.get(rows.size() - 1));
        m.put("finetune_reached_target", tuned.match().ofCeiling() >= TARGET);
        m.put("scratch_reached_target", scratch.match().ofCeiling() >= TARGET);
        if (minutes.size() > 1) {
            m.put("budgets", rows);
            Map<String, Object> toTarget = new LinkedHashMap<>();
            toTarget.put("finetuned", firstReaching(minutes, tunedShares).orElse(null));
            toTarget.put("scratch", firstReaching(minutes, scratchShares).orElse(null));
            m.put("minutes_to_target", toTarget);
            Path picture = work.resolve("finetune.png");
            if (FinetuneChart.draw(picture, minutes, tunedShares, scratchShares, baseMatch.map(StyleMatch::ofCeiling), TARGET))
                m.put("picture", picture.toString());
        }
        return m;
    }

    /** One budget's two models, the ratio of their shares of the ceiling and its paired interval. */
    private static Map<String, Object> comparison(double minutes, LearnService.Result tuned, LearnService.Result scratch, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minutes", minutes);
        m.put("finetuned", result(tuned.match(), tuned, seed));
        m.put("scratch", result(scratch.match(), scratch, seed));
        m.put("ratio", round(tuned.match().ofCeiling() / Math.max(1e-9, scratch.match().ofCeiling())));
        // Both models against the same held-out files, resampled together: whether the ratio is told apart from 1.
        OverlapInterval.ratio(tuned.match().generatedFeatures(), scratch.match().generatedFeatures(), tuned.match().heldOutFeatures(), seed)
                .ifPresent(i -> m.put("ratio_ci95", List.of(round(i.low()), round(i.high()))));
        return m;
    }

    /** The shortest budget whose share of the ceiling reached {@link #TARGET}. */
    static Optional<Double> firstReaching(List<Double> minutes, List<Double> shares) {
        for (int i = 0; i < minutes.size(); i++) if (shares.get(i) >= TARGET) return Optional.of(minutes.get(i));
        return Optional.empty();
    }

    private static String label(double minutes) {
        return (minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes)) + "min";
    }

    private static Map<String, Object> result(StyleMatch s, LearnService.Result r, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("overlap", round(s.overlap()));
        m.put("of_ceiling", round(s.ofCeiling()));
        s.ofCeilingInterval(seed).ifPresent(i -> m.put("of_ceiling_ci95", List.of(round(i.low()), round(i.high()))));
        m.put("generated", s.generated());
        if (r != null) {
            m.put("steps", r.training().lastStep());
            m.put("best_validation_loss", round(r.training().bestValidationLoss()));
        }
        return m;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }
}
