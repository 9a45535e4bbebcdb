package loopsmith.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loopsmith.music.LoopsmithException;

/**
 * The Jackson set-up shared by the typed files Loopsmith writes and reads back (the dataset's manifest and index, the
 * checkpoint header, the result sidecar, the groove model), the format and version check they make before binding, and
 * what their binding failures say. Its own package sits just above the music core, so every layer with a file can use it.
 */
public final class TypedJson {
    /**
     * Unknown fields are tolerated so that a field added within a version, or by hand, does not make a file
     * unreadable; a null where a number belongs is refused rather than read as 0.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    /** The same set-up for other layers' files, as readers and writers: unlike the mapper, nobody can reconfigure them. */
    public static final ObjectReader READER = MAPPER.reader();
    public static final ObjectWriter WRITER = MAPPER.writer();
    /** As people read a file: indented, {@code "key" : value}. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    /** {@code value} as a JSON tree, for a typed record kept inside another file (the run state in a checkpoint header). */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Jackson names a missing {@code required} field only inside its message; this is how it spells it. */
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");
    /** How Jackson words a null where a number or true/false belongs (its hint about the feature is not for users). */
    private static final String NULL_PRIMITIVE = "Cannot map `null` into type";

    private TypedJson() {}

    /**
     * What a typed file says it is, checked before its fields are bound: a newer file is then named as such, not as a
     * puzzling missing field, and a file of another kind as that.
     *
     * @param name      the {@code format} field's value; null for a file that carries none (its kind is known from
     *                  where it sits), whose {@code format} field, if any, is not read
     * @param what      the kind of file, for people: "result sidecar"
     * @param newest    the newest version this build reads; versions start at 1
     * @param legacy    the version of a file that carries neither format nor version, as files written before those
     *                  fields were; 0 when both are required
     * @param whenNewer what to do about a newer file: "update Loopsmith"
     */
    public record Format(String name, String what, int newest, int legacy, String whenNewer) {
        public Format {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(whenNewer, "whenNewer");
            if (newest < 1) throw new IllegalArgumentException("newest must be >= 1, was " + newest);
            if (legacy < 0 || legacy > newest) throw new IllegalArgumentException("legacy must be 0 to " + newest + ", was " + legacy);
        }

        /**
         * The version of {@code tree}, read from {@code file}, or a {@link LoopsmithException} naming the file and why
         * it cannot be read. A file that carries either field must carry both, so that a half-stamped file is not
         * taken for a legacy one.
         */
        public int versionOf(Path file, JsonNode tree) {
            if (tree == null || !tree.isObject()) throw new LoopsmithException(file, "not a Loopsmith " + what + " (not a JSON object)");
            boolean carriesFormat = name != null && tree.has("format");
            if (legacy > 0 && !carriesFormat && !tree.has("version")) return legacy;
            if (name != null) {
                JsonNode format = present(file, tree, "format");
                if (!format.isTextual() || !name.equals(format.textValue()))
                    throw new LoopsmithException(file, "not a Loopsmith " + what + " (format is '" + text(format) + "', not '" + name + "')");
            }
            JsonNode v = present(file, tree, "version");
            if (!v.canConvertToExactIntegral())
                throw new LoopsmithException(file, what + " version '" + text(v) + "' is not a whole number");
            // As a BigInteger, so that a version past int's range is not wrapped round into one this build reads.
            BigInteger version = v.bigIntegerValue();
            if (version.compareTo(BigInteger.valueOf(newest)) > 0)
                throw new LoopsmithException(file, what + " version " + version + " is newer than this Loopsmith reads (1 to " + newest
                        + "); " + whenNewer);
            if (version.signum() < 1) throw new LoopsmithException(file, what + " version " + version + " does not exist (versions start at 1)");
            return version.intValue();
        }

        /**
         * A copy of {@code tree}, checked by {@link #versionOf}, that carries the format and the version it was read as,
         * ready to bind to a record that requires both: a legacy file gets the fields it was written without.
         */
        public ObjectNode versioned(Path file, JsonNode tree) {
            int version = versionOf(file, tree);
            ObjectNode copy = ((ObjectNode) tree).deepCopy();
            if (name != null) copy.put("format", name);
            return copy.put("version", version);
        }

        private static JsonNode present(Path file, JsonNode tree, String field) {
            if (!tree.has(field)) throw new LoopsmithException(file, "missing required field '" + field + "'");
            if (tree.get(field).isNull()) throw new LoopsmithException(file, "field '" + field + "' is null");
            return tree.get(field);
        }

        /** A field's value as the file spells it, without the quotes of a string. */
        private static String text(JsonNode value) {
            return value.isTextual() ? value.textValue() : value.toString();
        }
    }

    /** A field the file must give a value; a null there is as good as missing. Thrown from compact constructors. */
    public static <T> T required(T value, String field) {
        if (value == null) throw new IllegalArgumentException("missing required field '" + field + "'");
        return value;
    }

    /** Why a file's JSON did not bind, in words that name the field: "missing required field 'config.seed'". */
    public static String reason(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException iae) return iae.getMessage();
        if (!(e instanceof JsonMappingException m)) return "not valid JSON: " + e.getOriginalMessage();
        String at = path(m);
        Matcher missing = MISSING.matcher(e.getOriginalMessage());
        if (missing.find()) {
            String field = missing.group(1);
            // The path ends at the missing field itself, or at the object that lacks it.
            return "missing required field '" + (at.equals(field) || at.endsWith("." + field) ? at : at.isEmpty() ? field : at + "." + field) + "'";
        }
        if (e.getOriginalMessage().startsWith(NULL_PRIMITIVE)) return "field '" + at + "' is null";
        return (at.isEmpty() ? "" : "field '" + at + "': ") + e.getOriginalMessage();
    }

    /** Where in the document it failed, as "config.clean" or "roles[2]". */
    private static String path(JsonMappingException m) {
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) at.append(at.length() == 0 ? "" : ".").append(r.getFieldName());
            else at.append('[').append(r.getIndex()).append(']');
        }
        return at.toString();
    }
}
