package dev.koers.testkit;

import java.util.UUID;

/** Names that cannot collide between tests, runs or a shared external cluster, and are valid topic names. */
final class UniqueNames {

    /** Kafka allows 249 characters; the suffix needs 17 of them. */
    private static final int MAX_BASE_LENGTH = 200;

    private UniqueNames() {
    }

    /**
     * The base with characters Kafka does not allow replaced by '-', then '-' and 16 random hex digits: 64 bits,
     * so that a million names collide with odds near 1 in 40 million (8 digits gave 10,000 names a 1 % chance).
     */
    static String next(String base) {
        String safe = base.replaceAll("[^a-zA-Z0-9._-]", "-");
        if (safe.length() > MAX_BASE_LENGTH) {
            safe = safe.substring(0, MAX_BASE_LENGTH);
        }
        UUID random = UUID.randomUUID();
        // Each half has a few fixed bits (version, variant), in places where the other half's are random.
        return safe + "-" + String.format("%016x", random.getMostSignificantBits() ^ random.getLeastSignificantBits());
    }
}
