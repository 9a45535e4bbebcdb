package loopsmith.cli;

import picocli.CommandLine;

/** Entry point of the {@code loopsmith} launcher. Only this class exits the JVM. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 1 internal error, 2 usage error or bad input. */
    public static int run(String... args) {
        return LoopsmithCommand.commandLine().execute(args);
    }
}
