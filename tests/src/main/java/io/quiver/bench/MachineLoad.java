package io.quiver.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** How busy the machine is: its load average and, on Linux, its CPU pressure. */
final class MachineLoad {
  private static final Path CPU_PRESSURE = Path.of("/proc/pressure/cpu");
  private static final String LAST_MINUTE = "avg60=";

  private MachineLoad() {}

  /** E.g. "load average 7.9, CPU pressure 93%". */
  static String describe() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String average = load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    return "load average " + average + cpuPressure();
  }

  /** The share of the last minute in which some runnable thread waited for a core. */
  private static String cpuPressure() {
    try {
      for (String line : Files.readAllLines(CPU_PRESSURE)) {
        int start = line.indexOf(LAST_MINUTE);
        if (line.startsWith("some") && start >= 0) {
          String value = line.substring(start + LAST_MINUTE.length()).split(" ")[0];
          return ", CPU pressure " + Math.round(Double.parseDouble(value)) + "%";
        }
      }
    } catch (IOException | RuntimeException unavailable) {
      return "";
    }
    return "";
  }
}
