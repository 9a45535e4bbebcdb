package loopsmith.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.music.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** bench finetune's picture: each side's share of the library's ceiling against training minutes, and the target. */
final class FinetuneChart {
    private FinetuneChart() {}

    /** Whether the picture was written; a missing picture must not lose the figures, which are in the JSON. */
    static boolean draw(Path file, List<Double> minutes, List<Double> finetuned, List<Double> scratch, Optional<Double> base, double target) {
        System.setProperty("java.awt.headless", "true");
        try {
            XYChart chart = new XYChartBuilder().width(900).height(500).title("Minutes to the library's style")
                    .xAxisTitle("training minutes").yAxisTitle("share of the library's own overlap").build();
            List<Double> tunedX = new ArrayList<>(minutes);
            List<Double> tunedY = new ArrayList<>(finetuned);
            if (base.isPresent()) {
                // The base model is the fine-tune after 0 minutes.
                tunedX.add(0, 0.0);
                tunedY.add(0, base.get());
            }
            chart.addSeries("fine-tuned from the base model", tunedX, tunedY);
            chart.addSeries("trained from scratch", minutes, scratch);
            double last = minutes.get(minutes.size() - 1);
            chart.addSeries("target", List.of(0.0, last), List.of(target, target)).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp.png");
            BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.move(tmp, file);
            return true;
        } catch (Exception | Error e) {
            System.err.println("warning: " + file + ": picture not drawn: " + e);
            return false;
        }
    }
}
