package loopsmith.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "loopsmith", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpWidth = 120,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Learns your style from your own library and makes new drums, bass, chords and melodies for Ableton Live.",
        subcommands = {InspectCommand.class, CorpusCommand.class, IngestCommand.class, TrainCommand.class, LearnCommand.class, GenerateCommand.class, PromptCommand.class, AnalyzeCommand.class, GrooveCommand.class, DrumifyCommand.class, InterpolateCommand.class, TokenizeCommand.class, DetokenizeCommand.class, EvalCommand.class, BenchCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./loopsmith generate \"funk beat at 100 bpm in E minor with piano chords\"   an idea folder for Live",
            "  ./loopsmith prompt explain \"dark techno 132 bpm, 16 bars\" --json      how a prompt is read",
            "  ./loopsmith ingest ~/Music/MIDI --out datasets/mine        a tokenized dataset and a report",
            "  ./loopsmith learn ~/Music/MIDI --out models/mine.ckpt       your style in minutes, from the bundled model",
            "  ./loopsmith train --dataset datasets/mine --out runs/mine  train a model from scratch (CPU)",
            "  ./loopsmith inspect song.mid --json                        tracks, roles, tempo, key, bars, warnings",
            "  ./loopsmith analyze loop.wav --json                       tempo, key, bars and drum hits of audio",
            "  ./loopsmith groove beat.mid --amount 0.8 --genre funk       a quantized drum clip played by a human drummer's feel",
            "  ./loopsmith drumify bassline.mid --genre funk               a drum part that follows the clip's rhythm",
            "  ./loopsmith tokenize song.mid --out t.txt                  one token per line (detokenize: back)",
            "  ./loopsmith bench parse --json                             speed next to a reference program",
            "  ./loopsmith serve                                          web page, HTTP and OSC API on 127.0.0.1"})
public final class LoopsmithCommand implements Runnable {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The configured command line: one exception handler maps every error to a line and an exit code. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LoopsmithCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        ConfigFile.apply(cl);
        return cl;
    }
}
