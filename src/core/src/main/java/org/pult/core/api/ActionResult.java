package org.pult.core.api;

import java.time.Instant;

/**
 * The backend's answer to an applied action. A replayed key gets the same result again (with
 * the {@link ApiPaths#REPLAYED_HEADER} header), so a client that lost the first answer learns it
 * now.
 *
 * @param idempotencyKey the key of the action
 * @param type           what it was
 * @param entityId       what it made: the message id of a REPLY, the note id of a NOTE, the
 *                       disposition id of a DISPOSITION, the operator id of a STATE_CHANGE
 * @param cursor         the event log position of the action's last effect
 * @param appliedAt      when the backend applied it
 */
public record ActionResult(String idempotencyKey, ActionType type, String entityId, long cursor, Instant appliedAt) {
}
