package loopsmith.cli;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import loopsmith.dataset.Ingest;
import loopsmith.eval.Evaluation;
import loopsmith.eval.StyleMatch;
import loopsmith.service.GenerateService;
import loopsmith.service.LearnService;
import loopsmith.train.TrainLoop;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "learn", description = "Your style in minutes: ingest a folder, fine-tune the bundled model on it, and say how close it got.",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith learn ~/Music/MIDI --out models/mine.ckpt                  10 minutes from models/default.ckpt",
            "  ./loopsmith learn ~/Music/MIDI --out models/mine.ckpt --minutes 20",
            "  ./loopsmith generate \"dark boom bap\" --model models/mine.ckpt          then use it"})
final class LearnCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Your folder of MIDI files (labels as ingest reads them: metadata.csv, sidecars, names).")
    Path library;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The model file to write.")
    Path out;

    @Option(names = "--minutes", defaultValue = "10", description = "Training time; the learning rate decays over it (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--base", paramLabel = "MODEL", description = "Model to start from (default: models/default.ckpt).")
    Path base;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the dataset and the run go (default: MODEL's name + .run beside it).")
    Path work;

    @Option(names = "--pieces", defaultValue = "" + LearnService.CEILING_WINDOWS, description = "Pieces generated to measure the style match, per model, as many as the ceiling's training windows (default: ${DEFAULT-VALUE}).")
    int pieces;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of training and of the measure (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        int threads = Runtime.getRuntime().availableProcessors();
        EngineSetup.configure(threads);
        Path home = Home.path();
        Path baseModel = base != null ? base : home.resolve(GenerateService.DEFAULT_MODEL);
        Path workDir = work != null ? work : out.toAbsolutePath().resolveSibling(out.getFileName() + ".run");
        boolean show = ProgressBars.wanted(json);
        if (!json) System.err.printf(Locale.ROOT, "learning %s from %s for %.1f min (work folder %s)%n", library, baseModel, minutes, workDir);
        LearnService.Result r = LearnService.run(new LearnService.Options(library, out, Optional.of(baseModel), workDir, minutes,
                pieces, 4, seed, "small", threads), new Bars(show, json, minutes));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", r.model().toString());
        doc.put("files", r.ingest().files().ingested());
        doc.put("steps", r.training().lastStep());
        doc.put("minutes", Math.round(r.training().seconds() / 6) / 10.0);
        doc.put("best_validation_loss", r.training().bestValidationLoss());
        doc.put("style_match", match(r.match(), seed));
        r.baseMatch().ifPresent(b -> doc.put("base_style_match", match(b, seed)));
        if (json) {
            System.out.println(Json.of(doc));
        } else {
            StyleMatch m = r.match();
            System.out.printf(Locale.ROOT, "%s: %d files, %d steps in %.1f min, validation loss %.3f%n", r.model(),
                    r.ingest().files().ingested(), r.training().lastStep(), r.training().seconds() / 60, r.training().bestValidationLoss());
            System.out.printf(Locale.ROOT, "style match on %d held-out files: %.3f, %.0f%% of the library's own %.3f%s%s%n", m.heldOut(),
                    m.overlap(), 100 * m.ofCeiling(), m.ceiling(),
                    m.ofCeilingInterval(seed).map(i -> String.format(Locale.ROOT, " (95%%: %.0f–%.0f%%)", 100 * i.low(), 100 * i.high())).orElse(""),
                    r.baseMatch().map(b -> String.format(Locale.ROOT, " (the base model: %.3f, %.0f%%)", b.overlap(), 100 * b.ofCeiling())).orElse(""));
            System.out.printf(Locale.ROOT, "next: ./loopsmith generate \"...\" --model %s%n", r.model());
        }
        return 0;
    }

    private static Map<String, Object> match(StyleMatch m, long seed) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("overlap", round(m.overlap()));
        o.put("ceiling", round(m.ceiling()));
        o.put("of_ceiling", round(m.ofCeiling()));
        m.ofCeilingInterval(seed).ifPresent(i -> o.put("of_ceiling_ci95", List.of(round(i.low()), round(i.high()))));
        o.put("generated", m.generated());
        o.put("held_out_files", m.heldOut());
        return o;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }

    /** Ingest and measure bars as elsewhere; training as a bar over the minutes, with its ETA. */
    private static final class Bars implements LearnService.Progress {
        private final boolean show;
        private final boolean quiet;
        private final double minutes;

        Bars(boolean show, boolean quiet, double minutes) {
            this.show = show;
            this.quiet = quiet;
            this.minutes = minutes;
        }

        @Override
        public Ingest.Progress ingest() {
            return ProgressBars.ingest(show);
        }

        @Override
        public Evaluation.Progress evaluation(String what) {
            if (!quiet) System.err.println("measuring the " + what + " against the held-out files");
            return ProgressBars.eval(show);
        }

        @Override
        public TrainLoop.Listener training() {
            return new TrainLoop.Listener() {
                private ProgressBar bar;
                private long t0;
                private double validation = Double.NaN;

                @Override
                public void started(int firstStep, int maxSteps, long parameters, int trainSegments) {
                    t0 = System.nanoTime();
                    if (show) bar = new ProgressBarBuilder().setTaskName("fine-tune").setInitialMax(Math.round(minutes * 60))
                            .setUnit(" s", 1).setStyle(ProgressBarStyle.ASCII).setSpeedUnit(ChronoUnit.SECONDS)
                            .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
                    else if (!quiet) System.err.printf(Locale.ROOT, "fine-tuning on %,d segments%n", trainSegments);
                }

                @Override
                public void stepped(int step, double loss, double lr, double tokensPerSecond) {
                    if (bar == null) return;
                    bar.stepTo(Math.min(bar.getMax(), Math.round((System.nanoTime() - t0) / 1e9)));
                    bar.setExtraMessage(String.format(Locale.ROOT, "step %d loss %.3f val %.3f", step, loss, validation));
                }

                @Override
                public void evaluated(int step, double validationLoss, boolean best) {
                    validation = validationLoss;
                }

                @Override
                public void finished(loopsmith.train.TrainResult result) {
                    if (bar != null) {
                        bar.stepTo(bar.getMax());
                        bar.close();
                    }
                }
            };
        }
    }
}
