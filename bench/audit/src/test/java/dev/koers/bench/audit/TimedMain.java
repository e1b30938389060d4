package dev.koers.bench.audit;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * For the benchmark: calls a tool's main once in this fresh JVM and prints how long the call took (JVM start-up
 * excluded), so that the whole process's time and the tool's own time can be told apart.
 * Usage: {@code TimedMain <main class> <arguments>}.
 */
public final class TimedMain {

  private TimedMain() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    long start = System.nanoTime();
    main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    System.out.println("timed-command exit=0 nanos=" + (System.nanoTime() - start));
  }
}
