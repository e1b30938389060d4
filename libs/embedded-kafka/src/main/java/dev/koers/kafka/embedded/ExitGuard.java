package dev.koers.kafka.embedded;

import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's Exit procedures are JVM-wide, so they are swapped for throwing ones while at least one in-process
 * broker runs, and Kafka's defaults come back when the last one closes.
 */
final class ExitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ExitGuard.class);
    private static final Object LOCK = new Object();
    private static int holders; // guarded by LOCK: the number of running in-process brokers

    private ExitGuard() {
    }

    static void acquire() {
        synchronized (LOCK) {
            if (holders == 0) {
                Exit.setExitProcedure(ExitGuard::refuse);
                Exit.setHaltProcedure(ExitGuard::refuse);
            }
            holders++;
        }
    }

    static void release() {
        synchronized (LOCK) {
            if (holders == 0) {
                throw new IllegalStateException("ExitGuard released more often than acquired");
            }
            holders--;
            if (holders == 0) {
                Exit.resetExitProcedure();
                Exit.resetHaltProcedure();
            }
        }
    }

    private static void refuse(int status, String message) {
        BrokerExitException refusal = new BrokerExitException(status, message);
        // The calling Kafka thread may swallow the exception, so say it once here too.
        LOG.error("Refused to end the JVM for the embedded broker", refusal);
        throw refusal;
    }
}
