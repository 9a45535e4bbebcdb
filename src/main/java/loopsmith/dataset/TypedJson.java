package loopsmith.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Jackson set-up shared by the typed files Loopsmith writes and reads back (the dataset's manifest and index, the
 * checkpoint header, the result sidecar), and what their binding failures say. It lives in dataset, the lowest layer
 * whose files use it.
 */
public final class TypedJson {
    /**
     * Unknown fields are tolerated so that a field added within a version, or by hand, does not make a file
     * unreadable; a null where a number belongs is refused rather than read as 0.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    /** The same set-up for other layers' files, as readers and writers: unlike the mapper, nobody can reconfigure them. */
    public static final ObjectReader READER = MAPPER.reader();
    public static final ObjectWriter WRITER = MAPPER.writer();
    /** As people read a file: indented, {@code "key" : value}. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    /** Jackson names a missing {@code required} field only inside its message; this is how it spells it. */
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");
    /** How Jackson words a null where a number or true/false belongs (its hint about the feature is not for users). */
    private static final String NULL_PRIMITIVE = "Cannot map `null` into type";

    private TypedJson() {}

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
