package io.sanctionsmonitor.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodReaderTest {

    private final PeriodReader reader = new PeriodReader();

    private List<String> periods(String sentence, String published) {
        return reader.find(sentence, PeriodReader.Published.parse(published)).stream().map(PeriodReader.Period::value).toList();
    }

    @Test
    void intervalsOpenEndedAndSinglePeriodsFollowTheGuidelineForms() {
        assertEquals(List.of("2022-05/2022-09"), periods("It ran between May and September 2022.", null));
        assertEquals(List.of("2019/2021"), periods("It ran between 2019 and 2021.", null));
        assertEquals(List.of("2023-02/"), periods("It has run since February 2023.", null));
        assertEquals(List.of("2021/"), periods("It has run since early 2021.", null));
        assertEquals(List.of("2020-11-03"), periods("It began on November 3, 2020.", null));
        assertEquals(List.of("2018"), periods("It began in 2018.", null));
    }

    @Test
    void relativeExpressionsNeedThePublicationDate() {
        assertEquals(List.of("2023-07"), periods("It began in July of last year.", "2024-02-10"));
        assertEquals(List.of("2024"), periods("It began this year.", "2024-02-10"));
        assertEquals(List.of("2024-02-09"), periods("It began yesterday.", "2024-02-10"));
        assertEquals(List.of("2024-01"), periods("It began last month.", "2024-02-10"));
        assertEquals(List.of(), periods("It began this year.", null));
        assertEquals(List.of(), periods("It began yesterday.", "2024"));
    }

    @Test
    void halvesQuartersAndSeasonsGiveTheirMonths() {
        assertEquals(List.of("2024-01/2024-06"), periods("It ran in the first half of 2024.", null));
        assertEquals(List.of("2023-07/2023-09"), periods("It ran in the third quarter of last year.", "2024-02-10"));
        assertEquals(List.of("2025-04/2025-06"), periods("Deliveries rose in Q2 2025.", null));
        assertEquals(List.of("2022-06/2022-08"), periods("It happened during the summer of 2022.", null));
        assertEquals(List.of("2023"), periods("It happened during the winter of 2023.", null), "a winter spans two years");
        assertEquals(List.of("2024-09/"), periods("It has gone on since the autumn of 2024.", null));
        assertEquals(List.of("2022"), periods("It was the first shipment in 2022.", null), "an ordinal alone is no part");
    }

    @Test
    void aMonthWithoutYearIsTheLatestSuchMonthUpToPublication() {
        assertEquals(List.of("2025-04"), periods("The shipment left in April.", "2025-05-20"));
        assertEquals(List.of("2024-11"), periods("The shipment left in November.", "2025-05-20"));
        assertEquals(List.of("2025-02/"), periods("Shipments have run since February.", "2025-05-20"));
        assertEquals(List.of(), periods("The shipment left in April.", "2025"), "no publication month, no year");
        assertEquals(List.of("2026"), periods("Training is expected next year.", "2025-05-20"));
        assertEquals(List.of("2025-02"), periods("Most of it came from February’s exchange hack.", "2025-10-23"));
        assertEquals(List.of("2025-01/2025-09"),
                periods("Hackers took some $400 million between January and September of this year, the audit found.", "2025-10-23"));
    }

    @Test
    void theBaselineOfAComparisonIsNoPeriod() {
        assertEquals(List.of("2023"), periods("Exports reached 900 tonnes in 2023, three times more than in 2021.", null));
        assertEquals(List.of("2024"), periods("Arrivals rose in 2024, a sharp increase compared with the previous year.", "2025-03-01"));
        assertEquals(List.of("2022"), periods("Exports in 2022 were four times as many as in 2020.", null));
    }

    @Test
    void thePreviousYearCountsBackFromTheYearNamedBeforeIt() {
        assertEquals(List.of("2019", "2018"), periods("Sales doubled in 2019 and had halved the previous year.", "2025-03-01"));
        assertEquals(List.of("2024"), periods("Sales had halved the previous year.", "2025-03-01"));
    }

    @Test
    void sentencesWithoutDatesGiveNothing() {
        assertEquals(List.of(), periods("A sentence with no date at all.", "2024-02-10"));
    }

    @Test
    void aStretchOfMonthsWithoutYearIsTheLatestSuchStretchUpToPublication() {
        assertEquals(List.of("2025-03/2025-05"), periods("Deliveries ran from March to May.", "2025-08-10"));
        assertEquals(List.of("2024-11/2025-01"), periods("Deliveries ran between November and January.", "2025-02-10"));
    }

    @Test
    void aDayWithoutYearIsThatDayOfTheLatestSuchMonthButNotTheDayOfAStatement() {
        assertEquals(List.of("2025-06-14"), periods("The barge was stopped on 14 June near Dandong.", "2025-08-01"));
        assertEquals(List.of("2024-10-02"), periods("The barge was stopped on October 2 near Dandong.", "2025-08-01"));
        assertEquals(List.of(), periods("The barge was stopped, the agency said on 14 June.", "2025-08-01"));
    }

    @Test
    void aPartOfTheYearIsOfThePublicationYear() {
        assertEquals(List.of("2025-04/2025-06"), periods("Exports peaked in the second quarter of the year.", "2025-09-01"));
    }

    @Test
    void aMonthOpeningTheSentenceIsRead() {
        assertEquals(List.of("2025-03"), periods("In March, the cargo left port.", "2025-06-01"));
    }

    @Test
    void seasonsNamedRelativeToPublicationGiveTheirMonths() {
        assertEquals(List.of("2026-06/2026-08"), periods("They were hired this summer.", "2026-10-15"));
        assertEquals(List.of("2025-09/2025-11"), periods("It happened last autumn.", "2026-06-18"));
        assertEquals(List.of("2026-03/2026-05"), periods("It happened last spring.", "2026-10-15"));
        assertEquals(List.of("2027-03/2027-05"), periods("It will happen next spring.", "2026-10-15"));
        assertEquals(List.of("2025-09/"), periods("They have helped since last autumn.", "2026-04-09"));
        assertEquals(List.of(), periods("It happened last autumn.", null));
    }

    @Test
    void aDayWrittenBeforeItsMonthKeepsTheDay() {
        assertEquals(List.of("2025-11-14"), periods("The barge sailed on 14 November 2025.", null));
        assertEquals(List.of("2025-11"), periods("The barge sailed in November 2025.", null));
    }

    @Test
    void theFirstMonthsOfAYearRunFromJanuary() {
        assertEquals(List.of("2025-01/2025-08"), periods("Exports grew in the first eight months of 2025.", null));
        assertEquals(List.of("2025-01/2025-04"), periods("Exports grew in the first 4 months of this year.", "2025-07-01"));
        assertEquals(List.of(), periods("Exports grew in the first twelve months of 2025.", null),
                "two to eleven months are a part of a year; twelve are read by no rule");
    }

    @Test
    void theYearOfAnAnnualReportIsTheYearItCoversNotThePublicationYear() {
        PeriodReader.Published annual = PeriodReader.Published.parse("2024-04-15")
                .covering(PeriodReader.coveredYear("Annual Report on Export Control 2023"));
        assertEquals(List.of("2023-07/2023-12"), reader.find("Seizures rose in the second half of the year.", annual)
                .stream().map(PeriodReader.Period::value).toList());
        assertEquals(List.of("2024"), reader.find("Seizures rose this year.", annual)
                .stream().map(PeriodReader.Period::value).toList(), "this year is still the publication year");
        assertEquals(List.of("2024-07/2024-12"), periods("Seizures rose in the second half of the year.", "2024-04-15"));
        assertEquals(null, PeriodReader.coveredYear("Report on Export Control 2023"), "not an annual report");
        assertEquals(null, PeriodReader.coveredYear("Annual Review 2022-2023"), "two years: which one is unclear");
    }
}
