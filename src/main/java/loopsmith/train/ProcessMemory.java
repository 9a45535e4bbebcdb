package loopsmith.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory (Linux /proc; -1 elsewhere), native libtorch included: what "RSS" means in reports. */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Resident now (VmRSS), in MB. */
    public static double residentMb() {
        return field("VmRSS:");
    }

    /** The most resident ever (VmHWM), in MB. */
    public static double peakMb() {
        return field("VmHWM:");
    }

    private static double field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith(name)) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
