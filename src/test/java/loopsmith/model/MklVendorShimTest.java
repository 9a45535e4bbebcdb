package loopsmith.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loopsmith.NativeTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher preloads src/main/native/mkl_vendor_shim.c on AMD CPUs with AVX-512 so MKL runs its AVX-512 kernels.
 * These tests build the shim as the launcher does, run a matrix product in a JVM with it preloaded, and check that MKL
 * switched kernels and that the product is still fp32-exact.
 */
@NativeTest
class MklVendorShimTest {

    @Test
    void matrixProductsAreFp32Exact() {
        double err = MatMulPrecision.maxRelativeError();
        assertTrue(err < 1e-5, "relative error " + err);
    }

    @Test
    void withTheShimMklUsesAvx512AndStaysFp32(@TempDir Path dir) throws Exception {
        String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        assumeTrue(cpuinfo.contains(" avx512f"), "this CPU has no AVX-512; the launcher does not use the shim");
        assumeTrue(onPath("cc"), "no C compiler here to build the shim");
        Path so = dir.resolve("libloopsmith-mkl-vendor-shim.so");
        Process cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-O2", "-o", so.toString(),
                Path.of("src/main/native/mkl_vendor_shim.c").toAbsolutePath().toString()).inheritIO().start();
        assertEquals(0, cc.waitFor());

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), MatMulPrecision.class.getName())
                .redirectErrorStream(true);
        pb.environment().put("LD_PRELOAD", so.toString());
        pb.environment().put("MKL_CBWR", "AUTO,STRICT");   // as the launcher sets it beside the shim
        pb.environment().put("MKL_VERBOSE", "1");   // MKL names the instruction set it dispatched to
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);

        assertTrue(out.contains("AVX-512"), "MKL did not take its AVX-512 kernels:\n" + out);
        assertTrue(out.contains("CNR:AUTO,STRICT"), "MKL is not in its reproducible mode:\n" + out);
        Matcher m = Pattern.compile("max relative error (\\S+)").matcher(out);
        assertTrue(m.find(), out);
        double err = Double.parseDouble(m.group(1));
        assertTrue(err < 1e-5, "relative error " + err);
    }

    private static boolean onPath(String tool) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":"))
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        return false;
    }

}
