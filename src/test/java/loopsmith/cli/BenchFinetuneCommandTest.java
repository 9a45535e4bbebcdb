package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import loopsmith.CorpusTest;
import loopsmith.NativeTest;
import loopsmith.bench.FinetuneBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench finetune} at two budgets, CI-sized: a tiny base fine-tuned and a model trained from scratch for seconds. */
@CorpusTest
@NativeTest
class BenchFinetuneCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachSideTrainsOncePerBudgetAndTheMinutesToTheTargetAreReported(@TempDir Path dir) throws Exception {
        Path library = LearnCommandTest.folkLibrary(dir);
        Path base = LearnCommandTest.tinyBase(library, dir);
        Path work = dir.resolve("work");
        Cli r = Cli.run("bench", "finetune", "--library", library.toString(), "--model", base.toString(), "--work", work.toString(),
                "--minutes", "0.1,0.05", "--pieces", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        JsonNode budgets = j.get("budgets");
        assertEquals(2, budgets.size(), j.toString());
        assertEquals(0.05, budgets.get(0).get("minutes").asDouble(), 1e-9, "shortest budget first");
        assertEquals(0.1, budgets.get(1).get("minutes").asDouble(), 1e-9);
        for (JsonNode b : budgets) {
            for (String side : new String[] {"finetuned", "scratch"}) {
                JsonNode s = b.get(side);
                assertTrue(s.get("steps").asInt() >= 1, b.toString());
                assertEquals(s.get("overlap").asDouble() / j.get("ceiling").asDouble(), s.get("of_ceiling").asDouble(), 0.01, b.toString());
            }
            // A side given seconds on a loaded machine can come out with no overlap at all: the ratio then divides by
            // the bench's floor rather than by 0, and the other side's share, printed to three decimals, is off from
            // the one the ratio was taken of by up to half a thousandth, which the floor magnifies: 1% of the ratio there.
            double scratch = b.get("scratch").get("of_ceiling").asDouble();
            double expected = b.get("finetuned").get("of_ceiling").asDouble() / Math.max(1e-9, scratch);
            assertEquals(expected, b.get("ratio").asDouble(), scratch == 0 ? 0.01 * expected : 0.01, b.toString());
        }
        // The headline is the longest budget's; the base model is measured once, before any budget.
        assertEquals(0.1, j.get("minutes").asDouble(), 1e-9);
        assertEquals(budgets.get(1).get("ratio").asDouble(), j.get("ratio").asDouble(), 1e-9);
        assertTrue(j.has("base_model"), j.toString());
        JsonNode toTarget = j.get("minutes_to_target");
        for (String side : new String[] {"finetuned", "scratch"}) {
            JsonNode reached = toTarget.get(side);
            Double expected = null;
            for (JsonNode b : budgets) {
                if (b.get(side).get("of_ceiling").asDouble() >= FinetuneBench.TARGET) {
                    expected = b.get("minutes").asDouble();
                    break;
                }
            }
            if (expected == null) assertTrue(reached.isNull(), toTarget.toString());
            else assertEquals(expected, reached.asDouble(), 1e-9, toTarget.toString());
        }
        assertTrue(Files.isRegularFile(work.resolve("0.05min/finetuned.ckpt")) && Files.isRegularFile(work.resolve("0.1min/scratch.ckpt")));
        Path picture = Path.of(j.get("picture").asText());
        assertTrue(Files.size(picture) > 1000, "the curve is drawn");
        byte[] head = Files.readAllBytes(picture);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }

    @Test
    void aBudgetOfNoMinutesIsRefusedNamingTheOption(@TempDir Path dir) {
        Cli r = Cli.run("bench", "finetune", "--library", dir.toString(), "--minutes", "5,0", "--json");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--minutes") && r.err().contains("more than 0"), r.err());
    }
}
