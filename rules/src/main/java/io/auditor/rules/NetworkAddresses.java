package io.auditor.rules;

import io.auditor.model.PolicyProfile;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Address checks for the inventory controls: whether an IP lies in one of the profile's approved ranges (CIDR, IPv4
 * or IPv6), whether a MAC matches an approved pattern, and a MAC's vendor prefix (OUI) for evidence.
 */
public final class NetworkAddresses {
    private NetworkAddresses() {}

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]+");

    /** True when {@code ip} lies in any CIDR range ({@code 10.20.200.0/22}) or equals any address in the list {@code key}. */
    public static boolean inRanges(PolicyProfile profile, String key, String ip) {
        if (ip == null) return false;
        for (String range : profile.list(key)) {
            if (inRange(ip, range)) return true;
        }
        return false;
    }

    public static boolean inRange(String ip, String range) {
        byte[] a = literal(ip);
        String r = range.strip();
        int slash = r.indexOf('/');
        byte[] net = literal(slash < 0 ? r : r.substring(0, slash));
        if (a == null || net == null || a.length != net.length) return false;
        int bits = prefixBits(r, slash, net.length);
        if (bits < 0) return false;
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (net[i / 8] & mask)) return false;
        }
        return true;
    }

    /** True when a range is written correctly; used to explain a profile typo rather than silently never match. */
    public static boolean validRange(String range) {
        String r = range.strip();
        int slash = r.indexOf('/');
        byte[] net = literal(slash < 0 ? r : r.substring(0, slash));
        return net != null && prefixBits(r, slash, net.length) >= 0;
    }

    /** The prefix length after the slash (the whole address when there is none), or -1 when it is not valid. */
    private static int prefixBits(String range, int slash, int addressBytes) {
        if (slash < 0) return addressBytes * 8;
        try {
            int bits = Integer.parseInt(range.substring(slash + 1));
            return bits >= 0 && bits <= addressBytes * 8 ? bits : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** True when {@code mac} matches an entry (case-insensitive glob, e.g. {@code 3c:22:fb:*}) of the list {@code key}. */
    public static boolean macApproved(PolicyProfile profile, String key, String mac) {
        return ProfileList.matches(profile, key, mac);
    }

    /** The first three octets, upper case: {@code 3C:22:FB}, or {@code unknown}. */
    public static String vendorPrefix(String mac) {
        if (mac == null || mac.length() < 8) return "unknown";
        return mac.substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** Parses only numeric literals: never a name lookup, so a device's text cannot make the auditor query DNS. */
    private static byte[] literal(String s) {
        if (s == null || s.isEmpty() || !LITERAL.matcher(s).matches()) return null;
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
