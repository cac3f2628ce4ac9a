package org.pult.app;

import java.util.List;
import java.util.Map;

/**
 * What the command line and environment say for this run. {@code --backend URL} or
 * {@code PULT_BACKEND_URL} point Pult at a backend for this run without touching settings.
 */
public record LaunchOptions(String backendUrl, boolean benchmark) {

    public static LaunchOptions parse(List<String> args, Map<String, String> env) {
        String backend = env.getOrDefault("PULT_BACKEND_URL", "");
        boolean benchmark = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--backend") && i + 1 < args.size()) {
                backend = args.get(++i);
            } else if (arg.startsWith("--backend=")) {
                backend = arg.substring("--backend=".length());
            } else if (arg.equals("--benchmark-startup")) {
                benchmark = true;
            } else {
                throw new IllegalArgumentException("Unknown option: " + arg
                        + "\nUsage: pult [--backend URL] [--benchmark-startup]");
            }
        }
        return new LaunchOptions(backend.strip(), benchmark);
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions("", false);
    }
}
