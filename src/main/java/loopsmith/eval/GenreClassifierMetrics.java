package loopsmith.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import loopsmith.format.TypedJson;

/**
 * metrics.json {@code genre_classifier}: the genre judge and how far its verdicts can be trusted.
 *
 * @param features         the scalar features it reads, in order
 * @param cvAccuracy       cross-validated accuracy on the reference set
 * @param majorityBaseline the accuracy of always answering the largest genre
 * @param pieces           reference pieces it was cross-validated on
 * @param confusion        rows: true genre, columns: predicted, both in the order of {@code genres}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenreClassifierMetrics(String method, List<String> features, Double cvAccuracy, Double majorityBaseline, int folds,
                                     int pieces, List<String> genres, List<List<Integer>> confusion) {
    public GenreClassifierMetrics {
        TypedJson.required(method, "method");
        features = List.copyOf(TypedJson.required(features, "features"));
        genres = List.copyOf(TypedJson.required(genres, "genres"));
        confusion = TypedJson.required(confusion, "confusion").stream().map(List::copyOf).toList();
        for (List<Integer> row : confusion)
            if (row.size() != genres.size())
                throw new IllegalArgumentException("confusion has a row of " + row.size() + " cells for " + genres.size() + " genres");
        if (confusion.size() != genres.size())
            throw new IllegalArgumentException("confusion has " + confusion.size() + " rows for " + genres.size() + " genres");
    }
}
