package dev.koers.bench.audit;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * For the benchmark: calls a tool's main {@code times} times in this fresh JVM, so that its later runs are warm.
 * Usage: {@code RepeatedMain <times> <main class> <arguments>}.
 */
public final class RepeatedMain {

  private RepeatedMain() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    Method main = Class.forName(args[1]).getMethod("main", String[].class);
    String[] arguments = Arrays.copyOfRange(args, 2, args.length);
    for (int run = 0; run < Integer.parseInt(args[0]); run++) {
      main.invoke(null, (Object) arguments.clone());
    }
  }
}
