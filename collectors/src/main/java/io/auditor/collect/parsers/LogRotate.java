package io.auditor.collect.parsers;

import java.util.List;
import java.util.Map;

/** Days of logs logrotate keeps for Squid's access log: {@code rotate N} times the period (daily 1, weekly 7, monthly 30). */
final class LogRotate {
    private LogRotate() {}

    /** Null when no logrotate section for Squid was printed or it has no {@code rotate} count. */
    static Integer days(Map<String, List<String>> files) {
        for (Map.Entry<String, List<String>> f : files.entrySet()) {
            if (!f.getKey().contains("logrotate")) continue;
            Integer rotate = null;
            int period = 1;
            boolean squid = false;
            for (String l : f.getValue()) {
                String s = l.strip();
                if (s.startsWith("#")) continue;
                if (s.contains("/var/log/squid")) squid = true;
                if (s.equals("weekly")) period = 7;
                if (s.equals("monthly")) period = 30;
                if (s.equals("daily")) period = 1;
                if (s.matches("rotate\\s+\\d{1,5}")) rotate = Integer.parseInt(s.split("\\s+")[1]);
            }
            if (squid && rotate != null) return rotate * period;
        }
        return null;
    }
}
