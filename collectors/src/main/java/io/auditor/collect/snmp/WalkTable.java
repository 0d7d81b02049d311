package io.auditor.collect.snmp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walk entries arranged as a table: row index (the OID suffix after a column) → column → entry.
 * Used by the parsers to read a row's columns together.
 */
public final class WalkTable {
    private final Map<String, Map<String, WalkEntry>> rows = new LinkedHashMap<>();

    /** @param columns column OIDs (numeric, no leading dot) */
    public static WalkTable of(List<WalkEntry> entries, List<String> columns) {
        WalkTable t = new WalkTable();
        for (WalkEntry e : entries) {
            if (e.isException()) continue;
            for (String c : columns) {
                String index = e.indexAfter(c);
                if (index != null) {
                    t.rows.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(c, e);
                    break;
                }
            }
        }
        return t;
    }

    public Map<String, Map<String, WalkEntry>> rows() {
        return rows;
    }

    /** The single entry at exactly {@code oid}, or null. */
    public static WalkEntry find(List<WalkEntry> entries, String oid) {
        for (WalkEntry e : entries) if (e.oid().equals(oid) && !e.isException()) return e;
        return null;
    }

    /** Decimal sub-identifiers of an index; an empty array for an empty index. */
    public static int[] parts(String index) {
        if (index == null || index.isEmpty()) return new int[0];
        String[] p = index.split("\\.");
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(p[i]));
        return out;
    }
}
