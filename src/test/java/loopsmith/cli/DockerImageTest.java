package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker image's parts that can be checked without a container runtime (CI has none): the entry point's command
 * lines, run for real with a stand-in routing table, and the Dockerfiles putting the app where the entry point runs it.
 */
@UnitTest
class DockerImageTest {
    private static final Path ENTRYPOINT = Path.of("docker/entrypoint.sh");

    @TempDir
    Path dir;

    private record Run(int exit, String out) { }

    private Run entrypoint(String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash: the entry point is not run");
        Path home = Files.createDirectories(dir.resolve("home/target/app"));
        Files.writeString(home.resolve("loopsmith.jar"), "");
        Path route = Files.writeString(dir.resolve("route"), "Iface\tDestination\tGateway\tFlags\n"
                + "eth0\t000011AC\t00000000\t0001\neth0\t00000000\t010011AC\t0003\n");
        List<String> command = new ArrayList<>(List.of("/bin/bash", ENTRYPOINT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LOOPSMITH_HOME", dir.resolve("home").toString());
        pb.environment().put("LOOPSMITH_ROUTE_TABLE", route.toString());
        pb.environment().put("LOOPSMITH_PRINT_COMMAND", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void serveListensInsideTheContainerWritesToOutAndTakesOscFromTheGateway() throws Exception {
        Run r = entrypoint();
        assertEquals(0, r.exit(), r.out());
        assertEquals(List.of("serve", "--host", "0.0.0.0", "--out", "/out", "--osc-allow", "172.17.0.1"), r.out().lines().toList());
        Run own = entrypoint("serve", "--out", "/elsewhere", "--port", "9000");
        assertEquals(List.of("serve", "--host", "0.0.0.0", "--osc-allow", "172.17.0.1", "--out", "/elsewhere", "--port", "9000"),
                own.out().lines().toList(), "the user's options are kept and win");
    }

    @Test
    void otherCommandsPassThroughUnchanged() throws Exception {
        Run r = entrypoint("generate", "house beat", "--out", "/out");
        assertEquals(List.of("generate", "house beat", "--out", "/out"), r.out().lines().toList());
    }

    @Test
    void theDockerfilesPutTheAppWhereTheEntryPointRunsIt() throws Exception {
        String entry = Files.readString(ENTRYPOINT);
        assertTrue(entry.contains("jar=\"$home/target/app/loopsmith.jar\""), "entry point's jar");
        for (String name : List.of("Dockerfile", "Dockerfile.gpu")) {
            String docker = Files.readString(Path.of(name));
            assertTrue(docker.contains("/opt/loopsmith/target/app/loopsmith.jar"), name);
            assertTrue(docker.contains("/opt/loopsmith/target/app/lib"), name + ": the jar's Class-Path is lib/");
            assertTrue(docker.contains("COPY models /opt/loopsmith/models"), name + ": the bundled model");
            assertTrue(docker.contains("ENTRYPOINT [\"/opt/loopsmith/entrypoint.sh\"]"), name);
            assertTrue(docker.contains("USER loopsmith"), name + ": not root");
        }
        assertTrue(Files.readString(Path.of("Dockerfile.gpu")).contains("-Dgpu"), "the GPU image takes the CUDA libtorch");
        assertTrue(Files.readString(Path.of("Dockerfile")).contains("-p 127.0.0.1:8765:8765"), "documented bound to loopback");
    }
}
