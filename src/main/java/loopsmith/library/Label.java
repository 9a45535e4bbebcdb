package loopsmith.library;

import java.util.Set;

/**
 * One label value and where it came from. {@code field} is one of {@link #FIELDS} or {@code tag:<name>} for a free tag;
 * {@code value} is already normalized (genre {@code "hip-hop"}, key {@code "A minor"}, bpm {@code "120"}, roles
 * {@code "bass;chords"}); {@code origin} names the place for a report: {@code "folder 'House'"}, {@code "file name"},
 * {@code "labels.yaml"}, {@code "metadata.csv row 12"}.
 */
public record Label(String field, String value, LabelSource source, String origin) {
    public static final String GENRE = "genre";
    public static final String STYLE = "style";
    public static final String MOOD = "mood";
    public static final String BPM = "bpm";
    public static final String KEY = "key";
    public static final String TIME_SIGNATURE = "time_signature";
    public static final String ROLES = "roles";
    public static final String TAG_PREFIX = "tag:";
    public static final Set<String> FIELDS = Set.of(GENRE, STYLE, MOOD, BPM, KEY, TIME_SIGNATURE, ROLES);

    public Label {
        if (field == null || !(FIELDS.contains(field) || (field.startsWith(TAG_PREFIX) && field.length() > TAG_PREFIX.length())))
            throw new IllegalArgumentException("field must be one of " + FIELDS + " or tag:<name>, was " + field);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("value of " + field + " must not be blank");
        if (source == null) throw new IllegalArgumentException("source must not be null");
        if (origin == null || origin.isBlank()) throw new IllegalArgumentException("origin must not be blank");
    }

    public static Label tag(String name, String value, LabelSource source, String origin) {
        return new Label(TAG_PREFIX + name, value, source, origin);
    }

    public boolean isTag() {
        return field.startsWith(TAG_PREFIX);
    }

    /** {@code "bpm 120 from file name"}. */
    public String describe() {
        return field + " " + value + " from " + origin;
    }
}
