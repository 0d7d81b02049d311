package io.auditor.model.facts;

/**
 * The machine policy for AutoRun/AutoPlay of removable and other media.
 *
 * @param noDriveTypeAutoRun the NoDriveTypeAutoRun bit mask (255 = every drive type), or null when not set
 * @param noAutorun          NoAutorun (1 = autorun.inf commands never run), or null when not set
 * @param offForAllDrives    AutoRun cannot start anything from any drive type
 */
public record AutoRunPolicy(String deviceId, String source, Integer noDriveTypeAutoRun, Integer noAutorun,
                            boolean offForAllDrives) implements Fact {
}
