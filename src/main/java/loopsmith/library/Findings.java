package loopsmith.library;

import java.util.ArrayList;
import java.util.List;

/** What one source said about a file: the labels it gave, in order, and the warnings reading it raised. */
record Findings(List<Label> labels, List<String> warnings) {
    static final Findings EMPTY = new Findings(List.of(), List.of());

    Findings {
        labels = List.copyOf(labels);
        warnings = List.copyOf(warnings);
    }

    static Findings warning(String warning) {
        return new Findings(List.of(), List.of(warning));
    }

    Findings plus(Findings more) {
        if (more.labels.isEmpty() && more.warnings.isEmpty()) return this;
        List<Label> l = new ArrayList<>(labels);
        l.addAll(more.labels);
        List<String> w = new ArrayList<>(warnings);
        w.addAll(more.warnings);
        return new Findings(l, w);
    }
}
