/** The auditor's tool: reads the decision log directly from Kafka, read-only. */
package dev.koers.audit;
