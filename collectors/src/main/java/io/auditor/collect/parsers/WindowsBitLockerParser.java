package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.Text;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.DiskEncryption;
import io.auditor.model.facts.Fact;

import java.util.List;
import java.util.Set;

/**
 * {@code Get-BitLockerVolume -MountPoint $env:SystemDrive} (MountPoint, VolumeStatus and ProtectionStatus as text,
 * EncryptionPercentage) as {@code ConvertTo-Json}. The system drive is protected when ProtectionStatus is On, which
 * BitLocker reports only for a fully encrypted volume whose key is not exposed (a suspended volume is Off).
 */
public final class WindowsBitLockerParser implements Parser {
    private static final Set<String> VOLUME_STATUSES = Set.of("FullyDecrypted", "FullyEncrypted", "EncryptionInProgress",
            "DecryptionInProgress", "EncryptionPaused", "DecryptionPaused");

    @Override
    public String id() { return "windows-bitlocker"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode v = Json.single(obs.output(), "Get-BitLockerVolume", "MountPoint", "VolumeStatus", "ProtectionStatus",
                "EncryptionPercentage");
        String mount = Json.text(v, "MountPoint");
        if (mount == null || mount.isBlank()) throw new UnrecognisedOutputException("MountPoint is empty", 0);
        String volume = Json.text(v, "VolumeStatus");
        if (!VOLUME_STATUSES.contains(volume)) {
            throw new UnrecognisedOutputException("VolumeStatus is " + Text.quote(String.valueOf(volume)) + ", expected one of "
                    + new java.util.TreeSet<>(VOLUME_STATUSES), 0);
        }
        String protection = Json.text(v, "ProtectionStatus");
        Boolean on = switch (protection == null ? "" : protection) {
            case "On" -> true;
            case "Off" -> false;
            case "Unknown" -> null; // a locked volume: its state cannot be read
            default -> throw new UnrecognisedOutputException("ProtectionStatus is " + Text.quote(String.valueOf(protection))
                    + ", expected On, Off or Unknown", 0);
        };
        String percent = Json.text(v, "EncryptionPercentage");
        String detail = "BitLocker " + Text.clean(mount, 20) + " VolumeStatus " + volume + ", ProtectionStatus "
                + protection + (percent == null ? "" : ", " + percent + "% encrypted");
        return List.of(new DiskEncryption(obs.deviceId(), obs.probeId(), Text.clean(mount, 20), true, on, detail));
    }
}
