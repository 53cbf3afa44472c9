package io.sanctionsmonitor.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sanctionsmonitor.model.Category;
import io.sanctionsmonitor.model.Certainty;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.query.FindingFilter;
import io.sanctionsmonitor.query.Page;
import io.sanctionsmonitor.query.PagePosition;
import io.sanctionsmonitor.testing.SampleFindings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How findings become incidents, and where a page of incidents may end. */
class IncidentPagerTest {

    private final List<IncidentMember> members = new ArrayList<>();

    @Test
    void periodsThatOverlapOneByOneChainIntoOneIncident() {
        add("air defence systems", "2024-01/2024-03", "MSMT");
        add("air defence systems", "2024-03/2024-06", "South Korea");
        add("air defence systems", "2024-06/2024-09", "MSMT");
        add("air defence systems", "2024-11", "Ukraine");

        List<Incident> incidents = all(FindingFilter.NONE);

        assertEquals(2, incidents.size(), "January-March and June-September meet through March-June");
        assertEquals(3, incidents.get(0).findingCount());
        assertEquals(2, incidents.get(0).sourceCount(), "MSMT twice is one source");
        assertEquals("2024-09-30", incidents.get(0).periodEnd());
        assertEquals("2024-11-01", incidents.get(1).periodStart());
    }

    @Test
    void anOngoingPeriodTakesInEveryLaterOneAndUndatedFindingsStandApart() {
        add("air defence systems", "2023-09/", "MSMT");
        add("air defence systems", "2025-02", "South Korea");
        add("air defence systems", null, "Ukraine");

        List<Incident> incidents = all(FindingFilter.NONE);

        assertEquals(2, incidents.size());
        assertNull(incidents.get(0).periodStart(), "the undated finding sorts first, alone");
        assertEquals("9999-12-31", incidents.get(1).periodEnd());
        assertEquals(2, incidents.get(1).findingCount());
    }

    @Test
    void otherGoodsOrAnotherDirectionMakeAnotherIncident() {
        add("air defence systems", "2024", "MSMT");
        add(Category.ARMS_TRANSFER, "PRK", "RUS", "air defence systems", "2024", "MSMT");
        add(Category.ARMS_TRANSFER, "RUS", "PRK", "fighter jets", "2024", "MSMT");

        assertEquals(3, all(FindingFilter.NONE).size());
    }

    @Test
    void aFindingThatNamesNoSourceCountsItsPublisherAndTheStrongestWordingWins() {
        add("air defence systems", "2024", "MSMT");
        members.add(member(SampleFindings.finding(Category.ARMS_TRANSFER, "RUS", "PRK", List.of("air defence systems"),
                "2024", List.of(), Certainty.CONFIRMED), "Example Wire"));

        Incident incident = all(FindingFilter.NONE).get(0);

        assertEquals(List.of("MSMT", "Example Wire"), incident.sources());
        assertEquals(Certainty.CONFIRMED, incident.strongestCertainty());
    }

    @Test
    void aPageEndsBetweenIncidentsAndTheNextResumesAfterTheLastOne() {
        for (int year = 2015; year < 2025; year++) {
            add("air defence systems", Integer.toString(year), "MSMT");
            add("air defence systems", Integer.toString(year), "South Korea");
        }

        Page<Incident> first = IncidentPager.page(new MembersInMemory(members, null), FindingFilter.NONE, 3, Long.MAX_VALUE);
        Page<Incident> second = IncidentPager.page(new MembersInMemory(members, first.next()), FindingFilter.NONE, 3, Long.MAX_VALUE);

        assertEquals(List.of("2015-01-01", "2016-01-01", "2017-01-01"), starts(first));
        assertEquals(List.of("2018-01-01", "2019-01-01", "2020-01-01"), starts(second));
        assertEquals(2, second.items().get(0).findingCount(), "never split across pages");
    }

    @Test
    void theReadBudgetEndsAPageShortButReadsAnIncidentWhole() {
        for (int i = 0; i < 30; i++) {
            add("air defence systems", "2024-03", "source " + i);
        }
        add("air defence systems", "2025-03", "MSMT");

        Page<Incident> page = IncidentPager.page(new MembersInMemory(members, null), FindingFilter.NONE, 10, 5);

        assertEquals(1, page.items().size());
        assertEquals(30, page.items().get(0).findingCount(), "the 30-finding incident is read whole past the budget");
        assertEquals(Incident.MAX_LISTED, page.items().get(0).findings().size(), "but lists only the first ones");
        assertNotNull(page.next(), "and the page says there is more");
    }

    @Test
    void anIncidentIsListedWhenAnyOfItsFindingsMatches() {
        add("air defence systems", "2024", "MSMT");
        add("air defence systems", "2024", "South Korea");
        add("air defence systems", "2019", "South Korea");
        FindingFilter msmt = new FindingFilter(null, null, null, null, List.of(), null, "msmt", null, null, null);

        List<Incident> incidents = all(msmt);

        assertEquals(1, incidents.size());
        assertEquals(2, incidents.get(0).sourceCount());
    }

    private List<Incident> all(FindingFilter filter) {
        List<Incident> out = new ArrayList<>();
        PagePosition after = null;
        do {
            Page<Incident> page = IncidentPager.page(new MembersInMemory(members, after), filter, 2, Long.MAX_VALUE);
            out.addAll(page.items());
            after = page.next();
        } while (after != null);
        return out;
    }

    private void add(String item, String period, String source) {
        add(Category.ARMS_TRANSFER, "RUS", "PRK", item, period, source);
    }

    private void add(Category category, String from, String to, String item, String period, String source) {
        members.add(member(SampleFindings.finding(category, from, to, List.of(item), period, List.of(source),
                Certainty.REPORTED), "Example Monitor"));
    }

    private IncidentMember member(Finding finding, String publisher) {
        ReportDocument report = SampleFindings.document("reports/" + members.size() + ".txt", "2025-01-15T00:00:00Z");
        ReportDocument published = new ReportDocument(report.id(), report.bucket(), report.key(), report.version(),
                report.size(), report.format(), report.title(), report.published(), publisher, report.language(),
                report.status(), null, null, report.updatedAt());
        return IncidentMember.of(finding.identified(report.id(), 0), published);
    }

    private static List<String> starts(Page<Incident> page) {
        return page.items().stream().map(Incident::periodStart).toList();
    }
}
