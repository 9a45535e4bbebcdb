package loopsmith.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import loopsmith.music.Key;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * The musical measures of one set of pieces (generated, or the reference windows) as metrics.json holds them: drum
 * idioms per genre, part coherence with its lift, swing per genre. The same code runs on both sets, so the reference
 * figure beside each generated one says what the data itself scores.
 */
final class MusicalMeasures {
    /**
     * One piece to measure: its genre label, whether it is a fill (its label or request says so), the piece, its key
     * (from the label or request), its swing as played.
     */
    record Item(Optional<String> genre, boolean fill, Piece piece, Optional<Key> key, SwingMeasure swing) { }

    /** The two sets every measure runs on. */
    record Sets(List<Item> generated, List<Item> reference) { }

    private MusicalMeasures() {}

    /**
     * Drum parts judged and passed per genre of the idiom table, with Wilson intervals. A fill is not judged: it is
     * played to leave the genre's beat for a bar ({@link DrumIdiomGuard} leaves it be too).
     */
    static DrumIdiomMetrics.Side drumIdioms(List<Item> items) {
        Proportion overall = new Proportion(0, 0);
        Map<String, Proportion> byGenre = new TreeMap<>();
        int notInTable = 0;
        for (Item it : items) {
            if (it.genre().isEmpty()) continue;
            Optional<DrumIdioms.PartVerdict> v = DrumIdioms.judge(it.piece());
            if (v.isEmpty()) continue;
            Optional<Boolean> pass = v.get().passes(it.genre().get());
            if (pass.isEmpty() || it.fill()) {
                notInTable++;
                continue;
            }
            overall = overall.plus(pass.get());
            byGenre.merge(it.genre().get(), new Proportion(pass.get() ? 1 : 0, 1),
                    (a, b) -> new Proportion(a.passed() + b.passed(), a.judged() + b.judged()));
        }
        Map<String, ProportionMetrics> genres = new LinkedHashMap<>();
        byGenre.forEach((g, p) -> genres.put(g, ProportionMetrics.of(p)));
        return new DrumIdiomMetrics.Side(ProportionMetrics.of(overall), notInTable, genres);
    }

    /** The idiom table as the report states it: genre → accepted idiom sets ("a+b"), empty for "none required". */
    static Map<String, List<String>> idiomTable() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String g : DrumIdioms.genres()) {
            List<String> sets = new ArrayList<>();
            for (Set<DrumIdioms.Idiom> set : DrumIdioms.required(g).orElseThrow())
                sets.add(String.join("+", set.stream().map(DrumIdioms.Idiom::label).sorted().toList()));
            m.put(g, sets);
        }
        return m;
    }

    /** Chord-tone rate of melody and bass against the own and another piece's chord part. */
    static PartCoherenceMetrics.Lift chordTones(List<Item> items) {
        return lift(items, it -> !PartCoherence.chordPart(it.piece()).isEmpty(), PartCoherence::chordTones, true);
    }

    /** Bass onsets on a kick, own drums against another piece's drums. */
    static PartCoherenceMetrics.Lift bassKickLock(List<Item> items) {
        return lift(items, it -> it.piece().tracks().stream().anyMatch(Track::isDrum),
                (piece, other, semitones) -> PartCoherence.bassKickLock(piece, other), false);
    }

    private interface PairMeasure {
        PartCoherence.Counts apply(Piece piece, Piece source, int semitones);
    }

    private record Pair(Optional<String> genre, PartCoherence.Counts own, PartCoherence.Counts other) { }

    private static PartCoherenceMetrics.Lift lift(List<Item> items, Function<Item, Boolean> lendsPart, PairMeasure measure, boolean byKey) {
        List<PartCoherence.Candidate> candidates = items.stream()
                .map(it -> new PartCoherence.Candidate(byKey ? it.key() : Optional.empty(), lendsPart.apply(it))).toList();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            PartCoherence.Counts own = measure.apply(it.piece(), it.piece(), 0);
            if (own.earlyCounted() + own.lateCounted() == 0) continue;
            Optional<PartCoherence.Partner> partner = PartCoherence.partner(candidates, i);
            if (partner.isEmpty()) continue;
            PartCoherence.Counts other = measure.apply(it.piece(), items.get(partner.get().index()).piece(), partner.get().semitones());
            pairs.add(new Pair(it.genre(), own, other));
        }
        Map<String, List<Pair>> byGenre = new TreeMap<>();
        for (Pair p : pairs) p.genre().ifPresent(g -> byGenre.computeIfAbsent(g, k -> new ArrayList<>()).add(p));
        Map<String, PartCoherenceMetrics.GenreLift> genres = new LinkedHashMap<>();
        byGenre.forEach((g, ps) -> {
            Split all = split(ps, PartCoherence.Counts::all);
            genres.put(g, new PartCoherenceMetrics.GenreLift(ps.size(), all.own(), all.other(), all.lift()));
        });
        Split early = split(pairs, PartCoherence.Counts::early);
        Split late = split(pairs, PartCoherence.Counts::late);
        Split all = split(pairs, PartCoherence.Counts::all);
        return new PartCoherenceMetrics.Lift(pairs.size(), early.own(), early.other(), early.lift(), late.own(), late.other(), late.lift(),
                all.own(), all.other(), all.lift(), genres);
    }

    /** Own, other and lift over some of the bars; null where no piece had both. */
    private record Split(Double own, Double other, Double lift) { }

    /** Means over pieces where both own and other are defined in that part of the bars; lift = own − other. */
    private static Split split(List<Pair> pairs, ToDoubleFunction<PartCoherence.Counts> share) {
        double own = 0, other = 0;
        int n = 0;
        for (Pair p : pairs) {
            double a = share.applyAsDouble(p.own()), b = share.applyAsDouble(p.other());
            if (!Double.isFinite(a) || !Double.isFinite(b)) continue;
            own += a;
            other += b;
            n++;
        }
        if (n == 0) return new Split(null, null, null);
        return new Split(Evaluation.round(own / n), Evaluation.round(other / n), Evaluation.round((own - other) / n));
    }

    /** Mean 8th- and 16th-pair phase per genre (pieces with a figure at that level). */
    static SwingMetrics.Side swing(List<Item> items) {
        Map<String, List<SwingMeasure>> byGenre = new TreeMap<>();
        for (Item it : items) byGenre.computeIfAbsent(it.genre().orElse("(no genre)"), g -> new ArrayList<>()).add(it.swing());
        Map<String, SwingMetrics.Row> genres = new LinkedHashMap<>();
        byGenre.forEach((g, ss) -> genres.put(g, swingRow(ss)));
        return new SwingMetrics.Side(swingRow(items.stream().map(Item::swing).toList()), genres);
    }

    private static SwingMetrics.Row swingRow(List<SwingMeasure> ss) {
        double[] eighths = finite(ss, SwingMeasure::eighthPhase);
        double[] sixteenths = finite(ss, SwingMeasure::sixteenthPhase);
        return new SwingMetrics.Row(ss.size(), eighths.length, mean(eighths), sixteenths.length, mean(sixteenths));
    }

    private static double[] finite(List<SwingMeasure> ss, ToDoubleFunction<SwingMeasure> f) {
        return ss.stream().mapToDouble(f).filter(Double::isFinite).toArray();
    }

    private static Double mean(double[] xs) {
        return xs.length == 0 ? null : Evaluation.round(java.util.Arrays.stream(xs).average().orElse(Double.NaN));
    }
}
