package dev.koers.audit.decode;

import dev.koers.audit.log.RecordPosition;
import dev.koers.schema.DecisionEvent;

/**
 * An event decoded from the log, with where it was and whether its bytes carry their own hash.
 *
 * @param hashMatches whether SHA-256 of the body minus its last 32 bytes equals those 32 bytes, which are the
 *     decoded {@code hash} (docs/wire-format.md): false means the record was changed after it was sealed
 */
public record LoggedEvent(RecordPosition position, String key, DecisionEvent event, boolean hashMatches)
    implements ReadRecord {}
