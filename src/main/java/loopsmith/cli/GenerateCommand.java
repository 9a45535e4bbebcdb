package loopsmith.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import loopsmith.generate.SamplingConfig;
import loopsmith.music.Key;
import loopsmith.service.GenerateInput;
import loopsmith.service.GenerateOptions;
import loopsmith.service.GenerateService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", description = "Make new parts from a prompt, tags or a MIDI seed; writes a folder per idea for Ableton Live.",
        footerHeading = "%nExamples:%n", footer = {
            "  ./loopsmith generate \"funky house beat at 124 bpm in A minor with a slap bass\"",
            "  ./loopsmith generate --genre trap --bpm 140 --key F#m --bars 8 --roles drums,bass --seed 7",
            "  ./loopsmith generate --seed-midi drums.mid --mode accompany --roles bass,chords",
            "  ./loopsmith generate --audio drum-loop.wav --roles bass,chords     parts in time and in key with the clip",
            "  ./loopsmith generate --audio drum-loop.wav --feel-from-audio       ... and played in the clip's groove",
            "  ./loopsmith generate --seed-midi idea.mid --mode continue --bars 4",
            "  ./loopsmith generate --seed-midi idea.mid --mode vary --vary-bars 5-8 --tracks bass",
            "  ./loopsmith generate --seed-midi idea.mid --mode infill --vary-bars 3-4     fill bars 3-4 of every part",
            "  ./loopsmith generate \"boom bap\" --swing 62 --density sparse                 swung 16ths, few notes",
            "  ./loopsmith generate \"funk drums\" --feel human                              played like a drummer",
            "  ./loopsmith generate \"house beat\" --split-drums                              kick, snare, hats … on their own tracks"})
final class GenerateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "What you want, in words (genre, mood, tempo, key, bars, parts).")
    List<String> text = new ArrayList<>();

    @Option(names = "--out", defaultValue = "out", description = "Folder for result folders (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--model", description = "A model file or training run (default: the bundled model).")
    Path model;

    @Option(names = "--genre") String genre;
    @Option(names = "--style") String style;
    @Option(names = "--mood") String mood;
    @Option(names = "--bpm") Double bpm;
    @Option(names = "--key", description = "e.g. Am, F# major") String key;
    @Option(names = "--timesig", description = "e.g. 4/4, 6/8") String timesig;
    @Option(names = "--bars", description = "1 to 32; with --mode continue, how many bars to add") Integer bars;

    @Option(names = "--roles", split = ",", description = "Parts to make: drums,bass,chords,melody,pad") List<String> roles;

    @Option(names = "--tracks", split = ",", description = "With --mode vary: the parts to regenerate (default: all).")
    List<String> tracks;

    @Option(names = "--in-key", description = "strict, soft or off (default: soft).")
    String inKey;

    // Sampling defaults are SamplingConfig's, shown in the help from there.
    @Option(names = "--temperature", description = "0 = greedy (default: ${DEFAULT-VALUE}).")
    double temperature = SamplingConfig.defaults().temperature();
    @Option(names = "--top-k", description = "0 = off (default: ${DEFAULT-VALUE}).") int topK = SamplingConfig.defaults().topK();
    @Option(names = "--top-p", description = "Nucleus sampling; 1 = off (default: ${DEFAULT-VALUE}).")
    double topP = SamplingConfig.defaults().topP();
    @Option(names = "--guidance", description = "Classifier-free guidance on the genre: above 1 steers harder toward it, at twice the cost; 1 = off (default: ${DEFAULT-VALUE}).")
    double guidance = SamplingConfig.defaults().guidance();
    @Option(names = "--min-p", description = "Min-p sampling: drop tokens less likely than this share of the likeliest (a drum hit: its kit piece, all velocities together); 0 = off (default: the model's; a model made by learn: 0, the bundled one: " + SamplingConfig.DEFAULT_MIN_P + ").")
    Double minP;

    @Option(names = "--seed", description = "Same seed, same result; without it one is chosen and reported.") Long seed;

    @Option(names = "--variations", description = "Sibling results, seeds seed..seed+N-1 (default: 1).")
    Integer variations;

    @Option(names = "--seed-midi", description = "A MIDI file to continue, accompany or vary.") Path seedMidi;

    @Option(names = "--audio", paramLabel = "CLIP", description = "An audio clip (WAV, AIFF, FLAC): its tempo, key, bars and transcribed groove steer the parts.")
    Path audio;

    @Option(names = "--feel-from-audio", description = "With --audio: play the new parts in the clip's groove (its timing "
            + "and accents per sixteenth) instead of the model's feel.")
    boolean feelFromAudio;

    @Option(names = "--mode", description = "new, continue, accompany, vary or infill (default: new; with --seed-midi, accompany).")
    String mode;

    @Option(names = "--vary-bars", description = "With --mode vary or infill: bars to regenerate, e.g. 5-8; the model hears the bars after them too.")
    String varyBars;

    @Option(names = "--density", description = "sparse, medium or busy: how many notes every new part plays (default: the text's word, else the model's choice).")
    String density;

    @Option(names = "--swing", description = "Off-beat placement in percent, 50-75 (66 = triplet shuffle), or 0 for straight (default: the model's choice for the genre).")
    Double swing;

    @Option(names = "--feel", paramLabel = "human|tight", description = "human: performed, with a player's timing and dynamics; tight: programmed on the grid (default: the text's word, else the model's choice).")
    String feel;

    @Option(names = "--quantize", description = "Snap onsets to this many steps per quarter note (4 = 16ths), removing micro-timing; 0 keeps it (default: 0).")
    Integer quantize;

    @Option(names = "--json", description = "Print the outcome as one JSON document.") boolean json;

    @Option(names = "--no-audio", description = "Write MIDI only (no WAV stems).") boolean noAudio;
    @Option(names = "--sample-rate", defaultValue = "44100", description = "44100 or 48000 (default: ${DEFAULT-VALUE}).") int sampleRate;
    @Option(names = "--bits", defaultValue = "24", description = "24 or 16 (default: ${DEFAULT-VALUE}).") int bits;
    @Option(names = "--tail", description = "Also write each stem's release tail as <Stem>_tail.wav.") boolean tail;
    @Option(names = "--soundfont", description = "A General MIDI SoundFont (.sf2) to render with.") Path soundfont;
    @Option(names = "--kit", description = "A folder of your drum samples (kick.wav, snare.wav, hat.wav, …) for the drum stem.") Path kit;
    @Option(names = "--split-drums", description = "Also write the drums as Kick, Snare, Hats, Toms, Cymbals and Percussion parts (MIDI and stems), one Live track each.")
    boolean splitDrums;

    @Override
    public Integer call() {
        GenerateOptions options = GenerateInput.into(out)
                .text(text.isEmpty() ? null : String.join(" ", text)).genre(genre).style(style).mood(mood).bpm(bpm).key(key)
                .timesig(timesig).bars(bars).roles(varies() ? tracks : roles).inKey(inKey).temperature(temperature)
                .topK(topK).topP(topP).minP(minP).guidance(guidance).seed(seed).variations(variations).seedMidi(seedMidi)
                .audio(audio).feelFromAudio(feelFromAudio).mode(mode).varyBars(varyBars).density(density).swing(swing)
                .quantize(quantize).feel(feel).model(model)
                .export(new loopsmith.export.ExportConfig(!noAudio, sampleRate, bits, tail, Optional.ofNullable(soundfont), Optional.ofNullable(kit), splitDrums))
                .resolve();
        GenerateService.Outcome o = new GenerateService(Home.path(),
                Clock.systemDefaultZone(), Version.current()).generate(options);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("folders", o.folders().stream().map(Path::toString).toList());
            doc.put("seed", o.request().seed());
            doc.put("bpm", o.request().bpm());
            doc.put("key", o.request().key().map(Key::displayName).orElse(null));
            doc.put("bars", o.request().bars());
            doc.put("warnings", o.warnings());
            doc.put("seconds", Math.round(o.seconds() * 100) / 100.0);
            System.out.println(Json.of(doc));
            return 0;
        }
        o.warnings().forEach(w -> System.err.println("warning: " + w));
        for (Path f : o.folders()) {
            System.out.println(f);
            try (var files = java.nio.file.Files.list(f)) {
                files.map(p -> p.getFileName().toString()).sorted().forEach(n -> System.out.println("  " + n));
            } catch (java.io.IOException e) {
                throw new loopsmith.music.LoopsmithException(f, "cannot list result: " + e.getMessage(), e);
            }
        }
        System.err.printf(Locale.ROOT, "seed %d, %s BPM, %s, %d bars, %.1f s%n", o.request().seed(), trim(o.request().bpm()),
                o.request().key().map(Key::displayName).orElse("no key"), o.request().bars(), o.seconds());
        return 0;
    }

    /** --tracks is the roles field in vary mode, --roles in the others. */
    private boolean varies() {
        return mode != null && mode.trim().equalsIgnoreCase("vary");
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString(Math.round(v)) : Double.toString(v);
    }
}
