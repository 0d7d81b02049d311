package io.auditor.rules;

import io.auditor.model.PolicyProfile;
import io.auditor.model.facts.DirectoryAccount;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example profiles shipped for schools load without problems and mean what their comments say. */
class SampleProfilesTest {
    static final Path PROFILES = Path.of("..", "samples", "profiles");

    @Test
    void primarySchoolExample() throws Exception {
        PolicyProfile p = ProfileLoader.load(PROFILES.resolve("primary.yaml"));
        assertEquals("Example Primary School 2026/27", p.name());
        assertEquals(64, p.sha256().length());
        assertEquals(21, p.integer("patch.maxAgeDays"));
        assertEquals(3, p.integer("admins.maxPerDomain"));
        assertEquals("Network Username", p.value("roster.accountColumn"));
        assertEquals(8, Accounts.requiredPasswordLength(p), "MFA recorded: the shorter length applies");
        assertEquals(12, p.integer("password.minLength"), "keys left out keep their defaults");
        DirectoryAccount pupil = new DirectoryAccount("dc", "ad-accounts", null, "EXAMPLEPRIMARY\\y3smith", true,
                null, null, "CN=y3smith,OU=Year 3,OU=Pupils,DC=example,DC=local", List.of());
        assertEquals("in OU Pupils", Accounts.studentBy(p, pupil));
        assertTrue(p.listMatches("admins.approved", "examplePrimary\\SUPPORT-JBLOGGS"));
    }

    @Test
    void secondarySchoolExample() throws Exception {
        PolicyProfile p = ProfileLoader.load(PROFILES.resolve("secondary.yaml"));
        assertEquals("Example Secondary Academy 2026/27", p.name());
        assertEquals(12, Accounts.requiredPasswordLength(p));
        assertEquals(5, p.integer("password.maxLockoutThreshold"));
        assertEquals(5, p.integer("backup.failureWindowRuns"));
        DirectoryAccount sixthFormer = new DirectoryAccount("dc", "ad-accounts", null, "EXAMPLESEC\\21lee", true,
                null, null, "CN=21lee,OU=BYOD,DC=example,DC=local", List.of("Year 12"));
        assertEquals("member of group Year 12", Accounts.studentBy(p, sixthFormer));
        assertTrue(p.listMatches("roster.exempt", "a-jb"));
        assertFalse(p.listMatches("roster.exempt", "jbloggs"));
    }

    @Test
    void theGeneratedDefaultProfileLoadsAsTheDefaults() throws Exception {
        PolicyProfile p = ProfileLoader.load(PROFILES.resolve("default.yaml"));
        assertEquals(ProfileLoader.defaults().values(), p.values());
    }

    @Test
    void theSampleEstateProfileLoads() throws Exception {
        Path estate = Path.of("..", "samples", "estate", "profile.yaml");
        PolicyProfile p = ProfileLoader.load(estate);
        assertEquals("Login", p.value("roster.accountColumn"));
        assertTrue(Files.size(estate) > 0);
    }
}
