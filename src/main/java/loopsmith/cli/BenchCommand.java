package loopsmith.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import loopsmith.bench.FinetuneBench;
import loopsmith.bench.GenerateBench;
import loopsmith.bench.DrumifyBench;
import loopsmith.bench.GrooveBench;
import loopsmith.bench.IngestBench;
import loopsmith.bench.ParseBench;
import loopsmith.bench.RenderBench;
import loopsmith.bench.TempoBench;
import loopsmith.bench.TrainBench;
import loopsmith.music.LoopsmithException;
import loopsmith.service.LearnService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", description = "Benchmarks: our figure next to a reference program's, measured in the same run.",
        subcommands = {BenchCommand.Parse.class, BenchCommand.IngestSpeed.class, BenchCommand.Train.class, BenchCommand.Generate.class, BenchCommand.Render.class, BenchCommand.TempoAccuracy.class, BenchCommand.Finetune.class, BenchCommand.GrooveFeel.class, BenchCommand.Drumify.class, BenchCommand.Interpolate.class, BenchCommand.Serve.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "parse", description = "MIDI parse speed (files/s, notes/s) next to mido; ratio = ours / mido files/s.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench parse ../shared/corpus --json"})
    static final class Parse implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", arity = "0..1", description = "Folder of MIDI files (default: ../shared/corpus).")
        Path dir;

        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--warmup", defaultValue = "3", description = "Untimed passes first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--passes", defaultValue = "5", description = "Timed passes; the median counts (default: ${DEFAULT-VALUE}).")
        int passes;


        @Override
        public Integer call() {
            Path folder = dir != null ? dir : Home.corpus();
            Path script = common.peerOr("midi_parse_mido.py");
            Map<String, Object> result = ParseBench.run(folder, Math.max(0, warmup), Math.max(1, passes), script);
            System.out.println(Json.of(result));
            return 0;
        }
    }

    @Command(name = "ingest", description = "Whole-ingest files/s next to mido's parse-only files/s; ratio = ours / mido.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench ingest ../shared/corpus --json"})
    static final class IngestSpeed implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", arity = "0..1", description = "Library folder (default: ../shared/corpus).")
        Path dir;

        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--passes", defaultValue = "3", description = "Runs; the median counts (default: ${DEFAULT-VALUE}).")
        int passes;

        @Option(names = "--threads", description = "Threads (default: the number of cores).")
        Integer threads;


        @Override
        public Integer call() {
            Path folder = dir != null ? dir : Home.corpus();
            Path script = common.peerOr("midi_parse_mido.py");
            int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            System.out.println(Json.of(IngestBench.run(folder, Math.max(1, passes), t, script)));
            return 0;
        }
    }

    @Command(name = "train", description = "Training tokens/s next to the PyTorch peer on its config; ratio = ours / peer.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench train --json"})
    static final class Train implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--threads", defaultValue = "2", description = "Threads on both sides (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--steps", defaultValue = "30", description = "Timed steps (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--warmup", defaultValue = "3", description = "Untimed warm-up steps (default: ${DEFAULT-VALUE}).")
        int warmup;


        @Override
        public Integer call() {
            EngineSetup.configure(threads);
            Path script = common.peerOr("gpt_train_torch.py");
            System.out.println(Json.of(TrainBench.run(threads, Math.max(1, steps), Math.max(0, warmup), script)));
            return 0;
        }
    }

    @Command(name = "generate", description = "Generation tokens/s next to the PyTorch peer's KV-cache loop; ratio = ours / peer.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench generate --json",
                "  ./loopsmith bench generate --model runs/mine --json"})
    static final class Generate implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--threads", defaultValue = "2", description = "Threads on both sides (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--tokens", defaultValue = "128", description = "Tokens generated per sequence (default: ${DEFAULT-VALUE}).")
        int tokens;

        @Option(names = "--warmup", defaultValue = "3", description = "Warm-up, in units of 8 tokens (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--model", description = "A trained model for the small-preset figures (default: an untrained one).")
        Path model;


        @Override
        public Integer call() {
            EngineSetup.configure(threads);
            Path script = common.peerOr("gpt_train_torch.py");
            System.out.println(Json.of(GenerateBench.run(threads, Math.max(1, tokens), Math.max(0, warmup),
                    java.util.Optional.ofNullable(model), script)));
            return 0;
        }
    }

    @Command(name = "serve", description = "Round trip from Live: a 4-bar 4-track MIDI-only request to its notes over HTTP and OSC, "
            + "the first after start included, next to the same generation in process; ratio = round trip / in-process.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench serve --json"})
    static final class Serve implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--requests", defaultValue = "5", description = "Requests per way (default: ${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--work", defaultValue = "target/bench-serve", description = "Where results are written (default: ${DEFAULT-VALUE}).")
        Path work;

        @Override
        public Integer call() {
            Path home = Home.path();
            System.out.println(Json.of(loopsmith.server.RoundTripBench.run(home, work.toAbsolutePath(), Math.max(1, requests))));
            return 0;
        }
    }

    @Command(name = "render", description = "Stem rendering realtime factor next to FluidSynth's; ratio = ours / fluidsynth.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench render --json"})
    static final class Render implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--repeats", defaultValue = "5", description = "Runs; the median counts (default: ${DEFAULT-VALUE}).")
        int repeats;


        @Override
        public Integer call() {
            Path home = Home.path();
            Path script = common.peerOr("render_fluidsynth.sh");
            System.out.println(Json.of(RenderBench.run(home.resolve("examples/house-loop_124bpm_Am.mid"), Math.max(1, repeats), script)));
            return 0;
        }
    }

    @Command(name = "tempo", description = "Tempo accuracy on rendered drum loops at known tempos next to aubio; ratio = ours / aubio exact accuracy. "
            + "The genre set also scores the octave per genre, the downbeat and the groove's per-hit timing.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench tempo --json                      200 genre loops, seed 1",
                "  ./loopsmith bench tempo --seed 2 --json             the held-out loops",
                "  ./loopsmith bench tempo --set groove --cases 120 --json"})
    static final class TempoAccuracy implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", arity = "0..1", description = "Drum MIDI to make the groove set from (default: ../shared/corpus/groove).")
        Path dir;

        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--set", defaultValue = "genres", description = "genres: loops of eleven genres at the tempos they are counted in, "
                + "from our renderer and FluidSynth; groove: Groove corpus beats re-timed to 70–180 BPM (default: ${DEFAULT-VALUE}).")
        String set;

        @Option(names = "--cases", defaultValue = "200", description = "Loops to make and score (default: ${DEFAULT-VALUE}).")
        int cases;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the loop set (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--work", description = "Where the rendered loops are kept between runs (default: target/bench-tempo).")
        Path work;

        @Override
        public Integer call() {
            TempoBench.Set which = switch (set) {
                case "genres" -> TempoBench.Set.GENRES;
                case "groove" -> TempoBench.Set.GROOVE;
                default -> throw new LoopsmithException(null, "--set: genres or groove, not " + set);
            };
            Path folder = dir != null ? dir : Home.corpus().resolve("groove");
            Path home = Home.path();
            Path workDir = work != null ? work : home.resolve("target/bench-tempo");
            System.out.println(Json.of(TempoBench.run(which, folder, workDir, Math.max(1, cases), seed, common.peerOr("tempo_aubio.py"),
                    Home.peers().resolve("render_fluidsynth.sh"))));
            return 0;
        }
    }

    @Command(name = "finetune", description = "Minutes to a library's style: fine-tuning the bundled model vs training from scratch for "
            + "the same minutes, on a stand-in library; ratio = fine-tuned share of the library's ceiling / from-scratch share.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench finetune --json                 20 minutes each on 200 folk tunes",
                "  ./loopsmith bench finetune --library ~/Music/MIDI --minutes 10 --json",
                "  ./loopsmith bench finetune --minutes 2.5,5,10 --json      minutes to the style at three budgets, and a picture"})
    static final class Finetune implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--library", paramLabel = "DIR", description = "The stand-in library (default: 200 Nottingham folk tunes from "
                + "../shared/corpus, a style the bundled model was not trained on, linked into --work).")
        Path library;

        @Option(names = "--minutes", defaultValue = "20", split = ",", paramLabel = "MIN[,MIN...]", description = "Training minutes for "
                + "each side; several budgets train each side once per budget and report the minutes each needs to reach the target "
                + "(default: ${DEFAULT-VALUE}).")
        List<Double> minutes;

        @Option(names = "--pieces", defaultValue = "" + LearnService.CEILING_WINDOWS, description = "Pieces generated per model for the measure, as many as the ceiling's training windows (default: ${DEFAULT-VALUE}).")
        int pieces;

        @Option(names = "--model", description = "The base model (default: models/default.ckpt).")
        Path model;

        @Option(names = "--work", defaultValue = "runs/bench-finetune", description = "Where the library, datasets and runs go (default: ${DEFAULT-VALUE}).")
        Path work;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            for (double m : minutes) if (!(m > 0)) throw new LoopsmithException(null, "--minutes: each budget must be more than 0, not " + m);
            int threads = Runtime.getRuntime().availableProcessors();
            EngineSetup.configure(threads);
            Path home = Home.path();
            Path lib = library != null ? library : FinetuneBench.standIn(Home.corpus().resolve("nottingham"),
                    "folk", 200, seed, work.resolve("library"));
            Path base = model != null ? model : home.resolve(loopsmith.service.GenerateService.DEFAULT_MODEL);
            System.out.println(Json.of(FinetuneBench.run(lib, base, work, minutes, Math.max(1, pieces), seed, threads,
                    new loopsmith.service.LearnService.Progress() { })));
            return 0;
        }
    }

    @Command(name = "groove", description = "Groove on held-out Groove MIDI performances: quantized, grooved back, and per drum group the "
            + "KS statistic of timing offsets and velocities against the real ones, next to random jitter; ratio = jitter's worst KS / ours.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench groove --json",
                "  ./loopsmith bench groove --model models/mine-groove.json.gz --seed 2 --json"})
    static final class GrooveFeel implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", arity = "0..1", description = "Performed drums (default: ../shared/corpus/groove).")
        Path dir;

        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--split", paramLabel = "CSV", description = "The split: files not in its train split are the held-out set "
                + "(default: DIR/info.csv).")
        Path split;

        @Option(names = "--model", description = "The groove model (default: " + loopsmith.service.GrooveService.DEFAULT_MODEL + ").")
        Path model;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the grooving and the jitter (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            Path folder = dir != null ? dir : Home.corpus().resolve("groove");
            Path home = Home.path();
            Path m = model != null ? model : home.resolve(loopsmith.service.GrooveService.DEFAULT_MODEL);
            System.out.println(Json.of(GrooveBench.run(folder, split != null ? split : folder.resolve("info.csv"), m, seed)));
            return 0;
        }
    }

    @Command(name = "drumify", description = "Drumify on POP909 and Nottingham clips the bundled model never saw, under several genres: "
            + "onset coverage, kick or snare on strong onsets and the genre's drum idiom, next to the model's drums written without "
            + "hearing the clip; ratio = our onset coverage / theirs.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench drumify --json",
                "  ./loopsmith bench drumify --genres house,trap --clips 2 --bars 8 --json"})
    static final class Drumify implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The corpus (default: ../shared/corpus).")
        Path dir;

        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--model", description = "A model file or training run (default: the bundled model).") Path model;
        @Option(names = "--genres", split = ",", defaultValue = "pop,rock,house,hip-hop", description = "Genres each clip is drumified in (default: ${DEFAULT-VALUE}).")
        java.util.List<String> genres;
        @Option(names = "--clips", defaultValue = "3", description = "Clips per set (POP909 melody and bass, Nottingham melody and chords) (default: ${DEFAULT-VALUE}).")
        int clips;
        @Option(names = "--bars", defaultValue = "4", description = "Bars per clip (default: ${DEFAULT-VALUE}).") int bars;
        @Option(names = "--candidates", defaultValue = "" + loopsmith.service.DrumifyService.DEFAULT_CANDIDATES, description = "(default: ${DEFAULT-VALUE}).")
        int candidates;
        @Option(names = "--audio-clips", defaultValue = "4", description = "Clips also rendered to WAV and drumified from audio (default: ${DEFAULT-VALUE}).")
        int audioClips;
        @Option(names = "--seed", defaultValue = "1", description = "(default: ${DEFAULT-VALUE}).") long seed;

        @Override
        public Integer call() {
            Path folder = dir != null ? dir : Home.corpus();
            Path m = model != null ? model : Home.path().resolve(loopsmith.service.GenerateService.DEFAULT_MODEL);
            System.out.println(Json.of(DrumifyBench.run(folder, m, genres, Math.max(1, clips), Math.max(1, bars), Math.max(1, candidates), seed,
                    Math.max(0, audioClips))));
            return 0;
        }
    }

    @Command(name = "interpolate", description = "Interpolate between pairs of clips the bundled model never saw (held-out Groove drums, "
            + "POP909 melodies and bass lines): similarity of each step to A and B (rhythm and pitch), the share of pairs rising at every "
            + "step, and how near real bars the in-between steps are for the model's order of edits, the beat's and a random one; "
            + "ratio = random's distance / the model's.",
            footerHeading = "%nExamples:%n", footer = {"  ./loopsmith bench interpolate --json",
                "  ./loopsmith bench interpolate --pairs 20 --bars 4 --steps 8 --seed 2 --json"})
    static final class Interpolate implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The corpus (default: ../shared/corpus).")
        Path dir;

        @picocli.CommandLine.Mixin
        BenchOptions common;

        @Option(names = "--model", description = "A model file or training run (default: the bundled model).") Path model;
        @Option(names = "--pairs", defaultValue = "12", description = "Pairs per set (drums, melody, bass) (default: ${DEFAULT-VALUE}).") int pairs;
        @Option(names = "--bars", defaultValue = "2", description = "Bars per clip (default: ${DEFAULT-VALUE}).") int bars;
        @Option(names = "--steps", defaultValue = "" + loopsmith.generate.Interpolation.DEFAULT_STEPS, description = "(default: ${DEFAULT-VALUE}).") int steps;
        @Option(names = "--seed", defaultValue = "1", description = "(default: ${DEFAULT-VALUE}).") long seed;

        @Override
        public Integer call() {
            Path folder = dir != null ? dir : Home.corpus();
            Path m = model != null ? model : Home.path().resolve(loopsmith.service.GenerateService.DEFAULT_MODEL);
            int s = Math.max(loopsmith.generate.Interpolation.MIN_STEPS, Math.min(loopsmith.generate.Interpolation.MAX_STEPS, steps));
            System.out.println(Json.of(loopsmith.bench.InterpolateBench.run(folder, m, Math.max(1, pairs), Math.max(1, bars), s, seed)));
            return 0;
        }
    }
}
