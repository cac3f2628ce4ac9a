package org.pult.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.pult.hub.actions.ActionService;
import org.pult.hub.actions.SignInState;
import org.pult.hub.auth.Authenticator;
import org.pult.hub.auth.PasswordHasher;
import org.pult.hub.auth.SessionTokens;
import org.pult.hub.demo.DemoSeeder;
import org.pult.hub.events.EventSignal;
import org.pult.hub.http.ApiServices;
import org.pult.hub.http.HubHttp;
import org.pult.hub.http.HubJson;
import org.pult.hub.routing.Intake;
import org.pult.hub.routing.QueueStore;
import org.pult.hub.routing.Router;
import org.pult.hub.routing.RoutingLoop;
import org.pult.hub.sip.SipProvisioning;
import org.pult.hub.store.CodeLists;
import org.pult.hub.store.ConversationStore;
import org.pult.hub.store.EventLog;
import org.pult.hub.store.NoteStore;
import org.pult.hub.store.HubDatabase;
import org.pult.hub.store.SessionStore;
import org.pult.hub.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running hub: its database opened and migrated (and seeded with demo data if empty), and its
 * REST API listening. The composition root of the hub.
 */
public final class HubServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);

    private final Javalin http;
    private final String host;
    private final EventSignal signal;
    private final HubDatabase database;
    private final RoutingLoop routing;
    private volatile boolean closed;

    private HubServer(Javalin http, String host, EventSignal signal, HubDatabase database, RoutingLoop routing) {
        this.http = http;
        this.host = host;
        this.signal = signal;
        this.database = database;
        this.routing = routing;
    }

    /**
     * Starts a hub and returns once it accepts connections.
     *
     * @throws HubStartException if the data directory or database cannot be used or the port cannot be bound
     */
    public static HubServer start(HubConfig config) {
        return start(config, Clock.systemUTC());
    }

    static HubServer start(HubConfig config, Clock clock) {
        long started = System.nanoTime();
        HubDatabase database = openDatabase(config);
        try {
            return start(config, clock, database, started);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static HubServer start(HubConfig config, Clock clock, HubDatabase database, long started) {
        SecureRandom random = new SecureRandom();
        PasswordHasher hasher = new PasswordHasher(random);
        seed(database, clock);
        ObjectMapper json = HubJson.newMapper();
        EventSignal signal = new EventSignal();
        UserStore users = new UserStore(database);
        ConversationStore conversations = new ConversationStore(database);
        NoteStore notes = new NoteStore(database);
        CodeLists codes = new CodeLists(database);
        EventLog events = new EventLog(database, json);
        SipProvisioning sip = new SipProvisioning(config.sip(), clock);
        Authenticator authenticator = new Authenticator(users, new SessionStore(database), hasher,
                new SessionTokens(random), clock, new SignInState(database, users, events, signal, clock), sip::profileOf,
                config.sessions());
        QueueStore queues = new QueueStore(database);
        RoutingLoop routing = new RoutingLoop(
                Router.create(database, queues, config.routing(), conversations, events, signal, clock));
        ActionService actions = new ActionService(database, users, conversations, notes, codes, events, signal, json, clock,
                routing::wake);
        Intake intake = new Intake(database, queues, conversations, events, signal, routing::wake, clock);
        ApiServices services = new ApiServices(authenticator, users, conversations, notes, codes, actions, events, signal,
                sip, config.heartbeat(), queues, intake);
        Javalin http = HubHttp.create(services, json);
        try {
            http.start(config.host(), config.port());
        } catch (RuntimeException e) {
            signal.close();
            routing.close();
            http.stop();
            throw new HubStartException("Cannot listen on " + config.host() + ":" + config.port()
                    + " (" + e.getMessage() + ")", e);
        }
        routing.start(config.routing().sweep());
        HubServer server = new HubServer(http, config.host(), signal, database, routing);
        LOG.info("Pult hub listening on {} with data in {} (started in {} ms)", server.baseUri(),
                database.file(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (config.sip() != null) {
            LOG.info("Operators get SIP accounts on {}", config.sip());
        }
        return server;
    }

    private static HubDatabase openDatabase(HubConfig config) {
        try {
            return HubDatabase.open(config.dataDir());
        } catch (SQLException | RuntimeException e) {
            throw new HubStartException("Cannot open the hub database in " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private static void seed(HubDatabase database, Clock clock) {
        try {
            new DemoSeeder(database, clock).seedIfEmpty();
        } catch (SQLException e) {
            throw new HubStartException("Cannot seed demo data into " + database.file() + ": " + e.getMessage(), e);
        }
    }

    /** The port it listens on; the actual one when started with port 0. */
    public int port() {
        return http.port();
    }

    /** Where clients reach it, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        String uriHost = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return URI.create("http://" + uriHost + ":" + port());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int port = port();
        routing.close();
        signal.close();
        http.stop();
        database.close();
        LOG.info("Pult hub on port {} stopped", port);
    }
}
