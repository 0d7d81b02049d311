package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.PasswordPolicy;

import java.util.List;

/**
 * {@code Get-ADDefaultDomainPasswordPolicy} (MinPasswordLength, LockoutThreshold, ComplexityEnabled, …) as
 * {@code ConvertTo-Json}: the domain's default password and lockout policy. Fine-grained password policies are not
 * read (a school using them is told so in PWD-01's check text).
 */
public final class AdPasswordPolicyParser implements Parser {
    @Override
    public String id() { return "ad-password-policy"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode p = Json.single(obs.output(), "Get-ADDefaultDomainPasswordPolicy", "MinPasswordLength",
                "LockoutThreshold", "ComplexityEnabled");
        return List.of(new PasswordPolicy(obs.deviceId(), obs.probeId(), "domain", Json.count(p, "MinPasswordLength"),
                Json.count(p, "LockoutThreshold"), Json.bool(p, "ComplexityEnabled")));
    }
}
