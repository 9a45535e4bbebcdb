package loopsmith.cli;

import java.time.temporal.ChronoUnit;
import loopsmith.dataset.Ingest;
import loopsmith.eval.Evaluation;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on stderr (rate and ETA), shown only on a console and never under --json. */
final class ProgressBars {
    private ProgressBars() {}

    static boolean wanted(boolean json) {
        return !json && System.console() != null;
    }

    /** A plain counting bar; {@code null} when not shown. */
    static ProgressBar counting(boolean show, String task, long max, String unit) {
        if (!show) return null;
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, 1)
                .showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    static Ingest.Progress ingest(boolean show) {
        if (!show) return Ingest.Progress.NONE;
        return new Ingest.Progress() {
            private ProgressBar bar;

            @Override
            public void start(int files) {
                bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(files).setUnit(" files", 1)
                        .showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }

            @Override
            public void fileDone(String file) {
                bar.step();
            }

            @Override
            public void finish() {
                if (bar != null) bar.close();
            }
        };
    }

    static Evaluation.Progress eval(boolean show) {
        if (!show) return Evaluation.Progress.NONE;
        return new Evaluation.Progress() {
            private ProgressBar bar;

            @Override
            public void start(int pieces) {
                bar = new ProgressBarBuilder().setTaskName("generate").setInitialMax(pieces).setUnit(" pieces", 1)
                        .showSpeed().setSpeedUnit(ChronoUnit.MINUTES).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }

            @Override
            public void pieceDone() {
                bar.step();
            }

            @Override
            public void finish() {
                if (bar != null) bar.close();
            }
        };
    }
}
