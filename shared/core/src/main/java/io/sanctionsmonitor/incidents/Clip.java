package io.sanctionsmonitor.incidents;

import java.util.List;

/** Bounds on what an incident lists, so a page of 100 incidents stays under 2 MB whatever the findings hold. */
final class Clip {

    static final int MAX_NAMES = 20;
    static final int MAX_NAME = 100;
    static final int MAX_EVIDENCE = 300;

    private Clip() {}

    static String text(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static List<String> all(List<String> names, int max) {
        return names.stream().limit(max).map(n -> text(n, MAX_NAME)).toList();
    }
}
