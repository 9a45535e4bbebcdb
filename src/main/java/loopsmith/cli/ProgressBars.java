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
        return show ? bar(task, max, unit, ChronoUnit.SECONDS) : null;
    }

    /** The one bar style: ASCII on stderr with a rate per {@code speedUnit} and an ETA. */
    private static ProgressBar bar(String task, long max, String unit, ChronoUnit speedUnit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, 1)
                .showSpeed().setSpeedUnit(speedUnit).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    static Ingest.Progress ingest(boolean show) {
        if (!show) return Ingest.Progress.NONE;
        return new Ingest.Progress() {
            private ProgressBar bar;

            @Override
            public void start(int files) {
                bar = bar("ingest", files, " files", ChronoUnit.SECONDS);
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
                bar = bar("generate", pieces, " pieces", ChronoUnit.MINUTES);
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
