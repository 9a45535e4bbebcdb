package loopsmith.library;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a JSON or YAML sidecar (a folder's {@code labels.yaml} or a file's {@code beat.mid.json}) into labels. The
 * object has the fields {@link LabelFields} knows. A file that does not parse, or whose top level is not an object,
 * gives one warning naming it and no labels; it never throws, so the labels from other sources still apply.
 */
final class SidecarFiles {
    private SidecarFiles() {}

    /** Extensions of JSON and YAML sidecars, in the order they are applied when several exist (later wins). */
    static final List<String> EXTENSIONS = List.of("json", "yaml", "yml");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param displayName how provenance and warnings name the file, e.g. {@code "House/labels.yaml"} */
    static Findings read(Path sidecar, LabelSource source, String displayName) {
        String name = sidecar.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json");
        Object top;
        try {
            top = json ? readJson(sidecar) : readYaml(sidecar);
        } catch (JacksonException e) {
            return Findings.warning(displayName + ": malformed JSON: " + e.getOriginalMessage() + locationOf(e));
        } catch (YAMLException e) {
            return Findings.warning(displayName + ": malformed YAML: " + e.getMessage().replaceAll("\\s+", " ").trim());
        } catch (IOException e) {
            return Findings.warning(displayName + ": unreadable: " + e.getMessage());
        }
        if (top == null) return Findings.EMPTY; // an empty file says nothing
        if (!(top instanceof Map<?, ?> map))
            return Findings.warning(displayName + ": expected an object of labels at the top, found " + kind(top));
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) fields.put(String.valueOf(e.getKey()), plain(e.getValue()));
        return LabelFields.parse(fields, source, displayName);
    }

    private static Object readJson(Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        if (node == null || node.isMissingNode() || node.isNull()) return null;
        return JSON.treeToValue(node, Object.class);
    }

    private static Object readYaml(Path file) throws IOException {
        // SafeConstructor builds only maps, lists and scalars: a sidecar from a downloaded pack cannot make us
        // instantiate arbitrary classes.
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return yaml.load(in);
        }
    }

    /** YAML turns 2024-05-01 into a Date; we keep it as ISO text so the tag does not depend on the time zone. */
    private static Object plain(Object value) {
        if (value instanceof Date d) return d.toInstant().toString();
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) out.add(plain(o));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) out.put(String.valueOf(e.getKey()), plain(e.getValue()));
            return out;
        }
        return value;
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String kind(Object top) {
        return top instanceof List<?> ? "a list" : "a single value '" + top + "'";
    }
}
