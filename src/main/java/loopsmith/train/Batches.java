package loopsmith.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import loopsmith.dataset.DatasetReader;
import loopsmith.dataset.IndexRow;

/**
 * Training and validation batches from a dataset. A training batch depends only on the seed, the step and the
 * micro-batch number, never on what came before, which is what makes a resumed run continue exactly.
 * Each sequence is laid out by {@link Arrangement}: whole bars that fit the context, always after the full header
 * and part declarations (half the time from the first bar, half from a random one, so the model also learns to
 * continue mid-piece with its tags in view), sometimes with parts reordered or bars left out for infill. Shorter rows
 * are padded with PAD, which the loss ignores. A batch is only as long as its longest sequence.
 */
final class Batches {
    static final int PAD = 0;

    /** Inputs and next-token targets, both (B, T), row-major. */
    record Batch(long[] inputs, long[] targets, int rows, int length, long realTokens) { }

    private final DatasetReader dataset;
    private final List<IndexRow> train;
    private final List<IndexRow> validation;
    private final Augmenter augmenter;
    private final int context;
    private final TrainConfig config;

    private final loopsmith.tokens.Vocabulary vocabulary;
    /** Training segments by source, and the cumulative draw weights of the sources; empty without source weights. */
    private final List<List<IndexRow>> bySource = new ArrayList<>();
    private final List<String> sourceNames = new ArrayList<>();
    private double[] cumulative = new double[0];

    Batches(DatasetReader dataset, Augmenter augmenter, int context, TrainConfig config) {
        this.vocabulary = dataset.vocabulary();
        this.dataset = dataset;
        this.train = dataset.entries(loopsmith.dataset.DatasetFormat.TRAIN);
        this.validation = dataset.entries(loopsmith.dataset.DatasetFormat.VALIDATION);
        this.augmenter = augmenter;
        this.context = context;
        this.config = config;
        if (train.isEmpty()) throw new IllegalArgumentException("the dataset has no training segments");
        if (!config.sourceWeights().isEmpty()) {
            weightsProblem(train, config.sourceWeights()).ifPresent(problem -> { throw new TrainLoop.SourceWeightsException(problem); });
            java.util.Map<String, List<IndexRow>> groups = new java.util.TreeMap<>();
            for (IndexRow e : train) groups.computeIfAbsent(groupOf(e, config.sourceWeights()), k -> new ArrayList<>()).add(e);
            List<Double> weights = new ArrayList<>();
            for (var g : groups.entrySet()) {
                double w = config.sourceWeights().getOrDefault(g.getKey(), 1.0);
                if (w <= 0) continue;
                sourceNames.add(g.getKey());
                bySource.add(g.getValue());
                weights.add(w);
            }
            if (bySource.isEmpty()) throw new IllegalArgumentException("every source of the dataset has weight 0");
            cumulative = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < weights.size(); i++) cumulative[i] = sum += weights.get(i);
            for (int i = 0; i < cumulative.length; i++) cumulative[i] /= sum;
        }
    }

    /** The source of a segment: the first folder of its file's path in the library ("groove/drummer1/…" → groove). */
    static String sourceOf(IndexRow e) {
        String path = e.source().replace('\\', '/');
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * The group a segment is drawn in: its source, or its source and style ("groove/fill") where the weights name
     * that. A Groove fill is one or two bars against a beat segment's eight, and a tenth of Groove's segments, so
     * drawn with the beats it is a sliver of what the model reads; a weight of its own lets a recipe say how much of
     * the fills it hears.
     */
    static String groupOf(IndexRow e, java.util.Map<String, Double> weights) {
        String styled = styledOf(e);
        return styled != null && weights.containsKey(styled) ? styled : sourceOf(e);
    }

    /** A segment's source and style as a weight names them ("groove/fill"), or null for a segment without a style. */
    private static String styledOf(IndexRow e) {
        return e.style() == null ? null : sourceOf(e) + "/" + e.style();
    }

    /**
     * Why these weights cannot be drawn by: a key that names no source and no source/style of the training segments.
     * A misspelled key ("groove/fills", "pop-909") would otherwise leave what it meant drawn at weight 1, unnoticed.
     */
    static Optional<String> weightsProblem(List<IndexRow> train, java.util.Map<String, Double> weights) {
        java.util.SortedSet<String> sources = new java.util.TreeSet<>(), styled = new java.util.TreeSet<>();
        for (IndexRow e : train) {
            sources.add(sourceOf(e));
            if (e.style() != null) styled.add(styledOf(e));
        }
        List<String> unmatched = weights.keySet().stream().filter(k -> !sources.contains(k) && !styled.contains(k)).sorted().toList();
        if (unmatched.isEmpty()) return Optional.empty();
        return Optional.of((unmatched.size() == 1 ? "weight " : "weights ") + String.join(", ", unmatched) + " name"
                + (unmatched.size() == 1 ? "s" : "") + " nothing in the training data: its sources are " + String.join(", ", sources)
                + (styled.isEmpty() ? "" : " (a source's style is weighted as source/style, e.g. " + styled.first() + ")"));
    }

    /** Each weighted source's share of the training draws and its segments; empty when segments are drawn uniformly. */
    List<SourceDraw> draws() {
        List<SourceDraw> out = new ArrayList<>();
        for (int i = 0; i < sourceNames.size(); i++)
            out.add(new SourceDraw(sourceNames.get(i), cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]), bySource.get(i).size()));
        return out;
    }

    /** Each source's share of the training draws, by name; empty when segments are drawn uniformly. */
    java.util.Map<String, Double> sourceShares() {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (SourceDraw d : draws()) out.put(d.source(), d.share());
        return out;
    }

    IndexRow draw(SplittableRandom rnd) {
        if (bySource.isEmpty()) return train.get(rnd.nextInt(train.size()));
        double u = rnd.nextDouble();
        int s = 0;
        while (s < cumulative.length - 1 && u >= cumulative[s]) s++;
        List<IndexRow> group = bySource.get(s);
        return group.get(rnd.nextInt(group.size()));
    }

    int trainSegments() {
        return train.size();
    }

    int validationSegments() {
        return validation.size();
    }

    Batch train(int step, int micro) {
        SplittableRandom rnd = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + step * 1_000_003L + micro);
        List<int[]> rows = new ArrayList<>(config.batchSize());
        for (int r = 0; r < config.batchSize(); r++) {
            List<loopsmith.tokens.Token> tokens = vocabulary.tokens(dataset.tokens(draw(rnd)));
            rows.add(window(augmenter.apply(tokens, rnd), rnd));
        }
        return pack(rows);
    }

    /**
     * The fixed validation batches (heads of segments spread evenly over the validation split, so every source of a
     * mixed dataset is in them; no augmentation); empty without validation data.
     */
    List<Batch> validation() {
        List<Batch> out = new ArrayList<>();
        int b = config.batchSize();
        int wanted = Math.min(validation.size(), config.evalBatches() * b);
        List<IndexRow> chosen = new ArrayList<>(wanted);
        for (int i = 0; i < wanted; i++) chosen.add(validation.get((int) ((long) i * validation.size() / wanted)));
        for (int start = 0; start < chosen.size(); start += b) {
            List<int[]> rows = new ArrayList<>();
            for (int i = start; i < Math.min(chosen.size(), start + b); i++)
                rows.add(window(vocabulary.tokens(dataset.tokens(chosen.get(i))), null));
            out.add(pack(rows));
        }
        return out;
    }

    private int[] window(List<loopsmith.tokens.Token> tokens, SplittableRandom rnd) {
        return vocabulary.ids(Arrangement.window(tokens, context + 1, rnd));
    }

    private static Batch pack(List<int[]> rows) {
        int length = 1;
        for (int[] r : rows) length = Math.max(length, r.length - 1);
        long[] inputs = new long[rows.size() * length];
        long[] targets = new long[rows.size() * length];
        java.util.Arrays.fill(targets, PAD);
        long real = 0;
        for (int i = 0; i < rows.size(); i++) {
            int[] r = rows.get(i);
            for (int t = 0; t < length; t++) {
                inputs[i * length + t] = t < r.length - 1 ? r[t] : PAD;
                targets[i * length + t] = t + 1 < r.length ? r[t + 1] : PAD;
            }
            real += Math.max(0, r.length - 1);
        }
        return new Batch(inputs, targets, rows.size(), length, real);
    }
}
