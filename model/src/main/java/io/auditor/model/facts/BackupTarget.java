package io.auditor.model.facts;

/**
 * A backup destination declared in the inventory ({@code backupTargets:} of a device). Its runs are the device's
 * {@link BackupRun}s of the same tool whose data set matches {@code dataSet}.
 *
 * @param source   the inventory file and line it was declared at
 * @param location {@code off-site}, {@code offline} or {@code on-site}
 * @param tool     the backup tool writing to it, as {@link BackupRun#tool()} names it (for example {@code restic})
 * @param dataSet  a glob on {@link BackupRun#dataSet()} ({@code *} for every data set)
 */
public record BackupTarget(String deviceId, String source, String name, String location, String tool, String dataSet)
        implements Fact {
    /** True for a copy that survives the loss of the building or a ransomware attack on the network. */
    public boolean isOffsiteOrOffline() {
        return "off-site".equals(location) || "offline".equals(location);
    }
}
