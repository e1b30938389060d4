package dev.koers.testkit;

import java.util.UUID;

/** Names that cannot collide between tests, runs or a shared external cluster, and are valid topic names. */
final class UniqueNames {

    /** Kafka allows 249 characters; the suffix needs 9 of them. */
    private static final int MAX_BASE_LENGTH = 200;

    private UniqueNames() {
    }

    /** The base with characters Kafka does not allow replaced by '-', then '-' and 8 random hex digits. */
    static String next(String base) {
        String safe = base.replaceAll("[^a-zA-Z0-9._-]", "-");
        if (safe.length() > MAX_BASE_LENGTH) {
            safe = safe.substring(0, MAX_BASE_LENGTH);
        }
        return safe + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
