package org.pult.siplab;

import java.time.Duration;
import java.util.List;

/**
 * How an external command ended.
 *
 * @param command  what was run
 * @param exitCode the exit code, or -1 when it was killed for taking too long
 * @param timedOut true when it did not finish in time and was killed
 * @param output   stdout and stderr, interleaved
 * @param elapsed  wall time
 */
public record CommandResult(List<String> command, int exitCode, boolean timedOut, String output, Duration elapsed) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** For assertion messages: the command, how it ended and the last lines it printed. */
    public String describe() {
        String tail = output.length() > 4000 ? "..." + output.substring(output.length() - 4000) : output;
        return String.join(" ", command) + " -> " + (timedOut ? "killed after " + elapsed.toMillis() + " ms"
                : "exit " + exitCode + " after " + elapsed.toMillis() + " ms") + "\n" + tail;
    }
}
