package loopsmith.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import loopsmith.eval.ClipSimilarity;
import loopsmith.export.ExportConfig;
import loopsmith.generate.Interpolation;
import loopsmith.music.Role;
import loopsmith.service.InterpolateOptions;
import loopsmith.service.InterpolateService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "interpolate", description = "Clips that move from clip A to clip B of the same part (drums, bass, chords, melody) in even "
        + "steps: the first is A, the last is B, each step nearer B. The notes both play stay; A's leave and B's arrive in the order "
        + "the model hears as least and most essential, so the middle keeps the backbone of both. Writes a result folder: the steps "
        + "one after another as one clip (Interpolation) and each step as its own MIDI file.",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith interpolate verse-beat.mid chorus-beat.mid                5 clips, verse to chorus",
            "  ./loopsmith interpolate bass-a.mid bass-b.mid --steps 8 --no-audio",
            "  ./loopsmith interpolate song-a.mid song-b.mid --part bass --genre house   one part of multitrack files"})
final class InterpolateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A.mid", description = "The clip to start from.") Path clipA;
    @Parameters(index = "1", paramLabel = "B.mid", description = "The clip to arrive at: the same part, as many bars.") Path clipB;

    @Option(names = "--steps", defaultValue = "" + Interpolation.DEFAULT_STEPS, description = "Clips from A to B, both included, "
            + Interpolation.MIN_STEPS + " to " + Interpolation.MAX_STEPS + " (default: ${DEFAULT-VALUE}).") int steps;
    @Option(names = "--part", description = "Which part of each file, when a file holds several: drums, bass, chords, pad, melody…") String part;
    @Option(names = "--genre", description = "Judge the in-betweens by this genre's style (a genre the model knows; default: none).") String genre;
    @Option(names = "--seed", description = "Breaks ties between notes the model scores alike; without it one is chosen and reported.") Long seed;
    @Option(names = "--model", description = "A model file or training run (default: the bundled model).") Path model;
    @Option(names = "--out", defaultValue = "out", description = "Folder for result folders (default: ${DEFAULT-VALUE}).") Path out;
    @Option(names = "--no-audio", description = "Write MIDI only (no WAV stem).") boolean noAudio;
    @Option(names = "--json", description = "Print the outcome as one JSON document.") boolean json;

    @Override
    public Integer call() {
        Optional<Role> role = InterpolateOptions.part(part);
        InterpolateOptions options = new InterpolateOptions(clipA, clipB, steps, role, Optional.ofNullable(genre), Optional.ofNullable(seed),
                Optional.ofNullable(model), out, noAudio ? ExportConfig.midiOnly() : ExportConfig.defaults());
        InterpolateService.Outcome o = new InterpolateService(Home.path(),
                Clock.systemDefaultZone(), Version.current()).interpolate(options);
        InterpolateService.Interpolated r = o.interpolated();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("folder", o.folder().toString());
            doc.put("steps", steps);
            doc.put("shared_notes", r.result().shared());
            doc.put("notes_only_in_a", r.result().onlyA());
            doc.put("notes_only_in_b", r.result().onlyB());
            doc.put("order", r.modelJudged() ? "model" : "metric");
            doc.put("similarity_to_a", overall(r.toA()));
            doc.put("similarity_to_b", overall(r.toB()));
            doc.put("seed", r.seed());
            doc.put("warnings", r.warnings());
            doc.put("seconds", Math.round(o.seconds() * 100) / 100.0);
            System.out.println(Json.of(doc));
            return 0;
        }
        r.warnings().forEach(w -> System.err.println("warning: " + w));
        System.out.println(o.folder());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < r.toB().size(); i++)
            line.append(String.format(Locale.ROOT, "%s%.2f", i == 0 ? "" : " → ", r.toB().get(i).overall()));
        System.err.printf(Locale.ROOT, "%d steps: %d notes shared, %d leave A, %d arrive from B, ordered by the %s; similarity to B: %s; %.1f s%n",
                steps, r.result().shared(), r.result().onlyA(), r.result().onlyB(), r.modelJudged() ? "model" : "beat", line, o.seconds());
        return 0;
    }

    private static List<Double> overall(List<ClipSimilarity.Similarity> s) {
        return s.stream().map(x -> Math.round(x.overall() * 1000) / 1000.0).toList();
    }
}
