package loopsmith.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import loopsmith.generate.Density;
import loopsmith.generate.PromptExplanation;
import loopsmith.generate.PromptTags;
import loopsmith.generate.TextPrompt;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.service.GenerateService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "prompt", description = "Free-text prompts: see how a prompt is read before generating from it.",
        subcommands = {PromptCommand.Explain.class})
final class PromptCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "explain", description = "Show the tags a prompt is read as: genre, style, mood, tempo, key, meter, bars, "
            + "roles, instruments, density, the words not understood, and which values are genre defaults.",
            footerHeading = "%nExamples:%n", footer = {
                "  ./loopsmith prompt explain \"funky house beat at 124 bpm in A minor with a slap bass\"",
                "  ./loopsmith prompt explain \"lo-fi hip hop with rhodes, 4 bars\" --json"})
    static final class Explain implements Callable<Integer> {
        @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The prompt; several words are joined with spaces.")
        List<String> words;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Option(names = "--model", paramLabel = "MODEL", description = "The model generate would use (default: models/default.ckpt): a "
                + "model plays a part on the instrument its data played it on most where that data rarely or never played the genre's usual one.")
        java.nio.file.Path model;

        @Override
        public Integer call() {
            String text = String.join(" ", words);
            PromptTags tags = TextPrompt.parse(text);
            List<GenerateService.Part> parts = GenerateService.parts(tags, java.util.Optional.ofNullable(model), Home.path());
            PrintStream out = System.out;
            if (json) {
                Map<String, Object> doc = new ObjectMapper().convertValue(PromptExplanation.of(tags), new TypeReference<LinkedHashMap<String, Object>>() { });
                doc.put("parts", parts.stream().map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("role", p.role().label());
                    m.put("program", p.role() == Role.DRUMS ? null : p.program());
                    m.put("instrument", instrument(p));
                    m.put("from", p.from().name().toLowerCase(Locale.ROOT));
                    return m;
                }).toList());
                out.println(Json.of(doc));
                return 0;
            }
            out.printf(Locale.ROOT, "prompt: %s%n", text);
            row(out, "genre", tags.genre().orElse("-"), false);
            row(out, "style", tags.style().orElse("-"), false);
            row(out, "mood", tags.mood().orElse("-"), false);
            String tempo = tags.bpm().isPresent() ? PromptExplanation.bpmNumber(tags.bpm().getAsDouble()) + " BPM" : "-";
            if (!tags.tempoFrom().isEmpty()) tempo += "  (from: " + String.join(", ", tags.tempoFrom()) + ")";
            row(out, "tempo", tempo, tags.defaulted().contains(PromptTags.BPM));
            row(out, "key", tags.key().map(Key::displayName).orElse("-"), tags.defaulted().contains(PromptTags.KEY));
            row(out, "time signature", tags.timeSignature().map(TimeSignature::toString).orElse("-"),
                    tags.defaulted().contains(PromptTags.TIME_SIGNATURE));
            row(out, "bars", tags.bars().isPresent() ? Integer.toString(tags.bars().getAsInt()) : "-",
                    tags.defaulted().contains(PromptTags.BARS));
            row(out, "roles", tags.roles().stream().map(Role::label).collect(Collectors.joining(", ")),
                    tags.defaulted().contains(PromptTags.ROLES));
            row(out, "instruments", tags.instruments().isEmpty() ? "-" : tags.instruments().entrySet().stream()
                    .map(e -> e.getKey().label() + ": " + GeneralMidi.programName(e.getValue()) + " (program " + e.getValue() + ")")
                    .collect(Collectors.joining(", ")), false);
            row(out, "played on", parts.stream().map(p -> p.role().label() + ": " + instrument(p) + switch (p.from()) {
                case PROMPT -> "";
                case GENRE -> " (the genre's usual)";
                case LIBRARY -> " (what the model's data played it on)";
            }).collect(Collectors.joining(", ")), false);
            row(out, "density", tags.density().map(Density::label).orElse("-"), false);
            row(out, "feel", tags.feel().orElse("-"), false);
            row(out, "not understood", tags.unparsed().isEmpty() ? "-" : String.join(", ", tags.unparsed()), false);
            return 0;
        }

        private static String instrument(GenerateService.Part p) {
            return p.role() == Role.DRUMS ? "drum kit" : GeneralMidi.programName(p.program());
        }

        private static void row(PrintStream out, String name, String value, boolean defaulted) {
            out.printf(Locale.ROOT, "  %-15s %s%s%n", name, value, defaulted ? "  (genre default)" : "");
        }
    }

}
