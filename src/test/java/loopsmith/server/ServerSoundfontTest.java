package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --soundfont}: every job of the server renders its stems with that file. */
@UnitTest
class ServerSoundfontTest {
    @TempDir
    Path dir;

    @Test
    void theServersSoundFontIsTheOneStemsAreRenderedWith() throws Exception {
        // Not a SoundFont: the job can only fail on it if it was the one used.
        Path fake = Files.writeString(dir.resolve("not-a-bank.sf2"), "RIFF but not really");
        ServerConfig config = ServerConfig.tiny(Path.of("").toAbsolutePath(), dir.resolve("out")).withPorts(0, -1)
                .withSoundfont(Optional.of(fake));
        try (Server server = Server.start(config, Clock.systemDefaultZone(), "test")) {
            Http http = Http.to(server);
            HttpResponse<byte[]> posted = http.postJson(Map.of("text", "techno bassline", "bars", 1, "seed", 3, "audio", true));
            assertEquals(202, posted.statusCode(), new String(posted.body()));
            JsonNode job = http.await(Http.JSON.readTree(posted.body()).path("job").asText(), Duration.ofSeconds(60));
            assertEquals("failed", job.path("status").asText(), job.toString());
            assertTrue(job.path("error").asText().contains("not-a-bank.sf2"), job.toString());
        }
    }
}
