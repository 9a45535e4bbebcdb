package loopsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import loopsmith.UnitTest;
import loopsmith.generate.EngineException;
import loopsmith.music.LoopsmithException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Bad input is the user's to fix (exit 2); an engine error is a bug, reported as one (exit 1). */
@UnitTest
class ErrorHandlerTest {
    @Command(name = "fails")
    static final class Fails implements Callable<Integer> {
        final RuntimeException thrown;

        Fails(RuntimeException thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() {
            throw thrown;
        }
    }

    private static int exit(RuntimeException e, StringWriter err) {
        return new CommandLine(new Fails(e)).setErr(new PrintWriter(err)).setExecutionExceptionHandler(new ErrorHandler()).execute();
    }

    @Test
    void anEngineErrorIsAnInternalErrorNotBadInput() {
        StringWriter err = new StringWriter();
        assertEquals(ErrorHandler.INTERNAL, exit(new EngineException("no token allowed inside a part"), err));
        assertTrue(err.toString().startsWith("error: internal error: loopsmith.generate.EngineException: engine error: no token allowed"),
                err.toString());
    }

    @Test
    void badInputNamesTheFile() {
        StringWriter err = new StringWriter();
        assertEquals(ErrorHandler.BAD_INPUT, exit(new LoopsmithException(Path.of("in.mid"), "not a MIDI file"), err));
        assertEquals("error: in.mid: not a MIDI file", err.toString().strip());
    }
}
