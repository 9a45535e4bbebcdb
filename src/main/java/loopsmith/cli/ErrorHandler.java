package loopsmith.cli;

import java.util.Arrays;
import loopsmith.music.LoopsmithException;
import loopsmith.service.InvalidRequestException;
import loopsmith.service.RequestField;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps exceptions to one line on stderr and an exit code: bad input is {@code error: <path>: <reason>} with exit 2,
 * anything else is an internal error with exit 1. Stack traces only with {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean debug = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--debug");
        if (debug) ex.printStackTrace(cl.getErr());
        if (ex instanceof InvalidRequestException ir) {
            cl.getErr().println("error: " + ir.message(ErrorHandler::flag));
            return BAD_INPUT;
        }
        if (ex instanceof LoopsmithException le) {
            cl.getErr().println("error: " + (le.file() == null ? "" : le.file() + ": ") + le.reason());
            return BAD_INPUT;
        }
        if (ex instanceof CommandLine.ParameterException pe) {
            cl.getErr().println("error: " + pe.getMessage());
            return BAD_INPUT;
        }
        cl.getErr().println("error: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
        return INTERNAL;
    }

    /** A request field as the CLI spells it: IN_KEY is --in-key; the text is the command's words. */
    static String flag(RequestField f) {
        return f == RequestField.TEXT ? "TEXT" : "--" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
