package loopsmith.train;

import java.nio.file.Path;
import java.util.List;
import loopsmith.music.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** RUN/loss.png: training loss (smoothed) and validation loss against steps, redrawn at every evaluation. */
public final class LossCurve {
    private LossCurve() {}

    public static void draw(Path file, List<double[]> train, List<double[]> validation) {
        if (train.isEmpty()) return;
        System.setProperty("java.awt.headless", "true");
        try {
            XYChart chart = new XYChartBuilder().width(900).height(500).title("Loss").xAxisTitle("step").yAxisTitle("cross-entropy").build();
            chart.addSeries("train", column(train, 0), smoothed(column(train, 1))).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            if (!validation.isEmpty()) chart.addSeries("validation", column(validation, 0), column(validation, 1));
            Path tmp = file.resolveSibling(".loss-tmp.png");
            BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.move(tmp, file);
        } catch (Exception | Error e) {
            // A missing picture must not stop training; the numbers are in metrics.jsonl.
            System.err.println("warning: " + file + ": loss curve not drawn: " + e);
        }
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    /**
     * Exponential moving average, so the curve shows the trend rather than batch noise; bias-corrected as in Adam, so
     * the first steps are neither raw nor dragged toward zero (or toward the first loss) and the curve has no seam.
     */
    static double[] smoothed(double[] values) {
        double[] out = new double[values.length];
        double ema = 0;
        double weight = 0;
        for (int i = 0; i < values.length; i++) {
            ema = 0.9 * ema + 0.1 * values[i];
            weight = 0.9 * weight + 0.1;
            out[i] = ema / weight;
        }
        return out;
    }
}
