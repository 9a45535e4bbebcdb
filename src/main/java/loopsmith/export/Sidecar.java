package loopsmith.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loopsmith.audio.AudioAnalysis;
import loopsmith.format.TypedJson;
import loopsmith.generate.PromptExplanation;
import loopsmith.model.Gpt;
import loopsmith.music.AtomicFiles;
import loopsmith.music.LoopsmithException;

/**
 * loopsmith.json, format {@value #FORMAT} version {@value #VERSION}: enough to know what a result is and to make it
 * again. {@code request} holds what the tool was asked (for generate the prompt, the tags as parsed and every
 * setting); {@code model} names the model file and its SHA-256; {@code generation} holds the tool's figures on how the
 * result was made. {@code drumParts} is present when the drums were split ({@link ExportConfig#splitDrums()}).
 *
 * <p>{@link AbletonExport} writes it only through {@link #write} and the server reads it only through {@link #read},
 * so its keys are spelled once, here. People, their scripts and the web page read the file too, so the keys are
 * those it has always had: camelCase at the top, snake_case inside the sections. Which tool wrote it is
 * {@code request.tool} ({@code drumify}, {@code interpolate}); generate, the first tool, writes none.
 *
 * <p>Sidecars written before the format was named have no {@code format} and {@code version}; they have the same
 * keys and are read as version 1. The top-level facts have been in every sidecar and are required. Inside the
 * sections every field is boxed: one a sidecar was written without (fields were added as the tools grew) reads as
 * null, not recorded, never as 0.
 *
 * @param format   always {@link #FORMAT}
 * @param version  1 to {@link #VERSION}; a newer one is refused
 * @param key      the key's display name ("A minor"); null for a piece without one
 * @param files    every file of the folder, the sidecar included
 * @param warnings what the export had to say (a SoundFont fell back, …); absent from the first sidecars, read as none
 */
public record Sidecar(@JsonProperty(required = true) String format,
                      @JsonProperty(required = true) int version,
                      @JsonProperty(required = true) String loopsmithVersion,
                      @JsonProperty(required = true) String created,
                      @JsonProperty(required = true) @JsonDeserialize(using = RequestBinder.class) Request request,
                      @JsonProperty(required = true) ModelInfo model,
                      @JsonProperty(required = true) long seed,
                      @JsonProperty(required = true) double bpm,
                      @JsonProperty(required = true) String key,
                      @JsonProperty(required = true) String timeSignature,
                      @JsonProperty(required = true) int bars,
                      @JsonProperty(required = true) List<TrackEntry> tracks,
                      @JsonProperty(required = true) List<String> files,
                      @JsonProperty(required = true) @JsonDeserialize(using = GenerationBinder.class) Generation generation,
                      List<String> warnings,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<DrumPartEntry> drumParts) {
    public static final String FILE_NAME = "loopsmith.json";
    public static final String FORMAT = "loopsmith-result";
    public static final int VERSION = 1;
    /** Sidecars from before the format was named carry neither field and are version 1. */
    private static final TypedJson.Format VERSIONS = new TypedJson.Format(FORMAT, "result sidecar", VERSION, 1, "update Loopsmith");

    public Sidecar {
        if (!FORMAT.equals(format)) throw new IllegalArgumentException("format is '" + format + "', not '" + FORMAT + "'");
        if (version < 1 || version > VERSION) throw new IllegalArgumentException("version " + version + " is not 1 to " + VERSION);
        TypedJson.required(request, "request");
        TypedJson.required(model, "model");
        TypedJson.required(generation, "generation");
        if (request.tool() != generation.tool())
            throw new IllegalArgumentException("request is " + request.tool().label() + "'s, generation " + generation.tool().label() + "'s");
        tracks = List.copyOf(TypedJson.required(tracks, "tracks"));
        files = List.copyOf(TypedJson.required(files, "files"));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        drumParts = copy(drumParts);
    }

    public record TrackEntry(@JsonProperty(required = true) String name,
                             @JsonProperty(required = true) String role,
                             @JsonProperty(required = true) String instrument,
                             @JsonProperty(required = true) int program,
                             @JsonProperty(required = true) boolean drums,
                             @JsonProperty(required = true) int notes,
                             @JsonProperty(required = true) String file) { }

    /**
     * One pad group of a split drum part. Every group is listed; one without notes has no files ({@code midi} and
     * {@code wav} null), so Live gets no empty clip.
     *
     * @param group lower case: kick, snare, hats, toms, cymbals, percussion
     * @param from  the drum track it was cut from
     * @param wav   null also when no stems were rendered
     */
    public record DrumPartEntry(@JsonProperty(required = true) String name,
                                @JsonProperty(required = true) String group,
                                @JsonProperty(required = true) String from,
                                @JsonProperty(required = true) int notes,
                                @JsonProperty(required = true) String midi,
                                @JsonProperty(required = true) String wav) { }

    /**
     * The model a result came from.
     *
     * @param file as given when relative, else relative to the installation or by name alone: a sidecar travels in
     *             zips and through the server, and an absolute path would tell whoever reads it the user's folders
     */
    public record ModelInfo(String file, String sha256, Gpt.Config config) { }

    /** The tools that write result folders, as {@code request.tool} names them. */
    public enum Tool {
        GENERATE(GenerateRequest.class, GenerateFigures.class),
        DRUMIFY(DrumifyRequest.class, DrumifyFigures.class),
        INTERPOLATE(InterpolateRequest.class, InterpolateFigures.class);

        private final Class<? extends Request> request;
        private final Class<? extends Generation> generation;

        Tool(Class<? extends Request> request, Class<? extends Generation> generation) {
            this.request = request;
            this.generation = generation;
        }

        @JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the tool was asked. */
    public sealed interface Request permits GenerateRequest, DrumifyRequest, InterpolateRequest {
        Tool tool();

        /** The genre asked for or found; null when none. */
        String genre();
    }

    /** The tool's figures on how the result was made. */
    public sealed interface Generation permits GenerateFigures, DrumifyFigures, InterpolateFigures {
        Tool tool();
    }

    /**
     * What generate was asked: the prompt, its tags as parsed, and every setting as the request resolved it.
     *
     * @param parsed   what the prompt's text said ({@code prompt explain} shows the same)
     * @param mode     new, continue, accompany, vary or infill
     * @param seedMidi the seed MIDI file's name; null when none
     * @param tracks   one {@code role:program} per part, in order
     * @param inKey    strict, soft or off
     * @param quantize steps per quarter note onsets were snapped to; 0 when left as played
     * @param seed     of this idea (variation i of a request has its seed + i)
     * @param audio    the clip whose tempo, key, bars and groove steered the parts ({@code --audio}); not written without one
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GenerateRequest(String text, PromptExplanation parsed, String mode, String seedMidi, String genre, String style,
                                  String mood, Double bpm, String key, String timeSignature, Integer bars, List<String> tracks,
                                  String inKey, String density, Double swingPercent, String feel, Integer quantize,
                                  Double temperature, Integer topK, Double topP, Double guidance, Double minP, Long seed,
                                  Integer variations, @JsonInclude(JsonInclude.Include.NON_NULL) AudioAnalysis.Summary audio)
            implements Request {
        public GenerateRequest {
            tracks = copy(tracks);
        }

        @Override
        public Tool tool() {
            return Tool.GENERATE;
        }
    }

    /**
     * What Drumify was asked.
     *
     * @param clip     the clip's file name
     * @param clipKind midi or audio
     * @param audio    the analysis of an audio clip; not written for a MIDI clip
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"tool"})
    public record DrumifyRequest(String clip, String clipKind, String genre, Integer bars, Double bpm, Long seed, Integer candidates,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) AudioAnalysis.Summary audio) implements Request {
        @Override
        @JsonProperty("tool")
        public Tool tool() {
            return Tool.DRUMIFY;
        }
    }

    /**
     * What Interpolate was asked.
     *
     * @param clipA the file name of the clip it starts from, {@code clipB} that of the one it arrives at
     * @param part  the role of the part taken from each
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"tool"})
    public record InterpolateRequest(String clipA, String clipB, String part, Integer steps, Long barsPerStep, String genre, Long seed)
            implements Request {
        @Override
        @JsonProperty("tool")
        public Tool tool() {
            return Tool.INTERPOLATE;
        }
    }

    /**
     * How generate made the idea.
     *
     * @param swing       the swing the model wrote, as its token reads ("straight" when none)
     * @param droppedTags tags left out because the model cannot use them (warned about)
     * @param drumIdiom   how the genre's drum idiom was kept; not written when no genre's idiom was checked
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GenerateFigures(Integer sampledTokens, Integer forcedTokens, Integer windowSlides, Integer barsClosedEarly,
                                  String swing, List<String> droppedTags,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) DrumIdiom drumIdiom, List<String> warnings)
            implements Generation {
        public GenerateFigures {
            droppedTags = copy(droppedTags);
            warnings = copy(warnings);
        }

        @Override
        public Tool tool() {
            return Tool.GENERATE;
        }
    }

    /**
     * @param holds            whether the drum part kept holds the genre's idiom (else the first was kept)
     * @param drumPartsWritten drum parts the model wrote to choose from
     * @param drumsSeed        the seed of the drum part kept
     * @param barsRewritten    bars (0-based) of the kept part the model wrote again as infill so that it holds the idiom;
     *                         empty, and left out of the file, when the part was kept as written
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DrumIdiom(String genre, Boolean holds, Integer drumPartsWritten, Long drumsSeed,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> barsRewritten) {
        public DrumIdiom {
            barsRewritten = barsRewritten == null ? List.of() : List.copyOf(barsRewritten);
        }
    }

    /**
     * How Drumify followed the clip: its onsets, how many the drums cover (the model's part alone, then with the hits
     * Drumify added), and the candidate chosen.
     *
     * @param idiomHolds null when no genre was asked
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DrumifyFigures(Integer onsets, Integer strongOnsets, Integer coveredByModel, Integer covered,
                                 Integer strongWithKickOrSnare, Integer kickSnareOnOnsets, Integer kickSnareHits, Integer addedHits,
                                 Long chosenSeed, Boolean chosenHeardClip, Boolean idiomHolds, List<String> warnings)
            implements Generation {
        public DrumifyFigures {
            warnings = copy(warnings);
        }

        @Override
        public Tool tool() {
            return Tool.DRUMIFY;
        }
    }

    /**
     * How Interpolate went from A to B.
     *
     * @param order          "model" when the model ordered the edits, "metric" when the similarity backbone did
     * @param similarityToA  per step, its similarity to A; {@code similarityToB} to B
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InterpolateFigures(Integer sharedNotes, Integer notesOnlyInA, Integer notesOnlyInB, String order,
                                     List<Similarity> similarityToA, List<Similarity> similarityToB, List<String> warnings)
            implements Generation {
        public InterpolateFigures {
            similarityToA = copy(similarityToA);
            similarityToB = copy(similarityToB);
            warnings = copy(warnings);
        }

        @Override
        public Tool tool() {
            return Tool.INTERPOLATE;
        }
    }

    /** One step's similarity to a clip, 0 to 1, rounded for reading. */
    public record Similarity(Double rhythm, Double pitch, Double notes) { }

    /** Writes the sidecar into a result folder being assembled (the folder itself appears by one rename). */
    public void write(Path folder) {
        AtomicFiles.write(folder.resolve(FILE_NAME), "result sidecar", out -> TypedJson.PRETTY.writeValue(out, this));
    }

    /**
     * The sidecar {@code file}. Format and version are checked before the fields, so that a newer sidecar is named as
     * such rather than as a puzzling missing field; one from before the format was named reads as version 1.
     */
    public static Sidecar read(Path file) {
        try {
            ObjectNode fields = VERSIONS.versioned(file, TypedJson.READER.readTree(Files.readAllBytes(file)));
            Tool tool = tool(file, fields.path("request").path("tool"));
            return TypedJson.READER.forType(Sidecar.class).withAttribute(Tool.class, tool).readValue(fields);
        } catch (JsonProcessingException e) {
            throw new LoopsmithException(file, TypedJson.reason(e), e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read result sidecar: " + e.getMessage(), e);
        }
    }

    /** The tool {@code request.tool} names; generate when there is none, as generate writes none. */
    private static Tool tool(Path file, JsonNode name) {
        if (name.isMissingNode() || name.isNull()) return Tool.GENERATE;
        for (Tool t : Tool.values()) if (t.label().equals(name.asText())) return t;
        throw new LoopsmithException(file, "request.tool '" + name.asText() + "' is not a tool this build knows");
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** Binds {@code request} to the record of the tool {@link #read} found; the section itself does not say. */
    static final class RequestBinder extends StdDeserializer<Request> {
        RequestBinder() {
            super(Request.class);
        }

        @Override
        public Request deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return ctxt.readValue(p, toolOf(ctxt).request);
        }
    }

    /** Binds {@code generation} to the figures of the tool {@link #read} found in {@code request.tool}. */
    static final class GenerationBinder extends StdDeserializer<Generation> {
        GenerationBinder() {
            super(Generation.class);
        }

        @Override
        public Generation deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return ctxt.readValue(p, toolOf(ctxt).generation);
        }
    }

    private static Tool toolOf(DeserializationContext ctxt) {
        if (!(ctxt.getAttribute(Tool.class) instanceof Tool t)) throw new IllegalStateException("sidecars are read through Sidecar.read");
        return t;
    }
}
