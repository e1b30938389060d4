package dev.koers.api;

import dev.koers.api.auth.TokenVerifier;
import dev.koers.client.Submitter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What the HTTP API talks to: the ledger (through the gateway), the views, and who is ready. */
public record ApiBackends(TokenVerifier tokens, Submitter submitter, ViewAccess views, Readiness readiness,
                          PrometheusMeterRegistry meters, ViewFeed feed) {}
