package io.auditor.collect.snmp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vendor OID map: which columns of a vendor table become which fields of a fact, so that a new kind of device
 * (a wireless controller's SSID table, a VC unit's auto-answer setting) is added as data. Loaded by {@link OidMaps}
 * from {@code io/auditor/collect/snmp/maps/<name>.yaml}; the probe command {@code map <name>} walks its columns and
 * the parser {@code snmp-oid-map} turns each row (the OID suffix after a column, {@code 0} for a scalar) into one fact.
 *
 * @param fact    simple name of the fact record in {@code io.auditor.model.facts}, for example {@code WirelessNetwork}
 * @param table   the name reported with the row count ({@code CollectedTable}), for example {@code wireless-networks}
 * @param columns in order of precedence: when several columns set one field, the first that maps its value wins
 */
public record OidMap(String name, String description, String fact, String table, List<Column> columns) {
    public OidMap {
        columns = List.copyOf(columns);
    }

    /**
     * @param field  the fact's record component to set
     * @param oid    the column's OID (numeric, no leading dot)
     * @param values device value → field value; when given, a value not listed leaves the field to later columns
     *               (and null when none maps it); when absent, the value is copied as text
     */
    public record Column(String field, String oid, Map<String, String> values) {
        public Column {
            values = values == null ? null : Map.copyOf(values);
        }
    }

    /** Distinct column OIDs, in order: what {@code map <name>} walks. */
    public List<String> walkedOids() {
        Set<String> oids = new LinkedHashSet<>();
        for (Column c : columns) oids.add(c.oid());
        return List.copyOf(oids);
    }
}
