/**
 * The auditor's tool: reads the decision log directly from Kafka, read-only (docs/audit.md).
 *
 * <ul>
 *   <li>{@code log}: reading a topic's raw records within a fixed extent (assign, seek, read_committed);
 *   <li>{@code decode}: raw bytes to events by docs/wire-format.md, or a reason why not;
 *   <li>{@code pass}: one read of the log, decoded once and handed to every listener, reading and checking
 *       on two threads;
 *   <li>{@code verify}: the chain checks and their findings;
 *   <li>{@code digest}: heads, the Merkle root, and comparing a log with a digest;
 *   <li>{@code replay}: decisions and metrics rebuilt with the domain core, by selection and as of an instant;
 *   <li>{@code export}: flat rows as JSON Lines or CSV;
 *   <li>{@code progress}: the progress line on a terminal;
 *   <li>{@code cli}: the picocli subcommands that {@code koers audit} mounts.
 * </ul>
 */
package dev.koers.audit;
