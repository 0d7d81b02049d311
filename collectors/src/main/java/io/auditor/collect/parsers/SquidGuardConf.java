package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * squidGuard's own configuration file ({@code squidGuard.conf}): {@code src}, {@code dest}, {@code rewrite} and the
 * {@code acl} block whose entries say {@code pass !adult !gambling all}. A destination's category is the folder of
 * its {@code domainlist} ({@code adult/domains} → {@code adult}), else its name.
 */
final class SquidGuardConf {
    private static final Pattern BLOCK = Pattern.compile("(src|dest|rewrite)\\s+([\\w.-]+)\\s*(?:within\\s+\\S+\\s*)?\\{");

    private SquidGuardConf() {}

    static void read(List<String> lines, WebFilterFacts out, Set<String> safe, List<String> how) throws UnrecognisedOutputException {
        Map<String, String> destCategory = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> rewriteText = new LinkedHashMap<>();
        String block = null;
        String name = null;
        boolean inAcl = false;
        String aclEntry = null;
        List<String[]> passes = new ArrayList<>();
        List<String> passOwners = new ArrayList<>();
        List<String> rewriteOwners = new ArrayList<>();
        List<String> rewrites = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            Matcher b = BLOCK.matcher(s);
            if (depth == 0 && b.lookingAt()) {
                block = b.group(1);
                name = b.group(2);
                depth = 1;
                s = s.substring(b.end()).strip();
                if (s.isEmpty()) continue;
            } else if (depth == 0 && s.matches("acl\\s*\\{.*")) {
                inAcl = true;
                depth = 1;
                continue;
            }
            if (depth == 0) continue; // dbhome, logdir, time blocks' contents
            if (inAcl && depth == 1 && s.matches("[\\w.-]+(\\s+(within|outside)\\s+\\S+)?\\s*\\{.*")) {
                aclEntry = s.split("\\s+")[0].replace("{", "");
                depth = 2;
                continue;
            }
            if (s.startsWith("}")) {
                depth--;
                if (depth == 0) { inAcl = false; block = null; }
                if (depth == 1 && inAcl) aclEntry = null;
                continue;
            }
            String[] w = s.replace("}", "").strip().split("\\s+");
            if (inAcl && aclEntry != null && w[0].equals("pass")) {
                passes.add(w);
                passOwners.add(aclEntry);
            } else if (inAcl && aclEntry != null && w[0].equals("rewrite") && w.length > 1) {
                rewriteOwners.add(aclEntry);
                rewrites.add(w[1]);
            } else if ("dest".equals(block) && (w[0].equals("domainlist") || w[0].equals("urllist")) && w.length > 1) {
                destCategory.putIfAbsent(name, w[1].contains("/") ? w[1].substring(0, w[1].lastIndexOf('/')) : name);
            } else if ("src".equals(block) && w.length > 1) {
                sources.merge(name, String.join(" ", List.of(w).subList(1, w.length)), (a, c) -> a + " " + c);
            } else if ("rewrite".equals(block)) {
                rewriteText.merge(name, s, (a, c) -> a + "\n" + c);
            }
            if (s.endsWith("}")) {
                depth--;
                if (depth == 0) { inAcl = false; block = null; }
            }
        }
        if (passes.isEmpty()) {
            throw new UnrecognisedOutputException("squidGuard.conf has no acl entry with a pass line", 0);
        }
        boolean everySafe = true;
        boolean bingEverywhere = true;
        for (int i = 0; i < passes.size(); i++) {
            String policy = passOwners.get(i);
            List<String> blocked = new ArrayList<>();
            String rest = "all";
            for (String t : List.of(passes.get(i)).subList(1, passes.get(i).length)) {
                if (t.startsWith("!")) {
                    String d = t.substring(1);
                    if (!d.equals("in-addr")) blocked.add(destCategory.getOrDefault(d, d));
                } else if (t.equals("all") || t.equals("none")) rest = t;
            }
            String appliesTo = policy.equals("default") ? "every client no other acl matches"
                    : sources.getOrDefault(policy, "source " + policy);
            out.policy(policy, appliesTo, true, blocked);
            if (blocked.isEmpty() && !rest.equals("none")) {
                out.exemption("policy", policy, "squidGuard acl '" + policy + "' for " + appliesTo + " blocks no category");
            }
            String rw = rewriteOwners.contains(policy) ? rewriteText.getOrDefault(rewrites.get(rewriteOwners.indexOf(policy)), "") : "";
            everySafe &= rw.contains("safe=active") || rw.contains("safe=strict");
            bingEverywhere &= rw.contains("adlt=strict");
        }
        if (everySafe) {
            safe.add("google");
            how.add("squidGuard rewrites Google searches to safe=active in every acl");
        }
        if (bingEverywhere) {
            safe.add("bing");
            how.add("squidGuard rewrites Bing searches to adlt=strict in every acl");
        }
    }
}
