package dev.koers.views;

/** A view cannot answer right now (starting, restoring, rebalancing): ask again shortly. */
public final class ViewUnavailable extends RuntimeException {

  public ViewUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
