package dev.koers.api;

import dev.koers.client.KoersClient;
import dev.koers.views.DecisionLookup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What the HTTP API talks to: the ledger (through the gateway), the views, and who is ready. */
public record ApiBackends(Callers callers, KoersClient gateway, DecisionLookup lookup, Readiness readiness,
                          PrometheusMeterRegistry meters) {}
