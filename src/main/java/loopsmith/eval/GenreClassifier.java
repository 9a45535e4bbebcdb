package loopsmith.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The independent judge of genre adherence: k-nearest neighbours on standardized piece features, trained only on the
 * reference set's labelled pieces. k-NN is chosen for being simple to trust: no training to converge, no tuning beyond
 * k, and its own cross-validated accuracy says how far its verdicts go. Hand-written because it is thirty lines and
 * the Java ML libraries that have it (smile) are GPL.
 *
 * <p>Features are standardized with the training set's mean and standard deviation; a missing feature ({@code NaN}, a
 * drums-only piece has no pitch range) becomes the mean, that is 0 after standardizing. Ties in the vote go to the
 * genre whose voters are nearer in sum.
 */
public final class GenreClassifier {
    public static final int DEFAULT_K = 5;

    private final int k;
    private final double[] mean;
    private final double[] sd;
    private final double[][] points;
    private final String[] labels;

    private GenreClassifier(int k, double[][] x, String[] y) {
        if (x.length == 0) throw new IllegalArgumentException("no labelled pieces to train on");
        this.k = k;
        int d = x[0].length;
        mean = new double[d];
        sd = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            int n = 0;
            for (double[] row : x) if (Double.isFinite(row[j])) {
                s += row[j];
                n++;
            }
            mean[j] = n == 0 ? 0 : s / n;
            double v = 0;
            for (double[] row : x) if (Double.isFinite(row[j])) v += (row[j] - mean[j]) * (row[j] - mean[j]);
            sd[j] = n < 2 || v == 0 ? 1 : Math.sqrt(v / (n - 1));
        }
        points = new double[x.length][];
        for (int i = 0; i < x.length; i++) points[i] = standardize(x[i]);
        labels = y.clone();
    }

    public static GenreClassifier train(List<double[]> features, List<String> genres, int k) {
        if (features.size() != genres.size()) throw new IllegalArgumentException("features and genres differ in length");
        return new GenreClassifier(k, features.toArray(new double[0][]), genres.toArray(new String[0]));
    }

    private double[] standardize(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) z[j] = Double.isFinite(row[j]) ? (row[j] - mean[j]) / sd[j] : 0;
        return z;
    }

    public String predict(double[] features) {
        double[] z = standardize(features);
        int n = points.length;
        Integer[] order = new Integer[n];
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            double s = 0;
            for (int j = 0; j < z.length; j++) s += (z[j] - points[i][j]) * (z[j] - points[i][j]);
            dist[i] = Math.sqrt(s);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Double> distance = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(k, n); i++) {
            votes.merge(labels[order[i]], 1, Integer::sum);
            distance.merge(labels[order[i]], dist[order[i]], Double::sum);
        }
        String best = null;
        for (String g : votes.keySet()) {
            if (best == null || votes.get(g) > votes.get(best)
                    || (votes.get(g).equals(votes.get(best)) && distance.get(g) < distance.get(best))) best = g;
        }
        return best;
    }

    /** k-fold cross-validation: accuracy and a confusion matrix (rows = true genre, columns = predicted), genres sorted. */
    public record CrossValidation(double accuracy, int folds, int pieces, List<String> genres, int[][] confusion) { }

    /** Stratification is not attempted: folds are a seeded shuffle, so rare genres may be missing from a fold's training part. */
    public static CrossValidation crossValidate(List<double[]> features, List<String> genres, int k, int folds, long seed) {
        int n = features.size();
        if (n < 2) throw new IllegalArgumentException("cross-validation needs at least 2 labelled pieces, got " + n);
        int f = Math.min(folds, n);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, new java.util.Random(new SplittableRandom(seed).nextLong()));
        List<String> names = new ArrayList<>(new TreeSet<>(genres));
        int[][] confusion = new int[names.size()][names.size()];
        int correct = 0;
        for (int fold = 0; fold < f; fold++) {
            List<double[]> trainX = new ArrayList<>();
            List<String> trainY = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int idx = order.get(i);
                if (i % f == fold) test.add(idx);
                else {
                    trainX.add(features.get(idx));
                    trainY.add(genres.get(idx));
                }
            }
            GenreClassifier c = train(trainX, trainY, k);
            for (int idx : test) {
                String predicted = c.predict(features.get(idx));
                confusion[names.indexOf(genres.get(idx))][names.indexOf(predicted)]++;
                if (predicted.equals(genres.get(idx))) correct++;
            }
        }
        return new CrossValidation((double) correct / n, f, n, List.copyOf(names), confusion);
    }
}
