/**
 * The metric core: every figure of domain.md ("Metrics"), as pure functions of the decision log.
 *
 * <p>The flow, shared by the live views and the auditor's replay:
 *
 * <ol>
 *   <li>{@link dev.koers.domain.metrics.DecisionFactsFold} folds a decision's events into its
 *       {@link dev.koers.domain.metrics.DecisionFacts} (what the metrics need, nothing more);
 *   <li>{@link dev.koers.domain.metrics.DecisionMetrics#of} gives the per-decision figures;
 *   <li>{@link dev.koers.domain.metrics.Contributions#of} turns a decision's current facts into what it adds
 *       to each (unit or manager) x (all time or ISO week) aggregate; a change of the decision subtracts the
 *       old contributions and adds the new ones, so a {@link dev.koers.domain.metrics.MetricsAggregate} is
 *       always the sum of its decisions' current contributions, whatever the order of updates;
 *   <li>{@link dev.koers.domain.metrics.MetricsDocument#of} renders an aggregate as the API's metrics
 *       document, applying {@link dev.koers.domain.metrics.Anonymity}.
 * </ol>
 *
 * <p>{@link dev.koers.domain.metrics.MetricsReplay} does steps 1 to 3 in one pass over a whole log. Every sum
 * is an integer and every division happens at render time, so live and replayed figures are equal to the
 * last digit. docs/metrics.md defines each figure.
 */
package dev.koers.domain.metrics;
