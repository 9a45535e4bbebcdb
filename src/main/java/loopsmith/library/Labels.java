package loopsmith.library;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * The merged labels of one file. {@code provenance} holds every label considered, the overridden ones too, in merge
 * order, so a report can say "bpm 120 from file name, overridden by 124 from metadata.csv row 3"; {@code warnings}
 * holds what went wrong reading the sources (a malformed sidecar, an unknown genre, a tempo that is not a number).
 */
public record Labels(Optional<String> genre, Optional<String> style, Optional<String> mood, OptionalDouble bpm,
                     Optional<Key> key, Optional<TimeSignature> timeSignature, Set<Role> roles,
                     Map<String, String> freeTags, List<Label> provenance, List<String> warnings) {
    /** Slowest and fastest tempo we accept as a label; outside this range the value is a typo or not a tempo. */
    public static final double MIN_BPM = 20;
    public static final double MAX_BPM = 999;

    public static final Labels NONE = new Labels(Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
            Optional.empty(), Optional.empty(), Set.of(), Map.of(), List.of(), List.of());

    public Labels {
        if (bpm.isPresent() && (bpm.getAsDouble() < MIN_BPM || bpm.getAsDouble() > MAX_BPM))
            throw new IllegalArgumentException("bpm must be " + MIN_BPM + ".." + MAX_BPM + ", was " + bpm.getAsDouble());
        // Role order and tag order are kept stable so reports and JSON output do not shuffle between runs.
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        freeTags = Collections.unmodifiableMap(new TreeMap<>(freeTags));
        provenance = List.copyOf(provenance);
        warnings = List.copyOf(warnings);
    }

    /** Merges labels given in merge order: for each field the last one wins. */
    public static Labels merge(List<Label> provenance, List<String> warnings) {
        Map<String, Label> winners = new LinkedHashMap<>();
        for (Label l : provenance) winners.put(l.field(), l);
        Map<String, String> tags = new TreeMap<>();
        for (Label l : winners.values()) if (l.isTag()) tags.put(l.field().substring(Label.TAG_PREFIX.length()), l.value());
        return new Labels(
                value(winners, Label.GENRE),
                value(winners, Label.STYLE),
                value(winners, Label.MOOD),
                value(winners, Label.BPM).map(b -> OptionalDouble.of(Double.parseDouble(b))).orElse(OptionalDouble.empty()),
                value(winners, Label.KEY).map(k -> Key.parse(k).orElseThrow(() -> new IllegalArgumentException("not a key: " + k))),
                value(winners, Label.TIME_SIGNATURE).map(t -> TimeSignature.parse(t)
                        .orElseThrow(() -> new IllegalArgumentException("not a time signature: " + t))),
                value(winners, Label.ROLES).map(Labels::parseRoles).orElse(Set.of()),
                tags, provenance, warnings);
    }

    /** Every label considered for a field, in merge order; the last one is the value in effect. */
    public List<Label> history(String field) {
        return provenance.stream().filter(l -> l.field().equals(field)).toList();
    }

    /** {@code "bpm 120 from file name, overridden by 124 from metadata.csv row 3"}; empty when the field has no label. */
    public String explain(String field) {
        List<Label> h = history(field);
        if (h.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(h.get(0).describe());
        for (Label l : h.subList(1, h.size())) sb.append(", overridden by ").append(l.value()).append(" from ").append(l.origin());
        return sb.toString();
    }

    public boolean isEmpty() {
        return provenance.isEmpty() && warnings.isEmpty();
    }

    /** A tempo as labels write it: "120", "71.6" (no trailing zeros, no exponent). */
    static String bpmText(double bpm) {
        return BigDecimal.valueOf(bpm).stripTrailingZeros().toPlainString();
    }

    /** Roles as one label value: "bass;chords", in {@link Role} order. */
    static String rolesText(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(";"));
    }

    private static Set<Role> parseRoles(String text) {
        List<Role> out = new ArrayList<>();
        for (String r : text.split(";"))
            out.add(Role.parse(r).orElseThrow(() -> new IllegalArgumentException("not a role: " + r)));
        return out.isEmpty() ? Set.of() : EnumSet.copyOf(out);
    }

    private static Optional<String> value(Map<String, Label> winners, String field) {
        return Optional.ofNullable(winners.get(field)).map(Label::value);
    }
}
