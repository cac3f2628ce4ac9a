package org.pult.hub;

import java.io.PrintStream;
import java.util.Map;
import org.pult.hub.HubCommandLine.Parsed;
import org.pult.hub.HubCommandLine.UsageException;

/** {@code java -jar pult-hub.jar --data <dir> [--port <port>] [--host <address>]}: the stand-alone hub. */
public final class HubMain {

    static final int EXIT_OK = 0;
    static final int EXIT_START_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private HubMain() {
    }

    public static void main(String[] args) {
        int exitCode = run(args, System.getenv(), System.out, System.err);
        if (exitCode != EXIT_OK) {
            System.exit(exitCode);
        }
    }

    /**
     * Starts the hub and returns {@link #EXIT_OK} while it keeps running on Jetty's threads until
     * the JVM is told to stop; any other value is the process exit code.
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Parsed parsed;
        try {
            parsed = HubCommandLine.parse(args, env);
        } catch (UsageException e) {
            err.println("pult-hub: " + e.getMessage());
            err.print(HubCommandLine.USAGE);
            return EXIT_USAGE;
        }
        if (parsed.helpRequested()) {
            out.print(HubCommandLine.USAGE);
            return EXIT_OK;
        }
        try {
            HubServer server = HubServer.start(parsed.config());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "pult-hub-shutdown"));
            return EXIT_OK;
        } catch (HubStartException e) {
            err.println("pult-hub: " + e.getMessage());
            return EXIT_START_FAILED;
        }
    }
}
