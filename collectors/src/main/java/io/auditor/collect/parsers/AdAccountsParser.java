package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.DirectoryAccount;
import io.auditor.model.facts.Fact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain's user accounts as the {@code ad-accounts} probe prints them: {@code {Domain, Accounts: [{SamAccountName,
 * Enabled, LastLogonTimestamp, WhenCreated, DistinguishedName, MemberOf: [dn…]}]}} ({@code Get-ADUser -Filter *},
 * {@code ConvertTo-Json -Compress}). {@code LastLogonTimestamp} is the raw attribute: a Windows FILETIME (100 ns
 * intervals since 1601-01-01 UTC), null or 0 when the account never logged on.
 */
public final class AdAccountsParser implements Parser {
    /** FILETIME of the Unix epoch: 100 ns intervals between 1601-01-01 and 1970-01-01. */
    static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

    @Override
    public String id() { return "ad-accounts"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode root = Json.single(obs.output(), "the accounts script", "Domain", "Accounts");
        String domain = Json.text(root, "Domain");
        if (domain == null || domain.isBlank()) throw new UnrecognisedOutputException("Domain is empty", 0);
        List<JsonNode> accounts = Json.objects(root.get("Accounts"), "account");
        if (accounts.isEmpty()) {
            // Every domain has at least Administrator and krbtgt.
            throw new UnrecognisedOutputException("no accounts listed; every domain has at least Administrator", 0);
        }
        List<Fact> facts = new ArrayList<>();
        int n = 0;
        for (JsonNode a : accounts) {
            n++;
            String what = "account " + n;
            Json.require(a, what, "SamAccountName", "Enabled", "LastLogonTimestamp", "DistinguishedName");
            String sam = Json.text(a, "SamAccountName");
            if (sam == null || sam.isBlank()) throw new UnrecognisedOutputException(what + " has no SamAccountName", 0);
            what = what + " (" + sam + ")";
            Instant lastLogon = fileTime(a.get("LastLogonTimestamp"), what);
            Instant created = Json.date(a, "WhenCreated");
            lastLogon = Times.notAfter(lastLogon, obs.observedAt(), what + " LastLogonTimestamp", 0);
            created = Times.notAfter(created, obs.observedAt(), what + " WhenCreated", 0);
            List<String> groups = new ArrayList<>();
            for (String dn : Json.strings(a, "MemberOf")) groups.add(commonName(dn));
            facts.add(new DirectoryAccount(obs.deviceId(), obs.probeId(), obs.observedAt(), domain + "\\" + sam,
                    Json.bool(a, "Enabled"), lastLogon, created, Json.text(a, "DistinguishedName"), groups));
        }
        return facts;
    }

    /** A FILETIME as a number (or its text); null for null or 0, which mean "never". */
    static Instant fileTime(JsonNode n, String what) throws UnrecognisedOutputException {
        if (n == null || n.isNull()) return null;
        long ft;
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            ft = n.longValue();
        } else if (n.isTextual() && n.asText().strip().matches("\\d{1,19}")) {
            ft = Long.parseLong(n.asText().strip());
        } else {
            throw new UnrecognisedOutputException(what + " LastLogonTimestamp is " + n + ", not a FILETIME number", 0);
        }
        if (ft == 0) return null;
        if (ft < 0) throw new UnrecognisedOutputException(what + " LastLogonTimestamp " + ft + " is negative", 0);
        long sinceUnix = ft - FILETIME_UNIX_EPOCH;
        return Instant.ofEpochSecond(Math.floorDiv(sinceUnix, 10_000_000L), Math.floorMod(sinceUnix, 10_000_000L) * 100);
    }

    /** {@code Students} from {@code CN=Students,OU=Groups,DC=riverside,DC=local} (escaped commas kept). */
    static String commonName(String dn) {
        String first = dn.split("(?<!\\\\),", 2)[0].strip();
        String value = first.regionMatches(true, 0, "CN=", 0, 3) ? first.substring(3) : first;
        return value.replace("\\,", ",");
    }
}
