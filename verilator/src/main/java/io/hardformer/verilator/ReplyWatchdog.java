package io.hardformer.verilator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops native models that stay silent past their deadline while the JVM waits for a reply (a
 * handshake that never comes, a model that hangs). One daemon thread checks every registered model
 * ten times a second; the waiting read then ends and {@link SimulationProcess} reports the timeout.
 */
final class ReplyWatchdog {
  private static final Set<SimulationProcess> WATCHED = ConcurrentHashMap.newKeySet();
  private static Thread thread;

  private ReplyWatchdog() {}

  static synchronized void watch(SimulationProcess p) {
    WATCHED.add(p);
    if (thread == null) {
      thread = new Thread(ReplyWatchdog::loop, "hardformer-model-watchdog");
      thread.setDaemon(true);
      thread.start();
    }
  }

  static void unwatch(SimulationProcess p) {
    WATCHED.remove(p);
  }

  private static void loop() {
    while (true) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (SimulationProcess p : WATCHED) {
        p.stopIfSilentPast(now);
      }
    }
  }
}
