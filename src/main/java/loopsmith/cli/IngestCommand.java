package loopsmith.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import loopsmith.dataset.Ingest;
import loopsmith.dataset.IngestConfig;
import loopsmith.dataset.IngestReport;
import loopsmith.library.CleanConfig;
import loopsmith.music.Key;
import loopsmith.music.LoopsmithException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", description = "Turn a library folder into a clean, labelled, tokenized dataset with a report.",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith ingest ~/Music/MIDI --out datasets/mine",
            "  ./loopsmith ingest ../shared/corpus --out datasets/corpus --bars 8 --hop 4 --json",
            "  ./loopsmith ingest ~/Music/Loops --out datasets/loops --transcribe-audio"})
final class IngestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The library folder (searched recursively).")
    Path library;

    @Option(names = "--out", required = true, paramLabel = "DATASET", description = "Dataset folder to write (new, empty or an earlier dataset).")
    Path out;

    @Option(names = "--bars", defaultValue = "8", description = "Segment length in bars (default: ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--hop", description = "Bars between segment starts (default: half of --bars).")
    Integer hop;

    @Option(names = "--validation", defaultValue = "0.1", description = "Share of files held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--seed", defaultValue = "1337", description = "Seed of the train/validation split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Files processed at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--quantize-strength", defaultValue = "1.0", description = "0 keeps timing, 1 snaps to the grid (default: ${DEFAULT-VALUE}).")
    double strength;

    @Option(names = "--grid", defaultValue = "24", description = "Quantize grid in steps per quarter: 24 (tokenizer), 12, 4 = 16ths (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--no-swing", description = "Do not detect and straighten swing.")
    boolean noSwing;

    @Option(names = "--keep-pickup", description = "Keep a pickup as a partial first bar.")
    boolean keepPickup;

    @Option(names = "--merge-roles", description = "Merge tracks that share a role.")
    boolean mergeRoles;

    @Option(names = "--transpose-to", paramLabel = "KEY", description = "Transpose pitched parts to this key (e.g. Am). Off by default: training augments by transposition instead.")
    String transposeTo;

    @Option(names = "--transcribe-audio", description = "Transcribe drum loops among the library's audio (WAV, AIFF, FLAC) into training material, tagged with their labels. "
            + "Without it audio is only catalogued (tempo, key, bars).")
    boolean transcribeAudio;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        Optional<Key> target = Optional.empty();
        if (transposeTo != null) {
            target = Key.parse(transposeTo);
            if (target.isEmpty()) throw new LoopsmithException(null, "--transpose-to: not a key: " + transposeTo);
        }
        IngestConfig defaults = IngestConfig.withWindow(bars);
        IngestConfig config = new IngestConfig(bars, hop != null ? hop : defaults.hopBars(), defaults.minNotes(), validation,
                seed, threads != null ? threads : defaults.threads(),
                new CleanConfig(grid, strength, !noSwing, keepPickup, mergeRoles, target), defaults.tokenizer(), transcribeAudio);
        IngestReport r = Ingest.run(library, out, config, ProgressBars.ingest(ProgressBars.wanted(json)));
        if (json) {
            System.out.println(Json.of(r));
            return 0;
        }
        IngestReport.Files f = r.files();
        System.out.printf(Locale.ROOT, "%s: %d MIDI files, %d ingested, %d skipped (%d read with repairs), %d audio catalogued%n",
                out, f.midi(), f.ingested(), f.skipped(), f.repaired(), f.audio());
        IngestReport.Audio a = r.audioCounts();
        if (a.catalogued() > 0)
            System.out.printf(Locale.ROOT, "  audio: %d analysed, %d unreadable, %d drum loops, %d transcribed (%d segments)%n",
                    a.analysed(), a.unreadable(), a.drumLoops(), a.transcribed(), a.segmentsKept());
        r.splits().forEach((name, s) -> System.out.printf(Locale.ROOT, "  %-10s %6d files %7d segments %10d tokens%n",
                name, s.files(), s.segments(), s.tokens()));
        System.out.printf(Locale.ROOT, "  %d identical windows dropped; %.1f files/s; %d re-used from cache%n",
                r.segments().duplicatesDropped(), r.filesPerSecond(), f.fromCache());
        System.out.println("  report: " + out.resolve("report.md"));
        return 0;
    }
}
