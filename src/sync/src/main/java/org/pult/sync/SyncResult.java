package org.pult.sync;

/** How much one pull wrote into the cache. */
public record SyncResult(int conversations, int messages) {
}
