package loopsmith.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loopsmith.UnitTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class MetricLineTest {
    @Property(tries = 300)
    void parseInvertsToJson(@ForAll("lines") MetricLine line) throws Exception {
        assertEquals(line, MetricLine.parse(line.toJson()));
    }

    @Provide
    Arbitrary<MetricLine> lines() {
        Arbitrary<Integer> count = Arbitraries.integers().greaterOrEqual(0);
        Arbitrary<Double> finite = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Long> rate = Arbitraries.longs();
        Arbitrary<MetricLine> training = Combinators.combine(count, count, finite, finite, rate).as(MetricLine::training);
        Arbitrary<MetricLine> evaluation = Combinators.combine(count, count, finite, rate).as(MetricLine::evaluation);
        return Arbitraries.oneOf(training, evaluation);
    }

    /** Byte for byte what the map-based writer before MetricLine wrote, so tools reading the file see no change. */
    @Test
    void writesTheKeysInTheOrderRunsHaveAlwaysWrittenThem() {
        assertEquals("{\"step\":26,\"epoch\":1,\"train_loss\":4.1234,\"lr\":3.0E-4,\"tokens_per_s\":1834}",
                MetricLine.training(26, 1, 4.1234, 3.0E-4, 1834).toJson());
        assertEquals("{\"step\":50,\"epoch\":2,\"validation_loss\":3.9,\"rss_mb\":-1}", MetricLine.evaluation(50, 2, 3.9, -1).toJson());
    }

    @Test
    void readsOldLinesAndToleratesKeysItDoesNotKnow() throws Exception {
        MetricLine m = MetricLine.parse("{\"step\":7,\"epoch\":0,\"train_loss\":5.5,\"lr\":0.001,\"tokens_per_s\":900,\"gpu\":\"a\"}");
        assertEquals(MetricLine.training(7, 0, 5.5, 0.001, 900), m);
        assertNull(m.validationLoss());
    }

    @Test
    void aTornLineIsAReadErrorAndALineWithoutStepIsNotARecord() {
        assertThrows(StreamReadException.class, () -> MetricLine.parse("{\"step\":29,\"epoch\":0,\"train_lo"));
        assertThrows(DatabindException.class, () -> MetricLine.parse("{\"epoch\":0,\"train_loss\":1.5}"));
        assertThrows(DatabindException.class, () -> MetricLine.parse("{\"step\":null,\"epoch\":0}"));
        assertThrows(DatabindException.class, () -> MetricLine.parse("null"));
    }

    @Test
    void appendAddsOneLineEach(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(TrainLoop.METRICS);
        List<MetricLine> written = List.of(MetricLine.training(1, 0, 5.0, 1e-4, 10), MetricLine.evaluation(1, 0, 4.5, 100));
        for (MetricLine m : written) m.appendTo(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(written, lines.stream().map(l -> {
            try {
                return MetricLine.parse(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList());
    }
}
