package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.collect.snmp.OidMap;
import io.auditor.collect.snmp.OidMaps;
import io.auditor.collect.snmp.SnmpCommand;
import io.auditor.collect.snmp.WalkEntry;
import io.auditor.collect.snmp.WalkText;
import io.auditor.model.Observation;
import io.auditor.model.facts.CollectedTable;
import io.auditor.model.facts.Fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the output of {@code map NAME} with the vendor OID map {@code NAME} (named by the observation's command, so
 * captures replay it too): one fact per row index, fields set by the first column whose value the map knows.
 */
public final class SnmpOidMapParser implements Parser {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Override
    public String id() { return "snmp-oid-map"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        SnmpCommand command;
        try {
            command = SnmpCommand.parse(obs.command());
        } catch (IllegalArgumentException e) {
            throw new UnrecognisedOutputException("the probe's command is not 'map NAME': " + e.getMessage(), 0);
        }
        if (!command.verb().equals("map")) {
            throw new UnrecognisedOutputException("the probe's command is not 'map NAME' but '" + command.verb() + "'", 0);
        }
        String name = command.arguments().get(0);
        OidMap map = OidMaps.builtIn().find(name).orElseThrow(() ->
                new UnrecognisedOutputException("no OID map '" + name + "' is installed", 0));
        Class<?> type;
        try {
            type = Class.forName("io.auditor.model.facts." + map.fact());
        } catch (ClassNotFoundException e) {
            throw new UnrecognisedOutputException("OID map " + name + " names an unknown fact " + map.fact(), 0);
        }
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (WalkEntry e : WalkText.parse(obs.output())) {
            if (e.isException()) continue;
            for (OidMap.Column c : map.columns()) {
                String index = e.indexAfter(c.oid());
                if (index == null) continue;
                Map<String, Object> row = rows.computeIfAbsent(index, k -> new LinkedHashMap<>());
                if (row.get(c.field()) != null) continue;
                String value = e.text().strip();
                Object mapped = c.values() == null ? value : c.values().get(value);
                if (mapped != null) row.put(c.field(), mapped);
                else row.putIfAbsent(c.field(), null);
            }
        }
        List<Fact> facts = new ArrayList<>();
        for (Map<String, Object> row : rows.values()) {
            Map<String, Object> fields = new LinkedHashMap<>(row);
            fields.put("deviceId", obs.deviceId());
            fields.put("source", obs.probeId());
            try {
                facts.add((Fact) JSON.convertValue(fields, type));
            } catch (IllegalArgumentException ex) {
                throw new UnrecognisedOutputException("a row does not fit " + map.fact() + ": "
                        + ex.getMessage().lines().findFirst().orElse(""), 0);
            }
        }
        facts.add(new CollectedTable(obs.deviceId(), obs.probeId(), map.table(), rows.size()));
        return facts;
    }
}
