package dev.koers.cli;

import java.util.concurrent.Callable;

/** A subcommand that is planned but not built yet: it says so plainly and exits with code 2. */
abstract class NotBuiltYet implements Callable<Integer> {

  private final String what;

  NotBuiltYet(String what) {
    this.what = what;
  }

  @Override
  public Integer call() {
    System.err.println("koers: " + what + " is not built yet in this version of Koers.");
    return 2;
  }
}
