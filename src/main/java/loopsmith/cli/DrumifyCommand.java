package loopsmith.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import loopsmith.audio.WavReader;
import loopsmith.export.ExportConfig;
import loopsmith.service.DrumifyOptions;
import loopsmith.service.DrumifyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "drumify", description = "A drum part that follows any clip's rhythm: MIDI of any instrument (its notes) or audio (its onsets), "
        + "written by the model for a genre; every onset gets a hit, the strong ones a kick or snare. Writes a result folder for Live.",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith drumify bassline.mid --genre funk",
            "  ./loopsmith drumify melody.mid --genre house --bars 4 --seed 7",
            "  ./loopsmith drumify guitar-loop.wav --genre rock           its onsets and tempo, from the audio",
            "  ./loopsmith drumify riff.mid --genre trap --split-drums     kick, snare, hats … on their own tracks"})
final class DrumifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CLIP", description = "A MIDI file (.mid) or an audio clip (.wav, .aif, .aiff, .flac).")
    Path clip;

    @Option(names = "--genre", description = "The genre of the drums (default: the model's choice).") String genre;
    @Option(names = "--seed", description = "Same seed, same result; without it one is chosen and reported.") Long seed;
    @Option(names = "--bars", description = "Bars of the clip to follow, 1 to 32 (default: the clip's, at most "
            + DrumifyService.DEFAULT_MAX_BARS + ").") Integer bars;
    @Option(names = "--candidates", defaultValue = "" + DrumifyService.DEFAULT_CANDIDATES,
            description = "Drum parts the model writes to choose from (default: ${DEFAULT-VALUE}).") int candidates;
    @Option(names = "--model", description = "A model file or training run (default: the bundled model).") Path model;
    @Option(names = "--out", defaultValue = "out", description = "Folder for result folders (default: ${DEFAULT-VALUE}).") Path out;
    @Option(names = "--no-audio", description = "Write MIDI only (no WAV stems).") boolean noAudio;
    @Option(names = "--split-drums", description = "Also write the drums as Kick, Snare, Hats, Toms, Cymbals and Percussion parts.") boolean splitDrums;
    @Option(names = "--json", description = "Print the outcome as one JSON document.") boolean json;

    @Override
    public Integer call() {
        ExportConfig export = (noAudio ? ExportConfig.midiOnly() : ExportConfig.defaults()).withSplitDrums(splitDrums);
        DrumifyOptions options = new DrumifyOptions(clip, Optional.ofNullable(genre), Optional.ofNullable(seed), Optional.ofNullable(bars),
                Optional.ofNullable(model), out, export, candidates);
        DrumifyService.Outcome o = new DrumifyService(Home.path(),
                Clock.systemDefaultZone(), Version.current(), WavReader.MAX_SECONDS).drumify(options);
        DrumifyService.Drumified d = o.drumified();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("folder", o.folder().toString());
            doc.put("genre", d.genre().orElse(null));
            doc.put("bpm", d.piece().initialBpm());
            doc.put("bars", d.piece().lengthBars());
            doc.put("onsets", d.result().onsets());
            doc.put("covered_by_model", d.own().covered());
            doc.put("covered", d.result().covered());
            doc.put("strong_onsets", d.result().strong());
            doc.put("strong_with_kick_or_snare", d.result().strongWithKickOrSnare());
            doc.put("added_hits", d.added());
            doc.put("kick_snare_on_onsets", d.result().kickSnareOnOnsets());
            doc.put("kick_snare_hits", d.result().kickSnareHits());
            doc.put("idiom_holds", d.idiom().orElse(null));
            doc.put("warnings", o.warnings());
            doc.put("seconds", Math.round(o.seconds() * 100) / 100.0);
            System.out.println(Json.of(doc));
            return 0;
        }
        o.warnings().forEach(w -> System.err.println("warning: " + w));
        System.out.println(o.folder());
        System.err.printf(Locale.ROOT, "%d of %d onsets carry a drum hit (%d by the model, %d added), %d of %d strong ones a kick or snare; "
                + "%s idiom: %s; %.1f s%n", d.result().covered(), d.result().onsets(), d.own().covered(), d.added(),
                d.result().strongWithKickOrSnare(), d.result().strong(), d.genre().orElse("no genre"),
                d.idiom().map(ok -> ok ? "holds" : "does not hold").orElse("not judged"), o.seconds());
        return 0;
    }
}
