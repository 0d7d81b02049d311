package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.PendingUpdate;
import io.auditor.model.facts.UpdateStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Windows Update agent's applicable, not-installed updates as {@code {"LastSearchSuccessDate": …,
 * "Updates": [{Title, KBArticleIDs, MsrcSeverity, Categories, LastDeploymentChangeTime}]}}. An update is a
 * security update when it is in the "Security Updates" classification or carries an MSRC severity. Without a
 * LastSearchSuccessDate (null or the year-1 "never") the output is refused: an agent that has never searched knows
 * of no updates, so its empty list proves nothing.
 */
public final class WindowsPendingUpdatesParser implements Parser {
    static final String SECURITY_CATEGORY = "Security Updates";

    @Override
    public String id() { return "windows-pending-updates"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode root = Json.read(obs.output());
        if (root == null || !root.isObject()) {
            throw new UnrecognisedOutputException("expected a JSON object with LastSearchSuccessDate and Updates", 0);
        }
        Json.require(root, "the result", "LastSearchSuccessDate", "Updates");
        Instant searched = Times.notAfter(Json.date(root, "LastSearchSuccessDate"), obs.observedAt(),
                "LastSearchSuccessDate", 0);
        if (searched == null || Json.isSentinel(searched)) {
            // The agent lists only what its searches found: never having searched, it knows of no updates at all.
            throw new UnrecognisedOutputException("LastSearchSuccessDate is empty or year 1: the Windows Update agent has never "
                    + "completed a search, so its list of pending updates cannot be trusted", 0);
        }
        List<Fact> updates = new ArrayList<>();
        int n = 0;
        for (JsonNode u : Json.objects(root.get("Updates"), "update")) {
            n++;
            String what = "update " + n;
            Json.require(u, what, "Title");
            String title = Json.text(u, "Title");
            if (title == null || title.isBlank()) throw new UnrecognisedOutputException(what + " has no Title", 0);
            List<String> kbs = new ArrayList<>();
            for (String kb : Json.strings(u, "KBArticleIDs")) {
                String k = kb.strip();
                if (!k.isEmpty()) kbs.add(k.regionMatches(true, 0, "KB", 0, 2) ? "KB" + k.substring(2) : "KB" + k);
            }
            String severity = Json.text(u, "MsrcSeverity");
            boolean security = (severity != null && !severity.isBlank())
                    || Json.strings(u, "Categories").stream().anyMatch(c -> c.strip().equalsIgnoreCase(SECURITY_CATEGORY));
            Instant released = Times.notAfter(Json.date(u, "LastDeploymentChangeTime"), obs.observedAt(),
                    what + " LastDeploymentChangeTime", 0);
            if (Json.isSentinel(released)) released = null;
            updates.add(new PendingUpdate(obs.deviceId(), obs.probeId(), title, null,
                    kbs.isEmpty() ? null : String.join(", ", kbs), security, released));
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new UpdateStatus(obs.deviceId(), obs.probeId(), obs.observedAt(), searched, updates.size()));
        facts.addAll(updates);
        return facts;
    }
}
