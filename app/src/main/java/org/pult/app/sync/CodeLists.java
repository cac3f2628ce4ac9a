package org.pult.app.sync;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.pult.core.api.CodeOption;
import org.pult.sync.HubClient;
import org.pult.sync.SyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's lists of NOT_READY reasons and disposition codes, as last loaded. Kept in memory
 * for the session, so the operator can still choose from them while the backend is away.
 */
public final class CodeLists {

    private static final Logger LOG = LoggerFactory.getLogger(CodeLists.class);

    private final HubClient client;
    private final Supplier<String> token;
    private volatile List<CodeOption> reasonCodes = List.of();
    private volatile List<CodeOption> dispositions = List.of();

    public CodeLists(HubClient client, Supplier<String> token) {
        this.client = Objects.requireNonNull(client, "client");
        this.token = Objects.requireNonNull(token, "token");
    }

    /** Loads both lists; blocking. Keeps the last ones when the backend cannot be asked. */
    public boolean refresh() {
        try {
            List<CodeOption> reasons = client.reasonCodes(token.get());
            List<CodeOption> codes = client.dispositions(token.get());
            reasonCodes = reasons;
            dispositions = codes;
            return true;
        } catch (SyncException failure) {
            LOG.info("Reason codes and dispositions not loaded; keeping the last lists: {}", failure.getMessage());
            return false;
        }
    }

    public List<CodeOption> reasonCodes() {
        return reasonCodes;
    }

    public List<CodeOption> dispositions() {
        return dispositions;
    }

    /** The label of a NOT_READY reason, or the code itself when the list does not have it. */
    public String reasonLabel(String code) {
        return labelIn(reasonCodes, code);
    }

    /** The label of a disposition code, or the code itself when the list does not have it. */
    public String dispositionLabel(String code) {
        return labelIn(dispositions, code);
    }

    private static String labelIn(List<CodeOption> options, String code) {
        return options.stream().filter(option -> option.code().equals(code)).map(CodeOption::label)
                .findFirst().orElse(code);
    }
}
