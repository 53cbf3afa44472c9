package io.sanctionsmonitor.incidents;

import io.sanctionsmonitor.query.PagePosition;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Findings held in memory as an {@link IncidentPager.MemberSource}: for tests, priming and small local runs. */
public final class MembersInMemory implements IncidentPager.MemberSource {

    private static final String AFTER = "after";

    private final List<IncidentMember> members;
    private int next;

    /** @param after a position this source returned, or null for the start */
    public MembersInMemory(List<IncidentMember> members, PagePosition after) {
        this.members = members.stream().sorted(Comparator.comparing(IncidentMember::facts, IncidentOrder.FACTS)).toList();
        if (after != null) {
            String last = after.values().getOrDefault(AFTER, "");
            while (next < this.members.size() && position(this.members.get(next)).compareTo(last) <= 0) {
                next++;
            }
        }
    }

    @Override
    public Positioned next() {
        if (next >= members.size()) {
            return null;
        }
        IncidentMember member = members.get(next++);
        return new Positioned(member, new PagePosition(Map.of(AFTER, position(member))));
    }

    @Override
    public long read() {
        return next;
    }

    /** Category ordinals are zero-padded so the text compares like the order. */
    private static String position(IncidentMember m) {
        return String.format("%02d", m.facts().category().ordinal()) + "#" + IncidentOrder.sortKey(m.facts());
    }
}
