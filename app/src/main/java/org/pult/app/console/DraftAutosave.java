package org.pult.app.console;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.pult.cache.DraftStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves what the operator types into the cache as they type, off the FX thread. Only the newest
 * text per save matters: each write takes the latest pending value under one lock, so an older
 * text never overwrites a newer one however the background threads are scheduled.
 */
final class DraftAutosave {

    private static final Logger LOG = LoggerFactory.getLogger(DraftAutosave.class);

    private record Pending(String conversationId, String text) {
    }

    private final DraftStore drafts;
    private final Executor background;
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private final Object writeLock = new Object();

    DraftAutosave(DraftStore drafts, Executor background) {
        this.drafts = drafts;
        this.background = background;
    }

    void changed(String conversationId, String text) {
        pending.set(new Pending(conversationId, text));
        background.execute(this::writePending);
    }

    private void writePending() {
        synchronized (writeLock) {
            Pending latest = pending.getAndSet(null);
            if (latest == null) {
                return;
            }
            try {
                drafts.save(latest.conversationId(), latest.text());
            } catch (RuntimeException failure) {
                // The text is still in the reply box; the next keystroke retries the save.
                LOG.warn("Could not save the draft of {}: {}", latest.conversationId(), failure.getMessage());
            }
        }
    }
}
