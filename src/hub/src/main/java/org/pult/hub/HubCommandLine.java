package org.pult.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.pult.core.model.SipTransport;
import org.pult.hub.sip.MediaRelay;
import org.pult.hub.sip.SipDomain;

/** Parses the stand-alone hub's arguments; the environment supplies defaults. */
final class HubCommandLine {

    static final String ENV_PORT = "PULT_HUB_PORT";
    static final String ENV_DATA = "PULT_HUB_DATA";
    static final int DEFAULT_PORT = 8080;

    static final String USAGE = """
            Usage: java -jar pult-hub.jar --data <dir> [--port <port>] [--host <address>]
              --data <dir>       directory for hub.db, created if missing (env PULT_HUB_DATA)
              --port <port>      TCP port 0-65535, 0 picks a free one (env PULT_HUB_PORT, default 8080)
              --host <address>   address to listen on (default 127.0.0.1)
              --sip-domain <host[:port]>  SIP registrar operators register with; their profiles
                                 then carry a SIP account (user name = login)
              --sip-transport <UDP|TCP|TLS>  how to reach it (default TLS)
              --stun-server <host[:port]>  STUN/TURN server (coturn) for operators' media
              --ice              operators' softphones use ICE (needs --stun-server)
              --turn-secret-file <file>  coturn's static-auth-secret (use-auth-secret): each
                                 profile then carries TURN credentials valid for 16 hours
              --help             print this help
            """;

    /** Bad arguments; the message says which. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** What the command line asks for: a hub to run, or only the help text. */
    record Parsed(HubConfig config, boolean helpRequested) {
    }

    private HubCommandLine() {
    }

    static Parsed parse(String[] args, Map<String, String> env) throws UsageException {
        String host = HubConfig.DEFAULT_HOST;
        String port = env.get(ENV_PORT);
        String data = env.get(ENV_DATA);
        String sipDomain = null;
        String sipTransport = null;
        String stunServer = null;
        String turnSecretFile = null;
        boolean ice = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                return new Parsed(null, true);
            }
            if (arg.equals("--ice")) {
                ice = true;
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = null;
            }
            switch (name) {
                case "--host" -> host = required(name, value);
                case "--port" -> port = required(name, value);
                case "--data" -> data = required(name, value);
                case "--sip-domain" -> sipDomain = required(name, value);
                case "--sip-transport" -> sipTransport = required(name, value);
                case "--stun-server" -> stunServer = required(name, value);
                case "--turn-secret-file" -> turnSecretFile = required(name, value);
                default -> throw new UsageException("Unknown option: " + arg);
            }
        }
        int portNumber = port(port);
        if (data == null || data.isBlank()) {
            throw new UsageException("No data directory: pass --data <dir> or set " + ENV_DATA);
        }
        HubConfig config = new HubConfig(host, portNumber, path(data, "data directory"));
        if (sipTransport != null && sipDomain == null) {
            throw new UsageException("--sip-transport needs --sip-domain");
        }
        if ((stunServer != null || ice || turnSecretFile != null) && sipDomain == null) {
            throw new UsageException("--stun-server, --ice and --turn-secret-file need --sip-domain");
        }
        if ((ice || turnSecretFile != null) && stunServer == null) {
            throw new UsageException("--ice and --turn-secret-file need --stun-server");
        }
        if (sipDomain != null) {
            SipDomain domain = sipDomain(sipDomain, transport(sipTransport));
            if (stunServer != null) {
                domain = domain.withRelay(relay(stunServer, ice, turnSecretFile));
            }
            config = config.withSip(domain);
        }
        return new Parsed(config, false);
    }

    private static MediaRelay relay(String server, boolean ice, String secretFile) throws UsageException {
        String secret = null;
        if (secretFile != null) {
            try {
                secret = Files.readString(path(secretFile, "TURN secret file")).strip();
            } catch (IOException e) {
                throw new UsageException("Cannot read the TURN secret file " + secretFile + ": " + e.getMessage());
            }
            if (secret.isEmpty()) {
                throw new UsageException("The TURN secret file " + secretFile + " is empty");
            }
        }
        try {
            return new MediaRelay(server, ice, secret, MediaRelay.DEFAULT_LIFETIME);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Bad --stun-server: " + e.getMessage());
        }
    }

    private static SipTransport transport(String value) throws UsageException {
        if (value == null) {
            return SipTransport.TLS;
        }
        try {
            return SipTransport.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("SIP transport must be UDP, TCP or TLS, got '" + value + "'");
        }
    }

    private static SipDomain sipDomain(String value, SipTransport transport) throws UsageException {
        try {
            return SipDomain.parse(value, transport);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Bad --sip-domain: " + e.getMessage());
        }
    }

    private static String required(String option, String value) throws UsageException {
        if (value == null || value.isBlank()) {
            throw new UsageException("Option " + option + " needs a value");
        }
        return value;
    }

    private static int port(String value) throws UsageException {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65_535) {
                throw new UsageException("Port must be between 0 and 65535, got " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("Port must be a number, got '" + value + "'");
        }
    }

    private static Path path(String value, String what) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("Not a valid " + what + ": " + value);
        }
    }
}
