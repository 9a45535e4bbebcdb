package loopsmith.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import loopsmith.music.LoopsmithException;
import loopsmith.service.GrooveService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "groove", description = "Humanize a quantized drum clip: every hit kept (pitch, order, count), played with the micro-timing "
        + "and velocities of the nearest bars of real drummers (a groove model learned from the Groove MIDI Dataset, or from your "
        + "own performances with --learn). Not random jitter.",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith groove beat.mid                               out/beat_grooved.mid, fully grooved",
            "  ./loopsmith groove beat.mid --amount 0.5 --genre funk --seed 7 --out beat_funky.mid",
            "  ./loopsmith groove beat.mid --model models/mine-groove.json.gz     your own drummer's feel",
            "  ./loopsmith groove --learn ~/Music/LiveDrums --out models/mine-groove.json.gz",
            "  ./loopsmith groove --learn ../shared/corpus/groove --split ../shared/corpus/groove/info.csv --out g.json.gz"})
final class GrooveCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CLIP.mid", arity = "0..1", description = "The drum clip to groove (a track on channel 10 or named as drums).")
    Path clip;

    @Option(names = "--amount", defaultValue = "" + GrooveService.DEFAULT_AMOUNT, description = "0..1: how far hits move toward the learned timing and velocity; "
            + "0 leaves the clip as it is (default: ${DEFAULT-VALUE}).")
    double amount;

    @Option(names = "--genre", paramLabel = "G", description = "Draw the feel from this genre's bars (funk, rock, jazz, hip hop, latin…; "
            + "default: every genre).")
    String genre;

    @Option(names = "--seed", description = "Same seed, same result; without it one is chosen and reported.")
    Long seed;

    @Option(names = "--model", paramLabel = "GROOVE_FILE", description = "A groove model (default: " + GrooveService.DEFAULT_MODEL + ").")
    Path model;

    @Option(names = "--out", paramLabel = "FILE_OR_DIR", description = "Where to write: a .mid file, or a folder for CLIP_grooved.mid "
            + "(default: out/); with --learn, the model file to write.")
    Path out;

    @Option(names = "--learn", paramLabel = "DIR", description = "Learn a groove model from the drum parts of the MIDI files in DIR "
            + "(performed, played to a click) and write it to --out.")
    Path learn;

    @Option(names = "--split", paramLabel = "CSV", description = "With --learn: learn only from the files this CSV (columns path or "
            + "midi_filename, and split) puts in the train split, as Groove's info.csv does.")
    Path split;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        Path home = Home.path();
        if (learn != null) return learn();
        if (clip == null) throw new LoopsmithException(null, "groove needs a CLIP.mid to groove, or --learn DIR (see --help)");
        GrooveService.Request request = new GrooveService.Request(amount, Optional.ofNullable(genre), Optional.ofNullable(seed),
                Optional.ofNullable(model));
        GrooveService.Written w = new GrooveService(home).grooveFile(clip, request, out != null ? out : Path.of("out"));
        w.grooved().warnings().forEach(x -> System.err.println("warning: " + x));
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", w.file().toString());
            doc.put("hits", w.grooved().hits());
            doc.put("amount", amount);
            doc.put("genre", w.grooved().genre().orElse(null));
            doc.put("seed", w.grooved().seed());
            doc.put("warnings", w.grooved().warnings());
            System.out.println(Json.of(doc));
        } else {
            System.out.printf("%s  (%d hits grooved, seed %d%s)%n", w.file(), w.grooved().hits(), w.grooved().seed(),
                    w.grooved().genre().map(g -> ", " + g + " feel").orElse(""));
        }
        return 0;
    }

    private int learn() {
        if (clip != null) throw new LoopsmithException(clip, "give either a CLIP.mid to groove or --learn DIR, not both");
        if (out == null) throw new LoopsmithException(learn, "--learn needs --out FILE for the model");
        GrooveService.Learned l = GrooveService.learn(learn, Optional.ofNullable(split), out);
        for (String s : l.skipped()) System.err.println("skipped: " + s);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", l.model().toString());
            doc.put("files", l.files());
            doc.put("held_out", l.heldOut());
            doc.put("bars", l.bars());
            doc.put("hits", l.hits());
            doc.put("genres", l.genres());
            doc.put("skipped", l.skipped());
            System.out.println(Json.of(doc));
        } else {
            System.out.printf("%s: %d bars, %d hits from %d files (%d held out; %d skipped); genres: %s%n", l.model(), l.bars(), l.hits(),
                    l.files(), l.heldOut(), l.skipped().size(), l.genres().isEmpty() ? "none labelled" : String.join(", ", l.genres()));
        }
        return 0;
    }
}
