package loopsmith.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import loopsmith.midi.MidiReadResult;
import loopsmith.midi.MidiReader;
import loopsmith.music.PieceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", description = "Show a MIDI file's tracks, roles, tempo, time signature, key, length and warnings.",
        footerHeading = "%nExamples:%n", footer = {"  ./loopsmith inspect ../shared/corpus/malformed/gen-valid-reference.mid",
            "  ./loopsmith inspect song.mid --json"})
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A MIDI file (.mid, .midi, .rmi, .kar).")
    Path file;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    record Report(String file, int format, PieceSummary summary, List<String> warnings) { }

    @Override
    public Integer call() {
        MidiReadResult read = MidiReader.read(file);
        Report report = new Report(file.toString(), read.format(), PieceSummary.of(read.piece()), read.warnings());
        PrintStream out = System.out;
        if (json) {
            out.println(Json.of(report));
            return 0;
        }
        PieceSummary s = report.summary();
        out.printf(Locale.ROOT, "%s%n", file);
        out.printf(Locale.ROOT, "  format %d, %d ticks per quarter%n", read.format(), s.ticksPerQuarter());
        out.printf(Locale.ROOT, "  tempo %.2f BPM%s%n", s.bpm(),
                s.tempoChanges() > 0 ? String.format(Locale.ROOT, " (%d changes, dominant %.2f BPM)", s.tempoChanges(), s.dominantBpm()) : "");
        out.printf(Locale.ROOT, "  time signature %s%s%n", s.timeSignature(),
                s.timeSignatureChanges() > 0 ? " (" + s.timeSignatureChanges() + " changes)" : "");
        out.printf(Locale.ROOT, "  key %s%n", s.key() == null ? "unknown" : s.key());
        out.printf(Locale.ROOT, "  length %d bars, %.1f s, %d notes%n", s.lengthBars(), s.lengthSeconds(), s.noteCount());
        out.printf(Locale.ROOT, "  %-24s %-7s %-28s %6s  %s%n", "track", "role", "instrument", "notes", "pitch range");
        for (PieceSummary.TrackSummary t : s.tracks()) {
            out.printf(Locale.ROOT, "  %-24s %-7s %-28s %6d  %s%n", truncate(t.name(), 24), t.role(),
                    truncate((t.drums() ? "drums" : t.program() + " " + t.instrument()), 28), t.notes(),
                    t.notes() == 0 ? "-" : t.lowestPitch() + ".." + t.highestPitch());
        }
        if (!report.warnings().isEmpty()) {
            out.println("  warnings:");
            for (String w : report.warnings()) out.println("    - " + w);
        }
        return 0;
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
