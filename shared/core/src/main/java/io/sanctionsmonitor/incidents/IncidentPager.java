package io.sanctionsmonitor.incidents;

import io.sanctionsmonitor.query.FindingFilter;
import io.sanctionsmonitor.query.Page;
import io.sanctionsmonitor.query.PagePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * Forms one page of incidents from findings read in {@link IncidentOrder}. Every incident on a page is whole, and
 * the next page resumes after the last finding of the page's last incident, so pages neither split nor repeat an
 * incident. An incident is listed when any of its findings matches the filter, and then with all its findings: a
 * filter on one source still shows who else reports the same activity.
 */
public final class IncidentPager {

    /** Findings in incident order, from where the page starts. */
    public interface MemberSource {

        /** A finding and the position a page ending just after it would resume from. */
        record Positioned(IncidentMember member, PagePosition position) {}

        /** The next finding, or null when there are no more. */
        Positioned next();

        /** Items read from the store so far, matching or not. */
        long read();
    }

    private IncidentPager() {}

    /**
     * @param readBudget items read after which the page ends at the next incident boundary, short, with a cursor:
     *                   a selective filter cannot make one request read the whole store. An incident is always
     *                   read whole.
     */
    public static Page<Incident> page(MemberSource source, FindingFilter filter, int limit, long readBudget) {
        List<Incident> page = new ArrayList<>();
        IncidentBuilder current = null;
        while (true) {
            MemberSource.Positioned next = source.next();
            if (next != null && current != null && current.joins(next.member())) {
                current.add(next.member(), next.position());
                continue;
            }
            if (current != null) {
                if (current.matches(filter)) {
                    page.add(current.build());
                }
                if (next != null && (page.size() == limit || source.read() >= readBudget)) {
                    return new Page<>(page, current.lastPosition());
                }
            }
            if (next == null) {
                return new Page<>(page, null);
            }
            current = new IncidentBuilder(next.member(), next.position());
        }
    }
}
