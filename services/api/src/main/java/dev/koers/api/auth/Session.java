package dev.koers.api.auth;

import java.time.Instant;

/** A verified token: whom it speaks for and until when (its {@code exp}); a long-lived stream ends then. */
public record Session(Principal principal, Instant expiresAt) {}
