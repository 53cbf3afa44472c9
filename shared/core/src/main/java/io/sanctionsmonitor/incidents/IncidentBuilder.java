package io.sanctionsmonitor.incidents;

import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.query.FindingFacts;
import io.sanctionsmonitor.query.FindingFilter;
import io.sanctionsmonitor.query.PagePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the findings of one incident as they come in {@link IncidentOrder}: a finding joins while it has the
 * same key and its period starts on or before the latest end seen so far (periods overlap, transitively).
 */
final class IncidentBuilder {

    private final FindingFacts first;
    private final String keyPrefix;
    private final List<IncidentMember> members = new ArrayList<>();
    private String latestEnd;
    private PagePosition lastPosition;

    IncidentBuilder(IncidentMember member, PagePosition position) {
        this.first = member.facts();
        this.keyPrefix = IncidentOrder.keyPrefix(first);
        this.latestEnd = first.periodEnd();
        add(member, position);
    }

    boolean joins(IncidentMember member) {
        FindingFacts f = member.facts();
        return f.category() == first.category() && IncidentOrder.keyPrefix(f).equals(keyPrefix)
                && f.periodStart().compareTo(latestEnd) <= 0;
    }

    void add(IncidentMember member, PagePosition position) {
        members.add(member);
        if (member.facts().periodEnd().compareTo(latestEnd) > 0) {
            latestEnd = member.facts().periodEnd();
        }
        lastPosition = position;
    }

    /** Where a page that ends with this incident resumes. */
    PagePosition lastPosition() {
        return lastPosition;
    }

    /** The incident concerns the filter when any of its findings matches it. */
    boolean matches(FindingFilter filter) {
        return members.stream().anyMatch(m -> filter.matches(m.facts()));
    }

    Incident build() {
        Set<String> items = new LinkedHashSet<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Set<String> reports = new LinkedHashSet<>();
        String firstReported = null;
        String latestReported = null;
        Certainty strongest = Certainty.SPECULATIVE;
        for (IncidentMember m : members) {
            Finding f = m.finding();
            items.addAll(f.items());
            if (f.attributedTo().isEmpty()) {
                sources.putIfAbsent(FindingFacts.normalSource(m.reportSource()), m.reportSource());
            }
            for (String source : f.attributedTo()) {
                sources.putIfAbsent(FindingFacts.normalSource(source), source);
            }
            reports.add(f.documentId());
            if (m.reportDate() != null) {
                firstReported = firstReported == null || m.reportDate().compareTo(firstReported) < 0 ? m.reportDate() : firstReported;
                latestReported = latestReported == null || m.reportDate().compareTo(latestReported) > 0 ? m.reportDate() : latestReported;
            }
            if (m.facts().certainty().compareTo(strongest) > 0) {
                strongest = m.facts().certainty();
            }
        }
        boolean dated = first.hasPeriod();
        String key = first.category().name() + IncidentOrder.PART + keyPrefix + IncidentOrder.PART + first.periodStart();
        return new Incident(key, first.category(), first.from(), first.to(), first.itemType(),
                Clip.all(List.copyOf(items), Clip.MAX_NAMES), dated ? first.periodStart() : null, dated ? latestEnd : null,
                sources.size(), Clip.all(List.copyOf(sources.values()), Clip.MAX_NAMES),
                reports.size(), firstReported, latestReported, strongest, members.size(),
                members.stream().limit(Incident.MAX_LISTED).map(IncidentFinding::of).toList());
    }
}
