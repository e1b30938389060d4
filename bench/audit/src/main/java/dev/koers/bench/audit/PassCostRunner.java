package dev.koers.bench.audit;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs JMH (given JMH's own command-line options) with every fork on the audit's JVM options, so that the
 * collector works as it does under bin/koers. Without a benchmark named, it runs {@link PassCost}.
 */
public final class PassCostRunner {

  private PassCostRunner() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions given = new CommandLineOptions(args);
    OptionsBuilder options = new OptionsBuilder();
    options.parent(given).jvmArgsAppend(AuditJvmOptions.read().toArray(String[]::new));
    if (given.getIncludes().isEmpty()) {
      options.include(PassCost.class.getSimpleName());
    }
    new Runner(options.build()).run();
  }
}
