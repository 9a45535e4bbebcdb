package loopsmith.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import loopsmith.starter.StarterConfig;
import loopsmith.starter.StarterCorpus;
import loopsmith.starter.StarterLoop;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "corpus", description = "Corpora the project writes itself.", subcommands = CorpusCommand.Starter.class)
final class CorpusCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "starter", description = {
        "Writes the starter corpus: labelled 4- and 8-bar loops in 14 genres (drums, bass, chords or pads, melody; 4/4, "
            + "3/4 and 6/8; humanized), one MIDI file per loop and a metadata.csv in the schema of ../shared/corpus. "
            + "Seeded: the same seed writes the same files."},
            footerHeading = "%nExamples:%n", footer = {
                "  ./loopsmith corpus starter --out corpora/starter                    2,800 loops (200 per genre)",
                "  ./loopsmith corpus starter --out /tmp/s --per-genre 20 --genres house,trap --json"})
    static final class Starter implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (created; files in it are replaced).")
        Path out;

        @Option(names = "--per-genre", paramLabel = "N", description = "Loops per genre (default: ${DEFAULT-VALUE}).")
        int perGenre = StarterConfig.DEFAULT_LOOPS_PER_GENRE;

        @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed = StarterConfig.DEFAULT_SEED;

        @Option(names = "--genres", split = ",", paramLabel = "G", description = "Only these genres (default: all).")
        List<String> genres;

        @Option(names = "--json", description = "Print a JSON summary instead of text.")
        boolean json;

        @Override
        public Integer call() {
            StarterConfig config = new StarterConfig(perGenre, seed, genres == null ? StarterCorpus.GENRES : genres);
            long t0 = System.nanoTime();
            ProgressBar bar = ProgressBars.counting(ProgressBars.wanted(json), "starter corpus",
                    (long) perGenre * config.genres().size(), " loops");
            StarterCorpus.Written w;
            try {
                w = StarterCorpus.write(out, config, n -> { if (bar != null) bar.stepTo(n); });
            } finally {
                if (bar != null) bar.close();
            }
            Map<String, Integer> perGenreCount = new TreeMap<>();
            Map<String, Integer> meters = new TreeMap<>();
            long notes = 0;
            for (StarterLoop l : w.loops()) {
                perGenreCount.merge(l.genre(), 1, Integer::sum);
                meters.merge(l.timeSignature(), 1, Integer::sum);
                notes += l.piece().noteCount();
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("folder", out.toString());
            result.put("loops", w.loops().size());
            result.put("notes", notes);
            result.put("genres", perGenreCount);
            result.put("time_signatures", meters);
            result.put("metadata", out.resolve("metadata.csv").toString());
            result.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
            if (json) System.out.println(Json.of(result));
            else System.out.printf("%s: %d loops (%d notes) in %d genres %s, meters %s; labels in %s (%.1f s)%n", out,
                    w.loops().size(), notes, perGenreCount.size(), perGenreCount.keySet(), meters, result.get("metadata"), result.get("seconds"));
            return 0;
        }
    }
}
