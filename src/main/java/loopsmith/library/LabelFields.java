package loopsmith.library;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * Turns the fields a producer wrote in a sidecar (a CSV row, a JSON or YAML object) into normalized labels. The same
 * field names work everywhere: {@code genre, style, mood, bpm, key, time_signature, roles}, a nested {@code tags}
 * map, and any other field is kept as a free tag ({@code source}, {@code licence}, {@code bars}, ...).
 *
 * <p>A value we cannot use never stops the others: an unknown genre or mood that looks like a word is kept
 * (lower case, '-' between words) with a warning; a tempo, key, meter or role we cannot parse is dropped with a
 * warning. Styles are open-ended (Groove's "purdieshuffle", Nottingham's "hpps"), so an unknown style is kept without
 * a warning. Empty values mean "not said" and give no label, so they never erase a label from an earlier source.
 */
final class LabelFields {
    private LabelFields() {}

    private static final Pattern ROLE_SEPARATORS = Pattern.compile("[;,|]");
    private static final Pattern BPM_UNIT = Pattern.compile("(?i)\\s*bpm$");
    private static final String TAGS_FIELD = "tags";
    private static final String PATH_FIELD = "path";
    // Other spellings of the field names, as spreadsheets and other tools write them.
    private static final Map<String, String> FIELD_ALIASES = Map.of(
            "tempo", Label.BPM, "meter", Label.TIME_SIGNATURE, "timesignature", Label.TIME_SIGNATURE,
            "time_sig", Label.TIME_SIGNATURE, "timesig", Label.TIME_SIGNATURE, "role", Label.ROLES,
            "subgenre", Label.STYLE, "sub_genre", Label.STYLE, "tag", TAGS_FIELD);

    /** The canonical name of a field as written in a header or an object key: "Time Signature" → time_signature. */
    static String fieldName(String raw) {
        String n = raw.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
        return FIELD_ALIASES.getOrDefault(n, n);
    }

    /**
     * @param fields field name (as written) to value: a String, Number, Boolean, List or Map; {@code path} is skipped
     * @param origin where the fields come from, for provenance and warnings ("metadata.csv line 3")
     */
    static Findings parse(Map<String, ?> fields, LabelSource source, String origin) {
        Parse p = new Parse(source, origin);
        for (Map.Entry<String, ?> e : fields.entrySet()) p.field(fieldName(e.getKey()), e.getValue());
        return new Findings(p.labels, p.warnings);
    }

    /** The labels and warnings of one object being parsed. */
    private static final class Parse {
        private final LabelSource source;
        private final String origin;
        private final List<Label> labels = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Parse(LabelSource source, String origin) {
            this.source = source;
            this.origin = origin;
        }

        void field(String name, Object value) {
            if (value == null || name.equals(PATH_FIELD)) return;
            if (name.equals(Label.ROLES)) {
                roles(value);
                return;
            }
            if (name.equals(TAGS_FIELD) && value instanceof Map<?, ?> tags) {
                for (Map.Entry<?, ?> t : tags.entrySet()) tag(fieldName(String.valueOf(t.getKey())), t.getValue());
                return;
            }
            if (!Label.FIELDS.contains(name)) {
                tag(name, value);
                return;
            }
            Optional<String> text = scalar(name, value);
            if (text.isEmpty() || text.get().isEmpty()) return;
            String raw = text.get();
            switch (name) {
                case Label.GENRE -> genre(raw);
                case Label.STYLE -> Synonyms.style(raw).or(() -> Synonyms.word(raw)).ifPresentOrElse(
                        s -> add(Label.STYLE, s), () -> warn("style '" + raw + "' dropped: not a word"));
                case Label.MOOD -> keptOrDropped(Label.MOOD, raw, Synonyms.mood(raw));
                case Label.BPM -> bpm(raw);
                case Label.KEY -> Synonyms.key(raw).map(Key::displayName).ifPresentOrElse(
                        k -> add(Label.KEY, k), () -> warn("key '" + raw + "' dropped: not a key"));
                case Label.TIME_SIGNATURE -> TimeSignature.parse(raw.replace('-', '/')).ifPresentOrElse(
                        t -> add(Label.TIME_SIGNATURE, t.toString()),
                        () -> warn("time signature '" + raw + "' dropped: not n/d with d a power of two"));
                default -> throw new AssertionError("unhandled field " + name);
            }
        }

        private void genre(String raw) {
            keptOrDropped(Label.GENRE, raw, Synonyms.genre(raw));
            // "deep house" in a genre column also says the style; a style column later in the row still wins.
            Synonyms.styleOfGenre(raw).ifPresent(s -> add(Label.STYLE, s));
        }

        private void keptOrDropped(String field, String raw, Optional<String> known) {
            if (known.isPresent()) {
                add(field, known.get());
                return;
            }
            Optional<String> word = Synonyms.word(raw);
            if (word.isPresent()) {
                warn("unknown " + field + " '" + raw + "' kept as is");
                add(field, word.get());
            } else {
                warn(field + " '" + raw + "' dropped: not a word");
            }
        }

        private void bpm(String raw) {
            double bpm;
            try {
                bpm = Double.parseDouble(BPM_UNIT.matcher(raw).replaceAll("").trim());
            } catch (NumberFormatException e) {
                warn("bpm '" + raw + "' dropped: not a number");
                return;
            }
            if (!(Labels.MIN_BPM <= bpm && bpm <= Labels.MAX_BPM)) {
                warn("bpm '" + raw + "' dropped: outside " + Labels.bpmText(Labels.MIN_BPM) + ".." + Labels.bpmText(Labels.MAX_BPM));
                return;
            }
            add(Label.BPM, Labels.bpmText(bpm));
        }

        private void roles(Object value) {
            List<String> raws = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (Object o : list) if (o != null) raws.add(String.valueOf(o));
            } else if (value instanceof Map<?, ?>) {
                warn("roles dropped: expected a list or a string, found a mapping");
                return;
            } else {
                raws.addAll(List.of(ROLE_SEPARATORS.split(String.valueOf(value))));
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : raws) {
                if (r.isBlank()) continue;
                Optional<Role> role = Synonyms.role(r);
                if (role.isPresent()) roles.add(role.get());
                else warn("role '" + r.trim() + "' dropped: not a known role");
            }
            if (!roles.isEmpty()) add(Label.ROLES, Labels.rolesText(roles));
        }

        private void tag(String name, Object value) {
            if (name.isEmpty()) return;
            Optional<String> text = scalar(Label.TAG_PREFIX + name, value);
            if (text.isPresent() && !text.get().isEmpty()) labels.add(Label.tag(name, text.get(), source, origin));
        }

        /** The text of a single value; lists of scalars become "a;b"; a mapping has none and gives a warning. */
        private Optional<String> scalar(String name, Object value) {
            if (value instanceof Map<?, ?>) {
                warn(name + " dropped: expected a single value, found a mapping");
                return Optional.empty();
            }
            if (value instanceof List<?> list) {
                List<String> parts = new ArrayList<>();
                for (Object o : list) {
                    if (o instanceof Map<?, ?> || o instanceof List<?>) {
                        warn(name + " dropped: expected a single value, found nested values");
                        return Optional.empty();
                    }
                    if (o != null) parts.add(String.valueOf(o).trim());
                }
                return Optional.of(String.join(";", parts));
            }
            return Optional.of(String.valueOf(value).trim());
        }

        private void add(String field, String value) {
            labels.add(new Label(field, value, source, origin));
        }

        private void warn(String warning) {
            warnings.add(origin + ": " + warning);
        }
    }
}
