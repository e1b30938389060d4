package dev.koers.api;

import java.util.List;

/** Reports what keeps this process from serving; an empty list means ready. */
@FunctionalInterface
public interface Readiness {

  List<String> problems();
}
