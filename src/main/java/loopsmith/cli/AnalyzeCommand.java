package loopsmith.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import loopsmith.audio.Analyzer;
import loopsmith.audio.AudioAnalysis;
import loopsmith.library.Synonyms;
import loopsmith.midi.MidiWriter;
import loopsmith.music.LoopsmithException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", description = "Tempo (in the octave the groove is counted in, with the alternative), first beat and downbeat, "
        + "bars, key and a drum or note transcription of audio clips (WAV, AIFF, FLAC).",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith analyze loops/break_174bpm.wav",
            "  ./loopsmith analyze loops/*.wav --json",
            "  ./loopsmith analyze 808_loop.wav --genre trap      the tempo as trap is counted (140, not 70)",
            "  ./loopsmith analyze drums.wav --midi drums.mid      the transcription as MIDI at the detected tempo"})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Audio files.")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON document: {\"files\": [...], \"errors\": [...]}.")
    boolean json;

    @Option(names = "--midi", paramLabel = "OUT.mid", description = "Write the transcription (one FILE only).")
    Path midi;

    @Option(names = "--genre", paramLabel = "GENRE", description = "The clips' genre (\"trap\", \"dnb\", \"reggaeton\"): where the "
            + "genre is counted in a range narrower than an octave, it settles whether the tempo is a groove's or its half or double.")
    String genre;

    @Override
    public Integer call() {
        if (midi != null && files.size() != 1) throw new LoopsmithException(null, "--midi takes exactly one FILE, got " + files.size());
        Optional<String> label = Optional.ofNullable(genre).map(g -> Synonyms.genre(g)
                .orElseThrow(() -> new LoopsmithException(null, "--genre: not a genre: " + g)));
        List<AudioAnalysis.Summary> results = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Path f : files) {
            try {
                AudioAnalysis a = Analyzer.analyze(f, label);
                results.add(a.summary());
                if (midi != null) MidiWriter.write(a.toPiece(), midi);
                if (!json) System.out.println(line(a));
            } catch (LoopsmithException e) {
                // One bad clip among many is reported and skipped; the exit code says something failed.
                System.err.println("error: " + (e.file() == null ? "" : e.file() + ": ") + e.reason());
                Map<String, Object> err = new LinkedHashMap<>();
                err.put("file", f.toString());
                err.put("reason", e.reason());
                errors.add(err);
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("files", results);
            doc.put("errors", errors);
            System.out.println(Json.of(doc));
        }
        return errors.isEmpty() ? 0 : ErrorHandler.BAD_INPUT;
    }

    private static String line(AudioAnalysis a) {
        AudioAnalysis.Summary s = a.summary();
        String key = a.key().map(k -> String.format(Locale.ROOT, "%s (confidence %.2f)", k.key().displayName(), k.confidence())).orElse("no key");
        String what = a.kind() == AudioAnalysis.Kind.PITCHED ? a.notes().size() + " notes" : a.drumHits().size() + " drum hits";
        String octave = a.tempo().octave().alternativeBpm().isPresent()
                ? String.format(Locale.ROOT, " (%s; or %s BPM, %.0f%%)", a.tempo().octave().rhythm().label(), s.bpmAlternative(),
                        100 * a.tempo().octave().alternativeConfidence())
                : "";
        return String.format(Locale.ROOT, "%s: %s BPM%s (confidence %.2f), first beat %.3f s, first downbeat %.3f s, %d bars, %.2f s, %s, %s, "
                + "%d onsets, %s", a.file(), s.bpm(), octave, a.tempo().confidence(), a.tempo().firstBeatSeconds(),
                a.tempo().downbeat().firstSeconds(), a.tempo().bars(), a.seconds(), key, a.kind().label(), a.onsets(), what);
    }
}
